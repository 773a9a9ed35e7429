"""The sheets and columns of the workbook, as WORKBOOK.md defines them.

Reader, exporter and template all take the names and their order from here.
"""

from dataclasses import dataclass

from voorraad.constants import STANDAARD_SEGMENT  # noqa: F401 (the format's default)


@dataclass(frozen=True)
class Blad:
    naam: str
    kolommen: tuple[str, ...]
    verplichte_kolommen: tuple[str, ...]
    verplicht: bool = False


JAARSCHIJF = Blad("jaarschijf", ("veld", "waarde"), ("veld", "waarde"), verplicht=True)
PARTIJEN = Blad("partijen", ("naam", "type", "afkorting"), ("naam", "type"), verplicht=True)
THEMAS = Blad("themas", ("naam", "letter", "volgorde", "toelichting"), ("naam",))
AFSPRAKEN = Blad(
    "afspraken",
    (
        "code",
        "thema",
        "soort",
        "inhoud",
        "resultaat",
        "periode",
        "trekkers",
        "stappen",
        "status",
        "doel",
    ),
    ("code", "thema", "inhoud"),
    verplicht=True,
)
STAPPEN = Blad("stappen", ("code", "partij", "tekst"), ("code", "partij", "tekst"))
VOORRAAD = Blad(
    "voorraad",
    ("corporatie", "categorie", "periode", "soort", "aantal", "toelichting"),
    ("corporatie", "categorie", "periode"),
)
VOORRAADSTAND = Blad(
    "voorraadstand",
    ("corporatie", "segment", "jaar", "soort", "aantal"),
    ("corporatie", "jaar"),
)
ONDERTEKENAARS = Blad("ondertekenaars", ("partij", "naam", "functie"), ("partij", "naam"))

BLADEN = (
    JAARSCHIJF,
    PARTIJEN,
    THEMAS,
    AFSPRAKEN,
    STAPPEN,
    VOORRAAD,
    VOORRAADSTAND,
    ONDERTEKENAARS,
)

# The `veld` values of the jaarschijf sheet, in the order the exporter writes them.
JAARSCHIJF_VELDEN = (
    "gemeente",
    "cbs_code",
    "overeenkomst",
    "periode",
    "jaar",
    "titel",
    "inleiding",
    "plaats",
    "datum",
    "geldig_tot",
)
JAARSCHIJF_VERPLICHT = ("gemeente", "overeenkomst", "periode", "jaar")

ALLEN = "allen"

# Limits that keep a hostile or broken upload from exhausting memory (checked before openpyxl).
MAX_BESTAND_BYTES = 10 * 1024 * 1024
MAX_UITGEPAKT_BYTES = 100 * 1024 * 1024
MAX_ZIP_ONDERDELEN = 1000
MAX_RIJEN = 20_000
MAX_KOLOMMEN = 100
