import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from afspraken.models import Jaarschijf
from afspraken.spreadsheets import bestandsnaam, kolombreedte
from monitoring.werkboek import formaat
from monitoring.werkboek.exporter import bestandsnaam as werkboeknaam
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.reader import lees_werkboek
from tests import factories
from tests.monitoring.werkboeken import (
    ALLE_FIXTURES,
    JAARSCHIJF_2026,
    cellen,
    importeer,
    leeg_database,
    tel_rijen,
)
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def exporteer(tmp_path, gemeente, jaar, naam="export.xlsx", **opties) -> bytes:
    pad = tmp_path / naam
    call_command(
        "export_workbook",
        str(pad),
        gemeente=gemeente,
        jaar=jaar,
        stdout=io.StringIO(),
        **opties,
    )
    return pad.read_bytes()


@pytest.mark.parametrize("fixture", ALLE_FIXTURES, ids=lambda pad: pad.stem)
def test_export_importeren_en_weer_exporteren_geeft_hetzelfde_werkboek(tmp_path, fixture):
    importeer(fixture)
    jaarschijf = Jaarschijf.objects.select_related("overeenkomst__gemeente").get()
    gemeente, jaar = jaarschijf.overeenkomst.gemeente.naam, jaarschijf.jaar
    eerste = exporteer(tmp_path, gemeente, jaar, "eerste.xlsx")

    leeg_database()
    assert sum(tel_rijen().values()) == 0
    importeer(tmp_path / "eerste.xlsx")
    tweede = exporteer(tmp_path, gemeente, jaar, "tweede.xlsx")

    eerste_cellen, tweede_cellen = cellen(eerste), cellen(tweede)
    assert list(eerste_cellen) == [blad.naam for blad in formaat.BLADEN]
    assert eerste_cellen == tweede_cellen
    # The export holds the jaarschijf as the fixture had it.
    werkboek = lees_werkboek(fixture)
    assert len(eerste_cellen["afspraken"]) == len(werkboek.afspraken) + 1
    assert len(eerste_cellen["voorraad"]) == len(werkboek.voorraad) + 1
    assert len(eerste_cellen["stappen"]) == len(werkboek.stappen) + 1


def test_export_bevat_alleen_de_gevraagde_jaarschijf():
    scenario = autorisatiewereld()

    inhoud = cellen(werkboek_exporteren(jaarschijf=scenario.a.jaarschijf))

    assert [rij[0] for rij in inhoud["afspraken"][1:]] == [a.code for a in scenario.a.afspraken]
    assert len(inhoud["stappen"]) == 1 + len(scenario.a.stappen)
    assert len(inhoud["voorraad"]) == 1 + len(scenario.a.mutaties)
    assert len(inhoud["voorraadstand"]) == 1 + len(scenario.a.standen)
    assert len(inhoud["ondertekenaars"]) == 1 + len(scenario.a.ondertekeningen)
    assert [rij[0] for rij in inhoud["partijen"][1:]] == [
        org.naam for org in (scenario.a.gemeente_org, scenario.c1, scenario.c2, scenario.h1)
    ]
    alle_tekst = repr(inhoud)
    for vreemd in ("Beekdorp", "convenant", "Bouwopgave Aadorp", "Corporatie Drie", "Stap C2"):
        assert vreemd not in alle_tekst


def test_export_neemt_een_verwezen_organisatie_op_die_geen_partij_is(tmp_path):
    scenario = autorisatiewereld()
    buitenstaander = factories.OrganisatieFactory(naam="Zorgpartner", afkorting="ZP")
    factories.StapFactory(
        jaarafspraak=scenario.a.jaarafspraken[0], organisatie=buitenstaander, tekst="Zorg"
    )
    scenario.a.afspraken[0].trekkers.add(buitenstaander)

    inhoud = werkboek_exporteren(jaarschijf=scenario.a.jaarschijf)

    werkboek = lees_werkboek(io.BytesIO(inhoud))
    assert [p.naam for p in werkboek.partijen][-1] == "Zorgpartner"
    assert any(stap.tekst == "Zorg" for stap in werkboek.stappen)


def test_export_schrijft_tekst_als_tekst_en_onbekend_als_streepje():
    scenario = autorisatiewereld()
    afspraak = scenario.a.afspraken[0]
    afspraak.inhoud = "=SOM(A1:A3) is geen formule"
    afspraak.save()
    mutatie = scenario.a.mutaties[0]
    mutatie.aantal = None
    mutatie.save()

    inhoud = cellen(werkboek_exporteren(jaarschijf=scenario.a.jaarschijf))

    assert inhoud["afspraken"][1][3] == "=SOM(A1:A3) is geen formule"
    assert inhoud["voorraad"][1][4] == "-"


def test_export_werkboek_commando_schrijft_het_bestand(tmp_path):
    importeer(JAARSCHIJF_2026)

    inhoud = cellen(exporteer(tmp_path, "borger-odoorn", 2026))

    assert ("gemeente", "Borger-Odoorn") in inhoud["jaarschijf"]
    assert ("periode", "2024-2028") in inhoud["jaarschijf"]
    assert ("jaar", 2026) in inhoud["jaarschijf"]


def test_export_werkboek_commando_zegt_wat_er_ontbreekt_of_dubbel_is(tmp_path):
    scenario = autorisatiewereld()

    with pytest.raises(CommandError, match="Geen jaarschijf 2030 van gemeente 'Aadorp'"):
        exporteer(tmp_path, "Aadorp", 2030)
    # Gemeente A has two agreements with a jaarschijf 2026.
    with pytest.raises(CommandError, match="--overeenkomst"):
        exporteer(tmp_path, "Aadorp", 2026)
    inhoud = cellen(
        exporteer(tmp_path, "Aadorp", 2026, overeenkomst=scenario.a2.overeenkomst.titel)
    )
    assert ("overeenkomst", "Convenant Aadorp") in inhoud["jaarschijf"]


def test_export_heeft_leesbare_kolombreedtes_en_een_naam_die_zegt_wat_erin_staat():
    assert kolombreedte(["code", "A1"]) == 8
    assert kolombreedte(["inhoud", "x" * 500], maximum=70) == 70
    assert kolombreedte(["kop", "twee\nregels van tekst"]) == len("regels van tekst") + 2
    assert bestandsnaam("Prestatieafspraken", "Borger-Odoorn", "2026-2027", extensie="xlsx") == (
        "prestatieafspraken-borger-odoorn-2026-2027.xlsx"
    )
    assert bestandsnaam("", "../../etc", extensie="csv") == "etc.csv"

    werkboek = werkboek_importeren(werkboek=lees_werkboek(JAARSCHIJF_2026))
    assert werkboeknaam(werkboek.jaarschijf) == "prestatieafspraken-borger-odoorn-2026.xlsx"
    boek = openpyxl.load_workbook(io.BytesIO(werkboek_exporteren(jaarschijf=werkboek.jaarschijf)))
    afspraken = boek["afspraken"]
    breedtes = {c.value: afspraken.column_dimensions[c.column_letter].width for c in afspraken[1]}
    assert breedtes["code"] < 15 and breedtes["inhoud"] == 70 and breedtes["trekkers"] >= 10
