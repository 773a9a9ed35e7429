"""Spreadsheets and CSV files written for people: text that a spreadsheet program would
run as a formula (OWASP's CSV injection) is written as text, never as a live formula; columns
wide enough to read (#15.6) and file names that say what is in them."""

from django.utils.text import slugify
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

# What Excel, LibreOffice and Google Sheets start a formula with (tab and carriage
# return too: some programs strip them and then see the formula behind them).
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def lijkt_formule(waarde) -> bool:
    return isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS)


def csv_waarde(waarde):
    """For a CSV cell: formula-like text gets the apostrophe that makes it text."""
    return f"'{waarde}" if lijkt_formule(waarde) else waarde


def xlsx_cel(sheet, waarde) -> WriteOnlyCell:
    """For a write-only openpyxl sheet: the value itself, as a text cell when it looks like
    a formula. The value stays unchanged, so a file Driehoek writes reads back as the same
    text (the workbook's round trip), while no program evaluates it."""
    cel = WriteOnlyCell(sheet, value=waarde)
    if lijkt_formule(waarde):
        cel.data_type = "s"
    return cel


def zet_tekst(cel, waarde) -> None:
    """For a cell of a normal (not write-only) sheet: set the value, as text if needed."""
    cel.value = waarde
    if lijkt_formule(waarde):
        cel.data_type = "s"


# Column widths in characters: wide enough to read a column's header and most of its values,
# never so wide that one long text pushes the other columns off screen (it wraps instead).
MIN_BREEDTE = 8
MAX_BREEDTE = 60


def kolombreedte(waarden, minimum: int = MIN_BREEDTE, maximum: int = MAX_BREEDTE) -> int:
    """A readable width for a column holding `waarden` (its header included): the longest
    line plus a margin, within bounds."""
    langste = 0
    for waarde in waarden:
        if waarde is None:
            continue
        tekst = waarde.isoformat() if hasattr(waarde, "isoformat") else str(waarde)
        langste = max(langste, *(len(regel) for regel in tekst.split("\n")))
    return min(max(langste + 2, minimum), maximum)


def zet_breedtes(sheet, kolommen) -> None:
    """Set each column's width from its values (`kolommen`: one sequence per column, the
    header first). Works for write-only sheets too, as long as no row is written yet."""
    for nummer, waarden in enumerate(kolommen, start=1):
        sheet.column_dimensions[get_column_letter(nummer)].width = kolombreedte(waarden)


def bestandsnaam(*delen, extensie: str) -> str:
    """A download's file name from its parts, e.g. ('prestatieafspraken', 'Borger-Odoorn',
    '2026') -> 'prestatieafspraken-borger-odoorn-2026.xlsx': lower case, no spaces or
    characters a file system or a Content-Disposition header could trip over."""
    naam = "-".join(filter(None, (slugify(str(deel)) for deel in delen))) or "export"
    return f"{naam}.{extensie}"
