"""The PDF part of `make bench` (issues #10 point 9, #13 point 2): render a jaarschijf of 100
afspraken with its six stock tables (cold, then warm three times) and add five incremental
signatures, reporting seconds against the budgets. Runs inside the caller's transaction
(rolled back) with a throwaway signing certificate.

Rendering happens as in production, in a process of its own per PDF (monitoring.pdf.proces):
its peak resident memory is the rendering's, reported by that process. When LibreOffice is
installed, `soffice --headless --convert-to pdf` converts the same HTML in the same run, as
the yardstick of issue #13.

Wall time is what the budget is about; the CPU time of the rendering is reported beside it,
since on a machine busy with other work the wall time says more about the machine."""

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

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
WARME_RONDES = 3


@dataclass
class PdfMeting:
    afspraken: int
    tabellen: int
    paginas: int
    koud: float
    # Per warm round: wall seconds in the web process, CPU seconds of the rendering process.
    warm: list[tuple[float, float]]
    piek_mb: float | None
    handtekeningen: int
    tekenen: float
    tekenen_cpu: float
    geldig: int
    soffice: float | None

    @property
    def warm_mediaan(self) -> float:
        return statistics.median(duur for duur, _ in self.warm)

    def regels(self) -> list[tuple[str, bool | None]]:
        """(text, within budget; None for a line without a budget) per line of the report."""
        rondes = " / ".join(nl(duur, 2) for duur, _ in self.warm)
        cpu = statistics.median(cpu for _, cpu in self.warm)
        regels = [
            (
                f"PDF van {self.afspraken} afspraken en {self.tabellen} voorraadtabellen "
                f"({self.paginas} pagina's), elk in een eigen proces: {nl(self.warm_mediaan, 2)} s "
                f"warm (mediaan van {rondes} s; CPU van het renderproces {nl(cpu, 2)} s), "
                f"{nl(self.koud, 2)} s koud met het starten van de renderserver "
                f"(budget warm {nl(BUDGET_RENDER)} s)",
                self.warm_mediaan < BUDGET_RENDER,
            ),
        ]
        if self.piek_mb is None:
            regels.append(("Piekgeheugen niet gemeten (geen /proc)", None))
        else:
            regels.append(
                (
                    f"Piekgeheugen van het renderproces: {nl(self.piek_mb)} MB "
                    f"(budget {BUDGET_GEHEUGEN_MB} MB)",
                    self.piek_mb <= BUDGET_GEHEUGEN_MB,
                )
            )
        if self.soffice is None:
            regels.append(
                ("LibreOffice (soffice) is niet geïnstalleerd: geen vergelijking gemaakt", None)
            )
        else:
            regels.append(
                (
                    f"LibreOffice zet dezelfde HTML om in {nl(self.soffice, 2)} s "
                    f"(budget: de PDF warm niet trager, {nl(self.warm_mediaan, 2)} s)",
                    self.warm_mediaan <= self.soffice,
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
    warm, pieken = [], []
    for _ in range(WARME_RONDES):
        begin = time.perf_counter()
        opmaak = jaarschijf_opmaken(jaarschijf)
        warm.append((time.perf_counter() - begin, opmaak.cpu or 0.0))
        pieken.append(opmaak.piek_kb)
    html = render_to_string(SJABLOON, pdf_context(jaarschijf))
    regels = list(jaarschijf.ondertekeningen.select_related("organisatie"))[:AANTAL_HANDTEKENINGEN]
    with tempfile.TemporaryDirectory() as map_, _certificaat(Path(map_)):
        map_ = Path(map_)
        (map_ / "jaarschijf.html").write_text(html, encoding="utf-8")
        if bewaren := os.environ.get("BENCH_PDF_HTML"):
            # The measured HTML, kept to profile WeasyPrint on it apart.
            Path(bewaren).write_text(html, encoding="utf-8")
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
        piek_mb=max(pieken) / 1024 if None not in pieken else None,
        handtekeningen=len(regels),
        tekenen=tekenen,
        tekenen_cpu=tekenen_cpu,
        geldig=geldig,
        soffice=soffice,
    )


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
