"""The jaarschijf's HTML, and its PDF from monitoring.pdf.werker in a process of its own
(monitoring.pdf.proces)."""

import logging

from django.template.loader import render_to_string

from afspraken.models import Jaarschijf
from monitoring.pdf import proces
from monitoring.pdf.inhoud import pdf_context
from monitoring.pdf.ophalen import statische_bestanden
from monitoring.pdf.werker import Opmaak

SJABLOON = "pdf/jaarschijf.html"

logger = logging.getLogger(__name__)

__all__ = ["SJABLOON", "Opmaak", "html_opmaken", "jaarschijf_opmaken"]


def html_opmaken(html: str) -> Opmaak:
    opmaak = proces.opmaken(html, statische_bestanden())
    for melding in opmaak.meldingen:
        logger.warning("WeasyPrint: %s", melding[:500])
    return opmaak


def jaarschijf_opmaken(
    jaarschijf: Jaarschijf, *, volgnummer: int = 1, met_wijzigingen: bool = False
) -> Opmaak:
    """The jaarschijf's PDF, unsigned, with the positions of its signature boxes; with
    `met_wijzigingen` an appendix of what changed since the previous jaarschijf."""
    context = pdf_context(jaarschijf, volgnummer=volgnummer, met_wijzigingen=met_wijzigingen)
    html = render_to_string(SJABLOON, context)
    return html_opmaken(html)
