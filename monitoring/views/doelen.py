"""The targets of one afspraak (issue #11, point 1): where each stands, its realised values
over time, a form to add or remove a target (the gemeente: `monitoring.change_doel`) and a
form to report a realised value (`monitoring.report_realisatie`: the gemeente, a trekker, a
party for its own share). One URL: the POST's `actie` says which."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.models import Afspraak
from afspraken.rules import met_recht
from afspraken.selectors import partij_organisaties
from gemeenten.forms import fouten_overnemen
from monitoring.forms_voortgang import DoelForm, RealisatieForm
from monitoring.models_voortgang import Doel, Doelrealisatie
from monitoring.selectors.doelen import doelstand, laatste_realisaties
from monitoring.voortgang import doel_vastleggen, doel_verwijderen, realisatie_melden


class DoelenView(PermissionRequiredMixin, TemplateView):
    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/doelen/afspraak.html"

    @cached_property
    def afspraak(self):
        return get_object_or_404(
            Afspraak.objects.select_related("overeenkomst__gemeente").prefetch_related("trekkers"),
            pk=self.kwargs["afspraak_pk"],
        )

    def get_permission_object(self):
        return self.afspraak

    @cached_property
    def doelen(self) -> list[Doel]:
        doelen = list(self.afspraak.doelen.select_related("partij").order_by("volgorde", "id"))
        for doel in doelen:
            doel.afspraak = self.afspraak
            doel.overeenkomst = self.afspraak.overeenkomst
        return doelen

    def _formulieren(self, data=None):
        user = self.request.user
        meldbaar = met_recht(user, "monitoring.report_realisatie", self.doelen)
        formulieren = {}
        if user.has_perm("monitoring.change_doel", self.afspraak):
            formulieren["doel"] = DoelForm(
                data, partijen=partij_organisaties(self.afspraak.overeenkomst)
            )
        if meldbaar:
            formulieren["realisatie"] = RealisatieForm(
                data, doelen=Doel.objects.filter(pk__in=meldbaar)
            )
        return formulieren

    def get_context_data(self, formulieren=None, **kwargs):
        formulieren = formulieren or self._formulieren()
        laatste = laatste_realisaties(d.pk for d in self.doelen)
        realisaties = (
            Doelrealisatie.objects.filter(doel__in=self.doelen)
            .select_related("gemeld_door", "organisatie", "doel")
            .order_by("-peildatum", "-gemeld_op")
        )
        return super().get_context_data(
            afspraak=self.afspraak,
            overeenkomst=self.afspraak.overeenkomst,
            standen=[doelstand(d, laatste.get(d.pk)) for d in self.doelen],
            realisaties=list(realisaties),
            doel_form=formulieren.get("doel"),
            realisatie_form=formulieren.get("realisatie"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        actie = request.POST.get("actie")
        formulieren = self._formulieren(request.POST)
        if actie == "verwijderen":
            return self._verwijderen(request)
        form = formulieren.get(actie)
        if form is None and not formulieren:  # huurders, other corporaties: read only
            raise PermissionDenied
        if form is None:  # no such action: the page again
            return self.render_to_response(self.get_context_data())
        if form.is_valid():
            try:
                self._uitvoeren(actie, form.cleaned_data)
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, _("Opgeslagen."))
                return HttpResponseRedirect(request.path)
        formulieren = {**self._formulieren(), actie: form}
        return self.render_to_response(self.get_context_data(formulieren=formulieren))

    def _uitvoeren(self, actie: str, data: dict) -> None:
        if actie == "doel":
            doel_vastleggen(
                overeenkomst=self.afspraak.overeenkomst,
                afspraak=self.afspraak,
                door=self.request.user,
                **data,
            )
        else:
            realisatie_melden(door=self.request.user, **data)

    def _verwijderen(self, request):
        doel = next((d for d in self.doelen if str(d.pk) == request.POST.get("doel")), None)
        if doel is None or not request.user.has_perm("monitoring.change_doel", doel):
            raise PermissionDenied
        doel_verwijderen(doel=doel, door=request.user)
        messages.success(request, _("Doel verwijderd."))
        return HttpResponseRedirect(request.path)
