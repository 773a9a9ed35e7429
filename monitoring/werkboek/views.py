"""The workbook (werkboek) in the browser: upload, preview and import, export of a
jaarschijf, and the empty template. Reading, checking and writing live in
monitoring.werkboek.

Importing takes three actions: choose the file, upload it (which checks it and shows per
sheet what the import would add, change and remove; nothing is written), and confirm
("Importeren bevestigen"). Between the two requests the file waits in monitoring.werkboek.
bewaard; a jaarschijf ter bespreking is changed only with an explicit tick.

Permissions: importing asks `afspraken.add_overeenkomst` on the user's own gemeente (only
its staff may, and only for that gemeente); exporting asks `afspraken.export` on the
jaarschijf; the template only needs a login.
"""

import io
from functools import cached_property

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors
from afspraken.constants import XLSX_MEDIA_TYPE, JaarschijfStatus
from gemeenten.models import Gemeente
from monitoring.werkboek import bewaard
from monitoring.werkboek.bestandkiezer import Bestandkiezer
from monitoring.werkboek.exporter import bestandsnaam, werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from monitoring.werkboek.sjabloon import SJABLOON_NAAM, sjabloon_xlsx
from monitoring.werkboek.voorbeeld import bestaande_jaarschijf, werkboek_voorbeeld

# Warnings beyond this many are summed up, so a sheet full of unknown columns stays readable.
MAX_WAARSCHUWINGEN = 10


class WerkboekForm(forms.Form):
    bestand = forms.FileField(
        label=_("Werkboek (.xlsx)"),
        help_text=_("Een Excel-werkmap in het formaat van het sjabloon."),
        widget=Bestandkiezer(attrs={"accept": f".xlsx,{XLSX_MEDIA_TYPE}"}),
    )


class BevestigForm(forms.Form):
    """The confirm step: the preview's token (compared with the session's) and, when the
    import changes a jaarschijf ter bespreking, the tick that says so."""

    voorbeeld = forms.CharField(widget=forms.HiddenInput, max_length=100)
    ter_bespreking_akkoord = forms.BooleanField(
        required=False,
        label=_("Ik weet dat deze jaarschijf ter bespreking ligt en wil hem toch wijzigen"),
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

    def post(self, request, *args, **kwargs):
        if "voorbeeld" in request.POST:
            return self.bevestigen()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """The upload: check and preview; the file waits for the confirmation."""
        bestand = form.cleaned_data["bestand"]
        try:
            voorbeeld = werkboek_voorbeeld(
                werkboek=lees_werkboek(bestand), door=self.request.user, gemeente=self.gemeente
            )
        except WerkboekFout as fout:
            return self._fouten(form, fout)
        bestand.seek(0)
        token = bewaard.bewaar(self.request, bestand.read())
        return self._voorbeeld(voorbeeld, BevestigForm(initial={"voorbeeld": token}))

    def bevestigen(self):
        if "annuleren" in self.request.POST:
            bewaard.vergeet(self.request)
            messages.info(self.request, _("Het werkboek is niet geïmporteerd."))
            return redirect("monitoring:werkboek-import")
        form = BevestigForm(self.request.POST)
        inhoud = bewaard.haal_op(self.request, self.request.POST.get("voorbeeld", ""))
        if inhoud is None or not form.is_valid():
            messages.error(
                self.request,
                _("Dit voorbeeld is verlopen of al gebruikt. Kies het werkboek opnieuw."),
            )
            return redirect("monitoring:werkboek-import")
        try:
            werkboek = lees_werkboek(io.BytesIO(inhoud))
            if not form.cleaned_data["ter_bespreking_akkoord"]:
                voorbeeld = self._onbevestigd_ter_bespreking(werkboek)
                if voorbeeld is not None:
                    form.add_error(
                        "ter_bespreking_akkoord",
                        _(
                            "Deze jaarschijf ligt ter bespreking. Vink aan dat u hem toch "
                            "wilt wijzigen, of annuleer."
                        ),
                    )
                    return self._voorbeeld(voorbeeld, form)
            resultaat = werkboek_importeren(
                werkboek=werkboek, door=self.request.user, gemeente=self.gemeente
            )
        except WerkboekFout as fout:
            bewaard.vergeet(self.request)
            return self._fouten(self.get_form(self.get_form_class()), fout)
        bewaard.vergeet(self.request)
        return self._geimporteerd(resultaat)

    def _onbevestigd_ter_bespreking(self, werkboek):
        """The preview again when the import would change a jaarschijf ter bespreking (it
        may have gone ter bespreking since the preview was shown); else None."""
        bestaand = bestaande_jaarschijf(werkboek.jaarschijf)
        if bestaand is None or bestaand.status != JaarschijfStatus.TER_BESPREKING:
            return None
        voorbeeld = werkboek_voorbeeld(
            werkboek=werkboek, door=self.request.user, gemeente=self.gemeente
        )
        return voorbeeld if voorbeeld.ter_bespreking else None

    def get_form(self, form_class=None):
        if self.request.method == "POST" and "voorbeeld" in self.request.POST:
            return (form_class or self.get_form_class())()
        return super().get_form(form_class)

    def _fouten(self, form, fout: WerkboekFout):
        return self.render_to_response(
            self.get_context_data(form=form, fouten=fout.fouten, waarschuwingen=fout.waarschuwingen)
        )

    def _voorbeeld(self, voorbeeld, form):
        return render(
            self.request,
            "monitoring/werkboek/voorbeeld.html",
            {
                "voorbeeld": voorbeeld,
                "form": form,
                "gemeente": self.gemeente,
                "waarschuwingen": voorbeeld.waarschuwingen[:MAX_WAARSCHUWINGEN],
            },
        )

    def _geimporteerd(self, resultaat):
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
    return xlsx_response(sjabloon_xlsx(), SJABLOON_NAAM)
