"""Attacks on signing (issue #10, point 7), replayed with the test client as a browser would
send them: without re-authentication, without the ondertekenaar role, for another
organisation, twice. Each refusal leaves no signature and no stored PDF."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from afspraken.services.grens import Geweigerd
from gemeenten.constants import Rol
from monitoring.models import Handtekening, OndertekendDocument
from monitoring.ondertekening import certificaat
from tests import factories
from tests.monitoring.ondertekenwereld import (  # noqa: F401 (fixtures)
    WACHTWOORD,
    _certificaatmap,
    code_van,
    ondertekencertificaat,
    tekenen_als,
    tekenwereld,
)
from tests.wereld import lid

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ondertekencertificaat")]


@pytest.fixture
def wereld():
    return tekenwereld()


def _url(wereld):
    return reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})


def _post(client, wereld, organisatie, **velden):
    apparaat = wereld.apparaten[organisatie.pk]
    apparaat.refresh_from_db()
    data = {
        "ondertekening": wereld.regel(organisatie).pk,
        "wachtwoord": WACHTWOORD,
        "code": code_van(apparaat),
        **velden,
    }
    return client.post(_url(wereld), {k: v for k, v in data.items() if v is not None})


def _niets_getekend(wereld):
    assert not Handtekening.objects.exists()
    assert not OndertekendDocument.objects.exists()
    assert not wereld.jaarschijf.ondertekeningen.filter(ondertekend_op__isnull=False).exists()


def test_the_page_lists_who_signed_and_who_is_missing(client, wereld):
    gemeente, corporatie, _huurders = wereld.organisaties()
    tekenen_als(wereld, gemeente)
    client.force_login(wereld.tekenaars[corporatie.pk])
    inhoud = client.get(_url(wereld)).content.decode()
    assert wereld.regel(gemeente).naam in inhoud and "nog niet" in inhoud
    assert 'name="wachtwoord"' in inhoud  # the corporatie's own line is open to sign


def test_signing_through_the_page(client, wereld):
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    response = _post(client, wereld, corporatie)
    assert response.status_code == 302
    bewijs = Handtekening.objects.get()
    assert bewijs.ondertekening == wereld.regel(corporatie) and bewijs.ip_adres == "127.0.0.1"


@pytest.mark.parametrize(
    "velden",
    [
        {"wachtwoord": "fout-wachtwoord"},
        {"code": "000000"},
        {"wachtwoord": None},
        {"code": None},
        {"ondertekening": None},
    ],
    # no-button: the declaration is the button ("Ik onderteken namens ..."), not pressed.
    ids=["wrong-password", "wrong-code", "no-password", "no-code", "no-button"],
)
def test_signing_without_reauthentication_is_refused(client, wereld, velden):
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    response = _post(client, wereld, corporatie, **velden)
    assert response.status_code == 400
    _niets_getekend(wereld)


def test_a_medewerker_without_the_ondertekenaar_role_is_refused(client, wereld):
    corporatie = wereld.organisaties()[1]
    collega = lid(corporatie, Rol.MEDEWERKER)
    client.force_login(collega)
    response = client.post(
        _url(wereld),
        {"ondertekening": wereld.regel(corporatie).pk, "wachtwoord": WACHTWOORD, "code": "1"},
    )
    assert response.status_code == 403
    with pytest.raises(Geweigerd):
        tekenen_als(wereld, corporatie, door=collega)
    _niets_getekend(wereld)


def test_signing_for_another_organisation_is_refused(client, wereld):
    gemeente, corporatie, _huurders = wereld.organisaties()
    client.force_login(wereld.tekenaars[corporatie.pk])
    # The corporatie's ondertekenaar, with their own valid code, posts the gemeente's line.
    response = _post(client, wereld, corporatie, ondertekening=wereld.regel(gemeente).pk)
    assert response.status_code == 400
    with pytest.raises(Geweigerd):
        tekenen_als(
            wereld,
            corporatie,
            ondertekening=wereld.regel(gemeente),
            door=wereld.tekenaars[corporatie.pk],
        )
    _niets_getekend(wereld)


def test_signing_twice_is_refused(client, wereld):
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    assert _post(client, wereld, corporatie).status_code == 302
    assert _post(client, wereld, corporatie).status_code == 403
    with pytest.raises(Geweigerd):
        tekenen_als(wereld, corporatie)
    assert Handtekening.objects.count() == 1


def test_signing_before_vaststelling_is_refused(client):
    wereld = tekenwereld(status="ter_bespreking")
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    assert _post(client, wereld, corporatie).status_code == 403
    _niets_getekend(wereld)


def test_the_gemeente_reminds_the_missing_ondertekenaars(client, wereld):
    gemeente, corporatie, huurders = wereld.organisaties()
    tekenen_als(wereld, gemeente)
    url = reverse(
        "monitoring:ondertekenen-herinneren", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk}
    )
    client.force_login(wereld.tekenaars[corporatie.pk])
    assert client.post(url).status_code == 403
    assert mail.outbox == []
    client.force_login(wereld.tekenaars[gemeente.pk])
    assert client.post(url).status_code == 302
    ontvangers = sorted(adres for bericht in mail.outbox for adres in bericht.to)
    verwacht = sorted(wereld.tekenaars[o.pk].email for o in (corporatie, huurders))
    assert ontvangers == verwacht
    assert _url(wereld) in mail.outbox[0].body


def test_the_start_page_leads_the_ondertekenaar_to_the_signing_page(client, wereld):
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    assert _url(wereld) in client.get(reverse("monitoring:start")).content.decode()


def test_a_wrong_code_counts_towards_the_throttle_though_nothing_is_signed(client, wereld):
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    assert _post(client, wereld, corporatie, code="000000").status_code == 400
    apparaat = wereld.apparaten[corporatie.pk]
    apparaat.refresh_from_db()
    assert apparaat.throttling_failure_count == 1


def test_a_superuser_cannot_sign_for_an_organisation(client, wereld):
    corporatie = wereld.organisaties()[1]
    beheer = factories.GebruikerFactory(is_superuser=True, is_staff=True)
    apparaat = TOTPDevice.objects.create(user=beheer, name="app", confirmed=True)
    client.force_login(beheer)
    assert 'name="wachtwoord"' not in client.get(_url(wereld)).content.decode()
    data = {"ondertekening": wereld.regel(corporatie).pk, "wachtwoord": WACHTWOORD}
    assert client.post(_url(wereld), {**data, "code": code_van(apparaat)}).status_code == 403
    with pytest.raises(Geweigerd):
        tekenen_als(wereld, corporatie, door=beheer)
    _niets_getekend(wereld)


def test_without_a_certificate_the_signer_is_told_and_nothing_is_signed(client, wereld, settings):
    settings.ONDERTEKENING_CERTIFICAAT = settings.MEDIA_ROOT / "bestaat-niet.pem"
    certificaat.opnieuw_laden()
    corporatie = wereld.organisaties()[1]
    client.force_login(wereld.tekenaars[corporatie.pk])
    response = _post(client, wereld, corporatie)
    assert response.status_code == 400
    assert "geen ondertekencertificaat" in response.content.decode()
    _niets_getekend(wereld)
