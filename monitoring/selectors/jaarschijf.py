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
from gemeenten.models import Organisatie
from monitoring.selectors import documentvorm
from monitoring.selectors.doelen import doelen_per_afspraak
from monitoring.selectors.opmerkingen import opmerkingen_met_auteur
from monitoring.selectors.zienswijzen import zienswijzen_per_jaarafspraak
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
            # A joint step's other parties as ids in the same query (documentvorm.MEDE_IDS):
            # a prefetch of its own would cost the page one more query.
            queryset=Stap.objects.select_related("organisatie")
            .annotate(**{documentvorm.MEDE_IDS: documentvorm.mede_ids()})
            .order_by("volgorde", "id"),
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
    # The same afspraken in groups under their sub-headings (documentvorm.kopgroepen).
    groepen: list = field(default_factory=list)
    hoofdstukken: list = field(default_factory=list)


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
    # The document's own shape (monitoring.selectors.documentvorm).
    partijen: list = field(default_factory=list)
    hoofdstukken: dict = field(default_factory=dict)  # {plek: [hoofdstuk]} outside themes
    labels: dict = field(default_factory=dict)
    # The agreement's own calendar for the year (monitoring.Agendapunt), in its order.
    agenda: list = field(default_factory=list)

    @property
    def hoofdstukken_voor(self) -> list:
        return self.hoofdstukken.get("voor", [])

    @property
    def hoofdstukken_voorraad(self) -> list:
        return self.hoofdstukken.get("voorraad", [])

    @property
    def hoofdstukken_na(self) -> list:
        return self.hoofdstukken.get("na", [])

    @property
    def bijlagen(self) -> list:
        return self.hoofdstukken.get("bijlage", [])


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


def _jaarafspraken(
    jaarschijf: Jaarschijf, vast, opmerkingen_per_afspraak: dict, organisaties: dict
) -> list:
    """The jaarschijf's afspraken with their remarks, as fixed once vastgesteld."""
    jaarafspraken = list(
        jaarafspraken_voor_document(opmerkingen=False)
        .filter(jaarschijf=jaarschijf)
        .order_by("afspraak__volgorde", "afspraak__code")
    )
    _doelen_en_zienswijzen(jaarschijf, jaarafspraken)
    for ja in jaarafspraken:
        ja.opmerkingen_lijst = opmerkingen_per_afspraak.get(ja.pk, [])
        documentvorm.rij_voorbereiden(ja, jaarschijf, vast, organisaties)
    if vast:
        jaarafspraken.sort(key=lambda ja: (ja.afspraak.volgorde, ja.afspraak.code))
    return jaarafspraken


def _doelen_en_zienswijzen(jaarschijf: Jaarschijf, jaarafspraken: list) -> None:
    """Beside each afspraak its targets with where they stand (agreed text: part of the
    document) and the tenants' verdicts (Driehoek's extras), each in a fixed number of
    queries for the whole jaarschijf."""
    doelen = doelen_per_afspraak(jaarschijf)
    zienswijzen = zienswijzen_per_jaarafspraak(jaarschijf)
    for ja in jaarafspraken:
        ja.doelstanden = doelen.get(ja.afspraak_id, [])
        ja.zienswijzen_lijst = zienswijzen.get(ja.pk, [])


def _themas(
    jaarschijf: Jaarschijf, vast, jaarafspraken: list, per_thema_hoofdstukken: dict
) -> list[DocumentThema]:
    """The themes in order, each with its hoofdstukken and its afspraken (parents followed
    by their subs, in groups under their sub-headings)."""
    live_themas = vast.themas if vast else jaarschijf.overeenkomst.themas.order_by("volgorde", "id")
    themas = [
        DocumentThema(t, hoofdstukken=per_thema_hoofdstukken.get(t.pk, [])) for t in live_themas
    ]
    per_thema = {dt.thema.pk: dt for dt in themas}
    per_thema_lijst = defaultdict(list)
    for ja in jaarafspraken:
        per_thema_lijst[ja.afspraak.thema_id].append(ja)
    for thema_id, lijst in per_thema_lijst.items():
        if thema_id in per_thema:
            per_thema[thema_id].jaarafspraken = _geordend_met_subafspraken(lijst)
            per_thema[thema_id].groepen = documentvorm.kopgroepen(per_thema[thema_id].jaarafspraken)
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


def jaarschijf_document(jaarschijf: Jaarschijf, *, met_opmerkingen=True) -> JaarschijfDocument:
    """Everything the jaarschijf page shows, in a fixed number of queries whatever the number
    of afspraken and remarks. A vastgesteld or ondertekend jaarschijf shows the afspraken,
    themes and names as they were fixed (afspraken.vastlegging), not as they are now.
    Remarks and their replies are no part of the document itself: the PDF and the comparison
    with last year leave them out (`met_opmerkingen=False`) and save their queries."""
    vast = vastlegging.vastgelegd(jaarschijf)
    opmerkingen_per_afspraak = _opmerkingen_per_afspraak(jaarschijf) if met_opmerkingen else {}
    partijen = documentvorm.alle_partijen(jaarschijf, vast)
    organisaties = {p.organisatie_id: p.organisatie for p in partijen}
    if vast:
        organisaties.update(vast.organisaties)
    jaarafspraken = _jaarafspraken(jaarschijf, vast, opmerkingen_per_afspraak, organisaties)
    mutatietabellen, standtabellen = _voorraadtabellen(jaarschijf, vast)
    ondertekenaars = _ondertekenaars(jaarschijf, vast)
    per_plek, per_thema = documentvorm.hoofdstukken_per_plek(jaarschijf)
    return JaarschijfDocument(
        jaarschijf=jaarschijf,
        overeenkomst=vast.overeenkomst if vast else jaarschijf.overeenkomst,
        themas=_themas(jaarschijf, vast, jaarafspraken, per_thema),
        mutatietabellen=mutatietabellen,
        standtabellen=standtabellen,
        ondertekenaars=ondertekenaars,
        al_getekend=any(o.ondertekend_op for _, groep in ondertekenaars for o in groep),
        volgend_jaar=documentvorm.volgend_jaar(jaarschijf),
        opmerkingen=opmerkingen_per_afspraak.get(None, []),
        partijen=[p for p in partijen if p.actief_in(jaarschijf.jaar)],
        hoofdstukken=per_plek,
        labels=documentvorm.document_labels(jaarschijf),
        agenda=list(jaarschijf.agenda.order_by("volgorde", "id").prefetch_related("wie")),
    )


def document_rij(jaarafspraak_pk: int, jaarschijf: Jaarschijf):
    """One afspraak row, freshly read and prepared as on the page (also as fixed once
    vastgesteld), for htmx to swap in after an inline edit."""
    ja = jaarafspraken_voor_document().get(pk=jaarafspraak_pk)
    ja.niveau = 1 if ja.afspraak.parent_id else 0
    vast = vastlegging.vastgelegd(jaarschijf)
    ids = {pk for stap in ja.stappen_op_volgorde for pk in documentvorm.mede_van(stap)}
    organisaties = Organisatie.objects.in_bulk(ids) if ids else {}
    documentvorm.rij_voorbereiden(ja, jaarschijf, vast, organisaties)
    _doelen_en_zienswijzen(jaarschijf, [ja])
    return ja
