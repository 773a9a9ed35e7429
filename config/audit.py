"""`make audit`: the locked dependencies against an advisory database, said plainly.

pip-audit reports "No known vulnerabilities found" even when it could look up none of the
packages (no route to PyPI's advisory data: every package is then skipped as "not found
on PyPI"). This wrapper reads pip-audit's JSON and says what was really checked:

  exit 0  every locked package was checked and none has a known vulnerability;
  exit 1  known vulnerabilities (listed), or some packages could not be checked (listed);
  exit 2  no advisory database could be reached: nothing was checked.

Usage: python -m config.audit [requirements.lock] [--vulnerability-service pypi|osv]
"""

import json
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"


def pip_audit(lock: Path, dienst: str) -> tuple[dict | None, str]:
    """pip-audit's JSON report of the lock (None when it failed outright) and its stderr."""
    uitkomst = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(lock),
            "--disable-pip",
            "--require-hashes",
            "--vulnerability-service",
            dienst,
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(uitkomst.stdout), uitkomst.stderr
    except json.JSONDecodeError:
        return None, uitkomst.stderr


def oordeel(rapport: dict | None, fout: str, dienst: str) -> tuple[int, list[str]]:
    """The exit code and the lines to print for one pip-audit report."""
    if rapport is None:
        laatste = fout.strip().splitlines()[-1:] or ["(no output)"]
        return 2, [
            f"NOT CHECKED: pip-audit could not reach the advisory database ({dienst}).",
            f"  {laatste[0]}",
        ]
    pakketten = rapport.get("dependencies", [])
    overgeslagen = [p for p in pakketten if p.get("skip_reason")]
    gecontroleerd = [p for p in pakketten if not p.get("skip_reason")]
    kwetsbaar = [p for p in gecontroleerd if p.get("vulns")]
    if not gecontroleerd:
        return 2, [
            f"NOT CHECKED: no advisory database reached ({dienst}); 0 of {len(pakketten)} "
            "locked packages were looked up. This is not a clean result.",
            f"  e.g. {overgeslagen[0]['skip_reason']}" if overgeslagen else "",
        ]
    regels = [f"{len(gecontroleerd)} of {len(pakketten)} locked packages checked ({dienst})."]
    for pakket in kwetsbaar:
        for kwetsbaarheid in pakket["vulns"]:
            herstel = ", ".join(kwetsbaarheid.get("fix_versions", [])) or "no fix yet"
            regels.append(
                f"VULNERABLE: {pakket['name']} {pakket['version']}: {kwetsbaarheid['id']} "
                f"(fixed in {herstel})"
            )
    for pakket in overgeslagen:
        regels.append(f"NOT CHECKED: {pakket['name']}: {pakket['skip_reason']}")
    if not kwetsbaar and not overgeslagen:
        regels.append("No known vulnerabilities in the locked set.")
    return (1 if kwetsbaar or overgeslagen else 0), regels


def main(argumenten: list[str]) -> int:
    dienst = "pypi"
    if "--vulnerability-service" in argumenten:
        plek = argumenten.index("--vulnerability-service")
        dienst = argumenten[plek + 1]
        del argumenten[plek : plek + 2]
    lock = Path(argumenten[0]) if argumenten else LOCK
    code, regels = oordeel(*pip_audit(lock, dienst), dienst)
    print("\n".join(regel for regel in regels if regel))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
