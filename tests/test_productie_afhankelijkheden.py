"""Dependencies checked (issue 14, point 8): one locked set with hashes, installed as such,
and an audit that never calls "nothing checked" a clean result."""

import re
import tomllib
from pathlib import Path

import pytest

from config.audit import oordeel

ROOT = Path(__file__).resolve().parent.parent
LOCK = (ROOT / "requirements.lock").read_text()


def gepind(lock: str) -> dict[str, str]:
    return {
        naam.lower(): versie
        for naam, versie in re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", lock, re.MULTILINE)
    }


def test_the_lock_holds_every_pin_of_pyproject_at_the_same_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    vergrendeld = gepind(LOCK)
    for pin in pins:
        naam, versie = re.match(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(.+)", pin).groups()
        assert vergrendeld.get(naam.lower()) == versie, f"{pin}: run `make lock`"


def test_every_locked_package_carries_hashes():
    blokken = re.split(r"\n(?=[A-Za-z0-9])", LOCK.split("\n", 2)[2])
    assert len(blokken) > 50
    for blok in blokken:
        assert "--hash=sha256:" in blok, blok.splitlines()[0]


def test_make_install_installs_from_the_lock_with_hashes_only():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r $(LOCK)" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile
    assert "'.[dev]'" not in makefile


@pytest.mark.parametrize(
    ("rapport", "code", "tekst"),
    [
        # pip-audit without a route to the advisory data: everything "not found on PyPI".
        (
            {"dependencies": [{"name": "django", "skip_reason": "Dependency not found"}]},
            2,
            "NOT CHECKED: no advisory database reached",
        ),
        (None, 2, "NOT CHECKED: pip-audit could not reach"),
        (
            {"dependencies": [{"name": "django", "version": "6.1.3", "vulns": []}]},
            0,
            "No known vulnerabilities",
        ),
        (
            {
                "dependencies": [
                    {"name": "django", "version": "6.1.3", "vulns": []},
                    {"name": "x", "skip_reason": "Dependency not found"},
                ]
            },
            1,
            "NOT CHECKED: x",
        ),
        (
            {
                "dependencies": [
                    {
                        "name": "django",
                        "version": "6.1.3",
                        "vulns": [{"id": "PYSEC-1", "fix_versions": ["6.1.4"]}],
                    }
                ]
            },
            1,
            "VULNERABLE: django 6.1.3: PYSEC-1 (fixed in 6.1.4)",
        ),
    ],
)
def test_audit_says_plainly_what_it_checked(rapport, code, tekst):
    uitkomst, regels = oordeel(rapport, "ConnectionError: no route", "pypi")
    assert uitkomst == code
    assert tekst in "\n".join(regels)
    if code:
        assert "No known vulnerabilities" not in "\n".join(regels)
