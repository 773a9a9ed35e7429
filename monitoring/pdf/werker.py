"""HTML to PDF with WeasyPrint, in a process of its own: this module imports no Django, so a
fresh process can render without the web application loaded (monitoring.pdf.proces forks one
per PDF from a server that has imported only WeasyPrint and this module). PDF/UA-1, our
static-only fetcher, and the signature boxes measured from the layout so each signature
lands in the box the ondertekening page drew for it."""

import gc
import logging
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from monitoring.pdf.ophalen import maak_ophaler

# The boxes the signatures go in carry this id prefix plus the Ondertekening's pk.
VAK = "tekenvak-"
# CSS pixels (1/96 in) to PDF points (1/72 in).
PT_PER_PX = 0.75
PDF_VARIANT = "pdf/ua-1"


@dataclass
class Opmaak:
    pdf: bytes
    paginas: int
    # Ondertekening pk -> [page index, x1, y1, x2, y2] in PDF points (origin bottom left).
    velden: dict = field(default_factory=dict)
    geweigerd: list = field(default_factory=list)
    # WeasyPrint's warnings (CSS it ignored, URLs refused), for the caller to log: the
    # rendering process has no logging configured.
    meldingen: list = field(default_factory=list)
    # The peak resident memory of the process that rendered, in kB (None if unknown), and
    # the CPU seconds it spent rendering.
    piek_kb: int | None = None
    cpu: float | None = None


def opmaken_apart(html: str, bestanden: dict[str, str]) -> Opmaak:
    """`opmaken` in a process that exists for this one PDF: the garbage collector runs a
    fiftieth as often. Most of what WeasyPrint allocates lives until the PDF is written, and
    each collection walks it all again: 5 % of the time, for 1-3 MB more at the peak. The
    process exits afterwards, so its garbage goes with it."""
    gc.set_threshold(50_000, 10, 10)
    return opmaken(html, bestanden)


def opmaken(html: str, bestanden: dict[str, str]) -> Opmaak:
    """Render `html`; it may fetch only the static files in `bestanden` (name -> path)."""
    import weasyprint

    begin = time.process_time()
    geweigerd: list[str] = []
    meldingen = _Meldingen()
    with _oude_objecten_bevroren(), meldingen:
        document = weasyprint.HTML(
            string=html, base_url=None, url_fetcher=maak_ophaler(bestanden, geweigerd)
        ).render(pdf_variant=PDF_VARIANT)
        velden = _tekenvakken(document)
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    return Opmaak(
        pdf=pdf,
        paginas=len(document.pages),
        velden=velden,
        geweigerd=geweigerd,
        meldingen=meldingen.regels,
        piek_kb=_piek_kb(),
        cpu=time.process_time() - begin,
    )


class _Meldingen(logging.Handler):
    """Collects WeasyPrint's log records while rendering, instead of passing them on."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.regels: list[str] = []
        self.logger = logging.getLogger("weasyprint")

    def emit(self, record):
        self.regels.append(record.getMessage())

    def __enter__(self):
        self.propageren = self.logger.propagate
        self.logger.propagate = False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        self.logger.propagate = self.propageren


@contextmanager
def _oude_objecten_bevroren():
    """WeasyPrint allocates millions of objects, so the garbage collector runs often, and
    each full run walks every object the process already had: in the web process (Django,
    the app, its caches) that was 5-10 % of the rendering time. Frozen, those are skipped;
    WeasyPrint's own garbage is still collected, so memory stays as it was. (Turning the
    collector off altogether was 20 % faster but cost 60 MB more at the peak.) Left alone
    when something else has frozen objects already, which unfreezing would undo."""
    if gc.get_freeze_count():
        yield
        return
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _tekenvakken(document) -> dict:
    velden = {}
    for index, pagina in enumerate(document.pages):
        hoogte = pagina.height * PT_PER_PX
        for naam, (x1, y1, x2, y2) in pagina.anchors.items():
            if naam.startswith(VAK):
                velden[naam.removeprefix(VAK)] = [
                    index,
                    round(x1 * PT_PER_PX, 1),
                    round(hoogte - y2 * PT_PER_PX, 1),
                    round(x2 * PT_PER_PX, 1),
                    round(hoogte - y1 * PT_PER_PX, 1),
                ]
    return velden


def _piek_kb() -> int | None:
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec.
    try:
        with open("/proc/self/status") as status:
            gevonden = re.search(r"^VmHWM:\s+(\d+) kB", status.read(), re.M)
    except OSError:
        return None
    return int(gevonden.group(1)) if gevonden else None
