"""Parsers for the cells version 2 of the workbook adds (WORKBOOK.md, "Version 2"): yes/no,
a jaarschijf of one or two years, validity from a date or on signing, and where a
hoofdstuk stands. Each raises waarden.Ongeldig with a Dutch reason, like waarden.
"""

import datetime
import re

from django.utils.translation import gettext as _

from afspraken.constants import Plek
from monitoring.werkboek import waarden

JA, NEE = "ja", "nee"
NA_ONDERTEKENING = "na ondertekening door alle partijen"
THEMA_PLEK = "thema:"
PLEK_OPTIES = "voor, thema:<naam>, voorraad, na, bijlage"


def ja_nee(waarde) -> bool | None:
    """`ja` / `nee` (an Excel TRUE/FALSE too); empty is None, the caller's default."""
    if isinstance(waarde, bool):
        return waarde
    inhoud = waarden.tekst(waarde).lower()
    if not inhoud:
        return None
    if inhoud in (JA, NEE):
        return inhoud == JA
    raise waarden.Ongeldig(_("{waarde} is geen ja of nee").format(waarde=waarden.toon(waarde)))


def ja_nee_tekst(waarde: bool) -> str:
    return JA if waarde else NEE


def jaartal(waarde) -> int:
    try:
        return waarden.jaar(waarde)
    except waarden.Ongeldig as exc:
        raise waarden.Ongeldig(
            _("{waarde} is geen jaartal").format(waarde=waarden.toon(waarde))
        ) from exc


def jaarschijf_jaren(waarde) -> tuple[int, int | None]:
    """(jaar, tot_jaar): `2026` is (2026, None), `2026-2027` a two-year jaarschijf."""
    eerste, laatste = waarden.jaren(waarde)
    if laatste == eerste:
        return eerste, None
    if laatste != eerste + 1:
        raise waarden.Ongeldig(
            _(
                "een jaarschijf beslaat één jaar of twee opeenvolgende jaren (zoals 2026-2027); "
                "{waarde} is dat niet"
            ).format(waarde=waarden.toon(waarde))
        )
    return eerste, laatste


def jaren_tekst(jaar: int, tot_jaar: int | None) -> int | str:
    """How the `jaar` veld writes a jaarschijf's years: a number, or `2026-2027`."""
    return f"{jaar}-{tot_jaar}" if tot_jaar else jaar


def geldig_vanaf(waarde) -> tuple[datetime.date | None, bool]:
    """(geldig_vanaf, geldig_na_ondertekening) from a date, the text `na ondertekening door
    alle partijen`, or both: `2026-01-01 na ondertekening door alle partijen`."""
    if isinstance(waarde, datetime.date):
        return waarden.datum(waarde), False
    inhoud = re.sub(r"\s+", " ", waarden.tekst(waarde)).rstrip(".").strip()
    if not inhoud:
        return None, False
    na_ondertekening = inhoud.lower().endswith(NA_ONDERTEKENING)
    datum_deel = inhoud[: -len(NA_ONDERTEKENING)].strip() if na_ondertekening else inhoud
    if not datum_deel:
        return None, True
    try:
        return waarden.datum(datum_deel), na_ondertekening
    except waarden.Ongeldig as exc:
        raise waarden.Ongeldig(
            _(
                "{waarde} is geen datum en niet '{na}' (schrijf bijvoorbeeld 2026-01-01, of "
                "2026-01-01 {na})"
            ).format(waarde=waarden.toon(waarde), na=NA_ONDERTEKENING)
        ) from exc


def geldig_vanaf_tekst(datum: datetime.date | None, na_ondertekening: bool):
    """The `geldig_vanaf` cell: a date cell, the text, both as text, or nothing."""
    if datum and na_ondertekening:
        return f"{datum.isoformat()} {NA_ONDERTEKENING}"
    if na_ondertekening:
        return NA_ONDERTEKENING
    return datum


def plek(waarde, themas: dict[str, str]) -> tuple[str, str | None]:
    """(plek, thema name) of a hoofdstuk; `themas` maps lower-case names to names."""
    inhoud = waarden.tekst(waarde)
    laag = inhoud.lower()
    if laag.startswith(THEMA_PLEK):
        naam = inhoud[len(THEMA_PLEK) :].strip()
        if naam.lower() not in themas:
            raise waarden.Ongeldig(
                _(
                    "onbekend thema {naam}; dat thema staat niet op het tabblad themas of afspraken"
                ).format(naam=waarden.toon(naam))
            )
        return Plek.THEMA, themas[naam.lower()]
    if laag in Plek.values and laag != Plek.THEMA:
        return laag, None
    raise waarden.Ongeldig(
        _("onbekende plek {waarde}; kies uit {opties}").format(
            waarde=waarden.toon(waarde), opties=PLEK_OPTIES
        )
    )


def plek_tekst(plek_waarde: str, thema: str | None) -> str:
    return f"{THEMA_PLEK}{thema}" if plek_waarde == Plek.THEMA else plek_waarde
