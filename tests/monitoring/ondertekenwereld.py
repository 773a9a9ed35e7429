"""Shared by the PDF, signing and verification tests: a throwaway signing certificate (made
once per run in a temp dir, so a fresh clone needs no manual step), storage in a temp dir,
and a vastgesteld jaarschijf whose every party has an ondertekenaar with an authenticator app.
"""

from dataclasses import dataclass, field

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.constants import Rol
from monitoring.ondertekening import certificaat
from tests import factories
from tests.wereld import lid, partijwereld

WACHTWOORD = "driehoek-test"  # tests/factories.GebruikerFactory's password


@pytest.fixture(scope="session")
def _certificaatmap(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("ondertekening")
    certificaat.maak_ontwikkelcertificaat(
        map_ / "certificaat.pem", map_ / "sleutel.pem", naam="Driehoek test"
    )
    return map_


@pytest.fixture
def ondertekencertificaat(settings, _certificaatmap, tmp_path):
    """The test certificate in settings and stored files under tmp_path."""
    settings.ONDERTEKENING_CERTIFICAAT = _certificaatmap / "certificaat.pem"
    settings.ONDERTEKENING_SLEUTEL = _certificaatmap / "sleutel.pem"
    settings.ONDERTEKENING_SLEUTEL_WACHTWOORD = ""
    settings.ONDERTEKENING_TSA_URL = ""
    settings.MEDIA_ROOT = tmp_path / "media"
    certificaat.opnieuw_laden()
    yield settings
    certificaat.opnieuw_laden()


def code_van(apparaat: TOTPDevice) -> str:
    """The code the authenticator app shows now."""
    return str(totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits)).zfill(
        apparaat.digits
    )


@dataclass
class Tekenwereld:
    wereld: object
    # Per organisation pk: its ondertekenaar and their authenticator app.
    tekenaars: dict = field(default_factory=dict)
    apparaten: dict = field(default_factory=dict)

    @property
    def jaarschijf(self):
        return self.wereld.jaarschijf

    def regel(self, organisatie):
        return self.wereld.ondertekeningen[organisatie.pk]

    def organisaties(self):
        w = self.wereld
        return [w.gemeente_org, *w.corporaties, w.huurders]


def tekenwereld(naam="Aadorp", status="vastgesteld") -> Tekenwereld:
    """partijwereld (gemeente, one corporatie, huurders) vastgesteld, with an ondertekenaar
    and a confirmed authenticator app per party."""
    c1 = factories.OrganisatieFactory(naam=f"Woonstichting {naam}", afkorting=f"W{naam[:2]}")
    h1 = factories.HuurdersorganisatieFactory(naam=f"Huurders {naam}", afkorting=f"H{naam[:2]}")
    wereld = Tekenwereld(partijwereld(naam, [c1], h1, status=status))
    for organisatie in wereld.organisaties():
        gebruiker = lid(organisatie, Rol.MEDEWERKER, Rol.ONDERTEKENAAR)
        wereld.tekenaars[organisatie.pk] = gebruiker
        wereld.apparaten[organisatie.pk] = TOTPDevice.objects.create(
            user=gebruiker, name="Authenticator-app", confirmed=True
        )
    wereld.jaarschijf.refresh_from_db()
    return wereld


def tekenen_als(wereld: Tekenwereld, organisatie, **extra):
    """Sign the organisation's line through the service, as its ondertekenaar, correctly."""
    from monitoring.ondertekening.tekenen import ondertekenen

    apparaat = wereld.apparaten[organisatie.pk]
    apparaat.refresh_from_db()
    velden = {
        "ondertekening": wereld.regel(organisatie),
        "wachtwoord": WACHTWOORD,
        "code": code_van(apparaat),
        "ip_adres": "192.0.2.10",
        "door": wereld.tekenaars[organisatie.pk],
    }
    return ondertekenen(**{**velden, **extra})
