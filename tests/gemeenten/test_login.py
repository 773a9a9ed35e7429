"""Logging in and out, password reset by e-mail, lockout after failed logins: all Dutch."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

WACHTWOORD = "driehoek-test"  # tests/factories.py


@pytest.fixture
def gebruiker():
    return factories.GebruikerFactory(username="anna", email="anna@example.org")


def inloggen(client, username="anna", password=WACHTWOORD, **extra):
    return client.post(
        reverse("gemeenten:login"), {"username": username, "password": password}, **extra
    )


def test_login_page_is_dutch(client):
    tekst = client.get(reverse("gemeenten:login")).content.decode()
    assert '<html lang="nl"' in tekst
    for woord in ("Inloggen", "Gebruikersnaam", "Wachtwoord", "Wachtwoord vergeten?"):
        assert woord in tekst


def test_pages_send_anonymous_users_to_login(client):
    response = client.get(reverse("monitoring:start"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('gemeenten:login')}?next=/"


def test_login_with_password_and_back_to_next(client, gebruiker):
    response = client.post(
        reverse("gemeenten:login"),
        {"username": "anna", "password": WACHTWOORD, "next": reverse("gemeenten:account")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("gemeenten:account")
    assert client.get(reverse("gemeenten:account")).wsgi_request.user == gebruiker


def test_wrong_password_says_so_in_dutch(client, gebruiker):
    response = inloggen(client, password="fout")
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_inactive_user_cannot_log_in(client, gebruiker):
    gebruiker.is_active = False
    gebruiker.save()
    assert inloggen(client).status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_only_by_post(client, gebruiker):
    client.force_login(gebruiker)
    assert client.get(reverse("gemeenten:logout")).status_code == 405
    response = client.post(reverse("gemeenten:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("gemeenten:login")
    assert "_auth_user_id" not in client.session


def test_password_reset_by_mail_in_dutch(client, gebruiker, mailoutbox):
    response = client.post(reverse("gemeenten:password_reset"), {"email": "anna@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("gemeenten:password_reset_done")
    assert "E-mail verstuurd" in client.get(response["Location"]).content.decode()

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["anna@example.org"]
    assert mail.subject == "Nieuw wachtwoord voor Driehoek"
    assert "U heeft een nieuw wachtwoord aangevraagd voor Driehoek" in mail.body
    assert "Uw gebruikersnaam is: anna" in mail.body

    link = re.search(r"https?://[^/]+(/account/wachtwoord-instellen/\S+/)", mail.body).group(1)
    response = client.get(link)  # Django moves the token into the session and redirects
    assert response.status_code == 302
    formulier = response["Location"]
    assert "Wachtwoord instellen" in client.get(formulier).content.decode()
    nieuw = "Zomer-in-Aadorp-2026"
    response = client.post(formulier, {"new_password1": nieuw, "new_password2": nieuw})
    assert response["Location"] == reverse("gemeenten:password_reset_complete")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(nieuw)
    # The link works once.
    assert "Deze link werkt niet (meer)" in client.get(link, follow=True).content.decode()


def test_password_reset_for_unknown_address_sends_nothing_and_says_the_same(client, mailoutbox):
    response = client.post(reverse("gemeenten:password_reset"), {"email": "niemand@example.org"})
    assert response["Location"] == reverse("gemeenten:password_reset_done")
    assert mailoutbox == []


def test_password_change_needs_the_old_password(client, gebruiker):
    client.force_login(gebruiker)
    url = reverse("gemeenten:password_change")
    assert "Wachtwoord wijzigen" in client.get(url).content.decode()
    nieuw = "Winter-in-Beekdorp-2026"
    fout = client.post(
        url, {"old_password": "fout", "new_password1": nieuw, "new_password2": nieuw}
    )
    assert fout.status_code == 200
    goed = client.post(
        url, {"old_password": WACHTWOORD, "new_password1": nieuw, "new_password2": nieuw}
    )
    assert goed["Location"] == reverse("gemeenten:password_change_done")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password(nieuw)


# --- django-axes ----------------------------------------------------------------------------


@pytest.fixture
def inlogslot(settings):
    """django-axes as configured in config/settings.py (tests/conftest.py switches it off)."""
    settings.AXES_ENABLED = True
    return settings


def test_locked_out_after_the_failure_limit(client, gebruiker, inlogslot):
    limiet = inlogslot.AXES_FAILURE_LIMIT
    for _poging in range(limiet - 1):
        assert inloggen(client, password="fout").status_code == 200
    geblokkeerd = inloggen(client, password="fout")
    assert geblokkeerd.status_code == 429
    assert "Tijdelijk geblokkeerd" in geblokkeerd.content.decode()
    # Locked: even the right password does not get in now.
    response = inloggen(client)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, gebruiker, inlogslot):
    factories.GebruikerFactory(username="bert")
    for _poging in range(inlogslot.AXES_FAILURE_LIMIT):
        inloggen(client, password="fout")
    assert inloggen(client).status_code == 429
    # Another person from the same address, and the same person elsewhere, still get in.
    assert inloggen(client, username="bert").status_code == 302
    client.post(reverse("gemeenten:logout"))
    assert inloggen(client, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_lockout_ends_after_the_cooloff(client, gebruiker, inlogslot):
    for _poging in range(inlogslot.AXES_FAILURE_LIMIT):
        inloggen(client, password="fout")
    assert inloggen(client).status_code == 429
    later = datetime.datetime.now(tz=datetime.UTC) + inlogslot.AXES_COOLOFF_TIME
    with time_machine.travel(later + datetime.timedelta(minutes=1)):
        assert inloggen(client).status_code == 302


def test_successful_login_resets_the_failures(client, gebruiker, inlogslot):
    for _poging in range(inlogslot.AXES_FAILURE_LIMIT - 1):
        inloggen(client, password="fout")
    assert inloggen(client).status_code == 302
    client.post(reverse("gemeenten:logout"))
    for _poging in range(inlogslot.AXES_FAILURE_LIMIT - 1):
        assert inloggen(client, password="fout").status_code == 200


# --- Production settings --------------------------------------------------------------------


def test_production_settings_make_cookies_secure():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY)"
    )
    omgeving = {
        **os.environ,
        "DEBUG": "0",
        # A key, hosts and mail as production demands them (config/productie.py).
        "SECRET_KEY": "1_1bdurVwhBeYIpV0LYlovfUHDtHfOzpnE3grYZ4l98Atf3RjiU0scnvqvdV0cs_",
        "ALLOWED_HOSTS": "driehoek.example.nl",
        "EMAIL_URL": "smtp+tls://driehoek:geheim@smtp.example.nl:587",
        "DRIEHOEK_BASIS_URL": "https://driehoek.example.nl",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    uit = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True,
        text=True,
        env=omgeving,
        cwd=Path(__file__).resolve().parents[2],
        check=True,
    )
    assert uit.stdout.split() == ["True", "True", "True"]
