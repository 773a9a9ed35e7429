"""Scale-out without local state (issue 14, point 2): two gunicorn app servers on two ports,
production settings, one PostgreSQL database, serve the same users interchangeably.

A session started on one works on the other, a remark posted on one is on the other's page at
once, a stored PDF is served by both byte for byte, and the configured cache is one cache for
every process. Two processes on one SQLite file is not the production layout, so the test
runs on PostgreSQL only (the refusal of a per-process cache everywhere).
"""

import hashlib
import os
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from django.conf import global_settings
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse

from monitoring.management.loadtest.client import Browser, vervang
from monitoring.models import OndertekendDocument
from tests.test_productie import GOED, ROOT, start
from tests.test_productie_server import GUNICORN, vrije_poort
from tests.wereld import paginawereld

op_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two app servers share one PostgreSQL database in production; "
    "two processes on one SQLite file are not that layout",
)

WACHTWOORD = "schaal-wachtwoord-7"
CACHE_TABEL = "schaal_test_cache"


def database_url() -> str:
    """The test database pytest-django created, as a URL for the servers."""
    d = connection.settings_dict
    gebruiker = urllib.parse.quote(d["USER"] or "", safe="")
    wachtwoord = f":{urllib.parse.quote(d['PASSWORD'], safe='')}" if d["PASSWORD"] else ""
    host = d["HOST"] or "localhost"
    poort = f":{d['PORT']}" if d["PORT"] else ""
    return f"postgres://{gebruiker}{wachtwoord}@{host}{poort}/{d['NAME']}"


def omgeving(tmp_path) -> dict:
    return {
        **GOED,
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "ALLOWED_HOSTS": "localhost",
        "PROXY_COUNT": "1",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CACHE_URL": f"dbcache://{CACHE_TABEL}",
        "WEB_CONCURRENCY": "1",
    }


def beheer(env, code: str) -> str:
    uitkomst = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    return uitkomst.stdout.strip()


def wacht_op(poort: int, proces, log: Path) -> None:
    for _poging in range(150):
        assert proces.poll() is None, log.read_text()
        try:
            Browser(poort).get("/account/inloggen/")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn on {poort} did not answer")


@pytest.fixture
def servers(transactional_db, tmp_path, settings):
    """Two gunicorn servers (ports) on the committed test database and one media folder."""
    env = omgeving(tmp_path)
    settings.MEDIA_ROOT = env["MEDIA_ROOT"]
    # The servers know production's hashers, not the tests' fast MD5.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    # Production serves collected static files (a manifest): a fresh clone has none yet.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    processen, poorten, logs = [], [], []
    try:
        for _ in range(2):
            poort = vrije_poort()
            # The servers log to a file: a pipe nobody reads fills up and then blocks the
            # worker that writes the next log line, in the middle of a request.
            log = tmp_path / f"gunicorn-{poort}.log"
            with log.open("w") as uit:
                processen.append(
                    subprocess.Popen(
                        [str(GUNICORN), "--config", "config/gunicorn.conf.py"],
                        cwd=ROOT,
                        env={**env, "BIND": f"127.0.0.1:{poort}"},
                        stdout=uit,
                        stderr=subprocess.STDOUT,
                    )
                )
            poorten.append(poort)
            logs.append(log)
        for poort, proces, log in zip(poorten, processen, logs, strict=True):
            wacht_op(poort, proces, log)
        yield env, poorten
    finally:
        for proces in processen:
            proces.terminate()
        for proces in processen:
            proces.wait(timeout=30)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {CACHE_TABEL}")


@op_postgresql
def test_two_servers_serve_the_same_users_interchangeably(servers):
    env, (poort_a, poort_b) = servers
    wereld = paginawereld()
    gebruiker = wereld.gemeente_gebruiker
    gebruiker.set_password(WACHTWOORD)
    gebruiker.save()
    pdf = b"%PDF-1.7\n" + os.urandom(20_000)
    document = OndertekendDocument(jaarschijf=wereld.jaarschijf, sha256_ongetekend="0" * 64)
    document.bestand.save("ondertekend.pdf", ContentFile(pdf), save=False)
    document.sha256 = hashlib.sha256(pdf).hexdigest()
    document.save()
    pagina = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})

    # Logged in on A; B accepts the same session cookie.
    a = Browser(poort_a)
    assert a.inloggen(gebruiker.username, WACHTWOORD)
    b = Browser(poort_b)
    b.cookies = dict(a.cookies)
    assert b.get(pagina).status == 200
    assert Browser(poort_b).get(pagina).status == 302  # without the cookie: the login

    # A remark posted through A is on B's page at once.
    opmerking = "Gezien op beide servers: de tweede server leest dezelfde database."
    plaatsen = reverse(
        "monitoring:jaarschijf-opmerking-plaatsen", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk}
    )
    _actie, velden, _ = a.formulier(pagina, "opmerking")
    antwoord = a.post(plaatsen, vervang(velden, opmerking=opmerking))
    assert antwoord.status in (200, 302), antwoord.tekst[:500]
    assert opmerking in b.get(pagina).tekst

    # The stored PDF is served by both, byte for byte.
    pdf_pad = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    for browser in (a, b):
        antwoord = browser.get(f"{pdf_pad}?versie=1")
        assert (antwoord.status, antwoord.inhoud) == (200, pdf)

    # Logged out on B: A no longer accepts the session either.
    b.post(reverse("gemeenten:logout"), [("csrfmiddlewaretoken", _csrf(b, pagina))])
    assert a.get(pagina).status == 302

    # One cache for every process with the servers' configuration.
    beheer(env, "from django.core.cache import cache; cache.set('schaal', 'van A', 60)")
    assert beheer(env, "from django.core.cache import cache; print(cache.get('schaal'))") == (
        "van A"
    )


def _csrf(browser: Browser, pad: str) -> str:
    _actie, velden, _ = browser.formulier(pad, "csrfmiddlewaretoken")
    return dict(velden)["csrfmiddlewaretoken"]


def test_production_refuses_a_per_process_cache():
    for url in ("locmemcache://", "dummycache://"):
        uitkomst = start({**GOED, "CACHE_URL": url})
        assert uitkomst.returncode != 0
        assert "CACHE_URL: a per-process or dummy cache" in uitkomst.stderr
