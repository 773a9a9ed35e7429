"""A corporatie downloads and uploads its own stock figures (issue 12, point 5): the
workbook's stock sheets as xlsx or CSV (monitoring.werkboek.voorraad_aanlevering)."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from afspraken.constants import XLSX_MEDIA_TYPE
from monitoring.werkboek import formaat
from monitoring.werkboek.bestandkiezer import Bestandkiezer
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.voorraad_aanlevering import aanleveren, als_csv, eigen_rijen, lees_bestand
from monitoring.werkboek.xlsx import maak_xlsx
from voorraad.views.cijfers import EigenCijfersMixin


class AanleverForm(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand (.xlsx of .csv)"),
        help_text=gettext_lazy(
            "De tabbladen voorraad en voorraadstand zoals de download ze geeft, of één ervan "
            "als CSV. Leeg of - is onbekend, 0 is nul."
        ),
        widget=Bestandkiezer(attrs={"accept": f".xlsx,.csv,{XLSX_MEDIA_TYPE},text/csv"}),
    )


class VoorraadDownloadView(EigenCijfersMixin, View):
    """The corporatie's own figures of an open jaarschijf: ?formaat=csv&blad=voorraadstand
    for one sheet as CSV, else all three as xlsx."""

    def get(self, request, *args, **kwargs):
        rijen = eigen_rijen(self.jaarschijf, self.corporatie)
        naam = f"voorraad-{self.corporatie.afkorting or self.corporatie.pk}-{self.jaarschijf.jaar}"
        if request.GET.get("formaat") == "csv":
            blad = (
                formaat.VOORRAADSTAND
                if request.GET.get("blad") == "voorraadstand"
                else formaat.VOORRAAD
            )
            response = HttpResponse(als_csv(rijen, blad), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{naam}-{blad.naam}.csv"'
            return response
        response = HttpResponse(maak_xlsx(rijen), content_type=XLSX_MEDIA_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
        return response


class VoorraadUploadView(EigenCijfersMixin, FormView):
    form_class = AanleverForm
    template_name = "voorraad/aanleveren.html"

    def form_valid(self, form):
        try:
            bladen = lees_bestand(form.cleaned_data["bestand"])
            mutaties, standen = aanleveren(
                bladen, self.jaarschijf, self.corporatie, self.request.user
            )
        except WerkboekFout as fout:
            return self.render_to_response(self.get_context_data(form=form, fouten=fout.fouten))
        messages.success(
            self.request,
            _("De cijfers zijn aangeleverd: %(nieuw)s nieuw, %(gewijzigd)s gewijzigd.")
            % {
                "nieuw": mutaties.nieuw + standen.nieuw,
                "gewijzigd": mutaties.gewijzigd + standen.gewijzigd,
            },
        )
        return redirect(reverse("voorraad:raster", kwargs={"jaarschijf_pk": self.jaarschijf.pk}))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            corporatie=self.corporatie,
            download_url=reverse(
                "monitoring:voorraad-download", kwargs={"jaarschijf_pk": self.jaarschijf.pk}
            ),
            **kwargs,
        )
