"""Rows per sheet into an .xlsx file: shared by the export, the template and the benchmark.

Every text cell is written through afspraken.spreadsheets, so text that looks like a
formula stays text (#14) and reads back as the same text (the workbook's round trip).
"""

import datetime
import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from afspraken.spreadsheets import kolombreedte, zet_tekst
from monitoring.werkboek import formaat

# Columns holding running text may grow wide and wrap; the rest stay narrower.
_LANGE_KOLOMMEN = {"inhoud", "resultaat", "stappen", "tekst", "toelichting", "waarde", "rol"}


def _celwaarde(waarde):
    if isinstance(waarde, str):
        return ILLEGAL_CHARACTERS_RE.sub("", waarde) or None
    return waarde


def _schrijf(werkblad, nummer: int, kolom: int, waarde) -> None:
    cel = werkblad.cell(nummer, kolom)
    waarde = _celwaarde(waarde)
    if isinstance(waarde, str):
        zet_tekst(cel, waarde)
        # A text cell stays text, also where openpyxl would guess otherwise ('#N/A').
        cel.data_type = "s"
        if "\n" in waarde or len(waarde) > 60:
            cel.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        cel.value = waarde
        if isinstance(waarde, datetime.date):
            cel.number_format = "yyyy-mm-dd"


def maak_xlsx(rijen: dict[str, list[tuple]]) -> bytes:
    """An .xlsx with one sheet per entry of `rijen` (in the order of formaat.BLADEN), the
    column names in the first row."""
    werkboek = Workbook()
    werkboek.remove(werkboek.active)
    vet = Font(bold=True)
    for blad in formaat.BLADEN:
        if blad.naam not in rijen:
            continue
        werkblad = werkboek.create_sheet(blad.naam)
        for kolom, naam in enumerate(blad.kolommen, start=1):
            werkblad.cell(1, kolom, naam).font = vet
            waarden = [naam, *(rij[kolom - 1] for rij in rijen[blad.naam] if len(rij) >= kolom)]
            breedte = kolombreedte(waarden, maximum=70 if naam in _LANGE_KOLOMMEN else 40)
            werkblad.column_dimensions[get_column_letter(kolom)].width = breedte
        for nummer, rij in enumerate(rijen[blad.naam], start=2):
            for kolom, waarde in enumerate(rij, start=1):
                _schrijf(werkblad, nummer, kolom, waarde)
        werkblad.freeze_panes = "A2"
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    return uitvoer.getvalue()
