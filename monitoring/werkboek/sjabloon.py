"""The empty workbook people start from: every sheet with its column names and an example
row (WORKBOOK.md's examples). The example imports as it stands, so nobody starts from a
file the reader would refuse.
"""

import datetime

from monitoring.werkboek import formaat
from monitoring.werkboek.xlsx import maak_xlsx

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
    ],
    # A workbook needs exactly one gemeente, and the voorraad rows a woningcorporatie.
    formaat.PARTIJEN.naam: [
        ("Gemeente Voorbeeldgemeente", "gemeente", "GEM"),
        ("Woningcorporatie Voorbeeld", "woningcorporatie", "WV"),
        ("Huurdersvereniging Voorbeeld", "huurdersorganisatie", "HV"),
    ],
    formaat.THEMAS.naam: [
        ("Duurzaamheid", "B", 1, "Wat de partijen samen willen bereiken op dit thema."),
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
        ),
    ],
    formaat.STAPPEN.naam: [
        ("B1", "WV", "Verduurzaamt 120 woningen in de wijk Noord."),
    ],
    formaat.VOORRAAD.naam: [
        ("WV", "verduurzaming", 2026, "prognose", 120, "Wijk Noord"),
    ],
    formaat.VOORRAADSTAND.naam: [
        ("WV", formaat.STANDAARD_SEGMENT, 2025, "realisatie", 1129),
    ],
    formaat.ONDERTEKENAARS.naam: [
        ("GEM", "De heer J. Jansen", "Wethouder Volkshuisvesting"),
    ],
}


def sjabloon_xlsx() -> bytes:
    return maak_xlsx(VOORBEELD)
