"""What an import would do, shown before anything is written (issue #15, point 6).

The preview runs the real import (every service, every check) inside a transaction that is
always rolled back, and compares the jaarschijf's export before and after it. Comparing two
exports, not the file with the database, means both sides are written the same way: a
difference is a difference the import makes, and `removed` means really removed (a sheet the
file lacks keeps what is stored and shows no change).
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from afspraken import selectors
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from monitoring.werkboek import formaat, koppen
from monitoring.werkboek.data import JaarschijfGegevens, Werkboek
from monitoring.werkboek.exporter import werkboek_rijen
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import Melding

# The columns that name a row of each sheet, to pair a row before with the row after.
SLEUTELS = {
    formaat.PARTIJEN.naam: ("naam",),
    formaat.THEMAS.naam: ("naam",),
    formaat.AFSPRAKEN.naam: ("code",),
    formaat.STAPPEN.naam: ("code", "partij"),
    formaat.VOORRAAD.naam: ("corporatie", "categorie", "periode", "soort"),
    formaat.VOORRAADSTAND.naam: ("corporatie", "segment", "jaar", "peildatum", "soort"),
    formaat.SEGMENTEN.naam: ("naam",),
    formaat.ONDERTEKENAARS.naam: ("partij", "naam"),
    formaat.HOOFDSTUKKEN.naam: ("plek", "kop"),
    formaat.DOELEN.naam: ("code", "thema", "omschrijving", "partij"),
    formaat.AGENDA.naam: ("wanneer", "wat"),
}

# Rows listed per kind and sheet on the preview page; the rest are counted.
GETOOND = 50

BLADNAMEN = {
    formaat.JAARSCHIJF.naam: _("Jaarschijf"),
    formaat.PARTIJEN.naam: _("Partijen"),
    formaat.THEMAS.naam: _("Thema's"),
    formaat.AFSPRAKEN.naam: _("Afspraken"),
    formaat.STAPPEN.naam: _("Stappen"),
    formaat.VOORRAAD.naam: _("Voorraadmutaties"),
    formaat.VOORRAADSTAND.naam: _("Voorraadstanden"),
    formaat.SEGMENTEN.naam: _("Segmenten"),
    formaat.ONDERTEKENAARS.naam: _("Ondertekenaars"),
    formaat.HOOFDSTUKKEN.naam: _("Hoofdstukken"),
    formaat.DOELEN.naam: _("Doelen"),
    formaat.AGENDA.naam: _("Agenda"),
}


@dataclass(frozen=True)
class Wijziging:
    """One row that stays but changes: its name and the columns that change."""

    naam: str
    kolommen: tuple[str, ...]
    blad: str = ""

    @property
    def koppen(self) -> list[str]:
        """The changed columns as the template's Dutch headers name them."""
        if self.blad == formaat.JAARSCHIJF.naam:
            return [koppen.JAARSCHIJF_VELDEN.get(k, k) for k in self.kolommen]
        return [koppen.kop(self.blad, k) for k in self.kolommen]


@dataclass
class Bladverschil:
    blad: str
    nieuw: list[str] = field(default_factory=list)
    gewijzigd: list[Wijziging] = field(default_factory=list)
    verwijderd: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(BLADNAMEN.get(self.blad, self.blad))

    @property
    def leeg(self) -> bool:
        return not (self.nieuw or self.gewijzigd or self.verwijderd)

    def getoond(self) -> dict[str, tuple[list, int]]:
        """Per kind the rows the page lists and how many more there are: a new jaarschijf of
        500 stock rows reads as a count, not as a wall."""
        return {
            soort: (rijen[:GETOOND], max(0, len(rijen) - GETOOND))
            for soort, rijen in (
                ("nieuw", self.nieuw),
                ("gewijzigd", self.gewijzigd),
                ("verwijderd", self.verwijderd),
            )
        }


@dataclass
class Voorbeeld:
    """The import's effect per sheet, and what the confirm step must say about it."""

    jaar: str
    gemeente: str
    overeenkomst: str
    bestaand: bool
    status: str
    bladen: list[Bladverschil]
    waarschuwingen: list[Melding] = field(default_factory=list)

    @property
    def wijzigingen(self) -> list[Bladverschil]:
        return [blad for blad in self.bladen if not blad.leeg]

    @property
    def ter_bespreking(self) -> bool:
        """The import changes a jaarschijf the parties are discussing: ask explicitly."""
        return self.status == JaarschijfStatus.TER_BESPREKING and bool(self.wijzigingen)

    @property
    def status_label(self) -> str:
        return str(JaarschijfStatus(self.status).label).lower() if self.status else ""


class _Terugdraaien(Exception):
    def __init__(self, voorbeeld: Voorbeeld):
        self.voorbeeld = voorbeeld


def bestaande_jaarschijf(gegevens: JaarschijfGegevens) -> Jaarschijf | None:
    """The jaarschijf the workbook would update, matched as the bulk services match it."""
    return (
        selectors.jaarschijf_met_document()
        .filter(
            overeenkomst__gemeente__naam__iexact=gegevens.gemeente,
            overeenkomst__titel=gegevens.overeenkomst,
            jaar=gegevens.jaar,
        )
        .first()
    )


def werkboek_voorbeeld(*, werkboek: Werkboek, door, gemeente=None) -> Voorbeeld:
    """Import in a transaction that is rolled back and say what it changed. Raises what
    werkboek_importeren raises (WerkboekFout with every error, Geweigerd); writes nothing."""
    try:
        with transaction.atomic():
            bestaand = bestaande_jaarschijf(werkboek.jaarschijf)
            voor = werkboek_rijen(bestaand) if bestaand else {}
            resultaat = werkboek_importeren(werkboek=werkboek, door=door, gemeente=gemeente)
            na = werkboek_rijen(resultaat.jaarschijf)
            jaarschijf = resultaat.jaarschijf
            raise _Terugdraaien(
                Voorbeeld(
                    jaar=jaarschijf.jaren,
                    gemeente=jaarschijf.overeenkomst.gemeente.naam,
                    overeenkomst=jaarschijf.overeenkomst.titel,
                    bestaand=bestaand is not None,
                    status=bestaand.status if bestaand else "",
                    bladen=verschillen(voor, na),
                    waarschuwingen=list(resultaat.waarschuwingen),
                )
            )
    except _Terugdraaien as terug:
        return terug.voorbeeld


def verschillen(voor: dict[str, list[tuple]], na: dict[str, list[tuple]]) -> list[Bladverschil]:
    bladen = [_jaarschijf_verschil(voor.get("jaarschijf", []), na.get("jaarschijf", []))]
    for blad in formaat.BLADEN[1:]:
        bladen.append(_blad_verschil(blad, voor.get(blad.naam, []), na.get(blad.naam, [])))
    return bladen


def _waarde(waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde) if not isinstance(waarde, str) else waarde.strip()


def _jaarschijf_verschil(voor: list[tuple], na: list[tuple]) -> Bladverschil:
    verschil = Bladverschil(formaat.JAARSCHIJF.naam)
    oud = {veld: _waarde(waarde) for veld, waarde in voor}
    nieuw = {veld: _waarde(waarde) for veld, waarde in na}
    if not voor:
        verschil.nieuw.append(
            nieuw.get("titel") or str(_("jaarschijf {jaar}")).format(jaar=nieuw.get("jaar", ""))
        )
        return verschil
    velden = tuple(veld for veld in nieuw if oud.get(veld, "") != nieuw[veld])
    if velden:
        naam = nieuw.get("titel") or str(nieuw.get("jaar"))
        verschil.gewijzigd.append(Wijziging(naam, velden, formaat.JAARSCHIJF.naam))
    return verschil


def _gesleuteld(blad: formaat.Blad, rijen: list[tuple]) -> dict[tuple, dict[str, str]]:
    """Rows by their key; a key that comes back (two steps of one party for one afspraak)
    gets its occurrence number, so the n-th is paired with the n-th."""
    sleutel_kolommen = SLEUTELS[blad.naam]
    gezien: Counter = Counter()
    uit = {}
    for rij in rijen:
        waarden = {k: _waarde(w) for k, w in zip(blad.kolommen, rij, strict=False)}
        sleutel = tuple(waarden.get(k, "") for k in sleutel_kolommen)
        gezien[sleutel] += 1
        uit[(*sleutel, gezien[sleutel])] = waarden
    return uit


def _naam(sleutel: tuple) -> str:
    return " · ".join(str(deel) for deel in sleutel[:-1] if deel)


def _blad_verschil(blad: formaat.Blad, voor: list[tuple], na: list[tuple]) -> Bladverschil:
    verschil = Bladverschil(blad.naam)
    oud, nieuw = _gesleuteld(blad, voor), _gesleuteld(blad, na)
    for sleutel, waarden in nieuw.items():
        if sleutel not in oud:
            verschil.nieuw.append(_naam(sleutel))
            continue
        kolommen = tuple(k for k in blad.kolommen if oud[sleutel].get(k, "") != waarden.get(k, ""))
        if kolommen:
            verschil.gewijzigd.append(Wijziging(_naam(sleutel), kolommen, blad.naam))
    verschil.verwijderd = [_naam(sleutel) for sleutel in oud if sleutel not in nieuw]
    return verschil
