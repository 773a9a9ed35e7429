"""Two-factor login: set up an authenticator app, the verify step after the password,
recovery codes that work once, and the gate that requires it for ondertekenaars, beheerders
and superusers (optional for everyone else).
"""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten import services
from gemeenten.constants import Rol
from tests import factories
from tests.wereld import lid

pytestmark = pytest.mark.django_db

WACHTWOORD = "driehoek-test"  # tests/factories.py


@pytest.fixture(autouse=True)
def tweestaps_verplicht(settings):
    """The gate as in production (tests/conftest.py switches it off for the other tests)."""
    settings.TWEESTAPS_VERPLICHT = True
    return settings


def code_van(apparaat: TOTPDevice) -> str:
    """The code the authenticator app shows now."""
    code = totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)
    return str(code).zfill(apparaat.digits)


def inloggen(client, user):
    response = client.post(
        reverse("gemeenten:login"), {"username": user.username, "password": WACHTWOORD}
    )
    assert response.status_code == 302
    return response


@pytest.fixture
def ondertekenaar():
    organisatie = factories.OrganisatieFactory()
    return lid(organisatie, Rol.MEDEWERKER, Rol.ONDERTEKENAAR, username="onder")


@pytest.fixture
def medewerker():
    return lid(factories.OrganisatieFactory(), Rol.MEDEWERKER, username="mede")


def met_link(client, user):
    """Open the setup page as through the link mailed to the user (gemeenten.services.
    tweestaps): the password alone does not enrol an app (tests/gemeenten/
    test_inlog_tweestaps.py)."""
    sleutel = services.tweestaps.inschrijfsleutel(user)
    client.get(reverse("gemeenten:tweestaps_instellen"), {"sleutel": sleutel})


def met_apparaat(user):
    apparaat = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    codes = services.herstelcodes_vernieuwen(gebruiker=user)
    return apparaat, codes


# --- Setup ----------------------------------------------------------------------------------


def test_ondertekenaar_without_device_must_set_it_up_first(client, ondertekenaar):
    inloggen(client, ondertekenaar)
    start = client.get(reverse("monitoring:start"))
    assert start.status_code == 302
    assert start["Location"] == f"{reverse('gemeenten:tweestaps_instellen')}?next=%2F"
    # Only the step itself and logging out stay open.
    for url in (reverse("gemeenten:account"), reverse("gemeenten:password_change"), "/admin/"):
        assert client.get(url)["Location"].startswith(reverse("gemeenten:tweestaps_instellen"))
    assert client.post(reverse("gemeenten:logout"))["Location"] == reverse("gemeenten:login")


def test_setup_with_a_code_from_the_app(client, ondertekenaar):
    inloggen(client, ondertekenaar)
    met_link(client, ondertekenaar)
    url = reverse("gemeenten:tweestaps_instellen") + "?next=/account/"
    pagina = client.get(url)
    tekst = pagina.content.decode()
    assert "Tweestapsverificatie instellen" in tekst
    assert "<svg" in tekst  # the QR code, inline
    apparaat = TOTPDevice.objects.get(user=ondertekenaar, confirmed=False)
    # The key is also shown for typing into the app by hand.
    assert re.search(r"<code>[A-Z2-7]{32,}=*</code>", tekst)

    response = client.post(url, {"code": code_van(apparaat), "next": "/account/"})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == services.AANTAL_HERSTELCODES
    assert "Tweestapsverificatie staat nu aan." in response.content.decode()
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    # Verified in this session: the pages are open now.
    assert client.get(reverse("monitoring:start")).status_code == 200


def test_setup_refuses_a_wrong_code(client, ondertekenaar):
    inloggen(client, ondertekenaar)
    met_link(client, ondertekenaar)
    client.get(reverse("gemeenten:tweestaps_instellen"))
    response = client.post(reverse("gemeenten:tweestaps_instellen"), {"code": "000000"})
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=ondertekenaar, confirmed=True).exists()
    assert client.get(reverse("monitoring:start")).status_code == 302


def test_setting_up_again_replaces_the_old_app(client, medewerker):
    oud, _codes = met_apparaat(medewerker)
    client.force_login(medewerker)
    sessie = client.session
    sessie["otp_device_id"] = oud.persistent_id
    sessie.save()
    client.get(reverse("gemeenten:tweestaps_instellen"))
    nieuw = TOTPDevice.objects.get(user=medewerker, confirmed=False)
    client.post(reverse("gemeenten:tweestaps_instellen"), {"code": code_van(nieuw)})
    assert list(TOTPDevice.objects.filter(user=medewerker)) == [nieuw]


# --- Verify step ----------------------------------------------------------------------------


def test_login_with_device_asks_for_the_code_then_continues(client, ondertekenaar):
    apparaat, _codes = met_apparaat(ondertekenaar)
    inloggen(client, ondertekenaar)
    account = reverse("gemeenten:account")
    response = client.get(account)
    controleren = reverse("gemeenten:tweestaps_controleren")
    assert response["Location"] == f"{controleren}?next=%2Faccount%2F"
    assert "Code invoeren" in client.get(response["Location"]).content.decode()
    response = client.post(controleren, {"code": code_van(apparaat), "next": account})
    assert response["Location"] == account
    assert client.get(account).status_code == 200


def test_verify_step_refuses_wrong_codes_and_foreign_next(client, ondertekenaar, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    apparaat, _codes = met_apparaat(ondertekenaar)
    inloggen(client, ondertekenaar)
    controleren = reverse("gemeenten:tweestaps_controleren")
    fout = client.post(controleren, {"code": "123456"})
    assert "Deze code klopt niet" in fout.content.decode()
    goed = client.post(controleren, {"code": code_van(apparaat), "next": "https://evil.example/"})
    assert goed["Location"] == "/"


def test_a_code_from_the_app_works_once(client, ondertekenaar):
    apparaat, _codes = met_apparaat(ondertekenaar)
    code = code_van(apparaat)
    inloggen(client, ondertekenaar)
    client.post(reverse("gemeenten:tweestaps_controleren"), {"code": code})
    client.post(reverse("gemeenten:logout"))
    inloggen(client, ondertekenaar)
    response = client.post(reverse("gemeenten:tweestaps_controleren"), {"code": code})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()


def test_recovery_code_works_once(client, ondertekenaar, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    _apparaat, codes = met_apparaat(ondertekenaar)
    controleren = reverse("gemeenten:tweestaps_controleren")
    inloggen(client, ondertekenaar)
    response = client.post(controleren, {"code": codes[0]})
    assert response.status_code == 302
    assert client.get(reverse("monitoring:start")).status_code == 200
    assert StaticToken.objects.filter(device__user=ondertekenaar).count() == len(codes) - 1

    client.post(reverse("gemeenten:logout"))
    inloggen(client, ondertekenaar)
    opnieuw = client.post(controleren, {"code": codes[0]})
    assert opnieuw.status_code == 200
    assert "Deze code klopt niet" in opnieuw.content.decode()
    # The next code still works, typed with spaces and capitals.
    assert client.post(controleren, {"code": f" {codes[1].upper()} "}).status_code == 302


def test_new_recovery_codes_replace_the_old(client, ondertekenaar):
    apparaat, oude = met_apparaat(ondertekenaar)
    inloggen(client, ondertekenaar)
    client.post(reverse("gemeenten:tweestaps_controleren"), {"code": code_van(apparaat)})
    url = reverse("gemeenten:tweestaps_herstelcodes")
    assert "ongebruikte herstelcodes" in client.get(url).content.decode()
    nieuwe = client.post(url).context["codes"]
    assert len(nieuwe) == services.AANTAL_HERSTELCODES
    tokens = set(
        StaticToken.objects.filter(device__user=ondertekenaar).values_list("token", flat=True)
    )
    assert tokens == set(nieuwe)
    assert not tokens & set(oude)


# --- Who must, who may ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rollen", "superuser", "verplicht"),
    [
        ((Rol.MEDEWERKER,), False, False),
        ((Rol.MEDEWERKER, Rol.ONDERTEKENAAR), False, True),
        ((Rol.MEDEWERKER, Rol.BEHEERDER), False, True),
        ((), True, True),
    ],
)
def test_required_for_ondertekenaar_beheerder_and_superuser_only(
    client, rollen, superuser, verplicht
):
    if superuser:
        user = factories.GebruikerFactory(username="su", is_superuser=True, is_staff=True)
    else:
        user = lid(factories.OrganisatieFactory(), *rollen, username="iemand")
    inloggen(client, user)
    response = client.get(reverse("monitoring:start"))
    if verplicht:
        assert response["Location"].startswith(reverse("gemeenten:tweestaps_instellen"))
    else:
        assert response.status_code == 200


def test_optional_for_a_medewerker_but_once_set_up_asked_every_login(client, medewerker):
    inloggen(client, medewerker)
    account = client.get(reverse("gemeenten:account"))
    assert account.status_code == 200
    assert account.context["heeft_tweestaps"] is False
    met_apparaat(medewerker)
    client.post(reverse("gemeenten:logout"))
    inloggen(client, medewerker)
    response = client.get(reverse("gemeenten:account"))
    assert response["Location"].startswith(reverse("gemeenten:tweestaps_controleren"))


def test_gate_can_be_switched_off(client, ondertekenaar, settings):
    settings.TWEESTAPS_VERPLICHT = False
    inloggen(client, ondertekenaar)
    assert client.get(reverse("monitoring:start")).status_code == 200
