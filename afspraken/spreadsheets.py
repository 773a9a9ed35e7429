"""Spreadsheets and CSV files written for people: text that a spreadsheet program would
run as a formula (OWASP's CSV injection) is written as text, never as a live formula."""

from openpyxl.cell import WriteOnlyCell

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
