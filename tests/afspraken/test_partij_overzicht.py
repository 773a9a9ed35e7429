"""The per party view: what one organisation committed to."""

import pytest
from django.urls import reverse

from afspraken.models import Afspraak, Stap
from tests import factories
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


def partij_url(opbouw, organisatie):
    return reverse(
        "afspraken:partij-overzicht",
        kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk, "organisatie_pk": organisatie.pk},
    )


def codes_op_pagina(html):
    return [deel.split("<", 1)[0] for deel in html.split('<span class="afspraak__code">')[1:]]


def test_partij_corporatie_ziet_haar_trekkerschap(client):
    opbouw = paginawereld(4)
    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(partij_url(opbouw, opbouw.corporatie)).content.decode()
    assert "Wat Woonservice toezegt" in html
    assert sorted(codes_op_pagina(html)) == ["B2", "B4"]
    assert "<strong>WS</strong>" in html


def test_partij_gemeente_en_huurders_ook(client):
    opbouw = paginawereld(4)
    client.force_login(opbouw.corporatie_gebruiker)
    html = client.get(partij_url(opbouw, opbouw.gemeente)).content.decode()
    assert sorted(codes_op_pagina(html)) == ["A1", "A3"]
    # The huurders lead nothing but take a step in every afspraak of 2026.
    html = client.get(partij_url(opbouw, opbouw.huurders)).content.decode()
    assert sorted(codes_op_pagina(html)) == ["A1", "A3", "B2", "B4"]
    assert "Stappen in 2026" in html
    assert "Huurders doen mee aan 0" in html
    assert "4 afspraken waarin deze partij trekker is of een stap zet." in html


def test_partij_toont_alleen_eigen_stappen(client):
    opbouw = paginawereld(2)
    b2 = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="B2")
    Stap.objects.create(
        jaarafspraak=b2.jaarafspraken.get(), organisatie=opbouw.corporatie, tekst="WS renoveert"
    )
    client.force_login(opbouw.gemeente_gebruiker)
    html = client.get(partij_url(opbouw, opbouw.corporatie)).content.decode()
    assert "WS renoveert" in html
    assert "Huurders doen mee" not in html


def test_partij_geen_partij_404_en_buitenstaander_403(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.gemeente_gebruiker)
    vreemd = factories.OrganisatieFactory()
    assert client.get(partij_url(opbouw, vreemd)).status_code == 404
    client.force_login(opbouw.buitenstaander)
    assert client.get(partij_url(opbouw, opbouw.corporatie)).status_code == 403
