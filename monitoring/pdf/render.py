"""HTML to PDF: WeasyPrint with our fetcher, PDF/UA-1, and the signature boxes measured
from the layout so each signature lands in the box the ondertekening page drew for it."""

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from afspraken.models import Jaarschijf
from monitoring.pdf.inhoud import pdf_context
from monitoring.pdf.ophalen import maak_ophaler

SJABLOON = "pdf/jaarschijf.html"
# The boxes the signatures go in carry this id prefix plus the Ondertekening's pk.
VAK = "tekenvak-"
# CSS pixels (1/96 in) to PDF points (1/72 in).
PT_PER_PX = 0.75
OPTIES = {"pdf_variant": "pdf/ua-1", "pdf_identifier": None}


@dataclass
class Opmaak:
    pdf: bytes
    paginas: int
    # Ondertekening pk -> [page index, x1, y1, x2, y2] in PDF points (origin bottom left).
    velden: dict = field(default_factory=dict)
    geweigerd: list = field(default_factory=list)


def html_opmaken(html: str) -> Opmaak:
    import weasyprint

    geweigerd: list[str] = []
    ophaler = maak_ophaler(geweigerd)
    with _oude_objecten_bevroren():
        document = weasyprint.HTML(string=html, base_url=None, url_fetcher=ophaler).render(
            pdf_variant=OPTIES["pdf_variant"]
        )
        velden = _tekenvakken(document)
        pdf = document.write_pdf(pdf_variant=OPTIES["pdf_variant"])
    return Opmaak(pdf=pdf, paginas=len(document.pages), velden=velden, geweigerd=geweigerd)


@contextmanager
def _oude_objecten_bevroren():
    """WeasyPrint allocates millions of objects, so the garbage collector runs often, and
    each full run walked every object the process already had (Django, the app, its caches):
    5-10 % of the rendering time in a process holding 1,5 million objects. Frozen, those are
    skipped; WeasyPrint's own garbage is still collected, so memory stays as it was. (Turning
    the collector off altogether was 20 % faster but cost 60 MB more at the peak.) Left alone
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


def jaarschijf_opmaken(
    jaarschijf: Jaarschijf, *, volgnummer: int = 1, met_wijzigingen: bool = False
) -> Opmaak:
    """The jaarschijf's PDF, unsigned, with the positions of its signature boxes; with
    `met_wijzigingen` an appendix of what changed since the previous jaarschijf."""
    context = pdf_context(jaarschijf, volgnummer=volgnummer, met_wijzigingen=met_wijzigingen)
    html = render_to_string(SJABLOON, context)
    return html_opmaken(html)
