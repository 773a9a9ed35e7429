import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from afspraken.constants import Soort, Voortgang
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


def lijst(opbouw):
    return reverse("afspraken:afspraak-lijst", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})


def export(opbouw):
    return reverse("afspraken:afspraak-export", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})


def codes(response):
    return [a.code for a in (row.record for row in response.context["table"].paginated_rows)]


def test_lijst_toont_afspraken_met_voortgang_van_nieuwste_jaarschijf(client):
    opbouw = paginawereld(3)
    client.force_login(opbouw.huurders_gebruiker)
    response = client.get(lijst(opbouw))
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 afspraken" in html
    assert "voortgang in 2026" in html
    assert "Vraagt aandacht" in html and "Op koers" in html
    assert "Geheime afspraak elders" not in html
    assert '<th class="utrecht-table__header-cell" scope="col"' in html


@pytest.mark.parametrize(
    ("filter_", "verwacht"),
    [
        ({"soort": Soort.PROCESAFSPRAAK}, {"A1", "B4"}),
        ({"status": Voortgang.OP_KOERS}, {"B2", "B4"}),
        ({"q": "a3"}, {"A3"}),
        ({"q": "320"}, {"B2", "B4"}),
    ],
)
def test_lijst_filtert(client, filter_, verwacht):
    opbouw = paginawereld(5)
    client.force_login(opbouw.gemeente_gebruiker)
    assert set(codes(client.get(lijst(opbouw), filter_))) == verwacht


def test_lijst_filtert_op_thema_en_trekker(client):
    opbouw = paginawereld(5)
    client.force_login(opbouw.gemeente_gebruiker)
    thema_b = opbouw.overeenkomst.themas.get(letter="B")
    assert set(codes(client.get(lijst(opbouw), {"thema": thema_b.pk}))) == {"B2"}
    assert set(codes(client.get(lijst(opbouw), {"trekker": opbouw.corporatie.pk}))) == {
        "B2",
        "B4",
    }


def test_lijst_status_in_gekozen_jaar(client):
    opbouw = paginawereld(3)
    client.force_login(opbouw.gemeente_gebruiker)
    # 2025 has no jaarafspraken: nothing has a status there.
    assert codes(client.get(lijst(opbouw), {"jaar": "2025", "status": Voortgang.OP_KOERS})) == []
    assert codes(client.get(lijst(opbouw), {"jaar": "2026", "status": Voortgang.OP_KOERS})) == [
        "B2"
    ]


def test_lijst_sorteert_en_pagineert(client):
    opbouw = paginawereld(30)
    client.force_login(opbouw.gemeente_gebruiker)
    eerste = client.get(lijst(opbouw))
    assert len(codes(eerste)) == 25
    assert codes(eerste)[:2] == ["A1", "B2"]
    tweede = client.get(lijst(opbouw), {"page": 2})
    assert len(codes(tweede)) == 5
    omgekeerd = client.get(lijst(opbouw), {"sort": "-code"})
    assert codes(omgekeerd)[0] == "B30"
    assert 'aria-sort="descending"' in omgekeerd.content.decode()


def test_lijst_htmx_geeft_alleen_resultaten(client):
    opbouw = paginawereld(2)
    client.force_login(opbouw.gemeente_gebruiker)
    response = client.get(lijst(opbouw), {"q": "nummer"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="resultaten">')
    assert "<html" not in html


def test_export_csv_met_puntkomma_en_gefilterd(client):
    opbouw = paginawereld(5)
    client.force_login(opbouw.corporatie_gebruiker)
    response = client.get(export(opbouw), {"soort": Soort.PROCESAFSPRAAK, "formaat": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    tekst = response.content.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    assert rijen[0][0] == "nummer"
    assert [r[0] for r in rijen[1:]] == ["A1", "B4"]
    b4 = rijen[2]
    assert b4[3] == "A1"  # valt onder
    assert b4[7] == "WS"  # trekkers
    assert "Plan B4 in 2026" in b4


def test_export_xlsx(client):
    opbouw = paginawereld(3)
    client.force_login(opbouw.gemeente_gebruiker)
    response = client.get(export(opbouw), {"formaat": "xlsx", "sort": "-code"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    waarden = list(sheet.values)
    assert waarden[0][0] == "nummer"
    assert [r[0] for r in waarden[1:]] == ["A3", "B2", "A1"]


@pytest.mark.parametrize("naam", ["afspraken:afspraak-lijst", "afspraken:afspraak-export"])
def test_lijst_en_export_niet_partij_krijgt_403(client, naam):
    opbouw = paginawereld(1)
    client.force_login(opbouw.buitenstaander)
    url = reverse(naam, kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    assert client.get(url).status_code == 403


def test_lijst_bevat_niets_van_andere_overeenkomst(client):
    opbouw = paginawereld(2)
    client.force_login(opbouw.buitenstaander)
    url = reverse(
        "afspraken:afspraak-lijst", kwargs={"overeenkomst_pk": opbouw.ander_overeenkomst.pk}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert codes(response) == ["Z99"]
    assert "Afspraak nummer" not in response.content.decode()


@pytest.mark.parametrize("aantal", [1, 200])
def test_lijst_query_budget(client, django_assert_max_num_queries, aantal):
    opbouw = paginawereld(aantal)
    client.force_login(opbouw.gemeente_gebruiker)
    with django_assert_max_num_queries(11):
        response = client.get(lijst(opbouw), {"sort": "thema"})
    assert response.status_code == 200
    assert len(codes(response)) == min(aantal, 25)


@pytest.mark.parametrize("aantal", [1, 200])
def test_export_query_budget(client, django_assert_max_num_queries, aantal):
    opbouw = paginawereld(aantal)
    client.force_login(opbouw.gemeente_gebruiker)
    with django_assert_max_num_queries(10):
        response = client.get(export(opbouw), {"formaat": "csv"})
    assert response.content.decode("utf-8-sig").count("\n") == aantal + 1
