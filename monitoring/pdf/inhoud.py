"""What the PDF shows around the document body: the cover's parties by type, the table of
contents and the ondertekening page's signatories with their mandate. The body itself is
the jaarschijf page's own document (monitoring.selectors.jaarschijf), without edit controls.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from afspraken import vastlegging
from afspraken.models import Jaarschijf, Partij
from gemeenten.constants import OrganisatieType
from monitoring.selectors.jaarschijf import jaarschijf_document

# The cover lists the parties in this order, each type under its own heading.
TYPE_VOLGORDE = [
    OrganisatieType.GEMEENTE,
    OrganisatieType.WONINGCORPORATIE,
    OrganisatieType.HUURDERSORGANISATIE,
    OrganisatieType.OVERIG,
]


@dataclass
class Ondertekenaars:
    """One organisation on the ondertekening page: its party row (for the mandate) and its
    signatories, each with the id of the box the signature goes in."""

    organisatie: object
    partij: Partij | None
    ondertekeningen: list = field(default_factory=list)


def partijen(jaarschijf: Jaarschijf) -> list[Partij]:
    """The parties taking part in the jaarschijf's years, as fixed once vastgesteld."""
    vast = vastlegging.vastgelegd(jaarschijf)
    if vast:
        lijst = vast.partijen
    else:
        lijst = list(
            jaarschijf.overeenkomst.partijrollen.select_related("organisatie").order_by(
                "volgorde", "id"
            )
        )
    return [p for p in lijst if p.actief_in(jaarschijf.jaar)]


def partijen_per_type(lijst: list[Partij]) -> list[tuple[str, list[Partij]]]:
    labels = {
        OrganisatieType.GEMEENTE: _("Gemeente"),
        OrganisatieType.WONINGCORPORATIE: _("Woningcorporaties"),
        OrganisatieType.HUURDERSORGANISATIE: _("Huurdersorganisaties"),
        OrganisatieType.OVERIG: _("Overige partijen"),
    }
    return [
        (labels[soort], groep)
        for soort in TYPE_VOLGORDE
        if (groep := [p for p in lijst if p.organisatie.type == soort])
    ]


def ondertekenaars(document, lijst: list[Partij]) -> list[Ondertekenaars]:
    per_org = {p.organisatie.pk: p for p in lijst}
    return [
        Ondertekenaars(organisatie, per_org.get(organisatie.pk), list(groep))
        for organisatie, groep in document.ondertekenaars
    ]


def titel(jaarschijf: Jaarschijf, overeenkomst) -> str:
    return jaarschijf.titel or _("Jaarschijf %(jaren)s — %(gemeente)s") % {
        "jaren": jaarschijf.jaren,
        "gemeente": overeenkomst.gemeente.naam,
    }


def pdf_context(jaarschijf: Jaarschijf, *, volgnummer: int = 1) -> dict:
    """The context of templates/pdf/jaarschijf.html: the page's document (`document`,
    `overeenkomst`, `jaarschijf`) with `alleen_lezen` set, so the shared partials leave out
    every control, plus the cover and ondertekening page."""
    document = jaarschijf_document(jaarschijf)
    lijst = partijen(jaarschijf)
    return {
        "jaarschijf": jaarschijf,
        "document": document,
        "overeenkomst": document.overeenkomst,
        "alleen_lezen": True,
        "pdf": True,
        "titel": titel(jaarschijf, document.overeenkomst),
        "partijen": lijst,
        "partijen_per_type": partijen_per_type(lijst),
        "ondertekenaars": ondertekenaars(document, lijst),
        "volgnummer": volgnummer,
        "hoofdstukken": list(jaarschijf.hoofdstukken.all()),
    }
