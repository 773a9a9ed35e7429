"""What the PDF shows around the document body: the cover's parties by type and the
ondertekening page's signatories with their mandate. The body itself is the jaarschijf
page's own document (monitoring.selectors.jaarschijf), rendered without Driehoek's extras.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf, Partij
from gemeenten.constants import OrganisatieType
from monitoring.pdf.wijzigingen import vorige_jaarschijf, wijzigingen
from monitoring.pdf.zienswijzen import zienswijzen_pdf
from monitoring.selectors.jaarschijf import jaarschijf_document
from voorraad.overzicht import overzicht

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
    signatories, each given a box to sign in (id tekenvak-<pk>)."""

    organisatie: object
    partij: Partij | None
    ondertekeningen: list = field(default_factory=list)


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


def ondertekenaars(document) -> list[Ondertekenaars]:
    per_org = {p.organisatie.pk: p for p in document.partijen}
    return [
        Ondertekenaars(organisatie, per_org.get(organisatie.pk), list(groep))
        for organisatie, groep in document.ondertekenaars
    ]


def titel(jaarschijf: Jaarschijf, overeenkomst) -> str:
    return jaarschijf.titel or _("Jaarschijf %(jaren)s — %(gemeente)s") % {
        "jaren": jaarschijf.jaren,
        "gemeente": overeenkomst.gemeente.naam,
    }


def pdf_context(
    jaarschijf: Jaarschijf, *, volgnummer: int = 1, met_wijzigingen: bool = False
) -> dict:
    """The context of templates/pdf/jaarschijf.html: the page's `document` (rendered with
    `alleen_document`, so the shared partials leave out every control), plus the cover and
    the ondertekening page; with `met_wijzigingen` an appendix of what changed since the
    previous jaarschijf (never in the document that is signed)."""
    document = jaarschijf_document(jaarschijf, met_opmerkingen=False)
    vorige = vorige_jaarschijf(jaarschijf) if met_wijzigingen else None
    return {
        "vorige": vorige,
        "wijzigingen": wijzigingen(document, jaarschijf_document(vorige, met_opmerkingen=False))
        if vorige
        else [],
        "jaarschijf": jaarschijf,
        "document": document,
        "overeenkomst": document.overeenkomst,
        "alleen_document": True,
        "titel": titel(jaarschijf, document.overeenkomst),
        "partijen_per_type": partijen_per_type(document.partijen),
        "ondertekenaars": ondertekenaars(document),
        # Totals per corporatie and for the gemeente, computed, and the charts (#12).
        "voorraad": overzicht(jaarschijf),
        "volgnummer": volgnummer,
        "zienswijzen": zienswijzen_pdf(document),  # the tenants' verdicts (#11 point 5)
    }
