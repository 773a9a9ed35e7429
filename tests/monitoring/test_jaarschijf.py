import pytest
from django.urls import reverse

from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


def url(opbouw):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})


def test_jaarschijf_toont_het_document(client):
    opbouw = paginawereld(4)
    client.force_login(opbouw.huurders_gebruiker)
    response = client.get(url(opbouw))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jaarschijf 2026" in html
    assert "Inleiding van de jaarschijf." in html
    assert "A. Beschikbaarheid" in html
    assert "Over A." in html
    assert "Afspraak nummer 1 over wonen" in html
    assert "Plan A1 in 2026" in html
    assert "Huurders doen mee aan 0" in html
    assert "afspraak--sub" in html  # A4 is a sub-afspraak of A1
    assert "Ondertekenaar WS" in html
    assert "Exloo" in html and "10 december 2025" in html
    assert "31 december 2026" in html
    assert "2.026" not in html


def test_jaarschijf_voorraadtabel_met_perioden_onbekend_en_prognose(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.corporatie_gebruiker)
    html = client.get(url(opbouw)).content.decode()
    assert "Voorraadmutaties Woonservice" in html
    assert ">2026/2027</th>" in html
    assert "1.129" in html  # Dutch thousands separator
    assert "3.571" in html
    assert (
        '<span aria-hidden="true">-</span><span class="visueel-verborgen">onbekend</span>' in html
    )
    assert "cijfer--prognose" in html and "cijfer--realisatie" in html
    # A zero is a figure, not unknown.
    assert '<span class="cijfer cijfer--realisatie">0</span>' in html


def test_jaarschijf_sub_afspraak_staat_onder_hoofdafspraak(client):
    opbouw = paginawereld(7)
    client.force_login(opbouw.gemeente_gebruiker)
    html = client.get(url(opbouw)).content.decode()
    # A1 comes first, then its sub-afspraken B4 and A7, then A3 and A5.
    volgorde = [
        html.index(f'<span class="afspraak__code">{c}</span>')
        for c in ["A1", "B4", "A7", "A3", "A5"]
    ]
    assert volgorde == sorted(volgorde)


def test_jaarschijf_niet_partij_krijgt_403(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.buitenstaander)
    assert client.get(url(opbouw)).status_code == 403


def test_jaarschijf_onbekend_geeft_404(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.gemeente_gebruiker)
    response = client.get(reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": 999999}))
    assert response.status_code == 404


def test_jaarschijf_anoniem_moet_inloggen(client):
    opbouw = paginawereld(1)
    assert client.get(url(opbouw)).status_code == 302


@pytest.mark.parametrize("aantal", [1, 200])
def test_jaarschijf_query_budget(client, django_assert_max_num_queries, aantal):
    opbouw = paginawereld(aantal)
    client.force_login(opbouw.gemeente_gebruiker)
    # 14, plus up to 4 for the targets and the tenants' verdicts beside each afspraak (#11),
    # plus the versions in the aside and the previous year's name for "Wat is veranderd"
    # (#10 points 5 and 6; the comparison itself only when asked for).
    with django_assert_max_num_queries(20):
        response = client.get(url(opbouw))
    assert response.status_code == 200
    assert response.content.decode().count('class="afspraak__code"') == aantal


def test_jaarschijf_toont_bewerkplek_alleen_aan_gemeente(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.gemeente_gebruiker)
    assert "afspraak__acties" in client.get(url(opbouw)).content.decode()
    client.force_login(opbouw.huurders_gebruiker)
    assert "afspraak__acties" not in client.get(url(opbouw)).content.decode()


def test_voortgang_rechten_per_pagina_gelijk_aan_has_perm():
    """The page asks change_voortgang once for all rows; the answer is has_perm's per row,
    for gemeente, trekker corporatie, huurders, a superuser outside the agreement."""
    from afspraken.rules import met_recht
    from monitoring.selectors.jaarschijf import jaarafspraken_voor_document
    from tests import factories

    opbouw = paginawereld(6)
    rijen = list(jaarafspraken_voor_document().filter(jaarschijf=opbouw.jaarschijf))
    superuser = factories.GebruikerFactory(is_superuser=True)
    verwacht_aantal = {"gemeente": 6, "corporatie": 3, "huurders": 0, "superuser": 6}
    for naam, user in [
        ("gemeente", opbouw.gemeente_gebruiker),
        ("corporatie", opbouw.corporatie_gebruiker),
        ("huurders", opbouw.huurders_gebruiker),
        ("superuser", superuser),
    ]:
        ids = met_recht(user, "afspraken.change_voortgang", rijen)
        assert ids == {ja.pk for ja in rijen if user.has_perm("afspraken.change_voortgang", ja)}
        assert len(ids) == verwacht_aantal[naam], naam
