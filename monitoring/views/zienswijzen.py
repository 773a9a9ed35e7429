"""The tenants' verdicts on a jaarschijf (issue #11, point 5): every party reads them, per
afspraak and summed up; a huurdersorganisatie that is party gives its verdict on several
afspraken at once while the jaarschijf is ter bespreking (rule monitoring.give_zienswijze),
or on one afspraak in its row of the jaarschijf page (issue #15 point 8), where the
explanation is also placed as a remark. A POST by anyone else is refused whole (403),
nothing written."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.models import Jaarafspraak
from afspraken.selectors import jaarschijf_met_document
from gemeenten.forms import fouten_overnemen
from gemeenten.rules import actor
from monitoring.constants import Oordeel
from monitoring.forms import ZienswijzeForm
from monitoring.models_voortgang import Zienswijze
from monitoring.selectors import zienswijzen as selectors
from monitoring.services import opmerking_plaatsen
from monitoring.views.jaarschijf import rij_response
from monitoring.voortgang.zienswijzen import Oordeelregel, zienswijzen_geven


class OordeelForm(forms.Form):
    oordeel = forms.ChoiceField(
        label=gettext_lazy("Zienswijze"),
        choices=[("", gettext_lazy("geen")), *Oordeel.choices],
        required=False,
    )
    tekst = forms.CharField(label=gettext_lazy("Toelichting"), max_length=2000, required=False)


class ZienswijzenView(PermissionRequiredMixin, TemplateView):
    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/zienswijzen/jaarschijf.html"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(jaarschijf_met_document(), pk=self.kwargs["jaarschijf_pk"])

    def get_permission_object(self):
        return self.jaarschijf

    @cached_property
    def jaarafspraken(self) -> list[Jaarafspraak]:
        lijst = list(
            Jaarafspraak.objects.filter(jaarschijf=self.jaarschijf)
            .select_related("afspraak")
            .order_by("afspraak__volgorde", "afspraak__code")
        )
        for ja in lijst:
            ja.jaarschijf = self.jaarschijf
        return lijst

    @property
    def mag_geven(self) -> bool:
        return self.request.user.has_perm("monitoring.give_zienswijze", self.jaarschijf)

    def get_context_data(self, formulieren=None, **kwargs):
        per = selectors.zienswijzen_per_jaarafspraak(self.jaarschijf)
        mag = self.mag_geven
        for ja in self.jaarafspraken:
            ja.zienswijzen_lijst = per.get(ja.pk, [])
            if mag:
                ja.form = (formulieren or {}).get(ja.pk) or OordeelForm(prefix=f"ja{ja.pk}")
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            jaarafspraken=self.jaarafspraken,
            samenvatting=selectors.samenvatting(self.jaarschijf, per, len(self.jaarafspraken)),
            mag_geven=mag,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.mag_geven:
            raise PermissionDenied
        formulieren = {
            ja.pk: OordeelForm(request.POST, prefix=f"ja{ja.pk}") for ja in self.jaarafspraken
        }
        if not all(f.is_valid() for f in formulieren.values()):
            return self.render_to_response(self.get_context_data(formulieren=formulieren))
        per_pk = {ja.pk: ja for ja in self.jaarafspraken}
        regels = [
            Oordeelregel(per_pk[pk], f.cleaned_data["oordeel"], f.cleaned_data["tekst"])
            for pk, f in formulieren.items()
            if f.cleaned_data["oordeel"]
        ]
        try:
            zienswijzen_geven(regels=regels, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return self.render_to_response(self.get_context_data(formulieren=formulieren))
        messages.success(
            request, _("Zienswijze opgeslagen voor %(aantal)s afspraken.") % {"aantal": len(regels)}
        )
        return HttpResponseRedirect(request.path)


class AfspraakZienswijzeView(PermissionRequiredMixin, FormView):
    """One afspraak's verdict from its row of the jaarschijf page: the quick way beside the
    page of all verdicts. The verdict and, with `als_opmerking`, its explanation as a remark
    on the afspraak are stored together or not at all; the remark only when the text is new
    (saving a changed verdict with the same text does not place it twice). htmx gets the row
    back, with the remark and the verdict in it; a plain POST is redirected to the row; the
    form as a page of its own serves a browser without JavaScript and shows its errors."""

    permission_required = "monitoring.give_zienswijze"
    template_name = "afspraken/bewerken_form.html"
    form_class = ZienswijzeForm

    @cached_property
    def jaarafspraak(self) -> Jaarafspraak:
        return get_object_or_404(
            Jaarafspraak.objects.select_related("afspraak", "jaarschijf__overeenkomst"),
            pk=self.kwargs["jaarafspraak_pk"],
        )

    def get_permission_object(self):
        return self.jaarafspraak

    @cached_property
    def eigen(self) -> Zienswijze | None:
        return Zienswijze.objects.filter(
            jaarafspraak=self.jaarafspraak, organisatie_id=actor(self.request.user).organisatie_id
        ).first()

    def get_initial(self):
        if self.eigen is None:
            return super().get_initial()
        return {"oordeel": self.eigen.oordeel, "tekst": self.eigen.tekst}

    def get_success_url(self):
        pagina = reverse(
            "monitoring:jaarschijf", kwargs={"jaarschijf_pk": self.jaarafspraak.jaarschijf_id}
        )
        return f"{pagina}#afspraak-{self.jaarafspraak.afspraak_id}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            titel=_("Zienswijze bij afspraak %(code)s in %(jaar)s")
            % {"code": self.jaarafspraak.afspraak.code, "jaar": self.jaarafspraak.jaarschijf.jaar},
            knop=_("Zienswijze opslaan"),
            terug_url=self.get_success_url(),
            **kwargs,
        )

    def form_valid(self, form):
        ja, door = self.jaarafspraak, self.request.user
        tekst = form.cleaned_data["tekst"].strip()
        als_opmerking = bool(form.cleaned_data["als_opmerking"] and tekst)
        if self.eigen is not None and tekst == self.eigen.tekst:
            als_opmerking = False
        try:
            with transaction.atomic():
                zienswijzen_geven(
                    regels=[Oordeelregel(ja, form.cleaned_data["oordeel"], tekst)], door=door
                )
                if als_opmerking:
                    opmerking_plaatsen(
                        jaarschijf=ja.jaarschijf, jaarafspraak=ja, tekst=tekst, door=door
                    )
        except ValidationError as fout:
            fouten_overnemen(form, fout)
            return self.form_invalid(form)
        if self.request.htmx:
            return rij_response(self.request, ja.pk, ja.jaarschijf)
        messages.success(
            self.request,
            _("Uw zienswijze is opgeslagen en als opmerking geplaatst.")
            if als_opmerking
            else _("Uw zienswijze is opgeslagen."),
        )
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        if not self.request.htmx:
            return super().form_invalid(form)
        invoer = selectors.Invoer(
            oordeel=form["oordeel"].value() or "",
            tekst=form["tekst"].value() or "",
            als_opmerking=bool(form["als_opmerking"].value()),
            fouten={veld: fouten for veld, fouten in form.errors.items() if veld in form.fields},
            algemeen=tuple(form.non_field_errors()),
        )
        return rij_response(
            self.request, self.jaarafspraak.pk, self.jaarafspraak.jaarschijf, invoer
        )
