"""The content of a workbook as plain data, checked and ready to import.

Parties are referred to by their index in `Werkboek.partijen`; `rij` is the Excel row.
What version 2 adds is only written when the file has it: `Werkboek.kolommen` names the
columns (and `jaarschijf` velden) the file holds, and a sheet it lacks is None, so a
version-1 file leaves what was added in Driehoek since as it is.
"""

import datetime
from dataclasses import dataclass, field

from monitoring.werkboek.koppen import Kolomnamen


@dataclass
class JaarschijfGegevens:
    gemeente: str
    cbs_code: str
    overeenkomst: str
    startdatum: datetime.date
    einddatum: datetime.date
    jaar: int
    titel: str = ""
    inleiding: str = ""
    plaats: str = ""
    datum: datetime.date | None = None
    geldig_tot: datetime.date | None = None
    tot_jaar: int | None = None
    documentdatum: str = ""
    status: str = ""
    status_rij: int | None = None
    nummering_tonen: bool | None = None
    grondslag: str = ""
    geldig_vanaf: datetime.date | None = None
    geldig_na_ondertekening: bool = False


@dataclass
class PartijGegevens:
    rij: int
    naam: str
    type: str
    afkorting: str = ""
    vertegenwoordiger: str = ""
    functie: str = ""
    mandaat: str = ""
    aanduiding: str = ""
    rol: str = ""
    actief_tot: int | None = None
    kvk_nummer: str = ""
    l_nummer: str = ""

    def actief_in(self, jaar: int | None) -> bool:
        return self.actief_tot is None or jaar is None or jaar <= self.actief_tot


@dataclass
class ThemaGegevens:
    rij: int | None
    naam: str
    letter: str = ""
    volgorde: int = 0
    toelichting: str = ""
    doel: str = ""


@dataclass
class AfspraakGegevens:
    rij: int
    code: str
    thema: str
    soort: str
    inhoud: str
    resultaat: str = ""
    periode: str = ""
    trekkers: list[int] = field(default_factory=list)
    stappen: str = ""
    status: str = ""
    doel: str = ""
    kop: str = ""
    betrokkenen: str = ""
    parent: str | None = None


@dataclass
class StapGegevens:
    """`partijen`: the parties that take the step, the first leading; `aanduiding`: the
    cell's own words when they are more than the parties' names (`Gemeente + corporaties`)."""

    rij: int
    code: str
    partijen: list[int]
    tekst: str
    aanduiding: str = ""


@dataclass
class MutatieGegevens:
    rij: int
    corporatie: int
    categorie: str
    jaar_van: int
    jaar_tot: int
    soort: str
    aantal: int | None
    toelichting: str = ""


@dataclass
class StandGegevens:
    rij: int
    corporatie: int
    segment: str
    jaar: int
    soort: str
    aantal: int | None
    peildatum: datetime.date | None = None  # version 2; None: 31 December of `jaar`
    toelichting: str = ""


@dataclass
class OndertekenaarGegevens:
    rij: int
    partij: int
    naam: str
    functie: str = ""
    ondertekend_op: datetime.date | None = None


@dataclass
class HoofdstukGegevens:
    rij: int
    plek: str
    thema: str | None
    kop: str
    soort: str
    tekst: str


@dataclass
class Werkboek:
    jaarschijf: JaarschijfGegevens
    partijen: list[PartijGegevens]
    themas: list[ThemaGegevens]
    afspraken: list[AfspraakGegevens]
    stappen: list[StapGegevens] = field(default_factory=list)
    voorraad: list[MutatieGegevens] = field(default_factory=list)
    voorraadstand: list[StandGegevens] = field(default_factory=list)
    segmenten: list = field(default_factory=list)  # voorraad_lezer.SegmentGegevens
    ondertekenaars: list[OndertekenaarGegevens] = field(default_factory=list)
    hoofdstukken: list[HoofdstukGegevens] | None = None
    # Monitoring (#11): monitoring.werkboek.doelen / agenda; None without the sheet.
    doelen: list | None = None
    agenda: list | None = None
    kolommen: dict[str, set[str]] = field(default_factory=dict)
    # How the file writes its headers, for the importer's messages.
    kolomnamen: Kolomnamen = field(default_factory=Kolomnamen)
    waarschuwingen: list = field(default_factory=list)

    def heeft(self, blad: str, kolom: str) -> bool:
        """Whether the file has this column (for `jaarschijf`: this veld)."""
        return kolom in self.kolommen.get(blad, set())
