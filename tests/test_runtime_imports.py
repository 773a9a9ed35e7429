"""The running site loads no test tooling: no module of the apps (or of config) imports
`django.test`. Benchmark and demo code that needs it lives with its management commands.

pytest has imported django.test long before any test runs, so the check runs in a fresh
interpreter that imports every module as the site would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PAKKETTEN = ["config", "gemeenten", "afspraken", "voorraad", "monitoring"]
# Tooling run by manage.py, and migrations, which the site does not import while serving.
BUITEN_BESCHOUWING = {"management", "migrations"}

SCRIPT = """
import importlib, json, pkgutil, sys

import django

django.setup()


def modules(naam):
    yield naam
    pakket = importlib.import_module(naam)
    for info in pkgutil.iter_modules(getattr(pakket, "__path__", [])):
        if info.name in {buiten!r}:
            continue
        if info.ispkg:
            yield from modules(f"{{naam}}.{{info.name}}")
        else:
            yield f"{{naam}}.{{info.name}}"


geladen, schuldig = [], None
for pakket in {pakketten!r} + sys.argv[1:]:
    for module in modules(pakket):
        importlib.import_module(module)
        geladen.append(module)
        if schuldig is None and "django.test" in sys.modules:
            schuldig = module
print(json.dumps({{"geladen": geladen, "schuldig": schuldig}}))
"""


def importeer_alles(*extra: str) -> dict:
    """Imports every runtime module (plus `extra` packages) in a fresh interpreter; returns
    the modules imported and the first after which django.test was loaded."""
    omgeving = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1"}
    script = SCRIPT.format(buiten=BUITEN_BESCHOUWING, pakketten=PAKKETTEN)
    uitvoer = subprocess.run(
        [sys.executable, "-c", script, *extra],
        cwd=Path(settings.BASE_DIR),
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    return json.loads(uitvoer.stdout)


def test_no_runtime_module_imports_django_test():
    resultaat = importeer_alles()
    assert resultaat["schuldig"] is None, f"{resultaat['schuldig']} laadt django.test"
    geladen = set(resultaat["geladen"])
    # Every app's modules were reached, none of the commands' tooling was.
    assert {"config.urls", "afspraken.models", "monitoring.werkboek.importer"} <= geladen
    assert not {m for m in geladen if ".management" in m or ".migrations" in m}


def test_the_check_sees_a_module_that_imports_django_test():
    resultaat = importeer_alles("monitoring.management.bench")
    assert resultaat["schuldig"] == "monitoring.management.bench"
