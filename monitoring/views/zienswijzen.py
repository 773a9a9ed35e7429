"""The tenants' verdicts on a jaarschijf (issue #11, point 5): every party reads them, per
afspraak and summed up; a huurdersorganisatie that is party gives its verdict on several
afspraken at once while the jaarschijf is ter bespreking (rule monitoring.give_zienswijze).
A POST by anyone else is refused whole (403), nothing written."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.models import Jaarafspraak
from afspraken.selectors import jaarschijf_met_document
from monitoring.constants import Oordeel
from monitoring.selectors import zienswijzen as selectors
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
