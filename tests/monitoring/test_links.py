"""Links in e-mails and calendar feeds are absolute (issue #11, point 6): a mail client or a
calendar app has no page to resolve a bare path against. They are built on the setting
DRIEHOEK_BASIS_URL (monitoring.links.absolute_url)."""

import datetime
import re
from html import unescape
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from afspraken import services as afspraken_services
from afspraken.models import Jaarafspraak
from gemeenten.models import Gebruiker
from monitoring import services
from monitoring.berichten import termijnen_melden
from monitoring.links import absolute_url
from monitoring.models_voortgang import Agendapunt, Kalendertoken
from tests.monitoring.ondertekenwereld import tekenwereld
from tests.wereld import autorisatiewereld

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("basis")]

BASIS = "https://driehoek.example.nl"
WACHTWOORD = "driehoek-test"  # tests/factories.py


@pytest.fixture
def basis():
    with override_settings(DRIEHOEK_BASIS_URL=BASIS):
        yield


def test_absolute_url_prefixes_a_path_once():
    assert absolute_url("/a/") == f"{BASIS}/a/"
    assert absolute_url("a/") == f"{BASIS}/a/"
    assert absolute_url(f"{BASIS}/a/") == f"{BASIS}/a/"
    with override_settings(DRIEHOEK_BASIS_URL=BASIS + "/"):
        assert absolute_url("/a/") == f"{BASIS}/a/"


def test_status_mails_link_to_the_jaarschijf_in_full(django_capture_on_commit_callbacks):
    sc = autorisatiewereld()
    gemeente = sc.gebruiker("gemeente_medewerker")
    pagina = BASIS + reverse("monitoring:jaarschijf", args=[sc.a.jaarschijf.pk])
    with django_capture_on_commit_callbacks(execute=True):
        afspraken_services.jaarschijf_ter_bespreking(jaarschijf=sc.a.jaarschijf, door=gemeente)
    # Through the login page with the addressee filled in, on to the jaarschijf (#15 point 8).
    inloggen = f"{BASIS}{reverse('gemeenten:login')}?next={quote(pagina.removeprefix(BASIS))}"
    assert mail.outbox
    for bericht in mail.outbox:
        ontvanger = Gebruiker.objects.get(email=bericht.to[0])
        assert f"{inloggen}&gebruiker={ontvanger.username}" in bericht.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        afspraken_services.jaarschijf_vaststellen(jaarschijf=sc.a.jaarschijf, door=gemeente)
    # Ready to sign: the signing page itself, naming the person, who logs in and signs there.
    tekenen = BASIS + reverse("monitoring:ondertekenen", args=[sc.a.jaarschijf.pk])
    assert mail.outbox
    for bericht in mail.outbox:
        (ontvanger,) = Gebruiker.objects.filter(email=bericht.to[0])
        assert f"{tekenen}?gebruiker={ontvanger.username}" in bericht.body


def _inloggen_via_de_link(client, bericht, bestemming: str) -> None:
    """Follows the mail's link logged out, as its addressee would: the login form has their
    username filled in, and logging in through it lands on `bestemming`."""
    ontvanger = Gebruiker.objects.get(email=bericht.to[0])
    link = re.search(rf"{re.escape(BASIS)}\S+", bericht.body).group()
    client.logout()
    html = client.get(link.removeprefix(BASIS)).content.decode()
    assert f'name="username" value="{ontvanger.username}"' in html
    volgende = unescape(re.search(r'name="next" value="([^"]*)"', html).group(1))
    response = client.post(
        reverse("gemeenten:login"),
        {"username": ontvanger.username, "password": WACHTWOORD, "next": volgende},
    )
    assert response.status_code == 302
    assert response["Location"] == bestemming
    assert client.get(bestemming).status_code == 200


def test_a_deadline_mail_logs_in_with_the_username_filled_in_and_lands_on_the_agenda(client):
    sc = autorisatiewereld()
    punt = Agendapunt.objects.create(
        jaarschijf=sc.a.jaarschijf,
        wanneer="voor 1 juli",
        datum=datetime.date(2026, 7, 1),
        wat="Bod",
    )
    punt.wie.set([sc.c1])
    assert termijnen_melden(vandaag=datetime.date(2026, 6, 24)) > 0
    agenda = reverse("monitoring:agenda", args=[sc.a.jaarschijf.pk])
    for bericht in mail.outbox:
        (ontvanger,) = Gebruiker.objects.filter(email=bericht.to[0])
        inloggen = f"{BASIS}{reverse('gemeenten:login')}?next={quote(agenda)}"
        assert f"{inloggen}&gebruiker={ontvanger.username}" in bericht.body
    medewerker = sc.gebruiker("corporatie_medewerker")
    bericht = next(b for b in mail.outbox if b.to == [medewerker.email])
    _inloggen_via_de_link(client, bericht, agenda)


def test_a_reply_mail_logs_in_with_the_username_filled_in_and_lands_on_the_thread(
    client, django_capture_on_commit_callbacks
):
    sc = autorisatiewereld()
    huurder = sc.gebruiker("huurders_medewerker")
    ja = Jaarafspraak.objects.filter(jaarschijf=sc.a.jaarschijf).first()
    opmerking = services.opmerking_plaatsen(
        jaarschijf=sc.a.jaarschijf, jaarafspraak=ja, tekst="Wanneer?", door=huurder
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.opmerking_reageren(
            opmerking=opmerking, tekst="In juni.", door=sc.gebruiker("gemeente_medewerker")
        )
    (bericht,) = mail.outbox
    assert bericht.to == [huurder.email]
    draad = (
        reverse("monitoring:jaarschijf", args=[sc.a.jaarschijf.pk])
        + f"#opmerkingen-afspraak-{ja.afspraak_id}"
    )
    _inloggen_via_de_link(client, bericht, draad)
    # Logged in already: the link goes straight on.
    link = re.search(rf"{re.escape(BASIS)}\S+", bericht.body).group()
    assert client.get(link.removeprefix(BASIS))["Location"] == draad


def test_the_signing_reminder_links_to_the_signing_page_in_full(client):
    wereld = tekenwereld()
    gemeente = wereld.organisaties()[0]
    client.force_login(wereld.tekenaars[gemeente.pk])
    url = reverse("monitoring:ondertekenen-herinneren", args=[wereld.jaarschijf.pk])
    assert client.post(url).status_code == 302
    ondertekenen = BASIS + reverse("monitoring:ondertekenen", args=[wereld.jaarschijf.pk])
    assert mail.outbox and all(ondertekenen in bericht.body for bericht in mail.outbox)
    assert "testserver" not in mail.outbox[0].body


def test_the_calendar_feed_and_its_items_link_in_full(client):
    sc = autorisatiewereld()
    Agendapunt.objects.create(
        jaarschijf=sc.a.jaarschijf,
        wanneer="1 april",
        datum=datetime.date(2026, 4, 1),
        wat="Overleg",
    )
    gebruiker = sc.gebruiker("corporatie_medewerker")
    client.force_login(gebruiker)
    client.post(reverse("monitoring:mijn-kalender"))
    token = Kalendertoken.objects.get(gebruiker=gebruiker).token
    feed = BASIS + reverse("monitoring:kalender-ics", kwargs={"token": token})
    assert feed in client.get(reverse("monitoring:mijn-kalender")).content.decode()

    tekst = client.get(feed.removeprefix(BASIS)).content.decode().replace("\r\n ", "")
    agenda = BASIS + reverse("monitoring:agenda", args=[sc.a.jaarschijf.pk])
    assert f"URL:{agenda}\r\n" in tekst
    cyclus = BASIS + reverse("monitoring:kalender", args=[sc.a.jaarschijf.overeenkomst.gemeente_id])
    assert f"URL:{cyclus}\r\n" in tekst
