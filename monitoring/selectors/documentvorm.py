"""The document's own shape on the jaarschijf page (issue #9): its parties, its hoofdstukken
in their places, the afspraken grouped under their sub-headings, joint steps with their
parties, and the fixed words the document uses. Everything here is computed once per page
(or per re-rendered row) in Python, so the templates, also those the PDF includes, run no
query and no per-row logic of their own.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Subquery, TextField, Value
from django.db.models.aggregates import StringAgg
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext

from afspraken.constants import Plek, Soort
from afspraken.models import Hoofdstuk, Jaarschijf, Partij

# The attribute with a step's other parties' ids ("3,7"; None for a step of one party).
MEDE_IDS = "mede_ids"


def mede_ids() -> StringAgg:
    return StringAgg(Cast("mede_organisaties__id", TextField()), delimiter=Value(","))


def mede_van(stap) -> list[int]:
    return sorted(int(pk) for pk in (getattr(stap, MEDE_IDS, None) or "").split(",") if pk)


@dataclass
class Kopgroep:
    """Consecutive afspraken of a theme under the same sub-heading ('' for none)."""

    kop: str
    jaarafspraken: list = field(default_factory=list)


def kopgroepen(jaarafspraken: list) -> list[Kopgroep]:
    """The theme's afspraken (parents followed by their subs) in groups of their `kop`: a new
    group starts where a top-level afspraak's kop differs from the one before; a
    sub-afspraak stays in its parent's group."""
    groepen: list[Kopgroep] = []
    for ja in jaarafspraken:
        kop = ja.afspraak.kop.strip()
        if not groepen or (not getattr(ja, "niveau", 0) and kop != groepen[-1].kop):
            groepen.append(Kopgroep(kop))
        groepen[-1].jaarafspraken.append(ja)
    return groepen


def hoofdstukken_per_plek(jaarschijf: Jaarschijf) -> tuple[dict, dict]:
    """({plek: [hoofdstuk]}, {thema_id: [hoofdstuk]}) in the document's order, one query;
    none when the page's queryset knows there are none (met_volgend_jaar)."""
    per_plek, per_thema = defaultdict(list), defaultdict(list)
    if not getattr(jaarschijf, "heeft_hoofdstukken", True):
        return {}, {}
    for hoofdstuk in Hoofdstuk.objects.filter(jaarschijf=jaarschijf).order_by("volgorde", "id"):
        if hoofdstuk.plek == Plek.THEMA:
            per_thema[hoofdstuk.thema_id].append(hoofdstuk)
        else:
            per_plek[hoofdstuk.plek].append(hoofdstuk)
    return dict(per_plek), dict(per_thema)


def alle_partijen(jaarschijf: Jaarschijf, vast) -> list[Partij]:
    """Every party of the agreement, as fixed once vastgesteld; the document shows those
    taking part in its years (`Partij.actief_in`: a party that left before is none)."""
    if vast:
        return vast.partijen
    return list(
        Partij.objects.filter(overeenkomst_id=jaarschijf.overeenkomst_id)
        .select_related("organisatie")
        .order_by("volgorde", "id")
    )


def volgend_jaar(jaarschijf: Jaarschijf) -> Jaarschijf | None:
    """The jaarschijf that follows this one, from the annotations of `met_volgend_jaar` when
    the page's queryset has them (no query), else read."""
    if not hasattr(jaarschijf, "volgend_pk"):
        return Jaarschijf.objects.filter(
            overeenkomst_id=jaarschijf.overeenkomst_id, jaar=jaarschijf.laatste_jaar + 1
        ).first()
    if jaarschijf.volgend_pk is None:
        return None
    return Jaarschijf(
        pk=jaarschijf.volgend_pk,
        overeenkomst_id=jaarschijf.overeenkomst_id,
        jaar=jaarschijf.laatste_jaar + 1,
        tot_jaar=jaarschijf.volgend_tot_jaar,
    )


def met_volgend_jaar(queryset):
    """Jaarschijven with the pk and last year of the one that follows each (volgend_jaar),
    and whether they have hoofdstukken (hoofdstukken_per_plek), in the page's first query."""
    volgend = Jaarschijf.objects.filter(
        overeenkomst_id=OuterRef("overeenkomst_id"),
        jaar=Coalesce(OuterRef("tot_jaar"), OuterRef("jaar")) + 1,
    )
    return queryset.annotate(
        volgend_pk=Subquery(volgend.values("pk")[:1]),
        volgend_tot_jaar=Subquery(volgend.values("tot_jaar")[:1]),
        heeft_hoofdstukken=Exists(Hoofdstuk.objects.filter(jaarschijf_id=OuterRef("pk"))),
    )


def rij_voorbereiden(ja, jaarschijf: Jaarschijf, vast, organisaties: dict) -> None:
    """One afspraak row as the document shows it: the afspraak and names as fixed once
    vastgesteld, each step's parties (`deelnemers`: the lead first, then the others from
    `organisaties` by pk) and `naam`, how controls beside the row name the afspraak (its
    code only where the document shows codes)."""
    ja.jaarschijf = jaarschijf  # rows ask permissions on it; avoids a query per row
    if vast:
        ja.afspraak = vast.afspraken.get(ja.pk, ja.afspraak)
    naam = vast.organisatie if vast else (lambda org: org)
    for stap in ja.stappen_op_volgorde:
        stap.organisatie = naam(stap.organisatie)
        mede = [organisaties[pk] for pk in mede_van(stap) if pk in organisaties]
        stap.deelnemers = [stap.organisatie, *(naam(o) for o in mede)]
    afspraak = ja.afspraak
    afspraak.is_doorkijk = afspraak.soort == Soort.DOORKIJK
    if jaarschijf.nummering_tonen:
        ja.naam = afspraak.code
    else:
        ja.naam = afspraak.inhoud[:40] + ("…" if len(afspraak.inhoud) > 40 else "")


def document_labels(jaarschijf: Jaarschijf) -> dict:
    """The document's fixed words, translated once per page instead of once per row."""
    return {
        "resultaat": gettext("Beoogd resultaat"),
        "doel": gettext("Meetbaar doel"),
        "periode": gettext("Periode"),
        "trekkers": gettext("Trekkers"),
        "betrokkenen": gettext("Betrokken"),
        "in_jaar": gettext("In %(jaar)s") % {"jaar": jaarschijf.jaren},
        "stappen": gettext("Stappen"),
        "doorkijk": gettext("Doorkijk"),
    }
