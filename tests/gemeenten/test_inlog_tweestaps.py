"""Enrolling a second factor needs the mailed link, not the password alone (issue 14,
point 7). The attack, replayed: someone with the password of an ondertekenaar who has not
set up two-factor yet logs in and tries to enrol their own authenticator app.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.constants import Rol
from gemeenten.services import tweestaps
from tests import factories
from tests.gemeenten.test_tweestaps import code_van, inloggen, met_apparaat
from tests.wereld import lid

pytestmark = pytest.mark.django_db

INSTELLEN = "/account/tweestaps/instellen/"


@pytest.fixture(autouse=True)
def tweestaps_verplicht(settings):
    settings.TWEESTAPS_VERPLICHT = True
    # The pause between two link mails lives in the cache, which outlives a test.
    cache.clear()


@pytest.fixture
def ondertekenaar():
    gebruiker = lid(factories.OrganisatieFactory(), Rol.MEDEWERKER, Rol.ONDERTEKENAAR)
    gebruiker.email = "onder@gemeente.example.nl"
    gebruiker.save()
    return gebruiker


def link_uit_mail() -> str:
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["onder@gemeente.example.nl"]
    return re.search(r"https?://\S+", mail.outbox[0].body).group(0)


def test_password_alone_cannot_enrol_an_app(client, ondertekenaar):
    aanvaller = client
    inloggen(aanvaller, ondertekenaar)
    pagina = aanvaller.get(reverse("gemeenten:tweestaps_instellen"))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "<svg" not in tekst and "sleutel" not in pagina.context
    assert "o\u2022\u2022\u2022@gemeente.example.nl" in tekst
    # No app is prepared, so there is no key to read and no code to send.
    assert not TOTPDevice.objects.filter(user=ondertekenaar).exists()
    # Posting a code (any code) or a made-up key enrols nothing.
    aanvaller.post(INSTELLEN, {"code": "123456"})
    aanvaller.get(INSTELLEN, {"sleutel": "1:abc:def"})
    andere = lid(factories.OrganisatieFactory(), Rol.MEDEWERKER, Rol.ONDERTEKENAAR)
    aanvaller.get(INSTELLEN, {"sleutel": tweestaps.inschrijfsleutel(andere)})
    assert not TOTPDevice.objects.filter(user=ondertekenaar).exists()
    assert aanvaller.get(reverse("monitoring:start")).status_code == 302


def test_with_the_mailed_link_the_owner_enrols(client, ondertekenaar):
    inloggen(client, ondertekenaar)
    client.post(INSTELLEN, {"link": "1"})
    link = link_uit_mail()
    pagina = client.get(link)
    assert "<svg" in pagina.content.decode()
    apparaat = TOTPDevice.objects.get(user=ondertekenaar, confirmed=False)
    response = client.post(INSTELLEN, {"code": code_van(apparaat)})
    assert response.status_code == 200
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get(reverse("monitoring:start")).status_code == 200
    # The link is spent: enrolled once, it enrols nothing again, in no session.
    tweede = Client()
    inloggen(tweede, ondertekenaar)
    assert "<svg" not in tweede.get(link).content.decode()


def test_the_link_works_only_in_a_session_of_its_own_account(client, ondertekenaar):
    inloggen(client, ondertekenaar)
    client.post(INSTELLEN, {"link": "1"})
    link = link_uit_mail()
    ander = lid(factories.OrganisatieFactory(), Rol.MEDEWERKER, Rol.BEHEERDER, username="ander")
    vreemde = Client()
    inloggen(vreemde, ander)
    assert "<svg" not in vreemde.get(link).content.decode()


def test_the_link_expires(client, ondertekenaar):
    import datetime

    import time_machine

    inloggen(client, ondertekenaar)
    client.post(INSTELLEN, {"link": "1"})
    link = link_uit_mail()
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(
        seconds=tweestaps.INSCHRIJFLINK_GELDIG + 60
    )
    with time_machine.travel(later):
        assert "<svg" not in client.get(link).content.decode()


def test_a_verified_session_may_replace_its_app_without_a_link(client, ondertekenaar):
    oud, _codes = met_apparaat(ondertekenaar)
    client.force_login(ondertekenaar)
    sessie = client.session
    sessie["otp_device_id"] = oud.persistent_id
    sessie.save()
    assert "<svg" in client.get(INSTELLEN).content.decode()


def test_the_link_is_not_mailed_again_within_minutes(client, ondertekenaar):
    inloggen(client, ondertekenaar)
    client.post(INSTELLEN, {"link": "1"})
    tweede = client.post(INSTELLEN, {"link": "1"})
    assert "Er is zojuist al een link verstuurd" in tweede.content.decode()
    assert len(mail.outbox) == 1
