"""No lost update under load: 20 simultaneous saves of one afspraak give exactly one save
and 19 conflict messages, no server error, on SQLite (which must wait for its write lock,
not fail with "database is locked") and on PostgreSQL alike."""

import json
import os
import subprocess
import sys
from pathlib import Path

import environ
import psycopg
from django.conf import settings

BASIS = Path(settings.BASE_DIR)


def eigen_database(tmp_path):
    """A database of its own for the child process, and how to remove it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'gelijktijdig.sqlite3'}", lambda: None
    gegevens = environ.Env.db_url_config(url)
    naam = f"{gegevens['NAME']}_gelijktijdig"
    beheer = url.rsplit("/", 1)[0] + "/postgres"

    def uitvoeren(sql):
        with psycopg.connect(beheer, autocommit=True) as verbinding:
            verbinding.execute(sql)

    uitvoeren(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')
    uitvoeren(f'CREATE DATABASE "{naam}"')
    return url.rsplit("/", 1)[0] + f"/{naam}", lambda: uitvoeren(
        f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'
    )


def test_twenty_simultaneous_saves_give_one_save_and_nineteen_conflicts(tmp_path):
    url, opruimen = eigen_database(tmp_path)
    try:
        proces = subprocess.run(
            [sys.executable, "-m", "tests.afspraken.gelijktijdig"],
            cwd=BASIS,
            env={**os.environ, "DATABASE_URL": url, "DEBUG": "1"},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        opruimen()
    assert proces.returncode == 0, proces.stderr[-3000:]
    uitkomsten = json.loads(proces.stdout.strip().splitlines()[-1])
    assert uitkomsten == {"opgeslagen": 1, "conflict": 19, "versie": 2}, uitkomsten
