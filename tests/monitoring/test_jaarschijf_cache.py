"""The jaarschijf page's cached rows (monitoring.cache): an edit shows at once to every role,
whichever way it was written, and a cached row never carries another viewer's controls or
CSRF token."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from afspraken import services
from afspraken.constants import Voortgang
from afspraken.models import Jaarafspraak, Stap, Thema
from gemeenten import generaties
from gemeenten.models import Organisatie
from monitoring import cache as fragmentcache
from tests.wereld import autorisatiewereld, bevroren
from voorraad.models import Voorraadmutatie

pytestmark = pytest.mark.django_db

ROLLEN = ("gemeente_medewerker", "corporatie_medewerker", "huurders_medewerker")


def url(jaarschijf) -> str:
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def paginas(wereld, jaarschijf) -> dict:
    """{role: the page's HTML} for the three parties' staff."""
    result = {}
    for rol in ROLLEN:
        client = Client()
        client.force_login(wereld.gebruiker(rol))
        response = client.get(url(jaarschijf))
        assert response.status_code == 200
        result[rol] = response.content.decode()
    return result


@pytest.fixture
def wereld():
    cache.clear()
    sc = autorisatiewereld()
    paginas(sc, sc.a.jaarschijf)  # every role's rows are in the cache now
    return sc


def zien_allen(wereld, tekst: str) -> None:
    for rol, html in paginas(wereld, wereld.a.jaarschijf).items():
        assert escape(tekst) in html, rol


def test_a_second_viewer_with_the_same_rights_gets_every_row_from_the_cache(wereld, monkeypatch):
    gevraagd, gerenderd = [], []
    echt = fragmentcache.fragmenten

    def meekijken(sleutels, maak):
        gevraagd.extend(sleutels)
        return echt(sleutels, lambda naam: gerenderd.append(naam) or maak(naam))

    monkeypatch.setattr(fragmentcache, "fragmenten", meekijken)
    client = Client()
    client.force_login(wereld.gebruiker("corporatie_ondertekenaar"))  # as corporatie_medewerker
    assert client.get(url(wereld.a.jaarschijf)).status_code == 200
    assert len(gevraagd) == len(wereld.a.jaarafspraken)
    assert gerenderd == []


def test_an_afspraak_text_edited_through_the_service_shows_to_every_role(wereld):
    afspraak = wereld.a.afspraken[1]
    services.afspraak_bijwerken(
        afspraak=afspraak,
        versie=afspraak.versie,
        thema=afspraak.thema,
        code=afspraak.code,
        inhoud="Nieuwe tekst: 40 woningen erbij",
        trekkers=list(afspraak.trekkers.all()),
        door=wereld.gebruiker("gemeente_medewerker"),
    )
    zien_allen(wereld, "Nieuwe tekst: 40 woningen erbij")


def test_a_step_edited_added_or_renamed_behind_the_services_back_shows_at_once(wereld):
    stap = wereld.a.stappen[1]
    services.stap_bijwerken(
        stap=stap,
        versie=stap.versie,
        organisatie=stap.organisatie,
        tekst="Stap herschreven",
        door=wereld.gebruiker("gemeente_medewerker"),
    )
    zien_allen(wereld, "Stap herschreven")
    # Written past the services (no version moves): the content decides, not the versions.
    # Such a write sends no signal, so it renews the pages itself, as every bulk write does
    # (gemeenten.generaties); the rows then must not come from the cache.
    Stap.objects.filter(pk=stap.pk).update(tekst="Stap zonder versie")
    generaties.geschreven(Stap, [stap])
    zien_allen(wereld, "Stap zonder versie")
    Organisatie.objects.filter(pk=stap.organisatie_id).update(naam="Corporatie Hernoemd")
    generaties.vernieuwen(alles=True)
    zien_allen(wereld, "Corporatie Hernoemd")


def test_a_status_change_and_a_step_done_show_at_once(wereld):
    ja = wereld.a.jaarafspraken[1]
    Jaarafspraak.objects.filter(pk=ja.pk).update(status=Voortgang.AANDACHT)
    generaties.geschreven(Jaarafspraak, [ja])  # past the signals, see above
    for rol, html in paginas(wereld, wereld.a.jaarschijf).items():
        assert f"status--{Voortgang.AANDACHT}" in html, rol
        # Named as progress, apart from the agreed plan (#15 point 3).
        assert 'Voortgang: <span class="status status--' in html, rol
    services.stap_afronden(
        stap=wereld.a.stappen[1], afgerond=True, door=wereld.gebruiker("gemeente_medewerker")
    )
    for rol, html in paginas(wereld, wereld.a.jaarschijf).items():
        assert "stap--afgerond" in html, rol


def test_a_theme_rename_and_a_stock_figure_show_at_once(wereld):
    Thema.objects.filter(pk=wereld.a.thema.pk).update(naam="Thema met nieuwe naam")
    mutatie = wereld.a.mutaties[0]
    Voorraadmutatie.objects.filter(pk=mutatie.pk).update(aantal=98765)
    generaties.geschreven(Voorraadmutatie, [mutatie])  # past the signals, see above
    for rol, html in paginas(wereld, wereld.a.jaarschijf).items():
        assert "Thema met nieuwe naam" in html, rol
        assert "98.765" in html, rol


@pytest.mark.parametrize("status", ["vastgesteld", "ondertekend"])
def test_a_frozen_jaarschijf_never_shows_another_viewers_controls(status):
    cache.clear()
    sc = bevroren(status)
    js = sc.a.jaarschijf
    stap = sc.a.stappen[0]  # C1's step: C1 may mark it done, the tenants may not
    afronden = reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk})
    corporatie = Client(enforce_csrf_checks=True)
    corporatie.force_login(sc.gebruiker("corporatie_medewerker"))
    assert afronden in corporatie.get(url(js)).content.decode()
    for rol in ("huurders_medewerker",):
        client = Client()
        client.force_login(sc.gebruiker(rol))
        html = client.get(url(js)).content.decode()
        assert escape(stap.tekst) in html
        assert afronden not in html, rol
        assert fragmentcache.CSRF_PLAATSHOUDER not in html
    # A colleague with the same rights gets the cached row, with a token of their own.
    collega = Client(enforce_csrf_checks=True)
    collega.force_login(sc.gebruiker("corporatie_ondertekenaar"))
    html = collega.get(url(js)).content.decode()
    formulier = html[html.index(f'action="{afronden}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulier).group(1)
    response = collega.post(afronden, {"afgerond": "1", "csrfmiddlewaretoken": token})
    assert response.status_code in (200, 302)
    assert Stap.objects.get(pk=stap.pk).afgerond
