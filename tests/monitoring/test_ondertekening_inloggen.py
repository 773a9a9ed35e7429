"""The signing page reached logged out (the mailed link): one form logs in and signs. It must
be no weaker than the login pages followed by the signing form: the same lockout (django-axes),
the same throttling of codes (django-otp), no code used twice, CSRF, nothing about the
jaarschijf before both factors passed, and only an ondertekenaar's own line signed."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django_otp.plugins.otp_totp.models import TOTPDevice

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, Ondertekening
from gemeenten.constants import Rol
from monitoring.models import Handtekening
from tests import factories
from tests.monitoring.ondertekenwereld import (  # noqa: F401 (fixtures)
    WACHTWOORD,
    _certificaatmap,
    code_van,
    ondertekencertificaat,
    tekenwereld,
)
from tests.wereld import lid

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ondertekencertificaat")]


@pytest.fixture
def wereld():
    return tekenwereld()


@pytest.fixture
def inlogslot(settings):
    """django-axes as configured (tests/conftest.py switches it off)."""
    settings.AXES_ENABLED = True
    return settings


def _url(wereld):
    return reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})


def _post(client, wereld, gebruiker, apparaat, **velden):
    apparaat.refresh_from_db()
    data = {
        "username": gebruiker.username,
        "wachtwoord": WACHTWOORD,
        "code": code_van(apparaat),
        **velden,
    }
    return client.post(_url(wereld), {k: v for k, v in data.items() if v is not None})


def _tekenaar(wereld, organisatie):
    return wereld.tekenaars[organisatie.pk], wereld.apparaten[organisatie.pk]


def _niets_getekend(client):
    assert not Handtekening.objects.exists()
    assert not Ondertekening.objects.filter(ondertekend_op__isnull=False).exists()
    assert "_auth_user_id" not in client.session


def test_logged_out_the_page_offers_one_form_and_tells_nothing_about_the_jaarschijf(client, wereld):
    gebruiker, _apparaat = _tekenaar(wereld, wereld.organisaties()[1])
    response = client.get(_url(wereld), {"gebruiker": gebruiker.username})
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Inloggen en ondertekenen" in inhoud
    assert f'value="{gebruiker.username}"' in inhoud  # the mailed link names the person
    assert wereld.jaarschijf.overeenkomst.gemeente.naam not in inhoud
    assert wereld.regel(wereld.organisaties()[0]).naam not in inhoud
    # A jaarschijf that does not exist looks the same.
    andere = reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": 999999})
    assert "Inloggen en ondertekenen" in client.get(andere).content.decode()


def test_logging_in_and_signing_in_one_step(client, wereld):
    corporatie = wereld.organisaties()[1]
    gebruiker, apparaat = _tekenaar(wereld, corporatie)
    response = _post(client, wereld, gebruiker, apparaat)
    assert response.status_code == 302
    bewijs = Handtekening.objects.get()
    assert bewijs.gebruiker == gebruiker and bewijs.ondertekening == wereld.regel(corporatie)
    # The evidence says the factors were given at the moment of signing, when logging in.
    assert "authenticator-app" in bewijs.tweede_factor
    assert "ingelogd bij het ondertekenen" in bewijs.tweede_factor
    # Logged in with the second factor passed: the page now shows the jaarschijf.
    assert int(client.session["_auth_user_id"]) == gebruiker.pk
    pagina = client.get(response["Location"]).content.decode()
    assert "U hebt ondertekend namens" in pagina and escape(corporatie.naam) in pagina
    assert 'name="wachtwoord"' not in pagina  # nothing left to sign


@pytest.mark.parametrize(
    "velden",
    [
        {"wachtwoord": "fout-wachtwoord"},
        {"code": "000000"},
        {"username": "bestaat-niet"},
        {"wachtwoord": None},
        {"code": None},
    ],
    ids=["wrong-password", "wrong-code", "unknown-user", "no-password", "no-code"],
)
def test_a_wrong_factor_signs_nothing_and_logs_nobody_in(client, wereld, velden):
    gebruiker, apparaat = _tekenaar(wereld, wereld.organisaties()[1])
    response = _post(client, wereld, gebruiker, apparaat, **velden)
    assert response.status_code == 400
    _niets_getekend(client)


def test_a_wrong_code_counts_towards_the_throttle(client, wereld):
    gebruiker, apparaat = _tekenaar(wereld, wereld.organisaties()[1])
    assert _post(client, wereld, gebruiker, apparaat, code="000000").status_code == 400
    apparaat.refresh_from_db()
    assert apparaat.throttling_failure_count == 1
    # Throttled now: even the right code is refused until the delay has passed.
    assert _post(client, wereld, gebruiker, apparaat).status_code == 400
    _niets_getekend(client)


def test_a_replayed_code_is_refused(client, wereld):
    """A code seen over the shoulder, already used to log in elsewhere, does not sign."""
    gebruiker, apparaat = _tekenaar(wereld, wereld.organisaties()[1])
    code = code_van(apparaat)
    assert apparaat.verify_token(code)  # the owner logged in with it a moment ago
    assert _post(client, wereld, gebruiker, apparaat, code=code).status_code == 400
    _niets_getekend(client)


def test_a_medewerker_who_is_no_ondertekenaar_signs_nothing(client, wereld):
    corporatie = wereld.organisaties()[1]
    collega = lid(corporatie, Rol.MEDEWERKER)
    apparaat = TOTPDevice.objects.create(user=collega, name="app", confirmed=True)
    response = _post(client, wereld, collega, apparaat)
    assert response.status_code == 403
    assert not Handtekening.objects.exists()
    assert not Ondertekening.objects.filter(ondertekend_op__isnull=False).exists()


def test_a_superuser_signs_nothing_for_an_organisation(client, wereld):
    beheer = factories.GebruikerFactory(is_superuser=True, is_staff=True)
    apparaat = TOTPDevice.objects.create(user=beheer, name="app", confirmed=True)
    assert _post(client, wereld, beheer, apparaat).status_code == 403
    assert not Handtekening.objects.exists()


def test_an_ondertekenaar_of_another_gemeente_learns_nothing(client, wereld):
    ander = tekenwereld(naam="Bargercompascuum")
    organisatie = ander.organisaties()[1]
    gebruiker, apparaat = _tekenaar(ander, organisatie)
    assert _post(client, wereld, gebruiker, apparaat).status_code == 404
    assert not Handtekening.objects.exists()


def test_repeated_failures_lock_the_form_as_they_lock_the_login(client, wereld, inlogslot):
    gebruiker, apparaat = _tekenaar(wereld, wereld.organisaties()[1])
    for _poging in range(inlogslot.AXES_FAILURE_LIMIT - 1):
        assert _post(client, wereld, gebruiker, apparaat, wachtwoord="fout").status_code == 400
    assert _post(client, wereld, gebruiker, apparaat, wachtwoord="fout").status_code == 429
    assert AccessAttempt.objects.filter(username=gebruiker.username).exists()
    # Locked: the right password and code do not sign now, nor log in on the login page.
    assert _post(client, wereld, gebruiker, apparaat).status_code == 429
    inloggen = client.post(
        reverse("gemeenten:login"), {"username": gebruiker.username, "password": WACHTWOORD}
    )
    assert inloggen.status_code == 429
    _niets_getekend(client)


def test_a_post_without_the_csrf_token_is_refused(wereld):
    client = Client(enforce_csrf_checks=True)
    gebruiker, apparaat = _tekenaar(wereld, wereld.organisaties()[1])
    assert _post(client, wereld, gebruiker, apparaat).status_code == 403
    _niets_getekend(client)


def test_a_second_line_for_the_same_person_is_chosen_by_name_or_asked(client):
    """The gemeente has two lines (burgemeester and wethouder) and both ondertekenaars may
    sign either: the line bearing the person's name is theirs; without one, the page asks."""
    wereld = tekenwereld(status="ter_bespreking")  # a vastgesteld one takes no new line
    gemeente = wereld.organisaties()[0]
    gebruiker, apparaat = _tekenaar(wereld, gemeente)
    eerste = wereld.regel(gemeente)
    tweede = factories.OndertekeningFactory(
        jaarschijf=wereld.jaarschijf, organisatie=gemeente, naam="Wim Wethouder"
    )
    Jaarschijf.objects.filter(pk=wereld.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    gebruiker.first_name, gebruiker.last_name = "Zonder", "Regel"
    gebruiker.save()
    assert _post(client, wereld, gebruiker, apparaat).status_code == 302
    assert not Handtekening.objects.exists()  # asked which, with a fresh code
    pagina = client.get(_url(wereld)).content.decode()
    assert "meer dan één regel" in pagina and "Wim Wethouder" in pagina

    client.logout()
    gebruiker.first_name, gebruiker.last_name = "Wim", "Wethouder"
    gebruiker.save()
    TOTPDevice.objects.update(last_t=-1)  # a new code in the same half minute
    assert _post(client, wereld, gebruiker, apparaat).status_code == 302
    assert Handtekening.objects.get().ondertekening == tweede
    eerste.refresh_from_db()
    assert eerste.ondertekend_op is None


def test_logged_in_the_person_still_re_enters_password_and_code(client, wereld):
    corporatie = wereld.organisaties()[1]
    gebruiker, _apparaat = _tekenaar(wereld, corporatie)
    client.force_login(gebruiker)
    inhoud = client.get(_url(wereld)).content.decode()
    assert 'name="wachtwoord"' in inhoud and 'name="code"' in inhoud
    assert escape(f"Ik onderteken namens {corporatie.naam}") in inhoud
    assert 'name="username"' not in inhoud
    regel = wereld.regel(corporatie)
    assert client.post(_url(wereld), {"ondertekening": regel.pk}).status_code == 400
    assert not Handtekening.objects.exists()


def test_the_reminder_link_names_the_person(client, wereld):
    gemeente, corporatie, _huurders = wereld.organisaties()
    client.force_login(wereld.tekenaars[gemeente.pk])
    url = reverse(
        "monitoring:ondertekenen-herinneren", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk}
    )
    assert client.post(url).status_code == 302
    tekenaar = wereld.tekenaars[corporatie.pk]
    bericht = next(b for b in mail.outbox if b.to == [tekenaar.email])
    assert f"{_url(wereld)}?gebruiker={tekenaar.username}" in bericht.body


def test_logged_in_with_two_lines_each_button_names_its_signatory(client):
    wereld = tekenwereld(status="ter_bespreking")
    gemeente = wereld.organisaties()[0]
    gebruiker, apparaat = _tekenaar(wereld, gemeente)
    tweede = factories.OndertekeningFactory(
        jaarschijf=wereld.jaarschijf,
        organisatie=gemeente,
        naam="Wim Wethouder",
        functie="wethouder",
    )
    Jaarschijf.objects.filter(pk=wereld.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    client.force_login(gebruiker)
    inhoud = client.get(_url(wereld)).content.decode()
    assert escape(f"Ik onderteken namens {gemeente.naam} als Wim Wethouder, wethouder") in inhoud
    assert escape(f"als {wereld.regel(gemeente).naam}") in inhoud
    data = {"wachtwoord": WACHTWOORD, "code": code_van(apparaat), "ondertekening": tweede.pk}
    assert client.post(_url(wereld), data).status_code == 302
    assert Handtekening.objects.get().ondertekening == tweede
