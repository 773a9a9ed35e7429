"""The demo logins, through the real login form with the demo password: each party sees the
Borger-Odoorn jaarschijf 2026 and can do exactly what its role allows on it.
"""

import pytest
from django.urls import reverse

from afspraken.models import Jaarafspraak, Jaarschijf
from monitoring.management.demo import WACHTWOORD
from tests.monitoring.test_demo import demo_geladen
from voorraad.models import Voorraadmutatie, Voorraadstand

# The link a gemeente medewerker gets to add a step: only with afspraken.change_inhoud.
STAP_TOEVOEGEN = "/stappen/nieuw/"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_geladen(django_db_blocker):
        yield


@pytest.fixture
def jaarschijf(demo, db):
    return Jaarschijf.objects.select_related("overeenkomst").get(
        overeenkomst__gemeente__naam="Borger-Odoorn", jaar=2026
    )


def inloggen(client, username):
    response = client.post(
        reverse("gemeenten:login"), {"username": username, "password": WACHTWOORD}
    )
    assert response.status_code == 302, f"{username} kan niet inloggen"
    return response.wsgi_request.user


def detail_url(jaarschijf):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def bewerken_url(jaarschijf):
    return reverse("afspraken:jaarschijf-bewerken", kwargs={"jaarschijf_pk": jaarschijf.pk})


def jaarafspraak_url(jaarschijf, code):
    jaarafspraak = Jaarafspraak.objects.get(jaarschijf=jaarschijf, afspraak__code=code)
    return reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk})


@pytest.mark.parametrize(
    "username",
    ["bo.medewerker", "ws.medewerker", "lf.medewerker", "hvss.medewerker", "hu.medewerker"],
)
def test_iedere_partij_ziet_de_jaarschijf(client, jaarschijf, username):
    inloggen(client, username)
    response = client.get(detail_url(jaarschijf))
    assert response.status_code == 200
    assert "Exloo" in response.text


def test_gemeente_medewerker_bewerkt_de_jaarschijf(client, jaarschijf):
    gebruiker = inloggen(client, "bo.medewerker")
    pagina = client.get(detail_url(jaarschijf)).text
    assert bewerken_url(jaarschijf) in pagina
    assert STAP_TOEVOEGEN in pagina
    assert jaarafspraak_url(jaarschijf, "1.1") in pagina
    assert client.get(bewerken_url(jaarschijf)).status_code == 200
    response = client.post(
        bewerken_url(jaarschijf),
        {
            "titel": jaarschijf.titel,
            "inleiding": jaarschijf.inleiding,
            "plaats": "Borger",
            "datum": "2025-11-20",
            "geldig_tot": "2026-12-31",
            "versie": jaarschijf.versie,
        },
    )
    assert response.status_code == 302
    jaarschijf.refresh_from_db()
    assert jaarschijf.plaats == "Borger"
    # Figures are the corporaties' own, not the gemeente's.
    mutatie = Voorraadmutatie.objects.filter(jaarschijf=jaarschijf).first()
    assert not gebruiker.has_perm("voorraad.change_cijfer", mutatie)


@pytest.mark.parametrize(("username", "eigen", "andere"), [("ws", "WS", "LF"), ("lf", "LF", "WS")])
def test_corporatie_wijzigt_alleen_eigen_cijfers(client, jaarschijf, username, eigen, andere):
    gebruiker = inloggen(client, f"{username}.medewerker")
    for model in (Voorraadmutatie, Voorraadstand):
        cijfers = model.objects.filter(jaarschijf=jaarschijf)
        eigen_cijfers = cijfers.filter(corporatie__afkorting=eigen)
        andermans = cijfers.filter(corporatie__afkorting=andere)
        assert eigen_cijfers and andermans
        assert all(gebruiker.has_perm("voorraad.change_cijfer", c) for c in eigen_cijfers)
        assert not any(gebruiker.has_perm("voorraad.change_cijfer", c) for c in andermans)


def test_corporatie_bewerkt_de_inhoud_niet(client, jaarschijf):
    gebruiker = inloggen(client, "ws.medewerker")
    pagina = client.get(detail_url(jaarschijf)).text
    assert bewerken_url(jaarschijf) not in pagina
    assert STAP_TOEVOEGEN not in pagina
    assert not gebruiker.has_perm("afspraken.change_inhoud", jaarschijf)
    assert client.get(bewerken_url(jaarschijf)).status_code == 403
    # As trekker Woonservice updates the year's plan of its own afspraak (1.2), not Lefier's.
    assert jaarafspraak_url(jaarschijf, "1.2") in pagina
    assert jaarafspraak_url(jaarschijf, "1.1") not in pagina
    assert client.get(jaarafspraak_url(jaarschijf, "1.2")).status_code == 200
    assert client.get(jaarafspraak_url(jaarschijf, "1.1")).status_code == 403


def test_huurdersorganisatie_ziet_geen_bewerkknoppen(client, jaarschijf):
    """Samen Sterk reads and edits nothing, not even the voortgang of the 'allen' afspraken
    it shares as trekker (such as 1.3).
    """
    gebruiker = inloggen(client, "hvss.medewerker")
    pagina = client.get(detail_url(jaarschijf)).text
    assert bewerken_url(jaarschijf) not in pagina
    assert STAP_TOEVOEGEN not in pagina
    assert jaarafspraak_url(jaarschijf, "1.1") not in pagina
    assert jaarafspraak_url(jaarschijf, "1.3") not in pagina
    assert client.get(jaarafspraak_url(jaarschijf, "1.3")).status_code == 403
    assert not gebruiker.has_perm("afspraken.change_inhoud", jaarschijf)
    assert client.get(bewerken_url(jaarschijf)).status_code == 403
    response = client.post(bewerken_url(jaarschijf), {"plaats": "Elders", "versie": 1})
    assert response.status_code == 403
    jaarschijf.refresh_from_db()
    assert jaarschijf.plaats == "Exloo"
    assert client.get(jaarafspraak_url(jaarschijf, "1.1")).status_code == 403
    mutatie = Voorraadmutatie.objects.filter(jaarschijf=jaarschijf).first()
    assert not gebruiker.has_perm("voorraad.change_cijfer", mutatie)


def test_hoogeveen_ziet_borger_odoorn_niet(client, jaarschijf):
    inloggen(client, "hgv.medewerker")
    assert client.get(detail_url(jaarschijf)).status_code in (403, 404)
    assert client.get(bewerken_url(jaarschijf)).status_code in (403, 404)


@pytest.mark.parametrize("username", ["bo.ondertekenaar", "ws.beheerder", "admin"])
def test_ondertekenaar_beheerder_en_admin_moeten_tweestaps_instellen(
    client, jaarschijf, settings, username
):
    settings.TWEESTAPS_VERPLICHT = True
    inloggen(client, username)
    response = client.get(detail_url(jaarschijf))
    assert response.status_code == 302
    assert response.url.startswith(reverse("gemeenten:tweestaps_instellen"))


def test_medewerker_hoeft_geen_tweestaps(client, jaarschijf, settings):
    settings.TWEESTAPS_VERPLICHT = True
    inloggen(client, "bo.medewerker")
    assert client.get(detail_url(jaarschijf)).status_code == 200
