"""Progress per afspraak per year (issue #11, point 2).

The jaarschijf's progress page lists every afspraak with its traffic light, the latest
explanation and a parent's roll-up; whoever may report (rule `afspraken.change_voortgang`:
the gemeente, a trekker corporatie) gets a select and a text per row and saves several at
once. One afspraak's page shows its timeline. Everyone who reads the agreement reads both.
A POST naming a row its sender may not report is refused whole (403), nothing written.
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.models import Jaarafspraak
from afspraken.rules import met_recht
from afspraken.selectors import jaarschijf_met_document
from monitoring.forms_voortgang import BulkRijForm, VoortgangForm
from monitoring.selectors import voortgang as selectors
from monitoring.voortgang import Melding, voortgang_melden, voortgang_melden_bulk


class VoortgangView(PermissionRequiredMixin, TemplateView):
    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/voortgang/jaarschijf.html"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(jaarschijf_met_document(), pk=self.kwargs["jaarschijf_pk"])

    def get_permission_object(self):
        return self.jaarschijf

    def get_context_data(self, formulieren=None, **kwargs):
        rijen = selectors.voortgangsrijen(self.request.user, self.jaarschijf)
        formulieren = formulieren or {}
        for rij in rijen:
            if rij.mag_melden:
                ja = rij.jaarafspraak
                rij.form = formulieren.get(ja.pk) or BulkRijForm(
                    prefix=f"ja{ja.pk}", initial={"versie": ja.versie}
                )
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            rijen=rijen,
            mag_melden=any(r.mag_melden for r in rijen),
            **kwargs,
        )

    def _geposte_rijen(self) -> dict[int, BulkRijForm]:
        """Every row the POST names, whoever may report it: the service decides."""
        pks = {
            int(sleutel[2:].split("-")[0])
            for sleutel in self.request.POST
            if sleutel.startswith("ja") and sleutel[2:].split("-")[0].isdigit()
        }
        return {pk: BulkRijForm(self.request.POST, prefix=f"ja{pk}") for pk in pks}

    def _mag_iets_melden(self) -> bool:
        jaarafspraken = list(
            Jaarafspraak.objects.filter(jaarschijf=self.jaarschijf)
            .select_related("afspraak")
            .prefetch_related("afspraak__trekkers")
        )
        for ja in jaarafspraken:
            ja.jaarschijf = self.jaarschijf
        return bool(met_recht(self.request.user, "afspraken.change_voortgang", jaarafspraken))

    def post(self, request, *args, **kwargs):
        # Huurders and non-trekkers read only: refused before any form is looked at.
        if not self._mag_iets_melden():
            raise PermissionDenied
        formulieren = self._geposte_rijen()
        jaarafspraken = Jaarafspraak.objects.filter(
            jaarschijf=self.jaarschijf, pk__in=list(formulieren)
        ).select_related("afspraak")
        per_pk = {ja.pk: ja for ja in jaarafspraken}
        meldingen = []
        for pk, form in formulieren.items():
            if pk not in per_pk or not form.is_valid():
                continue
            data = form.cleaned_data
            if data["status"] or data["toelichting"].strip():
                ja = per_pk[pk]
                ja.jaarschijf = self.jaarschijf
                status = data["status"] or ja.status
                meldingen.append(Melding(ja, data["versie"], status, data["toelichting"]))
        if any(not f.is_valid() for f in formulieren.values()):
            return self.render_to_response(self.get_context_data(formulieren=formulieren))
        try:
            voortgang_melden_bulk(meldingen=meldingen, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
            return self.render_to_response(self.get_context_data(formulieren=formulieren))
        messages.success(
            request,
            _("Voortgang opgeslagen voor %(aantal)s afspraken.") % {"aantal": len(meldingen)},
        )
        url = reverse("monitoring:voortgang", kwargs={"jaarschijf_pk": self.jaarschijf.pk})
        return HttpResponseRedirect(url)


class AfspraakVoortgangView(PermissionRequiredMixin, TemplateView):
    """One afspraak in one year: its timeline, and the report form for who may report."""

    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/voortgang/afspraak.html"

    @cached_property
    def jaarafspraak(self):
        return get_object_or_404(
            Jaarafspraak.objects.select_related(
                "afspraak", "jaarschijf__overeenkomst__gemeente"
            ).prefetch_related("afspraak__trekkers"),
            pk=self.kwargs["jaarafspraak_pk"],
        )

    def get_permission_object(self):
        return self.jaarafspraak

    def get_context_data(self, form=None, **kwargs):
        ja = self.jaarafspraak
        mag = self.request.user.has_perm("afspraken.change_voortgang", ja)
        if mag and form is None:
            form = VoortgangForm(initial={"status": ja.status, "versie": ja.versie})
        return super().get_context_data(
            jaarafspraak=ja,
            jaarschijf=ja.jaarschijf,
            overeenkomst=ja.jaarschijf.overeenkomst,
            meldingen=list(selectors.meldingen(ja)),
            status_label=selectors.status_label(ja.status),
            form=form if mag else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("afspraken.change_voortgang", self.jaarafspraak):
            raise PermissionDenied
        form = VoortgangForm(request.POST)
        if form.is_valid():
            try:
                voortgang_melden(
                    jaarafspraak=self.jaarafspraak,
                    versie=form.cleaned_data["versie"],
                    status=form.cleaned_data["status"],
                    toelichting=form.cleaned_data["toelichting"],
                    door=request.user,
                )
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("Voortgang opgeslagen."))
                return HttpResponseRedirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))
