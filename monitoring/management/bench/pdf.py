"""The PDF part of `make bench` (issues #10 point 9, #13 point 2): render a jaarschijf of 100
afspraken with its stock tables (cold, then warm) and add five incremental signatures,
reporting seconds against the budgets. Runs inside the caller's transaction (rolled back)
with a throwaway signing certificate.

The peak memory of rendering is measured apart: the same HTML rendered in a fresh process
(Django loaded, nothing else), whose ru_maxrss is the rendering's own peak and not that of
the bench building its dataset. When LibreOffice is installed, `soffice --headless
--convert-to pdf` converts that same HTML in the same run, as the yardstick of issue #13.

Wall time is what the budget is about; the process's CPU time is reported beside it,
since on a machine busy with other work the wall time says more about the machine."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.test.utils import override_settings

from afspraken import vastlegging
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from monitoring.management.bench.meting import nl

BUDGET_RENDER = 3.0
BUDGET_GEHEUGEN_MB = 150
BUDGET_HANDTEKENINGEN = 2.0
AANTAL_HANDTEKENINGEN = 5

# Run in a fresh interpreter: render the HTML in argv[1] twice, report times and peak RSS.
_APART = r"""
import json, re, sys, time
import django
django.setup()
from monitoring.pdf.render import html_opmaken
def piek_kb():
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec, so it would report
    # the bench's own peak.
    status = open("/proc/self/status").read()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1))
html = open(sys.argv[1], encoding="utf-8").read()
import weasyprint
basis = piek_kb()
tijden = []
for _ in range(2):
    begin, cpu = time.perf_counter(), time.process_time()
    html_opmaken(html)
    tijden.append((time.perf_counter() - begin, time.process_time() - cpu))
piek = piek_kb()
print(json.dumps({"basis_kb": basis, "piek_kb": piek, "tijden": tijden}))
"""


@dataclass
class PdfMeting:
    afspraken: int
    tabellen: int
    paginas: int
    koud: float
    warm: float
    warm_cpu: float
    handtekeningen: int
    tekenen: float
    tekenen_cpu: float
    geldig: int
    apart: dict | None
    soffice: float | None

    def regels(self) -> list[tuple[str, bool | None]]:
        """(text, within budget; None for a line without a budget) per line of the report."""
        regels = [
            (
                f"PDF van {self.afspraken} afspraken en {self.tabellen} voorraadtabellen "
                f"({self.paginas} pagina's): {nl(self.warm, 2)} s warm "
                f"(CPU {nl(self.warm_cpu, 2)} s), {nl(self.koud, 2)} s koud met de import van "
                f"WeasyPrint (budget warm {nl(BUDGET_RENDER)} s)",
                self.warm < BUDGET_RENDER,
            ),
        ]
        if self.apart:
            piek = self.apart["piek_kb"] / 1024
            basis = self.apart["basis_kb"] / 1024
            warm, warm_cpu = self.apart["tijden"][1]
            regels.append(
                (
                    f"Dezelfde HTML in een vers proces: piekgeheugen {nl(piek)} MB "
                    f"({nl(basis)} MB vóór het renderen, met Django en WeasyPrint geladen; "
                    f"het renderen zelf {nl(piek - basis)} MB), warm {nl(warm, 2)} s "
                    f"(CPU {nl(warm_cpu, 2)} s) (budget {BUDGET_GEHEUGEN_MB} MB)",
                    piek <= BUDGET_GEHEUGEN_MB,
                )
            )
        else:
            regels.append(("Piekgeheugen niet gemeten: het aparte proces faalde", False))
        if self.soffice is None:
            regels.append(
                ("LibreOffice (soffice) is niet geïnstalleerd: geen vergelijking gemaakt", None)
            )
        else:
            regels.append(
                (
                    f"LibreOffice zet dezelfde HTML om in {nl(self.soffice, 2)} s "
                    f"(budget: de PDF warm niet trager, {nl(self.warm, 2)} s)",
                    self.warm <= self.soffice,
                )
            )
        regels.append(
            (
                f"{self.handtekeningen} incrementele handtekeningen na elkaar: "
                f"{nl(self.tekenen, 2)} s (CPU {nl(self.tekenen_cpu, 2)} s), daarna "
                f"{self.geldig} geldig (budget {nl(BUDGET_HANDTEKENINGEN)} s)",
                self.tekenen < BUDGET_HANDTEKENINGEN and self.geldig == self.handtekeningen,
            )
        )
        return regels


def _vaststellen(jaarschijf: Jaarschijf) -> Jaarschijf:
    """Fixed as at vaststelling (its own copy of the agreement), past the lifecycle: the bench
    measures the rendering of a fixed document, not the services that lead there."""
    Jaarschijf.objects.filter(pk=jaarschijf.pk).update(
        status=JaarschijfStatus.VASTGESTELD, vastgelegde_inhoud=vastlegging.vastleggen(jaarschijf)
    )
    jaarschijf.refresh_from_db()
    return jaarschijf


def meet_pdf(jaarschijf: Jaarschijf) -> PdfMeting:
    from monitoring.ondertekening import certificaat, pades
    from monitoring.pdf import jaarschijf_opmaken
    from monitoring.pdf.inhoud import pdf_context
    from monitoring.pdf.render import SJABLOON

    jaarschijf = _vaststellen(jaarschijf)
    begin = time.perf_counter()
    jaarschijf_opmaken(jaarschijf)
    koud = time.perf_counter() - begin
    begin, cpu = time.perf_counter(), time.process_time()
    opmaak = jaarschijf_opmaken(jaarschijf)
    warm, warm_cpu = time.perf_counter() - begin, time.process_time() - cpu
    html = render_to_string(SJABLOON, pdf_context(jaarschijf))
    regels = list(jaarschijf.ondertekeningen.select_related("organisatie"))[:AANTAL_HANDTEKENINGEN]
    with tempfile.TemporaryDirectory() as map_, _certificaat(Path(map_)):
        map_ = Path(map_)
        (map_ / "jaarschijf.html").write_text(html, encoding="utf-8")
        if bewaren := os.environ.get("BENCH_PDF_HTML"):
            # The measured HTML, kept to profile WeasyPrint on it apart.
            Path(bewaren).write_text(html, encoding="utf-8")
        apart = _apart(map_ / "jaarschijf.html")
        soffice = _soffice(map_ / "jaarschijf.html")
        # Warm, like the render: pyHanko imported and the key loaded, as in a worker that
        # has signed before (the first signature in a fresh process pays about 0,8 s more).
        import pyhanko.pdf_utils.incremental_writer
        import pyhanko.sign.signers  # noqa: F401

        certificaat.signer()
        data = opmaak.pdf
        begin, cpu = time.perf_counter(), time.process_time()
        for regel in regels:
            plek = opmaak.velden.get(str(regel.pk))
            veld = pades.Veld(
                f"ondertekening-{regel.pk}",
                plek[0] if plek else -1,
                tuple(plek[1:]) if plek else None,
            )
            data = pades.tekenen(
                data, veld=veld, naam=regel.naam, namens=regel.organisatie.naam, plaats=""
            )
        tekenen, tekenen_cpu = time.perf_counter() - begin, time.process_time() - cpu
        geldig = sum(u.geldig for u in pades.valideren(data))
        certificaat.opnieuw_laden()
    return PdfMeting(
        afspraken=jaarschijf.jaarafspraken.count(),
        tabellen=_tabellen(jaarschijf),
        paginas=opmaak.paginas,
        koud=koud,
        warm=warm,
        warm_cpu=warm_cpu,
        handtekeningen=len(regels),
        tekenen=tekenen,
        tekenen_cpu=tekenen_cpu,
        geldig=geldig,
        apart=apart,
        soffice=soffice,
    )


def _apart(html: Path) -> dict | None:
    """Times and peak RSS of rendering `html` in a fresh process (None if it failed)."""
    uitvoer = subprocess.run(
        [sys.executable, "-c", _APART, str(html)],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings"),
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if uitvoer.returncode:
        return None
    return json.loads(uitvoer.stdout.strip().splitlines()[-1])


def _soffice(html: Path) -> float | None:
    """Seconds LibreOffice takes to convert `html` to PDF, or None when not installed."""
    programma = shutil.which("soffice") or shutil.which("libreoffice")
    if not programma:
        return None
    profiel = html.parent / "lo-profiel"
    opdracht = [
        programma,
        f"-env:UserInstallation=file://{profiel}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(html.parent / "lo"),
        str(html),
    ]
    # The first start creates the profile; the timed second one is LibreOffice warm.
    subprocess.run(opdracht, capture_output=True, check=False, timeout=600)
    begin = time.perf_counter()
    subprocess.run(opdracht, capture_output=True, check=False, timeout=600)
    return time.perf_counter() - begin


def _tabellen(jaarschijf: Jaarschijf) -> int:
    mutaties = jaarschijf.voorraadmutaties.values("corporatie_id").distinct().count()
    standen = jaarschijf.voorraadstanden.values("corporatie_id").distinct().count()
    return mutaties + standen


class _certificaat:
    """A throwaway signing certificate in `map_`, in settings for the measurement only."""

    def __init__(self, map_: Path):
        self.map = map_

    def __enter__(self):
        from monitoring.ondertekening import certificaat

        cert, sleutel = self.map / "certificaat.pem", self.map / "sleutel.pem"
        certificaat.maak_ontwikkelcertificaat(cert, sleutel, naam="Driehoek bench")
        self.instellingen = override_settings(
            ONDERTEKENING_CERTIFICAAT=cert,
            ONDERTEKENING_SLEUTEL=sleutel,
            ONDERTEKENING_SLEUTEL_WACHTWOORD="",
            ONDERTEKENING_TSA_URL="",
        )
        self.instellingen.enable()
        certificaat.opnieuw_laden()
        return self

    def __exit__(self, *exc):
        from monitoring.ondertekening import certificaat

        self.instellingen.disable()
        certificaat.opnieuw_laden()
