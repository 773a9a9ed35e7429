"""Signing asks the person again for both factors, whatever their session says: a session
left open on a shared computer must not be able to sign."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice


def herauthenticeren(gebruiker, *, wachtwoord: str, code: str) -> str:
    """Check the password and a code of a confirmed second factor; returns which factor it
    was (kept as evidence). One message for both failures: which one failed is no answer
    for somebody guessing."""
    geldig_wachtwoord = bool(wachtwoord) and gebruiker.check_password(wachtwoord)
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
        raise ValidationError(
            _("Wachtwoord of code klopt niet. Er is niet ondertekend."), code="herauthenticatie"
        )
    soort = _("herstelcode") if isinstance(gevonden, StaticDevice) else _("authenticator-app")
    return f"{soort}: {gevonden.name}"
