"""The bundled server (issue 14, point 1): gunicorn with config/gunicorn.conf.py, as
`make serve` starts it, refuses a weak configuration and redirects plain HTTP to HTTPS."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.test_productie import GOED

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(omgeving, tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "WEB_CONCURRENCY": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **omgeving,
    }
    return subprocess.Popen(
        [str(GUNICORN), "--config", "config/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_the_server_refuses_to_start_with_a_weak_key(tmp_path):
    proces = gunicorn({**GOED, "SECRET_KEY": "geheim", "BIND": "127.0.0.1:0"}, tmp_path)
    uitvoer, _ = proces.communicate(timeout=60)
    assert proces.returncode != 0
    assert "SECRET_KEY is too short" in uitvoer


def test_the_server_sends_plain_http_to_https(tmp_path):
    poort = vrije_poort()
    proces = gunicorn(
        {**GOED, "ALLOWED_HOSTS": "localhost", "BIND": f"127.0.0.1:{poort}"}, tmp_path
    )
    try:
        antwoord = None
        for _poging in range(100):
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
                verbinding.request("GET", "/account/inloggen/", headers={"Host": "localhost"})
                antwoord = verbinding.getresponse()
                verbinding.close()
                break
            except OSError:
                verbinding.close()
                time.sleep(0.2)
        assert antwoord is not None, "gunicorn did not answer"
        assert antwoord.status == 301
        assert antwoord.getheader("Location") == "https://localhost/account/inloggen/"
        assert antwoord.getheader("Server") == "gunicorn"
    finally:
        proces.terminate()
        proces.communicate(timeout=30)
