"""The pages as users meet them: gunicorn with production settings on loopback against the
bench database, driven by wrk (8 connections, bounded in time).

The requests carry the session cookie of a user logged in beforehand (the session row is
written with the server's SECRET_KEY), and X-Forwarded-Proto: https as the TLS-terminating
proxy in front of production sends it; without it every request is redirected to https.
"""

import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from monitoring.management.loadtest.omgeving import vrije_poort

WERKERS = 2
VERBINDINGEN = 8


def wrk_pad() -> str | None:
    return shutil.which("wrk")


@dataclass
class Server:
    poort: int
    proces: subprocess.Popen
    log: Path
    cache: str = ""

    def laatste_fout(self) -> str:
        """The last line of the latest traceback in the server's log (the exception)."""
        time.sleep(0.2)  # the worker writes its log after answering
        regels = self.log.read_text(errors="replace").splitlines()
        begin = max((n for n, r in enumerate(regels) if r.startswith("Traceback")), default=None)
        if begin is None:
            return ""
        # The exception is the first line after the frames (indented); access-log lines and
        # gunicorn's own ("[...") may follow it.
        for regel in regels[begin + 1 :]:
            inspringend = regel.startswith((" ", "\t", "[", "During handling", "The above"))
            if regel and not inspringend and not re.match(r"\d+\.\d+\.\d+\.\d+ - ", regel):
                return regel[:300]
        return ""

    def werkers(self) -> list[int]:
        """The pids of gunicorn's workers: the master's children."""
        kinderen = []
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            # The name may hold spaces; the fields after its closing parenthesis do not.
            velden = stat.rsplit(")", 1)[1].split()
            if int(velden[1]) == self.proces.pid:
                kinderen.append(int(pid))
        return sorted(kinderen)

    def geheugen_mb(self, veld: str = "VmRSS") -> list[float]:
        """Per worker, `veld` of /proc/<pid>/status (VmRSS now, VmHWM its peak) in MB."""
        uitkomst = []
        for pid in self.werkers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            gevonden = re.search(rf"^{veld}:\s+(\d+) kB", status, re.M)
            if gevonden:
                uitkomst.append(int(gevonden.group(1)) / 1024)
        return uitkomst


def database_url() -> str:
    """The URL of the database this process is connected to (the bench's throwaway one)."""
    d = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(d['NAME']).resolve()}"
    wachtwoord = f":{d['PASSWORD']}" if d["PASSWORD"] else ""
    return (
        f"postgres://{d['USER']}{wachtwoord}@{d['HOST'] or 'localhost'}:{d['PORT'] or 5432}"
        f"/{d['NAME']}"
    )


# The bench's own Redis database, emptied before each run: nothing of a previous run is served.
BENCH_REDIS = "redis://127.0.0.1:6379/15"


def cache_url() -> str:
    """BENCH_CACHE_URL, else Redis on this machine when it answers (what the README advises
    for production), else the database cache (production's default)."""
    if gekozen := os.environ.get("BENCH_CACHE_URL"):
        return gekozen
    try:
        import redis

        redis.Redis.from_url(BENCH_REDIS, socket_connect_timeout=0.5).flushdb()
    except Exception:  # no server, or no client: the database cache then
        return "dbcache://driehoek_cache"
    return BENCH_REDIS


@contextmanager
def gunicorn(geheim: str, werkers: int = WERKERS):
    """gunicorn as `make serve` runs it (config/gunicorn.conf.py, DEBUG off), on a free
    loopback port, with workers that are not recycled during the run (max_requests would
    restart them every few seconds at the trivial view's rate). Yields a Server."""
    poort = vrije_poort()
    with tempfile.TemporaryDirectory(prefix="driehoek-bench-server-") as map_:
        map_ = Path(map_)
        env = {
            "PATH": os.environ["PATH"],
            "HOME": os.environ.get("HOME", "/tmp"),
            "DJANGO_SETTINGS_MODULE": "monitoring.management.bench_instellingen",
            "DEBUG": "0",
            "SECRET_KEY": geheim,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Required in production; a GET sends no mail, so nothing needs to listen.
            "EMAIL_URL": "smtp://127.0.0.1:25",
            "DRIEHOEK_BASIS_URL": "https://localhost",
            "PROXY_COUNT": "1",
            "DATABASE_URL": database_url(),
            "CACHE_URL": (cache := cache_url()),
            "MEDIA_ROOT": str(map_ / "media"),
            "BENCH_STATIC_ROOT": str(map_ / "static"),
            "WEB_CONCURRENCY": str(werkers),
            "BIND": f"127.0.0.1:{poort}",
        }
        # The database cache's table: the bench's own process (development settings, a memory
        # cache) made none when it migrated the throwaway database.
        for opdracht in (["collectstatic", "--noinput"], ["createcachetable"]):
            subprocess.run(
                [sys.executable, "manage.py", *opdracht, "-v", "0"],
                cwd=settings.BASE_DIR,
                env=env,
                check=True,
            )
        log = map_ / "gunicorn.log"
        with open(log, "w") as uitvoer:
            proces = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "--config",
                    "config/gunicorn.conf.py",
                    "--max-requests",
                    "0",
                ],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=uitvoer,
                stderr=subprocess.STDOUT,
            )
            server = Server(poort, proces, log, cache.split("://")[0])
            try:
                _wacht(server)
                yield server
            finally:
                proces.terminate()
                proces.wait(timeout=60)


def _wacht(server: Server) -> None:
    for _poging in range(300):
        if server.proces.poll() is not None:
            raise RuntimeError(f"gunicorn stopte:\n{server.log.read_text()[-3000:]}")
        try:
            ophalen(server.poort, "/__bench__/triviaal/", "")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn antwoordde niet")


def kopregels(cookie: str) -> dict:
    kop = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
    if cookie:
        kop["Cookie"] = cookie
    return kop


def ophalen(poort: int, url: str, cookie: str) -> tuple[int, int]:
    """(status, body length) of one GET, redirects not followed."""
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    try:
        verbinding.request("GET", url, headers=kopregels(cookie))
        antwoord = verbinding.getresponse()
        return antwoord.status, len(antwoord.read())
    finally:
        verbinding.close()


@dataclass
class WrkUitslag:
    per_seconde: float
    p50_ms: float
    p99_ms: float
    verzoeken: int
    fouten: int  # non-2xx/3xx answers, socket errors and timeouts


_EENHEDEN = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(waarde: str) -> float:
    getal, eenheid = re.fullmatch(r"([\d.]+)(us|ms|s|m)", waarde).groups()
    return float(getal) * _EENHEDEN[eenheid]


def lees_wrk(tekst: str) -> WrkUitslag:
    """The figures from wrk's report (with --latency)."""
    p50 = re.search(r"^\s+50%\s+(\S+)", tekst, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", tekst, re.M)
    verzoeken = re.search(r"^\s+(\d+) requests in", tekst, re.M)
    fouten = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", tekst))
    if socket := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", tekst
    ):
        fouten += sum(int(n) for n in socket.groups())
    return WrkUitslag(
        per_seconde=float(re.search(r"Requests/sec:\s+([\d.]+)", tekst).group(1)),
        p50_ms=_ms(p50.group(1)) if p50 else 0.0,
        p99_ms=_ms(p99.group(1)) if p99 else 0.0,
        verzoeken=int(verzoeken.group(1)) if verzoeken else 0,
        fouten=fouten,
    )


def wrk(poort: int, url: str, cookie: str, duur: int) -> WrkUitslag:
    """`duur` whole seconds of VERBINDINGEN connections (wrk counts in whole seconds)."""
    opdracht = [wrk_pad(), "-t2", f"-c{VERBINDINGEN}", f"-d{max(1, duur)}s", "--latency"]
    opdracht += ["--timeout", "30s"]
    for naam, waarde in kopregels(cookie).items():
        opdracht += ["-H", f"{naam}: {waarde}"]
    uitvoer = subprocess.run(
        [*opdracht, f"http://127.0.0.1:{poort}{url}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=max(1, duur) + 120,
    )
    return lees_wrk(uitvoer.stdout)
