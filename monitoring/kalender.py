"""The calendar's rules: dates read from the documents' words, and the Woningwet cycle.

The documents say when in their own words: `voor 1 juli 2022`, `uiterlijk 15 december`,
`Q1 2026`, `2026-03-01`. `datum_uit_tekst` reads the date such a text names (a quarter is
its last day: that is the deadline), taking the jaarschijf's year when the text has none,
and gives None for what names no day (`najaar`, `doorlopend`): those stay text only.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from monitoring.constants import AgendaSoort

MAANDEN = {
    naam: nummer
    for nummer, namen in enumerate(
        [
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for naam in namen
}

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIEK = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}))?\b")
_WOORD = re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?\b")
_KWARTAAL = re.compile(r"\bq([1-4])\s*(\d{4})?\b")


def _datum(jaar, maand, dag) -> datetime.date | None:
    try:
        return datetime.date(int(jaar), int(maand), int(dag))
    except (TypeError, ValueError):
        return None


def datum_uit_tekst(tekst: str, jaar: int | None = None) -> datetime.date | None:
    """The day `tekst` names, or None; `jaar` fills in a text without a year."""
    tekst = (tekst or "").strip().lower()
    if m := _ISO.search(tekst):
        return _datum(*m.groups())
    if m := _WOORD.search(tekst):
        dag, maandnaam, eigen_jaar = m.groups()
        if maandnaam in MAANDEN:
            return _datum(eigen_jaar or jaar, MAANDEN[maandnaam], dag)
    if m := _NUMERIEK.search(tekst):
        dag, maand, eigen_jaar = m.groups()
        return _datum(eigen_jaar or jaar, maand, dag)
    if m := _KWARTAAL.search(tekst):
        kwartaal, eigen_jaar = m.groups()
        kwartaal_jaar = int(eigen_jaar or jaar or 0)
        if not kwartaal_jaar:
            return None
        maand = int(kwartaal) * 3
        return _datum(kwartaal_jaar, maand, calendar.monthrange(kwartaal_jaar, maand)[1])
    return None


@dataclass(frozen=True)
class StandaardMoment:
    soort: str
    wat: str
    maand: int
    dag: int


# The Woningwet's yearly rhythm (art. 44 Woningwet; the national guidance): corporaties hand
# in their bod / activiteitenoverzicht before 1 July, the agreements are signed before
# 15 December. A gemeente with its own Cyclusmoment rows replaces these.
STANDAARD_CYCLUS = (
    StandaardMoment(
        AgendaSoort.ACTIVITEITENOVERZICHT,
        _("Bod / activiteitenoverzicht corporaties"),
        7,
        1,
    ),
    StandaardMoment(AgendaSoort.ONDERTEKENING, _("Ondertekening prestatieafspraken"), 12, 15),
)


@dataclass
class KalenderItem:
    """One dated thing on a calendar, from the cycle or from an agenda row."""

    datum: datetime.date | None
    wanneer: str
    wat: str
    soort: str
    gemeente: object
    jaarschijf: object = None
    wie: tuple = ()
    afgerond: bool = False
    uid: str = ""
    agendapunt: object = None

    def is_verlopen(self, vandaag: datetime.date) -> bool:
        return self.datum is not None and self.datum < vandaag and not self.afgerond

    @property
    def soort_label(self) -> str:
        return str(AgendaSoort(self.soort).label) if self.soort in AgendaSoort.values else ""
