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
# Version 2's columns stand after version 1's: a version-1 file is a version-2 file with
# columns left out.
PARTIJEN = Blad(
    "partijen",
    (
        "naam",
        "type",
        "afkorting",
        "vertegenwoordiger",
        "functie",
        "mandaat",
        "aanduiding",
        "rol",
        "actief_tot",
        # Registration numbers (#14, docs/organisaties.md): an exact identity.
        "kvk",
        "l_nummer",
    ),
    ("naam", "type"),
    verplicht=True,
)
THEMAS = Blad("themas", ("naam", "letter", "volgorde", "toelichting", "doel"), ("naam",))
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
        "kop",
        "betrokkenen",
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
    ("corporatie", "segment", "jaar", "soort", "aantal", "peildatum", "toelichting"),
    ("corporatie",),  # and `jaar` or `peildatum` (monitoring.werkboek.voorraad_lezer)
)
SEGMENTEN = Blad("segmenten", ("naam", "onderdeel_van", "toelichting"), ("naam",))
ONDERTEKENAARS = Blad(
    "ondertekenaars", ("partij", "naam", "functie", "ondertekend_op"), ("partij", "naam")
)
HOOFDSTUKKEN = Blad("hoofdstukken", ("plek", "kop", "soort", "tekst"), ("plek", "kop", "tekst"))
# Monitoring (#11): targets of an afspraak or a theme, and the agreement's agenda.
DOELEN = Blad(
    "doelen",
    (
        "code",
        "thema",
        "omschrijving",
        "waarde",
        "waarde_tot",
        "circa",
        "eenheid",
        "richting",
        "basis",
        "basisdatum",
        "peiljaar",
        "partij",
        "gerealiseerd",
        "gerealiseerd_op",
    ),
    ("omschrijving", "waarde"),
)
AGENDA = Blad("agenda", ("wanneer", "wat", "wie", "soort"), ("wanneer", "wat"))

# The template's first sheet, explaining the others (monitoring.werkboek.toelichting); the
# reader passes it by.
TOELICHTING = "toelichting"

BLADEN = (
    JAARSCHIJF,
    PARTIJEN,
    THEMAS,
    AFSPRAKEN,
    STAPPEN,
    VOORRAAD,
    VOORRAADSTAND,
    SEGMENTEN,
    ONDERTEKENAARS,
    HOOFDSTUKKEN,
    DOELEN,
    AGENDA,
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
    # Version 2
    "documentdatum",
    "status",
    "nummering_tonen",
    "grondslag",
    "geldig_vanaf",
)
JAARSCHIJF_VERPLICHT = ("gemeente", "overeenkomst", "periode", "jaar")

ALLEN = "allen"

# Limits that keep a hostile or broken upload from exhausting memory (checked before openpyxl).
MAX_BESTAND_BYTES = 10 * 1024 * 1024
MAX_UITGEPAKT_BYTES = 100 * 1024 * 1024
MAX_ZIP_ONDERDELEN = 1000
MAX_RIJEN = 20_000
MAX_KOLOMMEN = 100
