"""Version 2 of the workbook (issue #9): every new column and sheet is read, imported and
exported, and the file round-trips."""

import datetime
import io

import openpyxl
import pytest

from afspraken.constants import HoofdstukSoort, Plek, Soort
from afspraken.models import Afspraak, Jaarschijf, Partij, Stap, Thema
from monitoring.werkboek import formaat
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboek_v2 import MANDAAT, werkboek_v2
from tests.monitoring.werkboeken import cellen, leeg_database, tel_rijen

pytestmark = pytest.mark.django_db


def importeer_v2(wijzig=None, **opties):
    return werkboek_importeren(werkboek=lees_werkboek(werkboek_v2(wijzig)), **opties)


def test_de_jaarschijf_velden_van_versie_2():
    jaarschijf = importeer_v2().jaarschijf

    jaarschijf.refresh_from_db()
    assert (jaarschijf.jaar, jaarschijf.tot_jaar, jaarschijf.jaren) == (2026, 2027, "2026-2027")
    assert jaarschijf.documentdatum == "November 2025"
    assert jaarschijf.geldig_vanaf == datetime.date(2026, 1, 1)
    assert jaarschijf.geldig_na_ondertekening is True
    assert jaarschijf.nummering_tonen is False
    assert jaarschijf.status == "concept"
    assert jaarschijf.overeenkomst.grondslag.startswith("Woonvisie Proefdorp 2024")


def test_partijen_met_vertegenwoordiger_mandaat_aanduiding_rol_en_laatste_jaar():
    overeenkomst = importeer_v2().jaarschijf.overeenkomst

    partijen = {
        p.organisatie.afkorting: p for p in Partij.objects.filter(overeenkomst=overeenkomst)
    }
    gemeente = partijen["GEM"]
    assert (gemeente.vertegenwoordiger, gemeente.functie) == ("H. Heijerman", "wethouder")
    assert gemeente.mandaat == MANDAAT
    assert gemeente.aanduiding == "de gemeente"
    assert gemeente.rol == "De gemeente voert de regie op het wonen."
    assert gemeente.actief_tot is None
    assert partijen["W2"].actief_tot == 2025
    assert not partijen["W2"].actief_in(2026)


def test_thema_doel_kop_groepen_betrokkenen_en_doorkijk():
    overeenkomst = importeer_v2().jaarschijf.overeenkomst

    assert Thema.objects.get(overeenkomst=overeenkomst, naam="Duurzaamheid").doel == (
        "Woningen van label B of beter."
    )
    afspraken = {a.code: a for a in Afspraak.objects.filter(overeenkomst=overeenkomst)}
    assert [afspraken[c].kop for c in ("A1", "A2", "A3", "B1")] == [
        "Prestaties gemeente 2026",
        "Prestaties gemeente 2026",
        "Doorkijk naar 2028",
        "",
    ]
    assert afspraken["A1"].betrokkenen_lijst == ["werkgroep wonen", "zorgpartijen"]
    assert afspraken["A3"].soort == Soort.DOORKIJK
    assert not afspraken["A3"].trekkers.exists()


def test_allen_is_wie_dit_jaar_meedoet_nooit_een_overige_partij():
    overeenkomst = importeer_v2().jaarschijf.overeenkomst

    afspraken = {a.code: a for a in Afspraak.objects.filter(overeenkomst=overeenkomst)}
    assert {t.afkorting for t in afspraken["A2"].trekkers.all()} == {"GEM", "W1", "HR1"}
    # A party that left keeps its history as a trekker named by name.
    assert {t.afkorting for t in afspraken["B1"].trekkers.all()} == {"W1", "W2"}


def test_gezamenlijke_stappen():
    jaarschijf = importeer_v2().jaarschijf

    stappen = list(
        Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf)
        .order_by("jaarafspraak__afspraak__volgorde", "volgorde")
        .prefetch_related("mede_organisaties")
    )
    samen = [
        (s.organisatie.afkorting, sorted(o.afkorting for o in s.mede_organisaties.all()))
        for s in stappen
    ]
    assert samen == [("GEM", ["W1"]), ("W1", ["HR1"]), ("GEM", []), ("W1", [])]
    assert [s.aanduiding for s in stappen] == ["Gemeente + corporaties", "", "", ""]


def test_hoofdstukken_op_elke_plek_in_de_volgorde_van_het_blad():
    jaarschijf = importeer_v2().jaarschijf

    hoofdstukken = list(jaarschijf.hoofdstukken.order_by("volgorde"))
    assert [(h.plek, h.kop) for h in hoofdstukken] == [
        (Plek.VOOR, "Context"),
        (Plek.VOOR, "Rollen en verantwoordelijkheden"),
        (Plek.THEMA, "Routekaart"),
        (Plek.VOORRAAD, "Toelichting op de tabellen"),
        (Plek.NA, "Disclaimer"),
        (Plek.NA, "Geldigheid"),
        (Plek.BIJLAGE, "Begrippen"),
    ]
    assert hoofdstukken[2].thema.naam == "Duurzaamheid"
    assert hoofdstukken[0].soort == HoofdstukSoort.CONTEXT
    assert hoofdstukken[0].tekst == "Proefdorp groeit.\nDe vraag naar woningen stijgt."


def test_versie_2_gaat_rond_export_import_export(tmp_path):
    eerste = werkboek_exporteren(jaarschijf=importeer_v2().jaarschijf)

    leeg_database()
    assert sum(tel_rijen().values()) == 0
    jaarschijf = werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(eerste))).jaarschijf
    tweede = werkboek_exporteren(jaarschijf=jaarschijf)

    assert cellen(eerste) == cellen(tweede)
    inhoud = cellen(eerste)
    assert ("jaar", "2026-2027") in inhoud["jaarschijf"]
    assert ("nummering_tonen", "nee") in inhoud["jaarschijf"]
    assert (
        "geldig_vanaf",
        "2026-01-01 na ondertekening door alle partijen",
    ) in inhoud["jaarschijf"]
    assert inhoud["stappen"][1][1] == "Gemeente + corporaties"
    assert inhoud["afspraken"][2][6] == "allen"
    assert len(inhoud["hoofdstukken"]) == 8
    assert Jaarschijf.objects.count() == 1


def test_een_werkboek_van_versie_1_laat_wat_versie_2_toevoegde_staan():
    jaarschijf = importeer_v2().jaarschijf

    def versie_1(bladen):
        for naam in ("partijen", "themas", "afspraken", "ondertekenaars"):
            kolommen = {blad.naam: blad.kolommen for blad in formaat.BLADEN}[naam]
            bladen[naam] = [rij[: _VERSIE_1[naam]] for rij in bladen[naam]]
            assert len(kolommen) > _VERSIE_1[naam]
        del bladen["hoofdstukken"]
        bladen["jaarschijf"] = [r for r in bladen["jaarschijf"] if r[0] in _VELDEN_1]

    werkboek = lees_werkboek(werkboek_v2(versie_1, kolommen=_VERSIE_1))
    werkboek_importeren(werkboek=werkboek)

    jaarschijf.refresh_from_db()
    assert jaarschijf.nummering_tonen is False and jaarschijf.documentdatum == "November 2025"
    assert jaarschijf.hoofdstukken.count() == 7
    assert jaarschijf.overeenkomst.grondslag
    gemeente = Partij.objects.get(
        overeenkomst=jaarschijf.overeenkomst, organisatie__afkorting="GEM"
    )
    assert gemeente.mandaat == MANDAAT
    a1 = Afspraak.objects.get(overeenkomst=jaarschijf.overeenkomst, code="A1")
    assert a1.kop == "Prestaties gemeente 2026" and a1.betrokkenen
    assert Thema.objects.get(overeenkomst=jaarschijf.overeenkomst, naam="Duurzaamheid").doel


def test_tekst_die_op_een_formule_lijkt_blijft_tekst():
    inhoud = werkboek_exporteren(jaarschijf=importeer_v2().jaarschijf)

    blad = openpyxl.load_workbook(io.BytesIO(inhoud))["afspraken"]
    cel = blad.cell(3, 4)
    assert cel.value == "=SOM(A1:A3) blijft tekst, geen formule."
    assert cel.data_type == "s"


# How many columns each sheet had in version 1, and the velden of its jaarschijf sheet.
_VERSIE_1 = {"partijen": 3, "themas": 4, "afspraken": 10, "ondertekenaars": 3}
_VELDEN_1 = {"gemeente", "cbs_code", "overeenkomst", "periode", "jaar", "titel", "inleiding"}
_VELDEN_1 |= {"plaats", "datum", "geldig_tot"}


@pytest.mark.parametrize(
    ("cel", "leider", "mede", "aanduiding"),
    [
        ("allen", "GEM", ["HR1", "W1"], "allen"),
        ("W1/HR1", "W1", ["HR1"], ""),
        ("Huurdersraad Een + Woonstichting Een", "HR1", ["W1"], ""),
        ("corporaties en huurders", "W1", ["HR1"], "corporaties en huurders"),
    ],
)
def test_de_partijen_van_een_stap(cel, leider, mede, aanduiding):
    def stap(bladen):
        bladen["stappen"][0][1] = cel

    jaarschijf = importeer_v2(stap).jaarschijf

    eerste = (
        Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf)
        .order_by("jaarafspraak__afspraak__volgorde", "volgorde")
        .first()
    )
    assert eerste.organisatie.afkorting == leider
    assert sorted(o.afkorting for o in eerste.mede_organisaties.all()) == mede
    assert eerste.aanduiding == aanduiding


def test_een_aanduiding_die_niet_meer_klopt_wordt_de_lijst_van_partijen():
    jaarschijf = importeer_v2().jaarschijf
    stap = Stap.objects.get(jaarafspraak__jaarschijf=jaarschijf, aanduiding__startswith="Gemeente")
    # The step's parties changed in the browser; its words still say "corporaties".
    stap.mede_organisaties.clear()

    eerste = werkboek_exporteren(jaarschijf=jaarschijf)
    assert cellen(eerste)["stappen"][1][1] == "GEM"
    leeg_database()
    opnieuw = werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(eerste))).jaarschijf
    assert cellen(werkboek_exporteren(jaarschijf=opnieuw)) == cellen(eerste)
