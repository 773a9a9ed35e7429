"""Whole pages from the cache (gemeenten.paginacache, issue #13 point 3): a page is served
without reading its content again until its gemeente is written to, an edit shows at once to
every role, and a cached page never carries another person's name, token or message."""

import re

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from afspraken import services as afspraken_services
from gemeenten import generaties, paginacache
from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from monitoring import services as monitoring_services
from tests.wereld import autorisatiewereld, lid

pytestmark = pytest.mark.django_db

ROLLEN = ("gemeente_medewerker", "corporatie_medewerker", "huurders_medewerker")
# A page from the cache: the session, the user, the permission check's own rows, the
# generations and the page (the trivial view of the bench runs 5 of these).
UIT_DE_CACHE = 8


@pytest.fixture
def wereld():
    cache.clear()
    return autorisatiewereld()


def jaarschijf_url(jaarschijf) -> str:
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def client_van(wereld, rol, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(wereld.gebruiker(rol))
    return client


def html_van(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert paginacache.CSRF_PLAATSHOUDER not in html
    return html


def opmerking(wereld, tekst):
    return monitoring_services.opmerking_plaatsen(
        jaarschijf=wereld.a.jaarschijf,
        jaarafspraak=wereld.a.jaarafspraken[0],
        tekst=tekst,
        door=wereld.gebruiker("huurders_medewerker"),
    )


def test_a_page_read_again_comes_from_the_cache(wereld, django_assert_max_num_queries):
    client = client_van(wereld, "gemeente_medewerker")
    url = jaarschijf_url(wereld.a.jaarschijf)
    eerste = html_van(client, url)
    with django_assert_max_num_queries(UIT_DE_CACHE):
        tweede = html_van(client, url)
    zonder_token = re.compile(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"')
    assert zonder_token.sub("", eerste) == zonder_token.sub("", tweede)


@pytest.fixture
def opgeslagen(monkeypatch) -> list:
    """The keys of the pages stored while the test runs."""
    sleutels, echt = [], paginacache.cache

    class Meekijker:
        def get(self, sleutel):
            return echt.get(sleutel)

        def set(self, sleutel, waarde, levensduur):
            sleutels.append(sleutel)
            echt.set(sleutel, waarde, levensduur)

    monkeypatch.setattr(paginacache, "cache", Meekijker())
    return sleutels


@pytest.mark.parametrize(
    "naam",
    [
        "afspraken:overeenkomst-detail",
        "afspraken:afspraak-lijst",
        "monitoring:smart-check",
        "monitoring:dashboard-overeenkomst",
        "monitoring:jaarschijf",
        "monitoring:ondertekenen",
        "monitoring:start",
    ],
)
def test_every_cached_page_is_rendered_again_after_an_edit(wereld, naam, opgeslagen):
    if naam == "monitoring:start":
        url = reverse(naam)
    elif naam in ("monitoring:jaarschijf", "monitoring:ondertekenen"):
        url = reverse(naam, kwargs={"jaarschijf_pk": wereld.a.jaarschijf.pk})
    else:
        url = reverse(naam, kwargs={"overeenkomst_pk": wereld.a.overeenkomst.pk})
    client = client_van(wereld, "gemeente_medewerker")
    html_van(client, url)
    html_van(client, url)
    assert len(opgeslagen) == 1
    afspraak = wereld.a.afspraken[0]
    afspraken_services.afspraak_bijwerken(
        afspraak=afspraak,
        versie=afspraak.versie,
        thema=afspraak.thema,
        code=afspraak.code,
        inhoud="Inhoud na de wijziging",
        trekkers=list(afspraak.trekkers.all()),
        door=wereld.gebruiker("gemeente_medewerker"),
    )
    html = html_van(client, url)
    assert len(opgeslagen) == 2
    if naam in ("afspraken:afspraak-lijst", "monitoring:jaarschijf"):
        assert "Inhoud na de wijziging" in html


def test_a_remark_shows_at_once_to_every_role(wereld):
    url = jaarschijf_url(wereld.a.jaarschijf)
    clients = {rol: client_van(wereld, rol) for rol in ROLLEN}
    for client in clients.values():
        html_van(client, url)
    opmerking(wereld, "Graag eerder overleg over de wachtlijst")
    for rol, client in clients.items():
        assert escape("Graag eerder overleg over de wachtlijst") in html_van(client, url), rol


def test_a_write_in_another_gemeente_leaves_the_page_in_the_cache(
    wereld, django_assert_max_num_queries
):
    client = client_van(wereld, "gemeente_medewerker")
    url = jaarschijf_url(wereld.a.jaarschijf)
    html_van(client, url)
    voor = generaties.tokens([wereld.a.gemeente.pk])
    monitoring_services.opmerking_plaatsen(
        jaarschijf=wereld.b.jaarschijf,
        tekst="Elders",
        door=wereld.gebruiker("superuser"),
    )
    assert generaties.tokens([wereld.a.gemeente.pk]) == voor
    with django_assert_max_num_queries(UIT_DE_CACHE):
        html_van(client, url)


def test_an_organisation_renamed_renews_every_page(wereld):
    client = client_van(wereld, "gemeente_medewerker")
    url = jaarschijf_url(wereld.a.jaarschijf)
    html_van(client, url)
    corporatie = Organisatie.objects.get(pk=wereld.c1.pk)
    corporatie.naam = "Woonstichting Hernoemd"
    corporatie.save()
    assert "Woonstichting Hernoemd" in html_van(client, url)


def test_logging_in_renews_nothing(wereld):
    voor = generaties.tokens([wereld.a.gemeente.pk])
    client_van(wereld, "gemeente_medewerker")  # stamps last_login
    assert generaties.tokens([wereld.a.gemeente.pk]) == voor


def test_two_people_never_share_a_page(wereld):
    """Same organisation, same rights: each sees their own name in the header."""
    url = jaarschijf_url(wereld.a.jaarschijf)
    medewerker = wereld.gebruiker("corporatie_medewerker")
    ondertekenaar = wereld.gebruiker("corporatie_ondertekenaar")
    zijn = html_van(client_van(wereld, "corporatie_medewerker"), url)
    haar = html_van(client_van(wereld, "corporatie_ondertekenaar"), url)
    assert escape(str(medewerker)) in zijn and escape(str(medewerker)) not in haar
    assert escape(str(ondertekenaar)) in haar


def test_a_cached_page_carries_the_requests_own_csrf_token(wereld):
    """An attacker's view: the page was stored from someone's request; a second session gets
    a token its own cookie accepts, and posting with it works."""
    url = jaarschijf_url(wereld.a.jaarschijf)
    html_van(client_van(wereld, "huurders_medewerker"), url)
    tweede = client_van(wereld, "huurders_medewerker", enforce_csrf_checks=True)
    html = html_van(tweede, url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    plaatsen = reverse(
        "monitoring:jaarafspraak-opmerking-plaatsen",
        kwargs={"jaarafspraak_pk": wereld.a.jaarafspraken[0].pk},
    )
    response = tweede.post(
        plaatsen, {"opmerking": "Met het eigen token", "csrfmiddlewaretoken": token}
    )
    assert response.status_code in (200, 302)
    assert "Met het eigen token" in html_van(tweede, url)


def test_a_page_with_a_message_is_neither_served_nor_stored(wereld, rf):
    client = client_van(wereld, "huurders_medewerker")
    url = jaarschijf_url(wereld.a.jaarschijf)
    html_van(client, url)
    plaatsen = reverse(
        "monitoring:jaarafspraak-opmerking-plaatsen",
        kwargs={"jaarafspraak_pk": wereld.a.jaarafspraken[0].pk},
    )
    response = client.post(plaatsen, {"opmerking": "Nog een opmerking"}, follow=True)
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    later = html_van(client, url)
    for melding in meldingen:
        assert escape(melding) not in later


def test_a_commit_renews_the_token_again(wereld, django_capture_on_commit_callbacks):
    """Renewed at the write and again at the commit: a page rendered between the two, from
    what was not yet committed, is never served afterwards."""
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        opmerking(wereld, "Binnen de transactie")
        tijdens = generaties.tokens([wereld.a.gemeente.pk])
    assert generaties.tokens([wereld.a.gemeente.pk]) != tijdens


def test_bulk_writes_renew_their_gemeente(wereld):
    from afspraken.services import bulk

    client = client_van(wereld, "gemeente_medewerker")
    url = jaarschijf_url(wereld.a.jaarschijf)
    html_van(client, url)
    stap = wereld.a.stappen[0]
    stap.tekst = "Bijgewerkt in bulk"
    bulk.bijwerken(type(stap), [stap], ["tekst"], door=wereld.gebruiker("gemeente_medewerker"))
    assert "Bijgewerkt in bulk" in html_van(client, url)


# Rows on no cached page: a person's own message settings and calendar link.
NIET_GEVOLGD = {"monitoring.Berichtinstelling", "monitoring.Kalendertoken"}


def test_every_model_of_the_domain_renews_its_pages():
    """A new model that pages show must say how it reaches its gemeente (generaties.volgen),
    or its writes would leave pages stale."""
    ontbrekend = [
        model._meta.label
        for app in ("gemeenten", "afspraken", "voorraad", "monitoring")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
        and model._meta.label not in NIET_GEVOLGD
        and model not in generaties._paden
    ]
    assert ontbrekend == []


def test_the_permission_is_checked_before_the_cache_is_asked(wereld):
    """An attacker's replay: a page a party has in the cache stays 403 for another
    gemeente's staff, and their request stores nothing."""
    url = jaarschijf_url(wereld.a.jaarschijf)
    html_van(client_van(wereld, "gemeente_medewerker"), url)
    buitenstaander = Client()
    buitenstaander.force_login(lid(wereld.b.gemeente_org, Rol.MEDEWERKER))
    assert buitenstaander.get(url).status_code == 403
    assert buitenstaander.get(url).status_code == 403
