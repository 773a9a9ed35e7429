"""Two-factor login: the authenticator app and the recovery codes of one person."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.core.signing import BadSignature, TimestampSigner
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.crypto import constant_time_compare, salted_hmac
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


# --- Enrolment by mailed link ----------------------------------------------------------------
# A password alone must not be enough to enrol an authenticator app: whoever guessed or
# phished the password of an ondertekenaar who has not set up two-factor yet would enrol
# their own app and hold the account for good (trust on first use). The first enrolment
# therefore needs a link mailed to the account's address. The link is signed, expires after
# INSCHRIJFLINK_GELDIG seconds and is bound to the account's password and confirmed apps:
# once an app is enrolled (or the password changes) every earlier link is void.

_ZOUT = "gemeenten.tweestaps.inschrijflink"
INSCHRIJFLINK_GELDIG = 60 * 60


def _vingerafdruk(gebruiker: Gebruiker) -> str:
    apparaten = sorted(
        TOTPDevice.objects.filter(user=gebruiker, confirmed=True).values_list("pk", flat=True)
    )
    waarde = f"{gebruiker.pk}|{gebruiker.password}|{gebruiker.email}|{apparaten}"
    return salted_hmac(_ZOUT, waarde, algorithm="sha256").hexdigest()


def inschrijfsleutel(gebruiker: Gebruiker) -> str:
    """The signed, timed key of the enrolment link (also the session's mark once used)."""
    return TimestampSigner(salt=_ZOUT).sign(f"{gebruiker.pk}:{_vingerafdruk(gebruiker)}")


def inschrijfsleutel_geldig(gebruiker: Gebruiker, sleutel: str) -> bool:
    try:
        waarde = TimestampSigner(salt=_ZOUT).unsign(sleutel or "", max_age=INSCHRIJFLINK_GELDIG)
    except BadSignature:
        return False
    return constant_time_compare(waarde, f"{gebruiker.pk}:{_vingerafdruk(gebruiker)}")


# Whoever holds the password can ask for the link; they cannot read it, but must not flood
# the owner's mailbox either: one mail per account per few minutes.
INSCHRIJFLINK_PAUZE = 5 * 60


class TeSnel(Exception):
    """A link was mailed to this account moments ago."""


def inschrijflink_versturen(*, gebruiker: Gebruiker, link_basis: str) -> bool:
    """Mail the enrolment link to the account's own address; False when it has none, TeSnel
    when one was sent less than INSCHRIJFLINK_PAUZE ago.

    `link_basis` is the absolute URL of the setup page; the key goes in its query string.
    """
    if not gebruiker.email:
        return False
    if not cache.add(f"tweestaps-inschrijflink:{gebruiker.pk}", 1, INSCHRIJFLINK_PAUZE):
        raise TeSnel
    context = {
        "gebruiker": gebruiker,
        "link": f"{link_basis}?{urlencode({'sleutel': inschrijfsleutel(gebruiker)})}",
        "minuten": INSCHRIJFLINK_GELDIG // 60,
    }
    EmailMultiAlternatives(
        subject=_("Tweestapsverificatie instellen in Driehoek"),
        body=render_to_string("gemeenten/email/tweestaps_link.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[gebruiker.email],
    ).send()
    return True
