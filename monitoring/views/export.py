"""A dashboard table as a download: CSV (semicolons, for Dutch Excel) or xlsx. Every text
goes through afspraken.spreadsheets, so text that looks like a formula stays text (#14)."""

import csv
import io

import openpyxl
from django.http import Http404, HttpResponse
from django.utils.text import slugify

from afspraken.constants import XLSX_MEDIA_TYPE
from afspraken.spreadsheets import csv_waarde, xlsx_cel, zet_breedtes
from monitoring.selectors.dashboard_tabellen import Tabel

FORMATEN = ("csv", "xlsx")


def _csv(tabel: Tabel) -> bytes:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow([csv_waarde(k) for k in tabel.kolommen])
    for rij in tabel.rijen:
        schrijver.writerow([csv_waarde("" if v is None else v) for v in rij])
    # A byte order mark lets Excel read the file as UTF-8.
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def _xlsx(tabel: Tabel) -> bytes:
    boek = openpyxl.Workbook(write_only=True)
    blad = boek.create_sheet(title=tabel.naam[:31])
    zet_breedtes(blad, zip(tabel.kolommen, *tabel.rijen, strict=False))
    blad.append([xlsx_cel(blad, k) for k in tabel.kolommen])
    for rij in tabel.rijen:
        blad.append([xlsx_cel(blad, v) for v in rij])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def tabel_response(tabel: Tabel, formaat: str, bestandsnaam: str) -> HttpResponse:
    if formaat not in FORMATEN:
        raise Http404
    inhoud, soort = (
        (_csv(tabel), "text/csv; charset=utf-8")
        if formaat == "csv"
        else (_xlsx(tabel), XLSX_MEDIA_TYPE)
    )
    response = HttpResponse(inhoud, content_type=soort)
    naam = slugify(f"{bestandsnaam}-{tabel.naam}") or tabel.naam
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response
