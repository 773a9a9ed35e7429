"""The versions of a jaarschijf for its page (issue #10, point 5): each signed version with
its stored PDF, hash and signatures, the reason it was changed, and the version in progress.

A closed version is a JaarschijfVersie (afspraken.services.wijziging); its PDF is the
OndertekendDocument that became definitief while it was the current version (documents are
matched by time, so a version signed on paper, which has none, shifts nothing).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, JaarschijfVersie
from monitoring.models import OndertekendDocument


@dataclass
class Versie:
    nummer: int
    huidig: bool = False
    ondertekend: bool = False
    buiten_driehoek: bool = False
    ondertekend_op: date | datetime | None = None
    plaats: str = ""
    document: OndertekendDocument | None = None
    # (naam, organisatie, op) of each signature
    handtekeningen: list = field(default_factory=list)
    wijziging: JaarschijfVersie | None = None  # why and by whom this version was closed
    status_label: str = ""


def _papieren_handtekeningen(versie: JaarschijfVersie) -> list[tuple]:
    """The signatories a paper version's copy names, with their organisation as named then."""
    inhoud = versie.inhoud or {}
    organisaties = {
        o["id"]: o["naam"] for o in (inhoud.get("vastgelegde_inhoud") or {}).get("organisaties", [])
    }
    return [
        (
            r["naam"],
            organisaties.get(r["organisatie_id"], ""),
            datetime.fromisoformat(r["ondertekend_op"]) if r.get("ondertekend_op") else None,
        )
        for r in inhoud.get("ondertekeningen", [])
    ]


def _met_document(versie: Versie, document: OndertekendDocument | None) -> Versie:
    if document is not None:
        versie.document = document
        versie.ondertekend_op = versie.ondertekend_op or document.definitief_op
        versie.handtekeningen = [
            (h.naam, h.organisatie_naam, h.op) for h in document.handtekeningen.all()
        ]
    return versie


def jaarschijf_versies(jaarschijf: Jaarschijf) -> list[Versie]:
    """Oldest first; empty for a jaarschijf never signed nor changed (one query then)."""
    gesloten = list(jaarschijf.versies.select_related("gestart_door").order_by("volgnummer"))
    ondertekend = jaarschijf.status == JaarschijfStatus.ONDERTEKEND
    if not gesloten and not ondertekend:
        return []
    documenten = list(
        OndertekendDocument.objects.filter(jaarschijf=jaarschijf, definitief=True)
        .prefetch_related("handtekeningen")
        .order_by("definitief_op", "volgnummer")
    )
    result, vanaf = [], None
    for wijziging in gesloten:
        eigen = [
            d
            for d in documenten
            if d.definitief_op
            and d.definitief_op <= wijziging.gestart_op
            and (vanaf is None or d.definitief_op > vanaf)
        ]
        versie = Versie(
            nummer=wijziging.volgnummer,
            ondertekend=True,
            buiten_driehoek=wijziging.ondertekend_buiten_driehoek,
            ondertekend_op=wijziging.ondertekend_op,
            plaats=wijziging.plaats,
            wijziging=wijziging,
        )
        if eigen:
            _met_document(versie, eigen[-1])
        elif wijziging.ondertekend_buiten_driehoek:
            versie.handtekeningen = _papieren_handtekeningen(wijziging)
        result.append(versie)
        vanaf = wijziging.gestart_op
    huidig = Versie(
        nummer=(gesloten[-1].volgnummer + 1) if gesloten else 1,
        huidig=True,
        ondertekend=ondertekend,
        buiten_driehoek=jaarschijf.ondertekend_buiten_driehoek,
        status_label=jaarschijf.get_status_display(),
        plaats=jaarschijf.plaats,
    )
    if ondertekend and jaarschijf.ondertekend_buiten_driehoek:
        huidig.ondertekend_op = jaarschijf.datum
    elif ondertekend:
        nieuw = [d for d in documenten if vanaf is None or (d.definitief_op or vanaf) > vanaf]
        _met_document(huidig, nieuw[-1] if nieuw else None)
    result.append(huidig)
    return result
