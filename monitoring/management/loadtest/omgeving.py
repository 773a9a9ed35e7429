"""The served app for `make loadtest`: a throwaway PostgreSQL database with the demo, gunicorn
with production settings on a free loopback port, and a mail sink so that no mail leaves."""

import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.utils import get_random_secret_key
from django.db import connection

from monitoring.management.loadtest.client import Browser


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_opnieuw(naam: str) -> None:
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{naam}"')


def database_voorbereiden():
    """Empty the configured database (refusing anything but PostgreSQL), migrate, load the
    demo. The database is the load test's own: DATABASE_URL in `make loadtest`."""
    from monitoring.management.demo import demo_laden

    _database_opnieuw(connection.settings_dict["NAME"])
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    return demo_laden()


def database_opruimen() -> None:
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{connection.settings_dict["NAME"]}" WITH (FORCE)')


class _Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept every message and keep none."""

    def handle(self):
        self.wfile.write(b"220 loadtest\r\n")
        data = False
        for regel in self.rfile:
            if data:
                if regel in (b".\r\n", b".\n"):
                    data = False
                    self.wfile.write(b"250 OK\r\n")
                continue
            opdracht = regel[:4].upper()
            if opdracht == b"DATA":
                data = True
                self.wfile.write(b"354 go on\r\n")
            elif opdracht == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            elif opdracht == b"EHLO":
                self.wfile.write(b"250 loadtest\r\n")
            else:
                self.wfile.write(b"250 OK\r\n")


@contextmanager
def mail_put():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _database_url() -> str:
    d = connection.settings_dict
    wachtwoord = f":{d['PASSWORD']}" if d["PASSWORD"] else ""
    return (
        f"postgres://{d['USER']}{wachtwoord}@{d['HOST'] or 'localhost'}:{d['PORT'] or 5432}"
        f"/{d['NAME']}"
    )


@contextmanager
def gunicorn(werkers: int, log: Path):
    """gunicorn as `make serve` runs it (DEBUG off), on a free port; yields the port."""
    poort = vrije_poort()
    gunicorn_pad = Path(sys.executable).parent / "gunicorn"
    with mail_put() as smtp, open(log, "w") as uitvoer:
        env = {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/tmp"),
            "DEBUG": "0",
            "SECRET_KEY": get_random_secret_key(),
            "ALLOWED_HOSTS": "localhost",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp}",
            "DRIEHOEK_BASIS_URL": "https://localhost",
            "PROXY_COUNT": "1",
            "DATABASE_URL": _database_url(),
            "CACHE_URL": "dbcache://driehoek_cache",
            "WEB_CONCURRENCY": str(werkers),
            "BIND": f"127.0.0.1:{poort}",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        proces = subprocess.Popen(
            [str(gunicorn_pad), "--config", "config/gunicorn.conf.py"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
        )
        try:
            _wacht(poort, proces)
            yield poort
        finally:
            proces.terminate()
            proces.wait(timeout=60)


def _wacht(poort: int, proces) -> None:
    for _poging in range(300):
        if proces.poll() is not None:
            raise RuntimeError("gunicorn stopped; see its log")
        try:
            Browser(poort).get("/account/inloggen/")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")
