"""After wrong codes django-otp makes a device wait (1, 2, 4, 8 ... seconds) and refuses every
code meanwhile, the right one too. The page says so, and how long, instead of "Deze code
klopt niet", which would send a person hunting for a typo that is not there."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten import services
from gemeenten.constants import Rol
from tests import factories
from tests.wereld import lid

pytestmark = pytest.mark.django_db

WACHTWOORD = "driehoek-test"  # tests/factories.py
TE_VAAK = "Er is te vaak een onjuiste code ingevuld."


@pytest.fixture(autouse=True)
def tweestaps_verplicht(settings):
    settings.TWEESTAPS_VERPLICHT = True


@pytest.fixture
def ondertekenaar(client):
    gebruiker = lid(factories.OrganisatieFactory(), Rol.MEDEWERKER, Rol.ONDERTEKENAAR)
    apparaat = TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=True)
    services.herstelcodes_vernieuwen(gebruiker=gebruiker)
    antwoord = client.post(
        reverse("gemeenten:login"), {"username": gebruiker.username, "password": WACHTWOORD}
    )
    assert antwoord.status_code == 302
    return apparaat


def _code(apparaat) -> str:
    return str(totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)).zfill(6)


def _mislukt(apparaat, aantal, geleden=datetime.timedelta(0)):
    apparaat.throttling_failure_count = aantal
    apparaat.throttling_failure_timestamp = timezone.now() - geleden
    apparaat.save()


def _melding(antwoord) -> str:
    html = antwoord.content.decode()
    alert = re.search(r'utrecht-alert--error" role="alert">(.*?)</div>\s*</div>', html, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", alert[1]).strip() if alert else ""


def test_a_right_code_while_throttled_says_to_wait_and_for_how_long(client, ondertekenaar):
    _mislukt(ondertekenaar, 4)  # 8 seconds
    antwoord = client.post(
        reverse("gemeenten:tweestaps_controleren"), {"code": _code(ondertekenaar)}
    )
    assert antwoord.status_code == 200
    melding = _melding(antwoord)
    assert melding.startswith(TE_VAAK)
    assert re.search(r"Probeer het over [1-8] seconden? opnieuw\.", melding), melding
    assert "klopt niet" not in melding
    # Not let in.
    assert client.get(reverse("monitoring:start")).status_code == 302


def test_a_long_wait_names_the_time(client, ondertekenaar):
    _mislukt(ondertekenaar, 13)  # 4096 seconds: more than an hour
    antwoord = client.post(
        reverse("gemeenten:tweestaps_controleren"), {"code": _code(ondertekenaar)}
    )
    melding = _melding(antwoord)
    assert melding.startswith(TE_VAAK)
    assert re.search(r"Probeer het opnieuw na (\d{1,2} \w+ \d{4} )?\d{2}:\d{2}\.", melding), melding


def test_once_the_wait_is_over_the_right_code_lets_in(client, ondertekenaar):
    _mislukt(ondertekenaar, 4, geleden=datetime.timedelta(seconds=9))
    antwoord = client.post(
        reverse("gemeenten:tweestaps_controleren"), {"code": _code(ondertekenaar)}
    )
    assert antwoord.status_code == 302
    assert client.get(reverse("monitoring:start")).status_code == 200


def test_a_wrong_code_without_throttling_is_just_wrong(client, ondertekenaar):
    antwoord = client.post(reverse("gemeenten:tweestaps_controleren"), {"code": "000000"})
    assert _melding(antwoord) == "Deze code klopt niet. Probeer het opnieuw."


def test_the_code_pages_have_one_logout_and_no_browser_default_buttons(client, ondertekenaar):
    html = client.get(reverse("gemeenten:tweestaps_controleren")).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "Uitloggen" not in main  # the header has it
    knoppen = re.findall(r"<button[^>]*>", main)
    assert knoppen and all("utrecht-button--primary-action" in k for k in knoppen)


def test_only_the_device_the_code_is_for_counts(client, ondertekenaar):
    """A waiting recovery-code list does not turn a mistyped app code into "wait"; a
    recovery code typed while that list waits does."""
    herstel = ondertekenaar.user.staticdevice_set.get()
    _mislukt(herstel, 6)
    controleren = reverse("gemeenten:tweestaps_controleren")
    assert "klopt niet" in _melding(client.post(controleren, {"code": "000000"}))
    code = herstel.token_set.first().token
    assert _melding(client.post(controleren, {"code": code})).startswith(TE_VAAK)
