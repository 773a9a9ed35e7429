"""Dutch column headers (issue #15, point 6).

WORKBOOK.md names every column by a technical name (`cbs_code`, `actief_tot`); files in the
wild and every export use those, and keep working. People filling in the empty template see
a Dutch header instead (`CBS-code`, `Actief tot en met`). The reader takes both: a header is
matched without regard to case, with spaces and hyphens read as underscores, and each sheet's
Dutch headers below map to their column. The same holds for the `veld` names of the
jaarschijf sheet.
"""

from monitoring.werkboek import formaat

JAARSCHIJF_VELDEN = {
    "gemeente": "Gemeente",
    "cbs_code": "CBS-code",
    "overeenkomst": "Overeenkomst",
    "periode": "Periode",
    "jaar": "Jaar",
    "titel": "Titel",
    "inleiding": "Inleiding",
    "plaats": "Plaats van ondertekening",
    "datum": "Datum van ondertekening",
    "geldig_tot": "Geldig tot en met",
    "documentdatum": "Documentdatum",
    "status": "Status",
    "nummering_tonen": "Nummering tonen",
    "grondslag": "Grondslag",
    "geldig_vanaf": "Geldig vanaf",
}

KOPPEN: dict[str, dict[str, str]] = {
    formaat.JAARSCHIJF.naam: {"veld": "Veld", "waarde": "Waarde"},
    formaat.PARTIJEN.naam: {
        "naam": "Naam",
        "type": "Soort partij",
        "afkorting": "Afkorting",
        "vertegenwoordiger": "Vertegenwoordiger",
        "functie": "Functie",
        "mandaat": "Mandaat",
        "aanduiding": "Aanduiding",
        "rol": "Rol",
        "actief_tot": "Actief tot en met",
        "kvk": "KvK-nummer",
        "l_nummer": "L-nummer",
    },
    formaat.THEMAS.naam: {
        "naam": "Naam",
        "letter": "Letter",
        "volgorde": "Volgorde",
        "toelichting": "Toelichting",
        "doel": "Doel",
    },
    formaat.AFSPRAKEN.naam: {
        "code": "Code",
        "thema": "Thema",
        "soort": "Soort",
        "inhoud": "Afspraak",
        "resultaat": "Beoogd resultaat",
        "periode": "Periode",
        "trekkers": "Trekkers",
        "stappen": "Plan voor het jaar",
        "status": "Voortgang",
        "doel": "Doel",
        "kop": "Tussenkop",
        "betrokkenen": "Betrokkenen",
    },
    formaat.STAPPEN.naam: {"code": "Code afspraak", "partij": "Partij", "tekst": "Stap"},
    formaat.VOORRAAD.naam: {
        "corporatie": "Corporatie",
        "categorie": "Categorie",
        "periode": "Periode",
        "soort": "Soort cijfer",
        "aantal": "Aantal",
        "toelichting": "Toelichting",
    },
    formaat.VOORRAADSTAND.naam: {
        "corporatie": "Corporatie",
        "segment": "Segment",
        "jaar": "Jaar",
        "soort": "Soort cijfer",
        "aantal": "Aantal",
        "peildatum": "Peildatum",
        "toelichting": "Toelichting",
    },
    formaat.SEGMENTEN.naam: {
        "naam": "Naam",
        "onderdeel_van": "Onderdeel van",
        "toelichting": "Toelichting",
    },
    formaat.ONDERTEKENAARS.naam: {
        "partij": "Partij",
        "naam": "Naam",
        "functie": "Functie",
        "ondertekend_op": "Ondertekend op",
    },
    formaat.HOOFDSTUKKEN.naam: {"plek": "Plek", "kop": "Kop", "soort": "Soort", "tekst": "Tekst"},
    formaat.DOELEN.naam: {
        "code": "Code afspraak",
        "thema": "Thema",
        "omschrijving": "Omschrijving",
        "waarde": "Waarde",
        "waarde_tot": "Waarde tot",
        "circa": "Circa",
        "eenheid": "Eenheid",
        "richting": "Richting",
        "basis": "Basiswaarde",
        "basisdatum": "Basisdatum",
        "peiljaar": "Peiljaar",
        "partij": "Partij",
        "gerealiseerd": "Gerealiseerd",
        "gerealiseerd_op": "Gerealiseerd op",
    },
    formaat.AGENDA.naam: {"wanneer": "Wanneer", "wat": "Wat", "wie": "Wie", "soort": "Soort"},
}


def _genormaliseerd(tekst: str) -> str:
    return "_".join(tekst.strip().lower().replace("-", " ").split())


_TERUG = {
    blad: {_genormaliseerd(label): kolom for kolom, label in koppen.items()}
    for blad, koppen in KOPPEN.items()
}
_VELDEN_TERUG = {_genormaliseerd(label): veld for veld, label in JAARSCHIJF_VELDEN.items()}


def kolomnaam(blad: str, kop: str) -> str:
    """The column a header names on `blad`: its technical name, or the Dutch header's."""
    naam = _genormaliseerd(kop)
    return _TERUG.get(blad, {}).get(naam, naam)


def veldnaam(veld: str) -> str:
    naam = _genormaliseerd(veld)
    return _VELDEN_TERUG.get(naam, naam)


def kop(blad: str, kolom: str) -> str:
    return KOPPEN.get(blad, {}).get(kolom, kolom)
