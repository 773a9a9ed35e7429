"""The stock sheets of workbook version 2 in and out (issue 12, points 1 and 5): signed
mutations, a stock level at any peildatum with its note, the `segmenten` sheet with wholes
and notes; unknown and zero round-trip; errors in Dutch with sheet, row and column."""

import datetime

import pytest

from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboeken import bewerk, cellen
from tests.wereld import autorisatiewereld
from voorraad.models import Segment, Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db
NOV = datetime.date(2021, 11, 1)


@pytest.fixture
def sc():
    return autorisatiewereld()


def importeer(sc, inhoud):
    return werkboek_importeren(
        werkboek=lees_werkboek(inhoud), door=sc.gebruiker("gemeente_medewerker")
    )


def _voeg_toe(werkboek, sc):
    werkboek["voorraad"].append(["C1", "sloop", "2026", "prognose", "-17", ""])
    werkboek["voorraad"].append(["C1", "nieuwbouw", "2027", "prognose", "+200", ""])
    werkboek["voorraadstand"].append(
        ["C1", "sociale huur < aftoppingsgrens", None, "realisatie", 0, NOV, "* afgerond"]
    )
    werkboek["voorraadstand"].append(["C1", "zorgwoningen", 2025, "realisatie", "-", None, ""])
    blad = werkboek["segmenten"] if "segmenten" in werkboek.sheetnames else None
    if blad is None:
        blad = werkboek.create_sheet("segmenten")
        blad.append(["naam", "onderdeel_van", "toelichting"])
    blad.append(["sociale huur < aftoppingsgrens", "sociale huur (DAEB)", "* onder de grens"])


def test_version_2_stock_sheets_in_and_out(sc):
    js = sc.a.jaarschijf
    inhoud = bewerk(werkboek_exporteren(jaarschijf=js), lambda w: _voeg_toe(w, sc))
    importeer(sc, inhoud)
    sloop = Voorraadmutatie.objects.get(jaarschijf=js, corporatie=sc.c1, categorie__naam="sloop")
    assert sloop.aantal == -17
    assert sloop.categorie.hoort_bij(sc.a.overeenkomst.pk)  # a default name: the shared row
    deel = Segment.objects.get(naam="sociale huur < aftoppingsgrens")
    assert (deel.overeenkomst, deel.onderdeel_van.naam) == (
        sc.a.overeenkomst,
        "sociale huur (DAEB)",
    )
    assert deel.onderdeel_van.overeenkomst == sc.a.overeenkomst
    assert deel.toelichting == "* onder de grens"
    nov = Voorraadstand.objects.get(jaarschijf=js, segment=deel)
    assert (nov.peildatum, nov.aantal, nov.toelichting) == (NOV, 0, "* afgerond")
    onbekend = Voorraadstand.objects.get(jaarschijf=js, segment__naam="zorgwoningen")
    assert onbekend.aantal is None and onbekend.peildatum == datetime.date(2025, 12, 31)
    # Out again: the same values, unknown as '-', zero as 0, the peildatum kept.
    uit = cellen(werkboek_exporteren(jaarschijf=js))
    assert ("sociale huur < aftoppingsgrens", "sociale huur (DAEB)", "* onder de grens") in uit[
        "segmenten"
    ]
    standen = {(r[1], r[2]): r for r in uit["voorraadstand"][1:]}
    assert standen[("sociale huur < aftoppingsgrens", 2021)][4] == 0
    assert standen[("sociale huur < aftoppingsgrens", 2021)][5].date() == NOV
    assert standen[("zorgwoningen", 2025)][4] == "-"
    # Once more: nothing changes.
    voor = (
        list(Voorraadstand.objects.order_by("pk").values()),
        list(Segment.objects.order_by("pk").values()),
    )
    importeer(sc, bewerk(werkboek_exporteren(jaarschijf=js), lambda w: None))
    assert voor == (
        list(Voorraadstand.objects.order_by("pk").values()),
        list(Segment.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        (
            lambda w: w["voorraadstand"].append(["C1", "", 2023, "realisatie", -5]),
            "niet negatief",
        ),
        (
            lambda w: w["voorraadstand"].append(
                ["C1", "", 2024, "realisatie", 5, datetime.date(2025, 11, 1)]
            ),
            "voorraadstand, rij",
        ),
        (
            lambda w: (
                w.create_sheet("segmenten").append(["naam", "onderdeel_van"]),
                w["segmenten"].append(["a", "b"]),
                w["segmenten"].append(["b", "a"]),
            ),
            "deel van zichzelf",
        ),
    ],
)
def test_bad_stock_rows_are_refused_in_dutch(sc, wijziging, melding):
    js = sc.a.jaarschijf
    voor = Voorraadstand.objects.count(), Segment.objects.count()
    inhoud = bewerk(werkboek_exporteren(jaarschijf=js), wijziging)
    with pytest.raises(WerkboekFout) as fout:
        importeer(sc, inhoud)
    assert melding in str(fout.value)
    assert (Voorraadstand.objects.count(), Segment.objects.count()) == voor
