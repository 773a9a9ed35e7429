"""`manage.py bench` runs end to end at the small scale. Figures are printed, never asserted:
speed is the benchmark's business, not the tests'. The served part (gunicorn driven by wrk)
is checked when wrk is installed; without it the bench must say so and fall back."""

import io
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from afspraken.models import Afspraak
from monitoring.management.bench.server import lees_wrk

PAGINAS = (
    "triviale view",
    "monitoring:start",
    "afspraken:overeenkomst-detail",
    "monitoring:jaarschijf",
    "afspraken:afspraak-lijst (filter)",
    "afspraken:partij-overzicht",
    "monitoring:smart-check",
    "voorraad:raster",
    "monitoring:dashboard-overeenkomst",
    "monitoring:dashboard-gemeente",
    "monitoring:dashboard-landelijk",
    "monitoring:ondertekenen (vastgesteld)",
)


@pytest.mark.django_db
def test_bench_runs_at_small_scale():
    uitvoer = io.StringIO()
    try:
        call_command(
            "bench", "--schaal", "klein", "--duur", "0", "--huidige-database", stdout=uitvoer
        )
    except CommandError as fout:
        # Only the import's time budget may fail (on a busy machine); never the import.
        assert "te langzaam" in str(fout)
    tekst = uitvoer.getvalue()
    assert "Lezen en importeren van 100 afspraken" in tekst or "te langzaam" in tekst
    assert "incrementele handtekeningen na elkaar" in tekst
    assert "daarna 5 geldig" in tekst
    assert "Piekgeheugen van het renderproces" in tekst
    assert "6 voorraadtabellen" in tekst
    assert "Dataset (klein" in tekst
    for pagina in PAGINAS:
        assert pagina in tekst
    # A server cannot see rows inside this test's transaction: measured in process, and said.
    assert "Niet gediend gemeten" in tekst
    # Every page answered: a redirect or refusal would be flagged with its status.
    assert "(HTTP " not in tekst
    # The dataset was rolled back.
    assert not Afspraak.objects.exists()


def test_bench_needs_no_migrated_database(tmp_path):
    """A fresh clone has no database yet: the bench migrates its own throwaway one and leaves
    the configured one alone (here a SQLite file that does not exist)."""
    database = tmp_path / "nog-niet-gemigreerd.sqlite3"
    omgeving = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}"}
    uitvoer = subprocess.run(
        # The import is the other test's; its time budget would fail on a busy machine.
        [
            sys.executable,
            "manage.py",
            "bench",
            "--schaal",
            "klein",
            "--duur",
            "0",
            "--zonder-import",
        ],
        cwd=settings.BASE_DIR,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert "incrementele handtekeningen na elkaar" in uitvoer.stdout
    assert "Dataset (klein, sqlite)" in uitvoer.stdout
    # Every page answered 200 through gunicorn too (the superuser's session passes
    # two-factor, the proxy header keeps production's https redirect away).
    assert "(HTTP " not in uitvoer.stdout
    for pagina in PAGINAS:
        assert pagina in uitvoer.stdout
    if shutil.which("wrk"):
        assert "Gediend door gunicorn (2 sync-werkers" in uitvoer.stdout
        assert "Piekgeheugen (RSS) per gunicorn-werker" in uitvoer.stdout
        assert " fouten" not in uitvoer.stdout
    else:
        assert "wrk is niet geïnstalleerd" in uitvoer.stdout
    # Django's system checks may open it (a JSONField asks SQLite what it supports), which
    # creates the file; nothing may be written into it.
    if database.exists():
        with closing(sqlite3.connect(database)) as verbinding:
            assert verbinding.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_wrk_report_is_read():
    """wrk's report with --latency, as wrk 4.1 prints it."""
    rapport = """Running 5s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.50ms    3.10ms  80.00ms   90.00%
    Req/Sec   320.00     20.00   400.00     70.00%
  Latency Distribution
     50%   11.20ms
     75%   13.00ms
     90%   15.00ms
     99%    1.02s
  3200 requests in 5.00s, 1.20MB read
  Socket errors: connect 0, read 0, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    640.12
Transfer/sec:    245.00KB
"""
    uitslag = lees_wrk(rapport)
    assert uitslag.per_seconde == pytest.approx(640.12)
    assert uitslag.p50_ms == pytest.approx(11.2)
    assert uitslag.p99_ms == pytest.approx(1020)
    assert uitslag.verzoeken == 3200
    assert uitslag.fouten == 5
