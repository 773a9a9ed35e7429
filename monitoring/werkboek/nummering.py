"""Afspraak numbering: which code a sub-afspraak falls under."""

from monitoring.werkboek.data import AfspraakGegevens


def hoofdafspraak(code: str, codes: set[str]) -> str | None:
    """The code `code` falls under: the longest other code it starts with, followed by a
    non-digit (A5a and A5-2 under A5; A10 not under A1).
    """
    for positie in range(len(code) - 1, 0, -1):
        if not code[positie].isdigit() and code[:positie] in codes:
            return code[:positie]
    return None


def zet_hoofdafspraken(afspraken: list[AfspraakGegevens]):
    """Each afspraak's parent code from the numbering alone."""
    codes = {afspraak.code for afspraak in afspraken}
    for afspraak in afspraken:
        afspraak.parent = hoofdafspraak(afspraak.code, codes)
