"""`manage.py bench` runs end to end at the small scale. Figures are printed, never asserted:
speed is the benchmark's business, not the tests'."""

import io
import os
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
from django.conf import settings
from django.core.management import call_command

from afspraken.models import Afspraak


@pytest.mark.django_db
def test_bench_runs_at_small_scale():
    uitvoer = io.StringIO()
    call_command("bench", "--schaal", "klein", "--duur", "0", "--huidige-database", stdout=uitvoer)
    tekst = uitvoer.getvalue()
    assert "binnen het budget" in tekst
    assert "Dataset (klein" in tekst
    for pagina in ("triviale view", "monitoring:jaarschijf", "voorraad:cijfers-bewerken"):
        assert pagina in tekst
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
        [sys.executable, "manage.py", "bench", "--schaal", "klein", "--duur", "0"],
        cwd=settings.BASE_DIR,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert "binnen het budget" in uitvoer.stdout
    assert "Dataset (klein, sqlite)" in uitvoer.stdout
    assert "(HTTP " not in uitvoer.stdout
    # Django's system checks may open it (a JSONField asks SQLite what it supports), which
    # creates the file; nothing may be written into it.
    if database.exists():
        with closing(sqlite3.connect(database)) as verbinding:
            assert verbinding.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
