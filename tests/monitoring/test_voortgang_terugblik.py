"""The terugblik (issue #11, point 7): per theme what was agreed, the status reached with
its explanation, targets against what was realised, the stock's plan against realisation;
as a page and a PDF, escaped, for every party that reads the agreement."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from monitoring.models_voortgang import Doel
from monitoring.voortgang import realisatie_melden, voortgang_melden
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def _terugblikwereld():
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    c1 = sc.gebruiker("corporatie_medewerker")
    voortgang_melden(
        jaarafspraak=ja,
        versie=ja.versie,
        status="gerealiseerd",
        toelichting="Klaar <b>!</b>",
        door=c1,
    )
    doel = Doel.objects.create(
        overeenkomst=sc.a.overeenkomst,
        afspraak=ja.afspraak,
        omschrijving="woningen erbij",
        waarde=Decimal(320),
        eenheid="woningen",
    )
    realisatie_melden(
        doel=doel, door=c1, peildatum=datetime.date(2026, 12, 31), waarde=Decimal(214)
    )
    return sc


def test_the_terugblik_shows_status_explanation_and_targets_per_theme(client):
    sc = _terugblikwereld()
    client.force_login(sc.gebruiker("huurders_medewerker"))
    url = reverse("monitoring:terugblik", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert sc.a.thema.naam in html and "Gerealiseerd" in html
    assert "Klaar &lt;b&gt;!&lt;/b&gt;" in html and "<b>!</b>" not in html
    assert "214 van 320 woningen (67%)" in html
    assert "Voorraad: plan en realisatie" in html
    # The stock charts' styles come with the page, as on the voorraad pages.
    assert "voorraad.css" in html
    client.force_login(sc.collega[sc.c3.pk])  # another gemeente's corporatie
    assert client.get(url).status_code == 403


def test_the_terugblik_as_pdf(client):
    sc = _terugblikwereld()
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    url = reverse("monitoring:terugblik", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    response = client.get(url, {"formaat": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
