"""Helpers for the workbook tests: the fixture workbooks, changed copies of them, reading a
workbook back cell by cell, and counting every row the import could have written.
"""

import io
from pathlib import Path

import openpyxl
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from afspraken.constants import XLSX_MEDIA_TYPE

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
JAARSCHIJF_2026 = FIXTURES / "borger-odoorn-jaarschijf-2026.xlsx"
PRESTATIEAFSPRAKEN_2023 = FIXTURES / "borger-odoorn-prestatieafspraken-2023.xlsx"
HOOGEVEEN = FIXTURES / "hoogeveen-meerjarig-2023-2027.xlsx"
ALLE_FIXTURES = [JAARSCHIJF_2026, PRESTATIEAFSPRAKEN_2023, HOOGEVEEN]

# Every table of our apps, their history tables included.
APPS = ("gemeenten", "afspraken", "voorraad", "monitoring")


def tel_rijen() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for label in APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


def leeg_database():
    """Empty every table, as `manage.py flush` does, inside the test's transaction."""
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with pending deferred foreign key checks; run them now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def bewerk(bron, wijziging) -> io.BytesIO:
    """A copy of the workbook at `bron` (path or bytes) after `wijziging(workbook)`."""
    if isinstance(bron, bytes):
        bron = io.BytesIO(bron)
    werkboek = openpyxl.load_workbook(bron)
    wijziging(werkboek)
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    uitvoer.seek(0)
    uitvoer.name = "werkboek.xlsx"
    return uitvoer


def als_bestand(tmp_path, inhoud: io.BytesIO | bytes, naam="werkboek.xlsx") -> Path:
    pad = tmp_path / naam
    pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.getvalue())
    return pad


def kolom(werkblad, naam: str) -> int:
    """The 1-based column number of a column name in a sheet's header."""
    for cel in werkblad[1]:
        if str(cel.value).strip().lower() == naam:
            return cel.column
    raise KeyError(naam)


def zet_cel(werkblad, rij: int, kolomnaam: str, waarde):
    # Through .value: cell(..., value=None) would leave the old value in place.
    werkblad.cell(rij, kolom(werkblad, kolomnaam)).value = waarde


def cellen(inhoud: bytes) -> dict[str, list[tuple]]:
    """Every sheet's cell values, row by row."""
    werkboek = openpyxl.load_workbook(io.BytesIO(inhoud))
    return {blad.title: list(blad.iter_rows(values_only=True)) for blad in werkboek.worksheets}


def importeer(pad, **opties) -> str:
    uitvoer = io.StringIO()
    call_command("import_workbook", str(pad), stdout=uitvoer, stderr=io.StringIO(), **opties)
    return uitvoer.getvalue()


def uploaden_en_bevestigen(client, inhoud, **bevestiging):
    """The browser's import (#15.6): upload (a preview, nothing written), then confirm.
    Returns the confirm's response; a refused upload's own response when there is nothing
    to confirm."""
    if hasattr(inhoud, "getvalue"):
        inhoud = inhoud.getvalue()
    url = reverse("monitoring:werkboek-import")
    bestand = SimpleUploadedFile("werkboek.xlsx", inhoud, content_type=XLSX_MEDIA_TYPE)
    voorbeeld = client.post(url, {"bestand": bestand})
    if "voorbeeld" not in voorbeeld.context or voorbeeld.context.get("fouten"):
        return voorbeeld
    token = voorbeeld.context["form"]["voorbeeld"].value()
    return client.post(url, {"voorbeeld": token, **bevestiging})
