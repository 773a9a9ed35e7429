"""The jaarschijf as a document: afspraken, stock figures and remarks in a fixed number of
queries. Stock figures are reached through Jaarschijf's reverse relations
`voorraadmutaties`/`voorraadstanden` (monitoring stands on voorraad, so it may).
"""

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from afspraken import vastlegging
from afspraken.models import Jaarafspraak, Jaarschijf, Ondertekening, Overeenkomst, Stap, Thema
from monitoring.selectors.opmerkingen import opmerkingen_met_auteur
from voorraad import raster


def jaarafspraken_voor_document(opmerkingen: bool = True) -> QuerySet[Jaarafspraak]:
    """Jaarafspraken with everything one afspraak row of the document shows.

    After an inline edit the row is rendered alone from this queryset
    (views.jaarschijf.rij_response), so the row partial never triggers a query of its own.
    `opmerkingen=False` leaves the remarks to the caller (jaarschijf_document reads those
    of the whole jaarschijf at once).
    """
    prefetches = [
        "afspraak__trekkers",
        Prefetch(
            "stappen",
            queryset=Stap.objects.select_related("organisatie").order_by("volgorde", "id"),
            to_attr="stappen_op_volgorde",
        ),
    ]
    if opmerkingen:
        prefetches.append(
            Prefetch("opmerkingen", queryset=opmerkingen_met_auteur(), to_attr="opmerkingen_lijst")
        )
    # Not afspraak__thema: a row shows no theme (the page groups by thema_id), and 290 theme
    # objects per page are measurable.
    return Jaarafspraak.objects.select_related("afspraak").prefetch_related(*prefetches)


@dataclass
class DocumentThema:
    thema: Thema
    jaarafspraken: list = field(default_factory=list)


@dataclass
class JaarschijfDocument:
    jaarschijf: Jaarschijf
    # The agreement as this jaarschijf shows it: its own copy once vastgesteld.
    overeenkomst: Overeenkomst
    themas: list
    mutatietabellen: list  # [voorraad.raster.Raster], one per corporatie
    standtabellen: list
    ondertekenaars: list  # [(organisatie, [ondertekening, ...])]
    # Lifecycle: back to concept only until the first signature; next year once.
    al_getekend: bool = False
    volgend_jaar: Jaarschijf | None = None
    # Remarks on the jaarschijf as a whole; those on an afspraak hang on its jaarafspraak.
    opmerkingen: list = field(default_factory=list)


def _geordend_met_subafspraken(jaarafspraken):
    """Parents followed by their sub-afspraken; `niveau` 1 marks a sub-afspraak.

    A sub-afspraak whose parent is not in this jaarschijf stays on the top level.
    """
    aanwezig = {ja.afspraak_id for ja in jaarafspraken}
    kinderen = defaultdict(list)
    top = []
    for ja in jaarafspraken:
        parent_id = ja.afspraak.parent_id
        if parent_id in aanwezig:
            kinderen[parent_id].append(ja)
        else:
            top.append(ja)
    result = []

    def plaats(ja, niveau):
        ja.niveau = niveau
        result.append(ja)
        for kind in kinderen[ja.afspraak_id]:
            plaats(kind, niveau + 1)

    for ja in top:
        plaats(ja, 0)
    return result


def _opmerkingen_per_afspraak(jaarschijf: Jaarschijf) -> dict:
    """One query for every remark of the jaarschijf, general ones (key None) and per afspraak."""
    per_afspraak = defaultdict(list)
    for opmerking in opmerkingen_met_auteur().filter(jaarschijf=jaarschijf):
        per_afspraak[opmerking.jaarafspraak_id].append(opmerking)
    return per_afspraak


def _jaarafspraken(jaarschijf: Jaarschijf, vast, opmerkingen_per_afspraak: dict) -> list:
    """The jaarschijf's afspraken with their remarks, as fixed once vastgesteld."""
    jaarafspraken = list(
        jaarafspraken_voor_document(opmerkingen=False)
        .filter(jaarschijf=jaarschijf)
        .order_by("afspraak__volgorde", "afspraak__code")
    )
    for ja in jaarafspraken:
        ja.jaarschijf = jaarschijf  # rows ask permissions on it; avoids a query per row
        ja.opmerkingen_lijst = opmerkingen_per_afspraak.get(ja.pk, [])
        if vast:
            ja.afspraak = vast.afspraken.get(ja.pk, ja.afspraak)
            for stap in ja.stappen_op_volgorde:
                stap.organisatie = vast.organisatie(stap.organisatie)
    if vast:
        jaarafspraken.sort(key=lambda ja: (ja.afspraak.volgorde, ja.afspraak.code))
    return jaarafspraken


def _themas(jaarschijf: Jaarschijf, vast, jaarafspraken: list) -> list[DocumentThema]:
    """The themes in order, each with its afspraken (parents followed by their subs)."""
    live_themas = vast.themas if vast else jaarschijf.overeenkomst.themas.order_by("volgorde", "id")
    themas = [DocumentThema(t) for t in live_themas]
    per_thema = {dt.thema.pk: dt for dt in themas}
    per_thema_lijst = defaultdict(list)
    for ja in jaarafspraken:
        per_thema_lijst[ja.afspraak.thema_id].append(ja)
    for thema_id, lijst in per_thema_lijst.items():
        if thema_id in per_thema:
            per_thema[thema_id].jaarafspraken = _geordend_met_subafspraken(lijst)
    return themas


def _voorraadtabellen(jaarschijf: Jaarschijf, vast) -> tuple[list, list]:
    """One mutation grid and one stock grid per corporatie (voorraad.raster)."""
    mutaties = jaarschijf.voorraadmutaties.select_related("corporatie", "categorie").order_by()
    standen = jaarschijf.voorraadstanden.select_related("corporatie", "segment").order_by()
    mutatietabellen = raster.per_corporatie(mutaties, raster.mutatieraster)
    standtabellen = raster.per_corporatie(standen, raster.standraster)
    if vast:
        for tabel in [*mutatietabellen, *standtabellen]:
            tabel.corporatie = vast.organisatie(tabel.corporatie)
    return mutatietabellen, standtabellen


def _ondertekenaars(jaarschijf: Jaarschijf, vast) -> list:
    """[(organisatie, [ondertekening, ...])], the names as fixed once vastgesteld."""
    ondertekeningen = Ondertekening.objects.filter(jaarschijf=jaarschijf).select_related(
        "organisatie"
    )
    return [
        (vast.organisatie(organisatie) if vast else organisatie, list(groep))
        for organisatie, groep in itertools.groupby(ondertekeningen, key=lambda o: o.organisatie)
    ]


def jaarschijf_document(jaarschijf: Jaarschijf) -> JaarschijfDocument:
    """Everything the jaarschijf page shows, in a fixed number of queries whatever the number
    of afspraken and remarks. A vastgesteld or ondertekend jaarschijf shows the afspraken,
    themes and names as they were fixed (afspraken.vastlegging), not as they are now."""
    vast = vastlegging.vastgelegd(jaarschijf)
    opmerkingen_per_afspraak = _opmerkingen_per_afspraak(jaarschijf)
    jaarafspraken = _jaarafspraken(jaarschijf, vast, opmerkingen_per_afspraak)
    mutatietabellen, standtabellen = _voorraadtabellen(jaarschijf, vast)
    ondertekenaars = _ondertekenaars(jaarschijf, vast)
    return JaarschijfDocument(
        jaarschijf=jaarschijf,
        overeenkomst=vast.overeenkomst if vast else jaarschijf.overeenkomst,
        themas=_themas(jaarschijf, vast, jaarafspraken),
        mutatietabellen=mutatietabellen,
        standtabellen=standtabellen,
        ondertekenaars=ondertekenaars,
        al_getekend=any(o.ondertekend_op for _, groep in ondertekenaars for o in groep),
        volgend_jaar=Jaarschijf.objects.filter(
            overeenkomst_id=jaarschijf.overeenkomst_id, jaar=jaarschijf.jaar + 1
        ).first(),
        opmerkingen=opmerkingen_per_afspraak.get(None, []),
    )
