"""The content of a workbook as plain data, checked and ready to import.

Parties are referred to by their index in `Werkboek.partijen`; `rij` is the Excel row.
"""

import datetime
from dataclasses import dataclass, field


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


@dataclass
class PartijGegevens:
    rij: int
    naam: str
    type: str
    afkorting: str = ""


@dataclass
class ThemaGegevens:
    rij: int | None
    naam: str
    letter: str = ""
    volgorde: int = 0
    toelichting: str = ""


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
    parent: str | None = None


@dataclass
class StapGegevens:
    rij: int
    code: str
    partij: int
    tekst: str


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


@dataclass
class OndertekenaarGegevens:
    rij: int
    partij: int
    naam: str
    functie: str = ""


@dataclass
class Werkboek:
    jaarschijf: JaarschijfGegevens
    partijen: list[PartijGegevens]
    themas: list[ThemaGegevens]
    afspraken: list[AfspraakGegevens]
    stappen: list[StapGegevens] = field(default_factory=list)
    voorraad: list[MutatieGegevens] = field(default_factory=list)
    voorraadstand: list[StandGegevens] = field(default_factory=list)
    ondertekenaars: list[OndertekenaarGegevens] = field(default_factory=list)
    waarschuwingen: list = field(default_factory=list)
