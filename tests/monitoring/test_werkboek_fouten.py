"""A workbook with any error imports nothing; every error is reported in Dutch with sheet,
Excel row, column and reason, never as a traceback (WORKBOOK.md, Errors).
"""

import io
import zipfile

import pytest
from django.core.management import CommandError, ManagementUtility

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from gemeenten.models import Gemeente, Organisatie
from monitoring.werkboek import bestand
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests import factories
from tests.monitoring.werkboeken import (
    HOOGEVEEN,
    JAARSCHIJF_2026,
    als_bestand,
    bewerk,
    importeer,
    tel_rijen,
    zet_cel,
)

pytestmark = pytest.mark.django_db

NIETS_GEWIJZIGD = "is niet geïmporteerd; er is niets gewijzigd"


def cel(blad, rij, kolom, waarde):
    def wijzig(werkboek):
        zet_cel(werkboek[blad], rij, kolom, waarde)

    return wijzig


def zonder_blad(naam):
    def wijzig(werkboek):
        del werkboek[naam]

    return wijzig


def fouten_van(tmp_path, inhoud, daarna=None) -> str:
    """Import a bad workbook over an imported one; the error text, with the database
    checked to be unchanged. `daarna` runs between the two imports.
    """
    importeer(JAARSCHIJF_2026)
    if daarna:
        daarna()
    voor = tel_rijen()
    with pytest.raises(CommandError) as fout:
        importeer(als_bestand(tmp_path, inhoud))
    assert tel_rijen() == voor
    tekst = str(fout.value)
    assert NIETS_GEWIJZIGD in tekst
    assert "Traceback" not in tekst
    return tekst


GEVALLEN = {
    "onbekende trekker": (
        cel("afspraken", 2, "trekkers", "LF, XY"),
        "afspraken, rij 2, kolom trekkers: onbekende partij 'XY'",
    ),
    "tekst waar een getal hoort": (
        cel("voorraadstand", 3, "aantal", "veel"),
        "voorraadstand, rij 3, kolom aantal: 'veel' is geen geheel getal",
    ),
    "dubbele code": (
        cel("afspraken", 3, "code", "1.1"),
        "afspraken, rij 3, kolom code: de code '1.1' staat ook in rij 2; codes zijn uniek",
    ),
    "lege verplichte cel": (
        cel("afspraken", 4, "inhoud", None),
        "afspraken, rij 4, kolom inhoud: verplicht, maar leeg",
    ),
    "periode achterstevoren": (
        cel("voorraad", 4, "periode", "2027/2026"),
        "voorraad, rij 4, kolom periode: de periode '2027/2026' loopt achteruit",
    ),
    "onbekend partijtype": (
        cel("partijen", 3, "type", "bank"),
        "partijen, rij 3, kolom type: onbekend partijtype 'bank'; kies uit gemeente, "
        "woningcorporatie, huurdersorganisatie, overig",
    ),
    "verplicht tabblad ontbreekt": (
        zonder_blad("afspraken"),
        "werkboek: het verplichte tabblad 'afspraken' ontbreekt",
    ),
    "verplichte kolom ontbreekt": (
        cel("partijen", 1, "type", "soort"),
        "partijen, rij 1, kolom type: de verplichte kolom ontbreekt",
    ),
    "jaar buiten de periode": (
        cel("jaarschijf", 6, "waarde", 2031),
        "jaarschijf, rij 6, veld jaar: het jaar 2031 valt buiten de periode",
    ),
}


@pytest.mark.parametrize("geval", list(GEVALLEN))
def test_fout_in_werkboek_wordt_gemeld_en_importeert_niets(tmp_path, geval):
    wijziging, verwacht = GEVALLEN[geval]

    tekst = fouten_van(tmp_path, bewerk(JAARSCHIJF_2026, wijziging))

    assert verwacht in tekst


def test_alle_fouten_van_een_bestand_worden_tegelijk_gemeld(tmp_path):
    def wijzig(werkboek):
        cel("afspraken", 2, "trekkers", "XY")(werkboek)
        cel("voorraadstand", 3, "aantal", "veel")(werkboek)
        cel("ondertekenaars", 4, "naam", None)(werkboek)

    tekst = fouten_van(tmp_path, bewerk(JAARSCHIJF_2026, wijzig))

    assert "afspraken, rij 2, kolom trekkers: onbekende partij 'XY'" in tekst
    assert "voorraadstand, rij 3, kolom aantal" in tekst
    assert "ondertekenaars, rij 4, kolom naam: verplicht, maar leeg" in tekst


def test_geen_xlsx(tmp_path):
    tekst = fouten_van(tmp_path, b"naam;type\nLefier;woningcorporatie\n")

    assert "dit is geen Excel-werkboek (.xlsx)" in tekst


def test_beschadigd_xlsx(tmp_path):
    inhoud = io.BytesIO()
    with zipfile.ZipFile(inhoud, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types")
        archief.writestr("xl/workbook.xml", b"\x00\xff rommel")

    tekst = fouten_van(tmp_path, inhoud.getvalue())

    assert "het bestand is beschadigd en kan niet worden gelezen" in tekst


def test_afgebroken_xlsx(tmp_path):
    helft = JAARSCHIJF_2026.read_bytes()[:5000]

    tekst = fouten_van(tmp_path, helft)

    assert "geen Excel-werkboek" in tekst or "beschadigd" in tekst


def test_te_groot_bestand(tmp_path):
    tekst = fouten_van(tmp_path, b"\0" * (bestand.MAX_BESTAND_BYTES + 1))

    assert "het bestand is groter dan 10 MB" in tekst


def test_te_veel_rijen(tmp_path, monkeypatch):
    tekst = fouten_van(
        tmp_path,
        JAARSCHIJF_2026.read_bytes(),
        daarna=lambda: monkeypatch.setattr(bestand, "MAX_RIJEN", 20),
    )

    # The voorraad sheet has 24 figures; the other sheets stay under the limit.
    assert "voorraad: meer dan 20 rijen; splits het werkboek" in tekst
    assert "afspraken: meer dan" in tekst  # 22 afspraken


def test_onbekende_kolom_en_tabblad_zijn_waarschuwingen(tmp_path, capsys):
    def wijzig(werkboek):
        zet_cel(werkboek["afspraken"], 1, "trekkers", "trekkers")
        werkboek["afspraken"].cell(1, 20, "opmerking")
        werkboek.create_sheet("notities")["A1"] = "iets"

    werkboek = lees_werkboek(bewerk(JAARSCHIJF_2026, wijzig))

    meldingen = [str(m) for m in werkboek.waarschuwingen]
    assert "notities: onbekend tabblad, genegeerd" in meldingen
    assert "afspraken, rij 1, kolom opmerking: onbekende kolom, genegeerd" in meldingen


def test_commando_eindigt_met_een_foutcode_zonder_traceback(tmp_path, capsys):
    pad = als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, cel("afspraken", 2, "trekkers", "XY")))

    with pytest.raises(SystemExit) as afloop:
        ManagementUtility(["manage.py", "import_workbook", str(pad)]).execute()

    assert afloop.value.code != 0
    fout = capsys.readouterr().err
    assert "afspraken, rij 2, kolom trekkers: onbekende partij 'XY'" in fout
    assert "Traceback" not in fout


def test_niet_bestaand_bestand(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        importeer(tmp_path / "weg.xlsx")


# -- refusals by the database side: everything written before them is rolled back ----------


def test_vastgestelde_jaarschijf_wordt_niet_overschreven(tmp_path):
    importeer(JAARSCHIJF_2026)
    Jaarschijf.objects.update(status=JaarschijfStatus.VASTGESTELD)
    voor = tel_rijen()

    def wijzig(werkboek):
        # A new party is written before the jaarschijf is reached; it must not stay behind.
        werkboek["partijen"].append(["Nieuwe Corporatie", "woningcorporatie", "NC"])
        zet_cel(werkboek["afspraken"], 2, "inhoud", "Gewijzigde tekst")

    with pytest.raises(CommandError, match="is vastgesteld"):
        importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, wijzig)))

    assert tel_rijen() == voor
    assert not Organisatie.objects.filter(naam="Nieuwe Corporatie").exists()


def test_gemeente_organisatie_van_een_andere_gemeente_draait_alles_terug(tmp_path):
    importeer(HOOGEVEEN)
    voor = tel_rijen()

    def wijzig(werkboek):
        zet_cel(werkboek["partijen"], 2, "naam", "Gemeente Hoogeveen")

    with pytest.raises(CommandError, match="is de gemeente Hoogeveen"):
        importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, wijzig)))

    assert tel_rijen() == voor
    assert not Gemeente.objects.filter(naam="Borger-Odoorn").exists()


def test_werkboek_van_een_andere_gemeente_wordt_geweigerd():
    eigen = factories.GemeenteFactory(naam="Hoogeveen")
    voor = tel_rijen()

    with pytest.raises(WerkboekFout) as fout:
        werkboek_importeren(werkboek=lees_werkboek(JAARSCHIJF_2026), gemeente=eigen)

    assert tel_rijen() == voor
    assert "u kunt alleen werkboeken van gemeente 'Hoogeveen' importeren" in str(fout.value)
