"""Driehoek settings: everything that differs per machine comes from the environment.

Variables (all optional in development; config/productie.py checks them in production):
  DEBUG          "1"/"true" for development; off by default.
  SECRET_KEY     required when DEBUG is off: at least 50 random characters (checked for
                 length and variety); a fixed development key is used otherwise.
  DATABASE_URL   postgres://user:pass@host:5432/name; unset means SQLite in the project folder.
  ALLOWED_HOSTS  comma separated; required when DEBUG is off; localhost when DEBUG is on.
  EMAIL_URL      smtp+tls://user:pass@host:587; required when DEBUG is off (console, locmem,
                 dummy and file backends are refused there); the console backend otherwise.
  PROXY_COUNT    number of reverse proxies in front of the app that append to
                 X-Forwarded-For (default 0: the peer address is the client). See
                 config/proxy.py; it also decides whether X-Forwarded-Proto is trusted.
  SECURE_HSTS_PRELOAD  "0" when the domain must not go on the browsers' preload list.
  CACHE_URL      the shared cache, e.g. dbcache://driehoek_cache (production's default) or
                 redis://host:6379/0; a per-process memory cache is refused in production.
  MEDIA_ROOT     where the default file storage keeps stored files (shared by all servers).
  DRIEHOEK_BASIS_URL  the site's address as people reach it, e.g. https://driehoek.example.nl:
                 e-mails carry absolute links built on it; required when DEBUG is off.
"""

import datetime
import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config import productie

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
DEBUG = env.bool("DEBUG", default=False)

# Read as is: django-environ takes a value starting with `$` as the name of another
# variable, and Django's own key generator uses `$` (one key in fifty starts with it).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not DEBUG:
    productie.controleer_secret_key(SECRET_KEY)
elif not SECRET_KEY:
    SECRET_KEY = "driehoek-development-only-not-secret"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
if not DEBUG:
    productie.controleer_allowed_hosts(ALLOWED_HOSTS)

# Mails and calendar feeds are read outside any request, so their links need the address
# the site is reached at (monitoring.links.absolute_url).
DRIEHOEK_BASIS_URL = env.str(
    "DRIEHOEK_BASIS_URL", default="http://127.0.0.1:8000" if DEBUG else ""
).rstrip("/")
if not DEBUG:
    productie.controleer_basis_url(DRIEHOEK_BASIS_URL)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    # Login protection and two-factor authentication (issue 4).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "gemeenten",
    "afspraken",
    "voorraad",
    "monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Adds user.is_verified(); TweestapsMiddleware then sends users to setup/verify.
    "django_otp.middleware.OTPMiddleware",
    "gemeenten.middleware.TweestapsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # In development runserver serves static files; whitenoise serves the collected ones.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # After Django's csrf processor: the stand-in token for cached pages.
                "gemeenten.paginacache.csrf_plaatshouder",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent saves wait for the write lock instead of failing with "database is
    # locked": a transaction takes the lock when it begins (IMMEDIATE), so no reader can
    # hold it half-way, and waits up to 20 s for it. WAL lets readers go on meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections are 20-65% faster than one per request here.
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "gemeenten.Gebruiker"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username/IP pair never reaches the password check.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "templates" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# The cache (CACHE_URL, django-environ's form): every app server must see the same values
# (the pause between two enrolment links, gemeenten.services.tweestaps), so production
# defaults to Django's database cache (`manage.py createcachetable`, part of `make migrate`)
# and refuses a per-process one; `redis://127.0.0.1:6379/0` once redis-py is installed.
# Development keeps the per-process memory cache.
CACHES = {
    "default": env.cache_url(
        "CACHE_URL", default="locmemcache://" if DEBUG else "dbcache://driehoek_cache"
    )
}
if CACHES["default"]["BACKEND"].endswith(("locmem.LocMemCache", "db.DatabaseCache")):
    # Django's default of 300 entries would cull a jaarschijf page's own rows (one entry each,
    # monitoring/cache.py) and the pages and generations of gemeenten.paginacache while
    # they are being used; Redis evicts by its own maxmemory policy instead.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 50_000)
if not DEBUG and CACHES["default"]["BACKEND"].endswith(("locmem.LocMemCache", "DummyCache")):
    raise ImproperlyConfigured(
        "CACHE_URL: a per-process or dummy cache is not shared between app servers; "
        "use dbcache://driehoek_cache or a Redis URL."
    )

# Signing the jaarschijf (issue 10): the installation's certificate and private key (PEM).
# Development: `manage.py maak_ondertekencertificaat` writes a self-signed pair to these
# paths; production points them at its own. A TSA URL adds a timestamp to each signature.
ONDERTEKENING_CERTIFICAAT = env.path(
    "ONDERTEKENING_CERTIFICAAT", default=BASE_DIR / "var" / "ondertekening" / "certificaat.pem"
)
ONDERTEKENING_SLEUTEL = env.path(
    "ONDERTEKENING_SLEUTEL", default=BASE_DIR / "var" / "ondertekening" / "sleutel.pem"
)
ONDERTEKENING_SLEUTEL_WACHTWOORD = env.str("ONDERTEKENING_SLEUTEL_WACHTWOORD", default="")
ONDERTEKENING_TSA_URL = env.str("ONDERTEKENING_TSA_URL", default="")

# The PDF is rendered in a process of its own, forked per PDF from a server that has
# WeasyPrint loaded (monitoring/pdf/proces.py); off, the web process renders it itself.
PDF_APART_PROCES = env.bool("PDF_APART_PROCES", default=True)

_email = (
    env.email_url("EMAIL_URL", default="consolemail://")
    if DEBUG
    else productie.controleer_email(env)
)
_smtp_options = {
    "host": _email.get("EMAIL_HOST"),
    "port": _email.get("EMAIL_PORT"),
    "username": _email.get("EMAIL_HOST_USER"),
    "password": _email.get("EMAIL_HOST_PASSWORD"),
    "use_tls": _email.get("EMAIL_USE_TLS", False),
    "use_ssl": _email.get("EMAIL_USE_SSL", False),
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {k: v for k, v in _smtp_options.items() if v}
        if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Driehoek <noreply@driehoek.local>")

LOGIN_URL = "gemeenten:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "gemeenten:login"
# An invitation or reset link is valid for three days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 60 * 60

# django-axes (gemeenten.inlogslot): within 15 minutes, 5 failed logins for one account from
# one address, 10 for one account from anywhere (a distributed guess) or 20 from one address
# over all accounts (password spraying) lock that out for 15 minutes.
AXES_HANDLER = "gemeenten.inlogslot.InlogslotHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
INLOGSLOT_LIMIETEN = {
    ("username", "ip_address"): AXES_FAILURE_LIMIT,
    ("username",): 10,
    ("ip_address",): 20,
}
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
# Behind PROXY_COUNT reverse proxies the client address is the one they vouch for in
# X-Forwarded-For (config/proxy.py); with none, the peer address.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT is the number of reverse proxies: 0 or more.")
AXES_CLIENT_IP_CALLABLE = "config.proxy.client_adres"

# Two-factor: optional for everyone, required for ondertekenaars, beheerders and superusers
# (gemeenten.middleware.TweestapsMiddleware). Tests switch enforcement off per test unless
# they test it (tests/conftest.py).
TWEESTAPS_VERPLICHT = True
OTP_TOTP_ISSUER = "Driehoek"

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Only a proxy we know of may say the request came in over HTTPS; otherwise any client
    # could send X-Forwarded-Proto and dodge the redirect.
    if PROXY_COUNT:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_HTTPONLY = True

# No page needs the camera, microphone, location, payment or other powerful features; a
# script injected despite the CSP cannot ask for them either (config/middleware.py).
PERMISSIONS_POLICY = {
    functie: []
    for functie in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}

DJANGO_TABLES2_TEMPLATE = "django_tables2/semantic.html"

# Content Security Policy (Django's built-in middleware): only our own scripts, styles and
# images. Templates carry no inline CSS/JS; htmx is told not to inject its indicator <style>
# (meta htmx-config in base.html) and gets the CSRF token from an hx-headers attribute.
# data: images are the SVG icons inside the NL Design System CSS.
from django.utils.csp import CSP  # noqa: E402

MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "config.middleware.PermissionsPolicyMiddleware",
)
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
