"""Targets and the agenda through the workbook (issue #11, point 1 and 4; WORKBOOK.md
version 2, sheets `doelen` and `agenda`): a target round-trips, values are read as the
documents write them, bad rows are refused naming sheet, row and column."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from afspraken.models import Jaarschijf
from monitoring.models_voortgang import Agendapunt, Doel, Doelrealisatie
from monitoring.werkboek.doelen import getal_of_tekst
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboeken import cellen, leeg_database
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def _wereld_met_doelen():
    sc = autorisatiewereld()
    a = sc.a
    doel = Doel.objects.create(
        overeenkomst=a.overeenkomst,
        afspraak=a.afspraken[0],
        omschrijving="sociale huurwoningen erbij t.o.v. 1-1-2023",
        waarde=Decimal(320),
        eenheid="woningen",
        basis=Decimal(1544),
        basisdatum=datetime.date(2021, 11, 1),
        peiljaar=2027,
    )
    Doelrealisatie.objects.create(
        doel=doel, waarde=Decimal(214), peildatum=datetime.date(2026, 6, 30)
    )
    Doel.objects.create(
        overeenkomst=a.overeenkomst,
        afspraak=a.afspraken[1],
        omschrijving="aandeel onder de aftoppingsgrens",
        waarde=Decimal("85.5"),
        eenheid="%",
        partij=sc.c2,
        circa=True,
    )
    Doel.objects.create(
        overeenkomst=a.overeenkomst,
        thema=a.thema,
        omschrijving="=gemiddeld label",
        waarde_tekst="C",
        eenheid="energielabel",
    )
    punt = Agendapunt.objects.create(
        jaarschijf=a.jaarschijf,
        wanneer="voor 1 juli 2026",
        datum=datetime.date(2026, 7, 1),
        wat="Bod",
        soort="bod",
    )
    punt.wie.set([sc.c1, sc.c2])
    return sc


def _bytes(rijen: dict) -> io.BytesIO:
    boek = openpyxl.Workbook()
    boek.remove(boek.active)
    for naam, inhoud in rijen.items():
        blad = boek.create_sheet(naam)
        for rij in inhoud:
            blad.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    uit.seek(0)
    uit.name = "werkboek.xlsx"
    return uit


def test_a_target_and_the_agenda_round_trip_through_the_workbook():
    sc = _wereld_met_doelen()
    eerste = werkboek_exporteren(jaarschijf=sc.a.jaarschijf)
    eerste_cellen = cellen(eerste)
    assert list(eerste_cellen["doelen"][1][:4]) == [
        sc.a.afspraken[0].code,
        None,
        "sociale huurwoningen erbij t.o.v. 1-1-2023",
        320,
    ]
    leeg_database()
    werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(eerste)))
    doel = Doel.objects.get(omschrijving__startswith="sociale")
    assert (doel.waarde, doel.eenheid, doel.basis, doel.peiljaar) == (320, "woningen", 1544, 2027)
    assert doel.realisaties.get().waarde == 214
    assert Doel.objects.get(waarde_tekst="C").thema.naam == sc.a.thema.naam
    assert Doel.objects.get(eenheid="%").partij.afkorting == "C2"
    punt = Agendapunt.objects.get()
    assert (punt.datum, sorted(o.afkorting for o in punt.wie.all())) == (
        datetime.date(2026, 7, 1),
        ["C1", "C2"],
    )
    tweede = werkboek_exporteren(
        jaarschijf=Jaarschijf.objects.get(pk=Agendapunt.objects.get().jaarschijf_id)
    )
    assert cellen(tweede)["doelen"] == eerste_cellen["doelen"]
    assert cellen(tweede)["agenda"] == eerste_cellen["agenda"]
    # Importing the same file again writes no second realised value.
    werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(tweede)))
    assert Doelrealisatie.objects.count() == 1 and Doel.objects.count() == 3


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        (320, (Decimal(320), "", False)),
        ("1.895", (Decimal(1895), "", False)),
        ("12,5", (Decimal("12.5"), "", False)),
        ("85%", (Decimal(85), "", True)),
        ("C", (None, "C", False)),
        ("inflatie", (None, "inflatie", False)),
    ],
)
def test_values_are_read_as_the_documents_write_them(cel, verwacht):
    assert getal_of_tekst(cel) == verwacht


def test_bad_target_rows_are_refused_naming_sheet_row_and_column():
    sc = _wereld_met_doelen()
    boek = openpyxl.load_workbook(io.BytesIO(werkboek_exporteren(jaarschijf=sc.a.jaarschijf)))
    rijen = {
        blad.title: [[c.value for c in r] for r in blad.iter_rows()] for blad in boek.worksheets
    }
    # Written back by openpyxl the formula-like text would become a formula: left out.
    rijen["doelen"] = [r for r in rijen["doelen"] if r[2] != "=gemiddeld label"]
    rijen["doelen"].append(["X99", None, "Onbekend", 1] + [None] * 10)
    rijen["doelen"].append([None, None, "Zonder eigenaar", "veel", None, "misschien"] + [None] * 8)
    rijen["agenda"].append(["Q1", None, "ZZ", "feest"])
    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(_bytes(rijen))
    meldingen = {str(m) for m in fout.value.fouten}
    assert "doelen, rij 4, kolom code: onbekende afspraak 'X99'" in meldingen
    assert "doelen, rij 5, kolom code: vul een code (een afspraak) of een thema in" in meldingen
    assert any(m.startswith("doelen, rij 5, kolom circa") for m in meldingen)
    assert any(m.startswith("agenda, rij 3, kolom wat") for m in meldingen)
    assert any(m.startswith("agenda, rij 3, kolom wie") for m in meldingen)
    assert any(m.startswith("agenda, rij 3, kolom soort") for m in meldingen)


def test_formula_like_text_is_written_as_text():
    sc = _wereld_met_doelen()
    boek = openpyxl.load_workbook(io.BytesIO(werkboek_exporteren(jaarschijf=sc.a.jaarschijf)))
    cel = next(c for r in boek["doelen"].iter_rows() for c in r if c.value == "=gemiddeld label")
    assert cel.data_type == "s"
