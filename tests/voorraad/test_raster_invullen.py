"""The corporatie's grid (issue 12, point 2): every cell edited in place, unknown apart from
zero, Dutch errors in the cell, every change in the cell's history, only the own cells, also
against a crafted request."""

import pytest
from django.urls import reverse

from afspraken.models import Partij
from tests import factories
from tests.wereld import autorisatiewereld
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def sc():
    return autorisatiewereld()


@pytest.fixture
def c1_client(client, sc):
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    return client


def raster_url(js, naam="raster"):
    return reverse(f"voorraad:{naam}", kwargs={"jaarschijf_pk": js.pk})


def cel(mutatie, soort=None, jaar=None):
    jaar = jaar or mutatie.jaar_van
    return f"m.{mutatie.categorie_id}.{jaar}.{soort or mutatie.soort}"


def post_cel(client, js, naam, waarde, was=""):
    return client.post(raster_url(js, "cel"), {naam: waarde, f"{naam}~was": was}, **HTMX)


def test_grid_shows_every_cell_of_the_own_figures_only(c1_client, sc):
    eigen, ander = sc.a.mutaties
    ander.aantal = 4321
    ander.save()
    html = c1_client.get(raster_url(sc.a.jaarschijf)).content.decode()
    assert f'name="{cel(eigen)}" value="10"' in html
    assert "4321" not in html  # C2's figure in the same cell is not C1's to see here
    # Every year of the agreement is a column, with realisatie and prognose.
    for jaar in range(2024, 2029):
        assert f'name="m.{eigen.categorie_id}.{jaar}.realisatie"' in html
    assert 'src="/static/raster.js"' in html


def test_a_cell_saves_in_place_unknown_and_zero_apart(c1_client, sc):
    js, eigen = sc.a.jaarschijf, sc.a.mutaties[0]
    naam = cel(eigen, "realisatie", 2025)
    response = post_cel(c1_client, js, naam, "0")
    assert response.status_code == 200
    assert f'name="{naam}" value="0"' in response.content.decode()
    nul = Voorraadmutatie.objects.get(
        corporatie=sc.c1, jaarschijf=js, jaar_van=2025, soort="realisatie"
    )
    assert nul.aantal == 0
    post_cel(c1_client, js, naam, "-", was="0")
    nul.refresh_from_db()
    assert nul.aantal is None  # unknown, not 0, and not gone
    html = c1_client.get(raster_url(js)).content.decode()
    assert f'name="{naam}" value=""' in html
    post_cel(c1_client, js, naam, "+200", was="")
    nul.refresh_from_db()
    assert nul.aantal == 200
    post_cel(c1_client, js, naam, "-17", was="200")  # a mutation carries a sign
    nul.refresh_from_db()
    assert nul.aantal == -17


def test_bad_input_is_a_dutch_error_in_the_cell(c1_client, sc):
    js, eigen = sc.a.jaarschijf, sc.a.mutaties[0]
    html = post_cel(c1_client, js, cel(eigen), "tien", was="10").content.decode()
    assert "Vul een heel getal in" in html
    assert 'aria-invalid="true"' in html and 'value="tien"' in html
    stand = sc.a.standen[0]
    naam = f"s.{stand.segment_id}.{stand.peildatum.isoformat()}.realisatie"
    html = post_cel(c1_client, js, naam, "-3", was="1000").content.decode()
    assert "niet negatief" in html
    eigen.refresh_from_db()
    stand.refresh_from_db()
    assert (eigen.aantal, stand.aantal) == (10, 1000)


def test_every_change_is_in_the_cells_history(c1_client, sc):
    js, eigen = sc.a.jaarschijf, sc.a.mutaties[0]
    post_cel(c1_client, js, cel(eigen), "12", was="10")
    post_cel(c1_client, js, cel(eigen), "", was="12")
    response = c1_client.get(raster_url(js, "cel-geschiedenis"), {"cel": cel(eigen)}, **HTMX)
    html = response.content.decode()
    gebruiker = str(sc.gebruiker("corporatie_medewerker"))
    assert html.count(gebruiker) == 2
    rijen = [r for r in html.split("<tr")[2:]]
    assert ">12<" in rijen[0] and ">-<" in rijen[0]  # newest first: 12 -> unknown
    assert ">10<" in rijen[1] and ">12<" in rijen[1]


def test_a_colleagues_change_is_not_overwritten(c1_client, sc):
    js, eigen = sc.a.jaarschijf, sc.a.mutaties[0]
    Voorraadmutatie.objects.filter(pk=eigen.pk).update(aantal=11)
    html = post_cel(c1_client, js, cel(eigen), "12", was="10").content.decode()
    assert "Iemand anders heeft dit cijfer intussen gewijzigd in 11" in html
    eigen.refresh_from_db()
    assert eigen.aantal == 11


def test_a_corporatie_never_reaches_another_corporaties_figure(c1_client, sc):
    """Attack replay: C2's figure sits in the very cell C1 posts; the cell names no
    corporatie, so C1 writes (at most) its own figure there."""
    ander = sc.a.mutaties[1]
    naam = cel(ander)
    post_cel(c1_client, sc.a.jaarschijf, naam, "666", was=str(ander.aantal))
    ander.refresh_from_db()
    assert ander.aantal == 10
    # Another gemeente's row (category of B) in A's grid: refused, nothing written.
    elders = factories.CategorieFactory(naam="elders", overeenkomst=sc.b.overeenkomst)
    voor = Voorraadmutatie.objects.count()
    html = post_cel(c1_client, sc.a.jaarschijf, f"m.{elders.pk}.2026.prognose", "5").content
    assert Voorraadmutatie.objects.count() == voor
    assert b"666" not in html


@pytest.mark.parametrize("rol", ["gemeente_medewerker", "huurders_medewerker", "anoniem"])
def test_only_a_corporatie_party_posts_cells(client, sc, rol):
    gebruiker = sc.gebruiker(rol)
    if gebruiker:
        client.force_login(gebruiker)
    eigen = sc.a.mutaties[0]
    response = post_cel(client, sc.a.jaarschijf, cel(eigen), "999", was="10")
    assert response.status_code in (302, 403)
    eigen.refresh_from_db()
    assert eigen.aantal == 10


def test_the_corporatie_of_another_gemeente_is_refused(client, sc):
    from gemeenten.constants import Rol
    from tests.wereld import lid

    client.force_login(lid(sc.c3, Rol.MEDEWERKER, username="c3.medewerker"))
    eigen = sc.a.mutaties[0]
    assert post_cel(client, sc.a.jaarschijf, cel(eigen), "999", was="10").status_code == 403
    eigen.refresh_from_db()
    assert eigen.aantal == 10


def test_after_its_last_year_a_corporatie_has_no_cells(c1_client, sc):
    Partij.objects.filter(overeenkomst=sc.a.overeenkomst, organisatie=sc.c1).update(actief_tot=2026)
    js, eigen = sc.a.jaarschijf, sc.a.mutaties[0]
    html = c1_client.get(raster_url(js)).content.decode()
    assert f'name="m.{eigen.categorie_id}.2027.prognose"' not in html
    assert "niet actief in dit jaar" in html
    html = post_cel(c1_client, js, f"m.{eigen.categorie_id}.2027.prognose", "5").content.decode()
    assert "doet na 2026 niet meer mee" in html
    assert not Voorraadmutatie.objects.filter(corporatie=sc.c1, jaar_van=2027).exists()


def test_without_javascript_the_whole_grid_posts_all_or_nothing(c1_client, sc):
    js, eigen = sc.a.jaarschijf, sc.a.mutaties[0]
    stand = sc.a.standen[0]
    standnaam = f"s.{stand.segment_id}.{stand.peildatum.isoformat()}.realisatie"
    data = {cel(eigen): "20", f"{cel(eigen)}~was": "10", standnaam: "x", f"{standnaam}~was": "1000"}
    response = c1_client.post(raster_url(js), data)
    assert response.status_code == 200
    assert "Vul een heel getal in" in response.content.decode()
    eigen.refresh_from_db()
    assert eigen.aantal == 10
    data[standnaam] = "1001"
    assert c1_client.post(raster_url(js), data).status_code == 302
    eigen.refresh_from_db()
    assert eigen.aantal == 20
    assert Voorraadstand.objects.get(pk=stand.pk).aantal == 1001


# Session, user, memberships, jaarschijf, corporatie, permission, party, lists, figures,
# columns: a fixed number, whatever the size of the gemeente.
BUDGET = 13


@pytest.mark.parametrize("corporaties", [1, 10])
def test_query_budget_of_the_grid(client, corporaties, django_assert_max_num_queries):
    from tests.voorraad.rasterwereld import rasterwereld

    wereld, gebruiker = rasterwereld(corporaties)
    client.force_login(gebruiker)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(raster_url(wereld.jaarschijf))
    assert response.status_code == 200
    assert response.content.decode().count("data-raster-cel") >= 8 * 10 * 2


def test_names_that_are_no_cell_are_ignored():
    from voorraad.invulraster import lees_celnaam

    for naam in [
        "m.1.2026",
        "x.1.2026.prognose",
        "m.1.2027-2026.prognose",
        "m.a.2026.prognose",
        "s.1.1800-12-31.realisatie",
        "s.1.2025-13-01.realisatie",
        "m.1.2026.plan",
        "m.٣.2026.prognose",
        "m. 1.2026.prognose",
    ]:
        assert lees_celnaam(naam) is None, naam
    assert lees_celnaam("m.1.2026-2027.prognose").jaar_tot == 2027
