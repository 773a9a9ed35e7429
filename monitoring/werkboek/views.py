"""The workbook (werkboek) in the browser: upload and import, export of a jaarschijf, and
the empty template. Reading, checking and writing live in monitoring.werkboek.

Permissions: importing asks `afspraken.add_overeenkomst` on the user's own gemeente (only
its staff may, and only for that gemeente); exporting asks `afspraken.export` on the
jaarschijf; the template only needs a login.
"""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors
from afspraken.constants import XLSX_MEDIA_TYPE
from gemeenten.models import Gemeente
from monitoring.werkboek.bestandkiezer import Bestandkiezer
from monitoring.werkboek.exporter import bestandsnaam, werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from monitoring.werkboek.sjabloon import sjabloon_xlsx

# Warnings beyond this many are summed up, so a sheet full of unknown columns stays readable.
MAX_WAARSCHUWINGEN = 10


class WerkboekForm(forms.Form):
    bestand = forms.FileField(
        label=_("Werkboek (.xlsx)"),
        help_text=_("Een Excel-werkmap in het formaat van het sjabloon."),
        widget=Bestandkiezer(attrs={"accept": f".xlsx,{XLSX_MEDIA_TYPE}"}),
    )


def xlsx_response(inhoud: bytes, naam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=XLSX_MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


class WerkboekImportView(PermissionRequiredMixin, FormView):
    """Upload a workbook of the user's own gemeente; every error shows in the page."""

    permission_required = "afspraken.add_overeenkomst"
    form_class = WerkboekForm
    template_name = "monitoring/werkboek/import.html"

    @cached_property
    def gemeente(self) -> Gemeente | None:
        # None for a superuser, who may import for any gemeente (the permission says so).
        return Gemeente.objects.van_gebruiker(self.request.user)

    def get_permission_object(self):
        return self.gemeente

    def get_context_data(self, **kwargs):
        return super().get_context_data(gemeente=self.gemeente, **kwargs)

    def form_valid(self, form):
        try:
            werkboek = lees_werkboek(form.cleaned_data["bestand"])
            resultaat = werkboek_importeren(
                werkboek=werkboek, door=self.request.user, gemeente=self.gemeente
            )
        except WerkboekFout as fout:
            return self.render_to_response(
                self.get_context_data(
                    form=form, fouten=fout.fouten, waarschuwingen=fout.waarschuwingen
                )
            )
        messages.success(self.request, resultaat.samenvatting())
        for waarschuwing in resultaat.waarschuwingen[:MAX_WAARSCHUWINGEN]:
            messages.warning(self.request, str(waarschuwing))
        if len(resultaat.waarschuwingen) > MAX_WAARSCHUWINGEN:
            messages.warning(
                self.request,
                _("En nog {aantal} waarschuwingen.").format(
                    aantal=len(resultaat.waarschuwingen) - MAX_WAARSCHUWINGEN
                ),
            )
        return redirect(
            reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": resultaat.jaarschijf.pk})
        )


class WerkboekExportView(PermissionRequiredMixin, View):
    """The jaarschijf as a workbook that imports again as it stands."""

    permission_required = "afspraken.export"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(
            selectors.jaarschijf_met_document(), pk=self.kwargs["jaarschijf_pk"]
        )

    def get_permission_object(self):
        return self.jaarschijf

    def get(self, request, *args, **kwargs):
        inhoud = werkboek_exporteren(jaarschijf=self.jaarschijf)
        return xlsx_response(inhoud, bestandsnaam(self.jaarschijf))


@login_required
def werkboek_sjabloon(request):
    return xlsx_response(sjabloon_xlsx(), "werkboek-sjabloon.xlsx")
