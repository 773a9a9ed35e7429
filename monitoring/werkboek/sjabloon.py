"""The empty workbook people start from (issue #15, point 6): a first sheet "Toelichting"
explaining every sheet and column in Dutch, then every sheet with Dutch headers
(monitoring.werkboek.koppen; the reader takes them as well as the technical names), a frozen
header row, readable widths and a dropdown for every closed list. No example rows: an example
is data that would be imported. The jaarschijf sheet lists its velden, with empty values.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from afspraken.constants import HoofdstukSoort, JaarschijfStatus, Soort, Voortgang
from gemeenten.constants import OrganisatieType
from monitoring.constants import AgendaSoort, Richting
from monitoring.werkboek import formaat, koppen, toelichting
from monitoring.werkboek.keuzen import ja_nee_tekst
from voorraad.constants import STANDAARD_CATEGORIEEN, STANDAARD_SEGMENTEN, CijferSoort

SJABLOON_NAAM = "leeg-werkboek-driehoek.xlsx"
TOELICHTING_TITEL = "Toelichting"
# Dropdowns reach this far down; enough for any jaarschijf (the reader takes 20.000 rows).
LAATSTE_RIJ = 2000
JA_NEE = (ja_nee_tekst(True), ja_nee_tekst(False))


def _labels(keuzen) -> tuple[str, ...]:
    # The reader takes a choice's value or its label (waarden.keuze): people read labels.
    return tuple(str(label) for label in keuzen.labels)


def _verwijzing(blad: formaat.Blad, kolom: str) -> str:
    letter = get_column_letter(blad.kolommen.index(kolom) + 1)
    return f"{blad.naam}!${letter}$2:${letter}${LAATSTE_RIJ}"


# Closed lists: any other value is refused by the reader, so the dropdown refuses it too.
GESLOTEN = {
    (formaat.PARTIJEN.naam, "type"): _labels(OrganisatieType),
    (formaat.AFSPRAKEN.naam, "soort"): _labels(Soort),
    (formaat.AFSPRAKEN.naam, "status"): _labels(Voortgang),
    (formaat.VOORRAAD.naam, "soort"): _labels(CijferSoort),
    (formaat.VOORRAADSTAND.naam, "soort"): _labels(CijferSoort),
    (formaat.HOOFDSTUKKEN.naam, "soort"): _labels(HoofdstukSoort),
    (formaat.DOELEN.naam, "circa"): JA_NEE,
    (formaat.DOELEN.naam, "richting"): _labels(Richting),
    (formaat.AGENDA.naam, "soort"): _labels(AgendaSoort),
    (formaat.STAPPEN.naam, "code"): _verwijzing(formaat.AFSPRAKEN, "code"),
    (formaat.DOELEN.naam, "code"): _verwijzing(formaat.AFSPRAKEN, "code"),
}
# Suggestions: the dropdown offers the usual values or the parties and themes filled in
# elsewhere, but other text is allowed (names, several parties, a new category).
PARTIJ = _verwijzing(formaat.PARTIJEN, "afkorting")
SUGGESTIES = {
    (formaat.AFSPRAKEN.naam, "thema"): _verwijzing(formaat.THEMAS, "naam"),
    (formaat.AFSPRAKEN.naam, "trekkers"): PARTIJ,
    (formaat.STAPPEN.naam, "partij"): PARTIJ,
    (formaat.VOORRAAD.naam, "corporatie"): PARTIJ,
    (formaat.VOORRAAD.naam, "categorie"): STANDAARD_CATEGORIEEN,
    (formaat.VOORRAADSTAND.naam, "corporatie"): PARTIJ,
    (formaat.VOORRAADSTAND.naam, "segment"): STANDAARD_SEGMENTEN,
    (formaat.SEGMENTEN.naam, "onderdeel_van"): STANDAARD_SEGMENTEN,
    (formaat.ONDERTEKENAARS.naam, "partij"): PARTIJ,
    (formaat.HOOFDSTUKKEN.naam, "plek"): ("voor", "voorraad", "na", "bijlage"),
    (formaat.DOELEN.naam, "thema"): _verwijzing(formaat.THEMAS, "naam"),
    (formaat.DOELEN.naam, "eenheid"): ("woningen", "%", "euro", "label"),
    (formaat.DOELEN.naam, "partij"): PARTIJ,
    (formaat.AGENDA.naam, "wie"): PARTIJ,
}
# The jaarschijf sheet's velden with a closed list, in its `waarde` column.
VELD_KEUZEN = {
    "status": _labels(JaarschijfStatus),
    "nummering_tonen": JA_NEE,
}

_LANG = {"inhoud", "resultaat", "stappen", "tekst", "toelichting", "rol", "omschrijving"}
_MIDDEN = {"naam", "thema", "trekkers", "doel", "kop", "betrokkenen", "mandaat", "wat", "plek"}


def _breedte(kolom: str, kop: str) -> int:
    basis = 60 if kolom in _LANG else 28 if kolom in _MIDDEN else 14
    return max(basis, len(kop) + 4)


def _keuzelijst(lijst, gesloten: bool) -> DataValidation:
    formule = lijst if isinstance(lijst, str) else '"' + ",".join(lijst) + '"'
    validatie = DataValidation(type="list", formula1=formule, allow_blank=True)
    validatie.showDropDown = False  # openpyxl's name for "hide the arrow": keep it
    validatie.showErrorMessage = gesloten
    if gesloten:
        validatie.errorTitle = "Kies uit de lijst"
        validatie.error = "Deze waarde staat niet in de keuzelijst."
    return validatie


def _blad(werkboek: Workbook, blad: formaat.Blad) -> None:
    werkblad = werkboek.create_sheet(blad.naam)
    vet = Font(bold=True)
    for nummer, kolom in enumerate(blad.kolommen, start=1):
        kop = koppen.kop(blad.naam, kolom)
        werkblad.cell(1, nummer, kop).font = vet
        letter = get_column_letter(nummer)
        werkblad.column_dimensions[letter].width = _breedte(kolom, kop)
        gesloten = GESLOTEN.get((blad.naam, kolom))
        lijst = gesloten or SUGGESTIES.get((blad.naam, kolom))
        if lijst:
            validatie = _keuzelijst(lijst, gesloten is not None)
            werkblad.add_data_validation(validatie)
            validatie.add(f"{letter}2:{letter}{LAATSTE_RIJ}")
    werkblad.freeze_panes = "A2"
    if blad is formaat.JAARSCHIJF:
        werkblad.column_dimensions["A"].width = 28
        werkblad.column_dimensions["B"].width = 60
        for rij, veld in enumerate(formaat.JAARSCHIJF_VELDEN, start=2):
            werkblad.cell(rij, 1, koppen.JAARSCHIJF_VELDEN[veld])
            if veld in VELD_KEUZEN:
                validatie = _keuzelijst(VELD_KEUZEN[veld], True)
                werkblad.add_data_validation(validatie)
                validatie.add(f"B{rij}")


def _toelichting(werkboek: Workbook) -> None:
    werkblad = werkboek.active
    werkblad.title = TOELICHTING_TITEL
    for letter, breedte in (("A", 28), ("B", 90), ("C", 22)):
        werkblad.column_dimensions[letter].width = breedte
    vet, omloop = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    werkblad.append(["Toelichting bij het werkboek"])
    werkblad["A1"].font = Font(bold=True, size=14)
    for alinea in toelichting.INLEIDING:
        werkblad.append(["", str(alinea)])
        werkblad.cell(werkblad.max_row, 2).alignment = omloop
    for blad in formaat.BLADEN:
        uitleg, kolommen = toelichting.BLADEN[blad.naam]
        werkblad.append([])
        werkblad.append([f"Tabblad {blad.naam}", str(uitleg)])
        werkblad.cell(werkblad.max_row, 1).font = vet
        werkblad.cell(werkblad.max_row, 2).alignment = omloop
        werkblad.append(["Kolom", "Wat erin staat", "Naam in een export"])
        for cel in werkblad[werkblad.max_row]:
            cel.font = vet
        if blad is formaat.JAARSCHIJF:
            rijen = [(koppen.JAARSCHIJF_VELDEN[v], v) for v in formaat.JAARSCHIJF_VELDEN]
        else:
            rijen = [(koppen.kop(blad.naam, k), k) for k in blad.kolommen]
        for kop, naam in rijen:
            werkblad.append([kop, str(kolommen.get(naam, "")), naam])
            werkblad.cell(werkblad.max_row, 2).alignment = omloop


def sjabloon_xlsx() -> bytes:
    werkboek = Workbook()
    _toelichting(werkboek)
    for blad in formaat.BLADEN:
        _blad(werkboek, blad)
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    return uitvoer.getvalue()
