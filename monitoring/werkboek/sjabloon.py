"""The empty workbook people start from: every sheet with its column names and an example
row (WORKBOOK.md's examples). The example imports as it stands, so nobody starts from a
file the reader would refuse.
"""

import datetime

from monitoring.werkboek import formaat
from monitoring.werkboek.xlsx import maak_xlsx

SJABLOON_NAAM = "werkboek-sjabloon.xlsx"

VOORBEELD = {
    formaat.JAARSCHIJF.naam: [
        ("gemeente", "Voorbeeldgemeente"),
        ("cbs_code", ""),
        ("overeenkomst", "Meerjarige prestatieafspraken 2024-2028"),
        ("periode", "2024-2028"),
        ("jaar", 2026),
        ("titel", "Jaarschijf 2026 prestatieafspraken gemeente Voorbeeldgemeente"),
        ("inleiding", "Waarom deze afspraken er zijn en wat dit jaar voorop staat."),
        ("plaats", "Voorbeeldstad"),
        ("datum", datetime.date(2025, 11, 20)),
        ("geldig_tot", datetime.date(2026, 12, 31)),
        ("documentdatum", "November 2025"),
        ("status", "concept"),
        ("nummering_tonen", "ja"),
        ("grondslag", "De woonvisie van de gemeente en de biedingen van de corporatie."),
        ("geldig_vanaf", "2026-01-01 na ondertekening door alle partijen"),
    ],
    # A workbook needs exactly one gemeente, and the voorraad rows a woningcorporatie.
    formaat.PARTIJEN.naam: [
        (
            "Gemeente Voorbeeldgemeente",
            "gemeente",
            "GEM",
            "J. Jansen",
            "wethouder",
            "gemachtigd door de burgemeester, handelend namens het College van B&W",
            "de gemeente",
            "De gemeente voert de regie op het wonen.",
            None,
        ),
        (
            "Woningcorporatie Voorbeeld",
            "woningcorporatie",
            "WV",
            "P. de Vries",
            "directeur-bestuurder",
            None,
            "de corporatie",
            "Bouwt, beheert en verhuurt sociale huurwoningen.",
            None,
        ),
        ("Huurdersvereniging Voorbeeld", "huurdersorganisatie", "HV"),
    ],
    formaat.THEMAS.naam: [
        (
            "Duurzaamheid",
            "B",
            1,
            "Hoe de partijen dat aanpakken.",
            "Wat de partijen samen willen bereiken op dit thema.",
        ),
    ],
    formaat.AFSPRAKEN.naam: [
        (
            "B1",
            "Duurzaamheid",
            "prestatieafspraak",
            "De corporatie verduurzaamt haar woningen naar gemiddeld label B.",
            "Lagere energielasten voor huurders.",
            "2024-2028",
            "WV, GEM",
            "In 2026 worden 120 woningen aangepakt.",
            "op_koers",
            "120 woningen",
            "Prestaties 2026",
            "werkgroep duurzaamheid",
        ),
    ],
    formaat.STAPPEN.naam: [
        ("B1", "WV", "Verduurzaamt 120 woningen in de wijk Noord."),
        ("B1", "GEM + corporaties", "Kiezen samen de volgende wijk."),
    ],
    formaat.VOORRAAD.naam: [
        ("WV", "verduurzaming", 2026, "prognose", 120, "Wijk Noord"),
    ],
    formaat.VOORRAADSTAND.naam: [
        ("WV", formaat.STANDAARD_SEGMENT, 2025, "realisatie", 1129),
    ],
    formaat.ONDERTEKENAARS.naam: [
        ("GEM", "De heer J. Jansen", "Wethouder Volkshuisvesting", None),
    ],
    formaat.HOOFDSTUKKEN.naam: [
        ("voor", "Context", "context", "Waar de gemeente en haar partners voor staan."),
        ("thema:Duurzaamheid", "Routekaart", "overig", "De route naar aardgasvrij wonen."),
        ("na", "Geldigheid", "geldigheid", "Deze jaarschijf geldt na ondertekening."),
        ("bijlage", "Begrippen", "begrippen", "DAEB: diensten van algemeen economisch belang."),
    ],
    # Monitoring (#11): a target of an afspraak and of a theme; the year's agenda.
    formaat.DOELEN.naam: [
        (
            "B1",
            "",
            "woningen verduurzaamd",
            120,
            None,
            "",
            "woningen",
            "minimaal",
            None,
            None,
            2026,
            "WV",
            40,
            datetime.date(2026, 6, 30),
        ),
        (
            "",
            "Duurzaamheid",
            "gemiddeld energielabel",
            "B",
            None,
            "",
            "label",
            "precies",
            None,
            None,
            2028,
            "",
            None,
            None,
        ),
    ],
    formaat.AGENDA.naam: [
        ("voor 1 juli 2026", "Aanleveren activiteitenoverzicht", "WV", "activiteitenoverzicht"),
        ("uiterlijk 15 december 2026", "Ondertekening jaarschijf 2027", "allen", "ondertekening"),
    ],
}


def sjabloon_xlsx() -> bytes:
    return maak_xlsx(VOORBEELD)
