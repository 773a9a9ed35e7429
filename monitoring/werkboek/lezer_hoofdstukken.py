"""Reading the `hoofdstukken` sheet (version 2): the document's other texts, in order."""

from afspraken.constants import HoofdstukSoort
from afspraken.models import Hoofdstuk
from monitoring.werkboek import formaat, keuzen, waarden
from monitoring.werkboek.data import HoofdstukGegevens, ThemaGegevens
from monitoring.werkboek.rij import lengte


def lees_hoofdstukken(lezer, themas: list[ThemaGegevens]) -> list[HoofdstukGegevens] | None:
    """None without the sheet: the jaarschijf's hoofdstukken then stay as they are."""
    if formaat.HOOFDSTUKKEN.naam not in lezer.bladen:
        return None
    namen = {thema.naam.lower(): thema.naam for thema in themas}
    hoofdstukken = []
    for rij in lezer._rijen(formaat.HOOFDSTUKKEN):
        plek = rij.lees("plek", keuzen.plek, namen, verplicht=True)
        hoofdstuk = HoofdstukGegevens(
            rij=rij.nummer,
            plek=plek[0] if isinstance(plek, tuple) else "",
            thema=plek[1] if isinstance(plek, tuple) else None,
            kop=rij.tekst("kop", True, lengte(Hoofdstuk, "kop")),
            soort=rij.lees("soort", waarden.keuze, HoofdstukSoort, HoofdstukSoort.OVERIG),
            tekst=rij.tekst("tekst", True),
        )
        if rij.ok:
            hoofdstukken.append(hoofdstuk)
    return hoofdstukken
