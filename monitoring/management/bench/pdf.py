"""The PDF part of `make bench` (issue #10, point 9): render a jaarschijf of 100 afspraken
with its stock tables (cold, then warm) and add five incremental signatures, reporting
seconds and the process's peak memory against the budgets. Runs inside the caller's
transaction (rolled back) with a throwaway signing certificate.

Wall time is what the budget is about; the process's CPU time is reported beside it,
since on a machine busy with other work the wall time says more about the machine."""

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.test.utils import override_settings

from afspraken import vastlegging
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from monitoring.management.bench.meting import nl, piek_rss_mb

BUDGET_RENDER = 3.0
BUDGET_HANDTEKENINGEN = 2.0
AANTAL_HANDTEKENINGEN = 5


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
    piek_mb: float

    def regels(self) -> list[tuple[str, bool]]:
        """(text, within budget) per line of the report."""
        return [
            (
                f"PDF van {self.afspraken} afspraken en {self.tabellen} voorraadtabellen "
                f"({self.paginas} pagina's): {nl(self.warm, 2)} s warm "
                f"(CPU {nl(self.warm_cpu, 2)} s), {nl(self.koud, 2)} s koud met de import van "
                f"WeasyPrint (budget warm {nl(BUDGET_RENDER)} s)",
                self.warm < BUDGET_RENDER,
            ),
            (
                f"{self.handtekeningen} incrementele handtekeningen na elkaar: "
                f"{nl(self.tekenen, 2)} s (CPU {nl(self.tekenen_cpu, 2)} s), daarna "
                f"{self.geldig} geldig (budget {nl(BUDGET_HANDTEKENINGEN)} s)",
                self.tekenen < BUDGET_HANDTEKENINGEN and self.geldig == self.handtekeningen,
            ),
            (f"Piekgeheugen van het proces na de PDF: {nl(self.piek_mb)} MB", True),
        ]


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

    jaarschijf = _vaststellen(jaarschijf)
    begin = time.perf_counter()
    jaarschijf_opmaken(jaarschijf)
    koud = time.perf_counter() - begin
    begin, cpu = time.perf_counter(), time.process_time()
    opmaak = jaarschijf_opmaken(jaarschijf)
    warm, warm_cpu = time.perf_counter() - begin, time.process_time() - cpu
    regels = list(jaarschijf.ondertekeningen.select_related("organisatie"))[:AANTAL_HANDTEKENINGEN]
    with tempfile.TemporaryDirectory() as map_, _certificaat(Path(map_)):
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
        piek_mb=piek_rss_mb(),
    )


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
