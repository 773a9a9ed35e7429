"""A version-2 workbook with every new column and sheet (WORKBOOK.md, "Version 2"), built in
the test so each shape is visible where it is asserted, and helpers to change one cell."""

import datetime
import io

import openpyxl

from afspraken.spreadsheets import zet_tekst
from monitoring.werkboek import formaat

# The rows of each sheet under its header (formaat's column order).
JAARSCHIJF = [
    ("gemeente", "Proefdorp"),
    ("cbs_code", "GM0999"),
    ("overeenkomst", "Prestatieafspraken Proefdorp 2025-2028"),
    ("periode", "2025-2028"),
    ("jaar", "2026-2027"),
    ("titel", "Jaarschijf 2026-2027 gemeente Proefdorp"),
    ("inleiding", "Partijen werken samen aan wonen in Proefdorp."),
    ("plaats", "Proefstad"),
    ("datum", datetime.date(2025, 12, 1)),
    ("geldig_tot", datetime.date(2027, 12, 31)),
    ("documentdatum", "November 2025"),
    ("status", "concept"),
    ("nummering_tonen", "nee"),
    ("grondslag", "Woonvisie Proefdorp 2024 en de biedingen van de corporaties."),
    ("geldig_vanaf", "2026-01-01 na ondertekening door alle partijen"),
]
MANDAAT = "gemachtigd door de burgemeester, handelend namens het College van B&W"
PARTIJEN = [
    (
        "Gemeente Proefdorp",
        "gemeente",
        "GEM",
        "H. Heijerman",
        "wethouder",
        MANDAAT,
        "de gemeente",
        "De gemeente voert de regie op het wonen.",
        None,
    ),
    (
        "Woonstichting Een",
        "woningcorporatie",
        "W1",
        "E. Dost",
        "directeur-bestuurder",
        None,
        "de corporatie",
        "Bouwt, beheert en verhuurt.",
        None,
    ),
    # Leaves before the jaarschijf: its history stays, it is not one of `allen`.
    ("Woonstichting Twee", "woningcorporatie", "W2", None, None, None, None, None, 2025),
    ("Huurdersraad Een", "huurdersorganisatie", "HR1", None, None, None, None, None, None),
    ("Provincie Proef", "overig", "PROV", None, None, None, None, None, None),
]
THEMAS = [
    ("Beschikbaarheid", "A", 1, "De richting voor de komende jaren.", "Genoeg woningen."),
    ("Duurzaamheid", "B", 2, None, "Woningen van label B of beter."),
]
# code, thema, soort, inhoud, resultaat, periode, trekkers, stappen, status, doel, kop,
# betrokkenen
AFSPRAKEN = [
    (
        "A1",
        "Beschikbaarheid",
        "prestatieafspraak",
        "De gemeente wijst twee bouwlocaties aan.",
        None,
        "2026",
        "GEM",
        None,
        None,
        "2 locaties",
        "Prestaties gemeente 2026",
        "werkgroep wonen, zorgpartijen",
    ),
    (
        "A2",
        "Beschikbaarheid",
        "procesafspraak",
        "=SOM(A1:A3) blijft tekst, geen formule.",
        None,
        "2026-2027",
        "allen",
        "Overleg per kwartaal.",
        "op_koers",
        None,
        "Prestaties gemeente 2026",
        None,
    ),
    (
        "A3",
        "Beschikbaarheid",
        "doorkijk",
        "Na 2027 bekijken partijen de woningbehoefte opnieuw.",
        None,
        None,
        None,
        None,
        None,
        None,
        "Doorkijk naar 2028",
        None,
    ),
    (
        "B1",
        "Duurzaamheid",
        "prestatieafspraak",
        "De corporaties verduurzamen hun woningen.",
        None,
        "2025-2028",
        "W1, W2",
        None,
        None,
        None,
        None,
        None,
    ),
]
STAPPEN = [
    ("A1", "Gemeente + corporaties", "Samen de locaties kiezen."),
    ("A2", "W1, HR1", "Samen het overleg voorbereiden."),
    ("A2", "GEM", "Nodigt uit."),
    ("B1", "W1", "Verduurzaamt 40 woningen."),
]
VOORRAAD = [("W1", "nieuwbouw", 2026, "prognose", 10, None)]
ONDERTEKENAARS = [
    ("GEM", "H. Heijerman", "wethouder", None),
    ("W1", "E. Dost", "directeur-bestuurder", None),
    ("HR1", "K. de Vries", "voorzitter", None),
]
HOOFDSTUKKEN = [
    ("voor", "Context", "context", "Proefdorp groeit.\nDe vraag naar woningen stijgt."),
    ("voor", "Rollen en verantwoordelijkheden", "rollen", "Ieder doet wat hij kan."),
    ("thema:Duurzaamheid", "Routekaart", "overig", "De routekaart loopt tot 2050."),
    ("voorraad", "Toelichting op de tabellen", "overig", "Aantallen zijn prognoses."),
    ("na", "Disclaimer", "voorbehoud", "Onder voorbehoud van financiering en WSW-borging."),
    ("na", "Geldigheid", "geldigheid", "Geldig na ondertekening door alle partijen."),
    ("bijlage", "Begrippen", "begrippen", "DAEB: diensten van algemeen economisch belang."),
]
BLADEN = {
    "jaarschijf": JAARSCHIJF,
    "partijen": PARTIJEN,
    "themas": THEMAS,
    "afspraken": AFSPRAKEN,
    "stappen": STAPPEN,
    "voorraad": VOORRAAD,
    "ondertekenaars": ONDERTEKENAARS,
    "hoofdstukken": HOOFDSTUKKEN,
}


def werkboek_v2(wijzig=None, kolommen: dict[str, int] | None = None) -> io.BytesIO:
    """The full version-2 workbook; `wijzig(bladen)` may change the rows (a dict of lists)
    first; `kolommen` limits a sheet to its first columns (a version-1 header)."""
    bladen = {naam: [list(rij) for rij in rijen] for naam, rijen in BLADEN.items()}
    if wijzig is not None:
        wijzig(bladen)
    werkboek = openpyxl.Workbook()
    werkboek.remove(werkboek.active)
    koppen = {blad.naam: blad.kolommen for blad in formaat.BLADEN}
    for naam, rijen in bladen.items():
        werkblad = werkboek.create_sheet(naam)
        werkblad.append(list(koppen[naam][: (kolommen or {}).get(naam)]))
        for nummer, rij in enumerate(rijen, start=2):
            for kolom, waarde in enumerate(rij, start=1):
                # Text that looks like a formula is typed as text, as a person would ('=...).
                zet_tekst(werkblad.cell(nummer, kolom), waarde)
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    uitvoer.seek(0)
    uitvoer.name = "werkboek-v2.xlsx"
    return uitvoer


def veld(bladen, naam: str, waarde) -> None:
    """Set (or add) one veld of the jaarschijf sheet."""
    for rij in bladen["jaarschijf"]:
        if rij[0] == naam:
            rij[1] = waarde
            return
    bladen["jaarschijf"].append([naam, waarde])
