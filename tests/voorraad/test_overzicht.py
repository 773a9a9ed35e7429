"""The gemeente's stock page (issue 12, points 1, 3 and 4): totals computed, plan against
realisation across a signed and a later open jaarschijf, charts as SVG with the table as
their text alternative, and a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse

from afspraken.constants import JaarschijfStatus
from gemeenten.constants import Rol
from tests import factories
from tests.bevroren import dump
from tests.wereld import autorisatiewereld, lid
from voorraad import services
from voorraad.grafiek import lijngrafiek, staafgrafiek
from voorraad.models import Segment
from voorraad.services.cel import Cel

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


def overzicht_url(js):
    return reverse("voorraad:overzicht", kwargs={"jaarschijf_pk": js.pk})


def test_plan_is_the_signed_prognose_realisatie_the_latest_and_signing_stays(client, sc):
    js2026 = sc.a.jaarschijf  # C1 and C2 each plan 10 nieuwbouw in 2026
    factories.zet_status(js2026, JaarschijfStatus.VASTGESTELD)
    ondertekend = dump(js2026)
    js2027 = factories.JaarschijfFactory(overeenkomst=sc.a.overeenkomst, jaar=2027)
    categorie_id = sc.a.mutaties[0].categorie_id
    for corporatie, aantal in ((sc.c1, 8), (sc.c2, 9)):
        door = factories.GebruikerFactory()

        door = lid(corporatie, Rol.MEDEWERKER, username=f"{corporatie.afkorting}.invuller")
        services.cel_bijwerken(
            jaarschijf=js2027,
            corporatie=corporatie,
            cel=Cel("m", categorie_id, "realisatie", jaar_van=2026, jaar_tot=2026),
            nieuw=aantal,
            was=None,
            door=door,
        )
    assert dump(js2026) == ondertekend  # the realisatie went into the open jaarschijf
    client.force_login(sc.gebruiker("huurders_medewerker"))
    html = client.get(overzicht_url(js2027)).content.decode()
    rij = html[html.index('id="kop-plan"') :]
    rij = rij[rij.index("2026") - 200 :][:1200]
    assert "20" in rij and "17" in rij
    assert "-3 minder dan gepland" in rij  # said in words and by arrow, not by colour


def test_a_missing_realisatie_makes_the_deviation_unknown(client, sc):
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.VASTGESTELD)
    js2027 = factories.JaarschijfFactory(overeenkomst=sc.a.overeenkomst, jaar=2027)
    factories.VoorraadmutatieFactory(
        jaarschijf=js2027,
        corporatie=sc.c1,
        categorie=sc.a.mutaties[0].categorie,
        soort="realisatie",
        aantal=8,
    )
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    html = client.get(overzicht_url(js2027)).content.decode()
    assert "niet te bepalen" in html  # C2 has not reported: not 0


def test_totals_per_corporatie_and_gemeente_with_nested_segments(client, sc):
    js = sc.a.jaarschijf  # C1 and C2 each 1000 sociale huur (DAEB) at 31-12-2025
    geheel = sc.a.standen[0].segment
    deel = Segment.objects.create(
        naam="onder aftoppingsgrens",
        onderdeel_van=geheel,
        toelichting="* vrij verhuurbaar onder de grens",
    )
    factories.VoorraadstandFactory(jaarschijf=js, corporatie=sc.c1, segment=deel, aantal=700)
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    html = client.get(overzicht_url(js)).content.decode()
    tabel = html[html.index('id="tabel-voorraadtotalen"') :]
    tabel = tabel[: tabel.index("</table>")]
    assert tabel.count("1.000") == 2  # each corporatie, the part not counted twice
    assert "2.000" in tabel  # the gemeente's total
    assert "* vrij verhuurbaar onder de grens" in html


def test_charts_are_svg_with_the_table_as_text_alternative(client, sc):
    js = sc.a.jaarschijf
    factories.VoorraadstandFactory(
        jaarschijf=js,
        corporatie=sc.c1,
        segment=sc.a.standen[0].segment,
        peildatum=datetime.date(2026, 12, 31),
        soort="prognose",
        aantal=1050,
    )
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    html = client.get(overzicht_url(js)).content.decode()
    assert '<figure class="grafiek" aria-describedby="tabel-voorraadtotalen">' in html
    assert 'role="img"' in html and "<title" in html
    assert 'stroke-dasharray="6 4"' in html  # the prognose line is dashed
    assert "<script" not in html.split("<main", 1)[1]
    # Every chart names itself and its own table, once (each mutation chart had "-titel").
    titels = re.findall(r'<title id="([^"]+)"', html)
    assert "grafiek-reeks-1-titel" in titels and len(set(titels)) == len(titels) > 1
    assert 'aria-describedby="tabel-reeks-1"' in html


def test_line_chart_solid_for_realisatie_dashed_for_prognose():
    grafiek = lijngrafiek(
        "Voorraad", ["2025", "2026"], [("C1", {0: (100, None), 1: (None, 120)}, False)]
    )
    assert [lijn.gestreept for lijn in grafiek.lijnen] == [False, True]
    leeg = lijngrafiek("Voorraad", ["2025"], [("C1", {0: (None, None)}, False)])
    assert leeg.leeg


def test_bar_chart_puts_a_negative_mutation_below_zero():
    grafiek = staafgrafiek("Sloop", ["2025", "2026"], [(-17, None), (None, 5)])
    sloop, plan = grafiek.staven
    assert sloop.y >= grafiek.nullijn - 0.1 and sloop.gevuld
    assert plan.y + plan.hoogte <= grafiek.nullijn + 0.1 and not plan.gevuld


BUDGET = 10


@pytest.mark.parametrize("corporaties", [1, 10])
def test_query_budget_of_the_overview(client, corporaties, django_assert_max_num_queries):
    from tests.voorraad.rasterwereld import rasterwereld

    wereld, gebruiker = rasterwereld(corporaties)
    client.force_login(gebruiker)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(overzicht_url(wereld.jaarschijf))
    assert response.status_code == 200
