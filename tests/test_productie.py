"""Production settings (issue 14, point 1): what DEBUG off refuses, and what it turns on.

The settings module is imported in a fresh interpreter with exactly the given environment,
as a server would load it; nothing of the test process's own settings leaks in.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parent.parent
SLEUTEL = get_random_secret_key()
GOED = {
    "DEBUG": "0",
    "SECRET_KEY": SLEUTEL,
    "ALLOWED_HOSTS": "driehoek.example.nl",
    "EMAIL_URL": "smtp+tls://driehoek:geheim@smtp.example.nl:587",
    "DRIEHOEK_BASIS_URL": "https://driehoek.example.nl",
}
TOON = """
import json, config.settings as s
print(json.dumps({
    "redirect": getattr(s, "SECURE_SSL_REDIRECT", False),
    "hsts": getattr(s, "SECURE_HSTS_SECONDS", 0),
    "subdomains": getattr(s, "SECURE_HSTS_INCLUDE_SUBDOMAINS", False),
    "preload": getattr(s, "SECURE_HSTS_PRELOAD", False),
    "proxy_ssl": getattr(s, "SECURE_PROXY_SSL_HEADER", None), "proxies": s.PROXY_COUNT,
    "mail": s.MAILERS["default"]["BACKEND"], "cookie": getattr(s, "SESSION_COOKIE_SECURE", False),
}))
"""


def start(omgeving, code=TOON, *argumenten):
    """Run Python in the project with only `omgeving` (plus PATH) as its environment."""
    env = {"PATH": os.environ["PATH"], **omgeving}
    return subprocess.run(
        [sys.executable, *(argumenten or ["-c", code])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def zonder(naam, **extra):
    return {**{k: v for k, v in GOED.items() if k != naam}, **extra}


@pytest.mark.parametrize(
    ("omgeving", "melding"),
    [
        (zonder("SECRET_KEY"), "SECRET_KEY must be set"),
        (zonder("SECRET_KEY", SECRET_KEY="x"), "SECRET_KEY is too short: 1 characters"),
        (zonder("SECRET_KEY", SECRET_KEY="a1" * 40), "too little variety"),
        (zonder("SECRET_KEY", SECRET_KEY="abcdefghijklmnop" * 4), "too little variety"),
        (zonder("SECRET_KEY", SECRET_KEY="django-insecure-" + SLEUTEL), "development key"),
        (zonder("ALLOWED_HOSTS"), "ALLOWED_HOSTS must be set"),
        (zonder("ALLOWED_HOSTS", ALLOWED_HOSTS="*"), "ALLOWED_HOSTS=* answers any host"),
        (zonder("EMAIL_URL"), "EMAIL_URL must be set"),
        (zonder("EMAIL_URL", EMAIL_URL="consolemail://"), "delivers no mail"),
        (zonder("EMAIL_URL", EMAIL_URL="memorymail://"), "delivers no mail"),
        (zonder("EMAIL_URL", EMAIL_URL="dummymail://"), "delivers no mail"),
        (zonder("DRIEHOEK_BASIS_URL"), "DRIEHOEK_BASIS_URL must be set"),
        (zonder("DRIEHOEK_BASIS_URL", DRIEHOEK_BASIS_URL="http://x.nl"), "must be an https"),
        (zonder("DEBUG"), "SECRET_KEY"),  # DEBUG unset is production too
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_production_refuses_to_start_without_a_real_configuration(omgeving, melding):
    if "DEBUG" not in omgeving and omgeving.get("SECRET_KEY"):
        omgeving = {**omgeving, "SECRET_KEY": ""}
    uitkomst = start(omgeving)
    assert uitkomst.returncode != 0
    assert "ImproperlyConfigured" in uitkomst.stderr
    assert melding in uitkomst.stderr


def test_production_settings_redirect_to_https_with_a_year_of_hsts():
    uitkomst = start(GOED)
    assert uitkomst.returncode == 0, uitkomst.stderr
    gezet = json.loads(uitkomst.stdout)
    assert gezet["redirect"] is True
    assert gezet["hsts"] == 365 * 24 * 60 * 60
    assert gezet["subdomains"] is True
    assert gezet["preload"] is True
    assert gezet["cookie"] is True
    assert gezet["mail"] == "django.core.mail.backends.smtp.EmailBackend"
    # Without a proxy nobody may claim HTTPS through X-Forwarded-Proto.
    assert gezet["proxies"] == 0
    assert gezet["proxy_ssl"] is None


def test_a_configured_proxy_is_trusted_for_the_scheme():
    gezet = json.loads(start({**GOED, "PROXY_COUNT": "1"}).stdout)
    assert gezet["proxies"] == 1
    assert gezet["proxy_ssl"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_generated_keys_pass_the_secret_key_check():
    import secrets

    from config.productie import controleer_secret_key

    for _ in range(50):
        controleer_secret_key(get_random_secret_key())
        controleer_secret_key(secrets.token_hex(32))
        controleer_secret_key(secrets.token_urlsafe(50))


def test_development_starts_without_any_of_it():
    uitkomst = start({"DEBUG": "1"})
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert json.loads(uitkomst.stdout)["mail"].endswith("console.EmailBackend")


def test_check_deploy_gives_no_warning_with_a_sane_production_environment():
    uitkomst = start(
        {**GOED, "PROXY_COUNT": "1"},
        None,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert "no issues" in uitkomst.stdout


def test_a_secret_key_starting_with_a_dollar_is_taken_as_it_is():
    """Django's generator uses `$`; django-environ would read `$...` as another variable."""
    uitkomst = start({**GOED, "SECRET_KEY": "$" + SLEUTEL[1:]})
    assert uitkomst.returncode == 0, uitkomst.stderr
