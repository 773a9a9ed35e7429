"""Editing an overeenkomst through its pages: the agreement, its parties and its themes.

Every form works as a plain POST that redirects (no JavaScript), and through htmx, where
a request with `HX-Request: true` gets the form partial back.
"""

import pytest
from django.urls import reverse

from afspraken.models import Overeenkomst, Partij, Thema
from tests import factories
from tests.wereld import HTMX, paginawereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def opbouw():
    return paginawereld(3)


def detail(overeenkomst):
    return reverse("afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": overeenkomst.pk})


def test_overeenkomst_aanmaken_zonder_javascript(gemeente, opbouw):
    url = reverse("afspraken:overeenkomst-aanmaken")
    assert gemeente.get(url).status_code == 200
    response = gemeente.post(
        url,
        {
            "titel": "Prestatieafspraken 2027-2030",
            "startdatum": "2027-01-01",
            "einddatum": "2030-12-31",
        },
    )
    nieuw = Overeenkomst.objects.get(titel="Prestatieafspraken 2027-2030")
    assert response.status_code == 302
    assert response["Location"] == detail(nieuw)
    assert nieuw.gemeente_id == opbouw.gemeente.gemeente_id
    assert list(nieuw.partijen.all()) == [opbouw.gemeente]
    html = gemeente.get(response["Location"]).content.decode()
    assert "De overeenkomst is aangemaakt." in html
    assert "2027-2030" in html


def test_overeenkomst_ongeldig_houdt_invoer_met_nederlandse_melding(gemeente):
    response = gemeente.post(
        reverse("afspraken:overeenkomst-aanmaken"),
        {"titel": "Mijn getypte titel", "startdatum": "2030-01-01", "einddatum": "2027-12-31"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "De einddatum ligt voor de startdatum." in html
    assert 'value="Mijn getypte titel"' in html
    assert "uw invoer staat er nog" in html
    assert not Overeenkomst.objects.filter(titel="Mijn getypte titel").exists()


def test_overeenkomst_verplicht_veld_nederlandse_melding(gemeente):
    response = gemeente.post(
        reverse("afspraken:overeenkomst-aanmaken"), {"startdatum": "2027-01-01"}
    )
    assert "Dit veld is verplicht." in response.content.decode()


def test_overeenkomst_aanmaken_alleen_door_gemeente(client, opbouw):
    for gebruiker in (opbouw.corporatie_gebruiker, opbouw.huurders_gebruiker):
        client.force_login(gebruiker)
        assert client.get(reverse("afspraken:overeenkomst-aanmaken")).status_code == 403


def test_overeenkomst_bewerken_en_htmx_partial(gemeente, opbouw):
    url = reverse(
        "afspraken:overeenkomst-bewerken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk}
    )
    volledig = gemeente.get(url).content.decode()
    assert "<html" in volledig and "Overeenkomst bewerken" in volledig
    partial = gemeente.get(url, **HTMX).content.decode()
    assert "<html" not in partial and "<form" in partial and 'hx-post="' in partial
    assert f'value="{opbouw.overeenkomst.titel}"' in partial

    # htmx: an invalid POST answers the form again, with the input kept.
    fout = gemeente.post(
        url, {"titel": "Nieuw", "startdatum": "2030-01-01", "einddatum": "2020-01-01"}, **HTMX
    )
    assert fout.status_code == 200
    assert "<html" not in fout.content.decode()
    assert "De einddatum ligt voor de startdatum." in fout.content.decode()

    # htmx: a valid POST sends the browser on to the agreement page.
    goed = gemeente.post(
        url,
        {
            "titel": "Nieuwe titel",
            "startdatum": "2024-01-01",
            "einddatum": "2028-12-31",
            "versie": opbouw.overeenkomst.versie,
        },
        **HTMX,
    )
    assert goed.status_code == 200
    assert goed["HX-Redirect"] == detail(opbouw.overeenkomst)
    opbouw.overeenkomst.refresh_from_db()
    assert opbouw.overeenkomst.titel == "Nieuwe titel"


def test_overeenkomst_bewerken_geweigerd_voor_partners(client, opbouw):
    url = reverse(
        "afspraken:overeenkomst-bewerken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk}
    )
    client.force_login(opbouw.corporatie_gebruiker)
    assert client.get(url).status_code == 403
    assert client.post(url, {"titel": "x"}).status_code == 403


def test_overeenkomst_pagina_toont_bewerklinks_alleen_aan_gemeente(client, opbouw):
    bewerken = reverse(
        "afspraken:overeenkomst-bewerken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk}
    )
    client.force_login(opbouw.gemeente_gebruiker)
    assert bewerken in client.get(detail(opbouw.overeenkomst)).content.decode()
    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(detail(opbouw.overeenkomst)).content.decode()
    assert bewerken not in html
    assert "Partijen beheren" not in html


def test_partijen_toevoegen_bewerken_verwijderen(gemeente, opbouw):
    overeenkomst = opbouw.overeenkomst
    url = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": overeenkomst.pk})
    nieuw = factories.HuurdersorganisatieFactory(naam="Huurdersraad Exloo")
    assert "Vertegenwoordiger WS" in gemeente.get(url).content.decode()

    response = gemeente.post(
        url, {"organisatie": nieuw.pk, "vertegenwoordiger": "J. Jansen", "functie": "Voorzitter"}
    )
    assert response.status_code == 302
    partij = Partij.objects.get(overeenkomst=overeenkomst, organisatie=nieuw)
    assert partij.vertegenwoordiger == "J. Jansen"

    bewerk = reverse("afspraken:partij-bewerken", kwargs={"partij_pk": partij.pk})
    gemeente.post(
        bewerk, {"vertegenwoordiger": "P. de Vries", "functie": "Secretaris", "versie": 1}
    )
    partij.refresh_from_db()
    assert partij.vertegenwoordiger == "P. de Vries"

    weg = reverse("afspraken:partij-verwijderen", kwargs={"partij_pk": partij.pk})
    assert gemeente.get(weg).status_code == 200
    assert gemeente.post(weg).status_code == 302
    assert not Partij.objects.filter(pk=partij.pk).exists()


def test_partij_verwijderen_geweigerd_voor_trekker_met_melding(gemeente, opbouw):
    partij = Partij.objects.get(overeenkomst=opbouw.overeenkomst, organisatie=opbouw.corporatie)
    response = gemeente.post(
        reverse("afspraken:partij-verwijderen", kwargs={"partij_pk": partij.pk})
    )
    assert response.status_code == 200
    assert "is nog trekker" in response.content.decode()
    assert Partij.objects.filter(pk=partij.pk).exists()


def test_thema_aanmaken_bewerken_en_volgorde(gemeente, opbouw):
    overeenkomst = opbouw.overeenkomst
    response = gemeente.post(
        reverse("afspraken:thema-aanmaken", kwargs={"overeenkomst_pk": overeenkomst.pk}),
        {"naam": "Duurzaamheid", "letter": "C", "toelichting": ""},
    )
    assert response.status_code == 302
    thema = Thema.objects.get(overeenkomst=overeenkomst, naam="Duurzaamheid")

    gemeente.post(
        reverse("afspraken:thema-bewerken", kwargs={"thema_pk": thema.pk}),
        {"naam": "Duurzaamheid en energie", "letter": "C", "toelichting": "Over C.", "versie": 1},
    )
    thema.refresh_from_db()
    assert thema.naam == "Duurzaamheid en energie"

    verplaats = reverse("afspraken:thema-verplaatsen", kwargs={"thema_pk": thema.pk})
    assert gemeente.get(verplaats).status_code == 200
    assert gemeente.post(verplaats, {"richting": "omhoog"}).status_code == 302
    namen = list(overeenkomst.themas.order_by("volgorde").values_list("naam", flat=True))
    assert namen == ["Beschikbaarheid", "Duurzaamheid en energie", "Betaalbaarheid"]
    gemeente.post(verplaats, {"richting": "omlaag"})
    namen = list(overeenkomst.themas.order_by("volgorde").values_list("naam", flat=True))
    assert namen[-1] == "Duurzaamheid en energie"

    # The agreement page shows the new order.
    html = gemeente.get(detail(overeenkomst)).content.decode()
    assert html.index("B. Betaalbaarheid") < html.index("C. Duurzaamheid en energie")


def test_thema_dubbele_naam_nederlandse_melding(gemeente, opbouw):
    response = gemeente.post(
        reverse("afspraken:thema-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk}),
        {"naam": "Beschikbaarheid", "letter": "Z"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "bestaat al" in html
    assert 'value="Z"' in html


def test_overeenkomst_pagina_toont_partijen_periode_themas_en_jaarschijven(client, opbouw):
    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(detail(opbouw.overeenkomst)).content.decode()
    assert "2024-2028" in html
    for afkorting in ("BO", "WS", "HVSS"):
        assert f"Vertegenwoordiger {afkorting}" in html
    assert html.index("A. Beschikbaarheid") < html.index("B. Betaalbaarheid")
    # Jaarschijven newest first, years without a thousands separator.
    assert html.index(">2026</th>") < html.index(">2025</th>")
    assert "2.026" not in html
    assert reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk}) in html
