"""Two-factor login: the authenticator app and the recovery codes of one person."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.models import Gebruiker

AANTAL_HERSTELCODES = 10


def totp_apparaat_voorbereiden(*, gebruiker: Gebruiker) -> TOTPDevice:
    """The not yet confirmed authenticator app of the user, created on first visit."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(
            user=gebruiker, name=_("Authenticator-app"), confirmed=False
        )
    return apparaat


@transaction.atomic
def tweestaps_activeren(*, gebruiker: Gebruiker, apparaat: TOTPDevice) -> list[str]:
    """Confirm the app (after a correct code), replace older ones, make new recovery codes."""
    if apparaat.user_id != gebruiker.pk:
        raise PermissionDenied
    TOTPDevice.objects.filter(user=gebruiker).exclude(pk=apparaat.pk).delete()
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    return herstelcodes_vernieuwen(gebruiker=gebruiker)


@transaction.atomic
def herstelcodes_vernieuwen(*, gebruiker: Gebruiker) -> list[str]:
    """Replace all recovery codes; the new ones are returned once and shown once."""
    StaticDevice.objects.filter(user=gebruiker).delete()
    apparaat = StaticDevice.objects.create(user=gebruiker, name=_("Herstelcodes"))
    codes = [StaticToken.random_token() for _i in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=code) for code in codes)
    return codes
