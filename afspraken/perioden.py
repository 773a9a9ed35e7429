"""How the documents write years and periods, said once for every app above.

Agreements run over whole years ("2024-2028"), stock figures count per year or year range
("2026/2027"), and stock levels are counted at a peildatum, in the documents 31 December.
"""

import datetime


def jaren_label(startjaar: int, eindjaar: int) -> str:
    """An agreement's span: '2024-2028', or '2026' for one year."""
    return str(startjaar) if startjaar == eindjaar else f"{startjaar}-{eindjaar}"


def periode_label(jaar_van: int, jaar_tot: int) -> str:
    """A stock column: '2026', or '2026/2027' for a range of years."""
    return str(jaar_van) if jaar_van == jaar_tot else f"{jaar_van}/{jaar_tot}"


def peildatum(jaar: int) -> datetime.date:
    """The day the documents count stock at: the last day of the year."""
    return datetime.date(jaar, 12, 31)


def hele_jaren(startjaar: int, eindjaar: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a span of whole years."""
    return datetime.date(startjaar, 1, 1), peildatum(eindjaar)


def looptijd_label(startdatum: datetime.date, einddatum: datetime.date) -> str:
    """An agreement's period as the documents write it: '2024-2028' for whole years, '2026'
    for one, exact dates ('02-10-2023 t/m 31-12-2027') otherwise."""
    if (startdatum.month, startdatum.day, einddatum.month, einddatum.day) != (1, 1, 12, 31):
        return f"{startdatum:%d-%m-%Y} t/m {einddatum:%d-%m-%Y}"
    return jaren_label(startdatum.year, einddatum.year)
