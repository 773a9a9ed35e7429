"""The tenants' verdict in the PDF (issue #11, point 5): per huurdersorganisatie how many
afspraken it found akkoord, akkoord met kanttekening or niet akkoord, and per afspraak each
verdict with its text. Built from the document the PDF already holds (its jaarafspraken
carry their verdicts, monitoring.selectors.jaarschijf), so it costs no query of its own.
"""

from dataclasses import dataclass, field

from gemeenten.constants import OrganisatieType
from monitoring.constants import Oordeel
from monitoring.selectors.zienswijzen import Samenvatting, zienswijzen_per_jaarafspraak


@dataclass
class AfspraakOordelen:
    jaarafspraak: object
    zienswijzen: list = field(default_factory=list)


@dataclass
class ZienswijzenPdf:
    samenvatting: list  # [monitoring.selectors.zienswijzen.Samenvatting]
    afspraken: list  # [AfspraakOordelen], in the document's order
    oordelen: list  # [(value, label)] in Oordeel's order, the summary's columns


def _jaarafspraken(document) -> list:
    gezien, lijst = set(), []
    for thema in document.themas:
        for ja in thema.jaarafspraken:
            if ja.pk not in gezien:
                gezien.add(ja.pk)
                lijst.append(ja)
    return lijst


def zienswijzen_pdf(document) -> ZienswijzenPdf | None:
    """The verdicts of the document's jaarschijf, or None when no one gave any (the PDF then
    has no such section)."""
    jaarafspraken = _jaarafspraken(document)
    if jaarafspraken and not hasattr(jaarafspraken[0], "zienswijzen_lijst"):
        # A document built without them: one query for the whole jaarschijf.
        per = zienswijzen_per_jaarafspraak(document.jaarschijf)
        for ja in jaarafspraken:
            ja.zienswijzen_lijst = per.get(ja.pk, [])
    afspraken = [
        AfspraakOordelen(ja, list(ja.zienswijzen_lijst))
        for ja in jaarafspraken
        if getattr(ja, "zienswijzen_lijst", None)
    ]
    if not afspraken:
        return None
    # Every huurdersorganisatie that is party, also one that gave no verdict at all.
    per_org = {
        p.organisatie.pk: Samenvatting(p.organisatie)
        for p in document.partijen
        if p.organisatie.type == OrganisatieType.HUURDERSORGANISATIE
    }
    for regel in afspraken:
        for z in regel.zienswijzen:
            per_org.setdefault(z.organisatie_id, Samenvatting(z.organisatie)).aantallen[
                z.oordeel
            ] += 1
    for s in per_org.values():
        s.zonder = len(jaarafspraken) - sum(s.aantallen.values())
    return ZienswijzenPdf(
        samenvatting=sorted(per_org.values(), key=lambda s: s.organisatie.naam),
        afspraken=afspraken,
        oordelen=[(o.value, str(o.label)) for o in Oordeel],
    )
