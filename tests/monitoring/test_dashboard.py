"""Dashboards (issue #11, point 3): what they show, who sees them, their exports (formula-like
text stays text), and query counts that stay the same from 10 to 300 afspraken."""

import csv
import io

import openpyxl
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.models import Jaarafspraak
from monitoring.voortgang import voortgang_melden
from tests import factories
from tests.monitoring.voortgang_wereld import voortgangswereld
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db

BUDGET = 20


def _urls(opbouw) -> dict:
    return {
        "overeenkomst": reverse(
            "monitoring:dashboard-overeenkomst", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk}
        ),
        "gemeente": reverse(
            "monitoring:dashboard-gemeente", kwargs={"gemeente_pk": opbouw.overeenkomst.gemeente_id}
        ),
        "landelijk": reverse("monitoring:dashboard-landelijk"),
        "voortgang": reverse(
            "monitoring:voortgang", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk}
        ),
        "kalender": reverse(
            "monitoring:kalender", kwargs={"gemeente_pk": opbouw.overeenkomst.gemeente_id}
        )
        + "?jaar=2026",
        "agenda": reverse("monitoring:agenda", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk}),
        "terugblik": reverse(
            "monitoring:terugblik", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk}
        ),
    }


def _tellen(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "pagina",
    ["overeenkomst", "gemeente", "landelijk", "voortgang", "kalender", "agenda", "terugblik"],
)
def test_query_counts_are_the_same_for_10_and_300_afspraken(
    client, django_assert_max_num_queries, pagina
):
    tellingen = []
    for aantal in (10, 300):
        # Each world in a savepoint rolled back after counting: the two share names.
        with transaction.atomic():
            opbouw = voortgangswereld(aantal)
            gebruiker = opbouw.corporatie_gebruiker
            if pagina == "landelijk":
                gebruiker = factories.GebruikerFactory(is_superuser=True)
            client.force_login(gebruiker)
            with django_assert_max_num_queries(BUDGET):
                tellingen.append(_tellen(client, _urls(opbouw)[pagina]))
            transaction.set_rollback(True)
    assert tellingen[0] == tellingen[1], tellingen


def test_the_dashboard_counts_per_theme_and_shows_what_needs_attention(client):
    opbouw = voortgangswereld(10)
    client.force_login(opbouw.huurders_gebruiker)
    response = client.get(_urls(opbouw)["overeenkomst"])
    dashboard = response.context["dashboard"]
    assert sum(r.totaal for r in dashboard.themarijen) == 10
    aandacht = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf, status="aandacht")
    assert sum(r.aantallen["aandacht"] for r in dashboard.themarijen) == aandacht.count()
    assert len(dashboard.aandacht) == aandacht.count() > 0
    html = response.content.decode()
    # Traffic lights carry their status in words, not in colour alone.
    assert "Vraagt aandacht" in html and "Op koers" in html and "Nog niet gemeld" in html
    assert "214 van 320 woningen (67%)" in html
    assert "10 open opmerkingen" in html
    assert "Verlopen" in html and "Punt 0" in html


def test_exports_keep_formula_like_text_as_text(client):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    voortgang_melden(
        jaarafspraak=ja,
        versie=ja.versie,
        status="aandacht",
        toelichting='=HYPERLINK("http://evil","klik")',
        door=sc.gebruiker("corporatie_medewerker"),
    )
    client.force_login(sc.gebruiker("huurders_medewerker"))
    url = reverse(
        "monitoring:dashboard-overeenkomst", kwargs={"overeenkomst_pk": sc.a.overeenkomst.pk}
    )
    response = client.get(url, {"export": "aandacht", "formaat": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[1][-1] == '\'=HYPERLINK("http://evil","klik")'
    response = client.get(url, {"export": "aandacht", "formaat": "xlsx"})
    blad = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cel = blad.cell(row=2, column=5)
    assert cel.value.startswith("=HYPERLINK") and cel.data_type == "s"
    assert client.get(url, {"export": "bestaat-niet"}).status_code == 404


def test_who_sees_which_dashboard(client):
    sc = autorisatiewereld()
    gemeente_a = reverse("monitoring:dashboard-gemeente", kwargs={"gemeente_pk": sc.a.gemeente.pk})
    gemeente_b = reverse("monitoring:dashboard-gemeente", kwargs={"gemeente_pk": sc.b.gemeente.pk})
    landelijk = reverse("monitoring:dashboard-landelijk")
    client.force_login(sc.gebruiker("huurders_medewerker"))
    assert client.get(gemeente_a).status_code == 200
    assert client.get(gemeente_b).status_code == 403
    assert client.get(landelijk).status_code == 403
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    response = client.get(gemeente_a)
    # C1 is no party to the convenant of its gemeente: that agreement stays out.
    titels = {js.overeenkomst.titel for js in response.context["dashboard"].jaarschijven}
    assert titels == {sc.a.overeenkomst.titel}
    client.force_login(sc.gebruiker("superuser"))
    response = client.get(landelijk)
    assert response.status_code == 200
    namen = [r.gemeente.naam for r in response.context["rijen"]]
    assert {"Aadorp", "Beekdorp"} <= set(namen)


def test_the_dashboard_escapes_every_text(client):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    Jaarafspraak.objects.filter(pk=ja.pk).update(status="aandacht")
    sc.a.afspraken[0].__class__.objects.filter(pk=ja.afspraak_id).update(
        inhoud="<script>alert(1)</script>"
    )
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    url = reverse(
        "monitoring:dashboard-overeenkomst", kwargs={"overeenkomst_pk": sc.a.overeenkomst.pk}
    )
    html = client.get(url).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
