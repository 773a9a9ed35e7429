"""Signing asks the person again for both factors, whatever their session says: a session
left open on a shared computer must not be able to sign.

Two ways in: a logged-in person re-enters password and code on the signing page
(`herauthenticeren`), or a person arriving logged out signs in one step with username,
password and code (`inloggen_en_controleren`, used by the view before it logs them in). Both
end in a `Herauthenticatie`: proof for the signing service that both factors were checked
for this user just now, and the words kept as evidence.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice

# How long the proof is good for: it is made and used within one request.
GELDIG = datetime.timedelta(minutes=1)
FOUT = gettext_lazy("Wachtwoord of code klopt niet. Er is niet ondertekend.")


@dataclass(frozen=True)
class Herauthenticatie:
    gebruiker_pk: int
    apparaat: Device
    # Kept in Handtekening.tweede_factor: which factor, and how it was given.
    tweede_factor: str
    op: datetime.datetime

    def geldig_voor(self, gebruiker) -> bool:
        return (
            gebruiker is not None
            and self.gebruiker_pk == gebruiker.pk
            and timezone.now() - self.op < GELDIG
        )


def herauthenticeren(gebruiker, *, wachtwoord: str, code: str) -> Herauthenticatie:
    """Check the password and a code of a confirmed second factor of a logged-in user. One
    message for both failures: which one failed is no answer for somebody guessing."""
    geldig_wachtwoord = bool(wachtwoord) and gebruiker.check_password(wachtwoord)
    return _code_controleren(gebruiker, code, geldig_wachtwoord, bij_inloggen=False)


def inloggen_en_controleren(request, *, gebruikersnaam: str, wachtwoord: str, code: str):
    """Username and password through `authenticate` (so django-axes counts a failure and
    refuses a locked-out account or address; its middleware shows the lockout page), then the
    code (django-otp throttles wrong ones). Returns the user and the proof; raises
    ValidationError with the one message when either factor is wrong."""
    gebruiker = authenticate(request, username=gebruikersnaam, password=wachtwoord)
    if gebruiker is None:
        raise ValidationError(FOUT, code="herauthenticatie")
    return gebruiker, _code_controleren(gebruiker, code, True, bij_inloggen=True)


def _code_controleren(gebruiker, code, geldig_wachtwoord, *, bij_inloggen) -> Herauthenticatie:
    apparaten = list(devices_for_user(gebruiker, confirmed=True))
    if not apparaten:
        raise ValidationError(
            _("Stel eerst tweestapsverificatie in; zonder tweede factor kunt u niet ondertekenen."),
            code="geen_tweede_factor",
        )
    code = (code or "").strip().replace(" ", "").lower()
    gevonden = None
    if geldig_wachtwoord and code:
        for apparaat in apparaten:
            gevonden = otp_verify_token(gebruiker, apparaat.persistent_id, code)
            if gevonden is not None:
                break
    if gevonden is None:
        raise ValidationError(FOUT, code="herauthenticatie")
    soort = _("herstelcode") if isinstance(gevonden, StaticDevice) else _("authenticator-app")
    tweede_factor = f"{soort}: {gevonden.name}"
    if bij_inloggen:
        # Logged out, the person gave both factors in the signing form itself: still a
        # re-authentication at the moment of signing, and the evidence says how.
        tweede_factor = f"{tweede_factor} ({_('ingelogd bij het ondertekenen')})"
    return Herauthenticatie(
        gebruiker_pk=gebruiker.pk,
        apparaat=gevonden,
        tweede_factor=tweede_factor[:100],
        op=timezone.now(),
    )
