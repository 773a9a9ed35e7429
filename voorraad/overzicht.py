"""The gemeente's stock on one page (and in the PDF): totals per corporatie and for the
gemeente, plan against realisation, the charts, the notes and the transfers. Computed from
the figures in a fixed number of queries, however many corporaties, years or categories."""

import itertools
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf
from afspraken.perioden import periode_label
from voorraad import grafiek, plan
from voorraad.constants import CijferSoort
from voorraad.models import Segment, Tabelnoot, Voorraadmutatie, Voorraadoverdracht
from voorraad.totalen import Totaal, mutatietotalen, standtotalen

SOORTEN = (CijferSoort.REALISATIE, CijferSoort.PROGNOSE)


@dataclass
class Totaalrij:
    naam: str
    cellen: list  # per column: [(soort, Totaal), ...] for the soorten that have a figure
    is_totaal: bool = False


@dataclass
class Mutatiereeks:
    categorie: str
    toelichting: str
    kolommen: list
    waarden: list  # per column: (Totaal realisatie, Totaal prognose)
    grafiek: grafiek.Grafiek


@dataclass
class Overzicht:
    jaarschijf: Jaarschijf
    standkolommen: list = field(default_factory=list)
    standrijen: list = field(default_factory=list)
    standgrafiek: grafiek.Grafiek | None = None
    segmentnoten: list = field(default_factory=list)
    mutatiereeksen: list = field(default_factory=list)
    vergelijking: list = field(default_factory=list)
    noten: list = field(default_factory=list)
    overdrachten: list = field(default_factory=list)


def _cellen(totalen: dict, corporatie_id, kolommen) -> list:
    return [
        [
            (soort, totalen[(corporatie_id, k, soort)])
            for soort in SOORTEN
            if (corporatie_id, k, soort) in totalen
        ]
        for k in kolommen
    ]


def _standen(overzicht: Overzicht, jaarschijf: Jaarschijf) -> None:
    standen = list(jaarschijf.voorraadstanden.select_related("corporatie", "segment").order_by())
    segmenten = Segment.objects.filter(
        Q(overeenkomst_id=jaarschijf.overeenkomst_id) | Q(overeenkomst__isnull=True)
    ).values_list("pk", "onderdeel_van_id", "naam", "toelichting")
    ouders = {pk: ouder for pk, ouder, _naam, _t in segmenten}
    gebruikt = {s.segment_id for s in standen}
    overzicht.segmentnoten = [(naam, t) for pk, _o, naam, t in segmenten if t and pk in gebruikt]
    totalen = standtotalen(standen, ouders)
    kolommen = sorted({s.peildatum for s in standen})
    overzicht.standkolommen = [f"{k:%d-%m-%Y}" for k in kolommen]
    corporaties = sorted({s.corporatie for s in standen}, key=lambda c: (c.naam, c.pk))
    for c in corporaties:
        overzicht.standrijen.append(Totaalrij(c.naam, _cellen(totalen, c.pk, kolommen)))
    if len(corporaties) > 1:
        overzicht.standrijen.append(
            Totaalrij(_("Totaal gemeente"), _cellen(totalen, None, kolommen), is_totaal=True)
        )
    reeksen = [
        (
            rij.naam,
            {i: _paar(dict(cel)) for i, cel in enumerate(rij.cellen) if cel},
            rij.is_totaal,
        )
        for rij in overzicht.standrijen
    ]
    overzicht.standgrafiek = grafiek.lijngrafiek(
        _("Voorraad per corporatie en in totaal"), overzicht.standkolommen, reeksen
    )


def _paar(per_soort: dict) -> tuple:
    return tuple(per_soort[s].aantal if s in per_soort else None for s in SOORTEN)


def _mutaties(overzicht: Overzicht, jaarschijf: Jaarschijf, mutaties: list) -> None:
    eigen = [m for m in mutaties if m.jaarschijf_id == jaarschijf.pk]
    totalen = mutatietotalen(eigen)
    per_categorie = itertools.groupby(
        sorted(eigen, key=lambda m: (m.categorie.volgorde, m.categorie.naam, m.categorie_id)),
        key=lambda m: m.categorie,
    )
    for categorie, groep in per_categorie:
        perioden = sorted({(m.jaar_van, m.jaar_tot) for m in groep})
        kolommen = [periode_label(*p) for p in perioden]
        waarden = [
            tuple(totalen.get((categorie.pk, *p, s), Totaal(None)) for s in SOORTEN)
            for p in perioden
        ]
        overzicht.mutatiereeksen.append(
            Mutatiereeks(
                categorie=categorie.naam,
                toelichting=categorie.toelichting,
                kolommen=kolommen,
                waarden=waarden,
                grafiek=grafiek.staafgrafiek(
                    _("%(categorie)s per jaar") % {"categorie": categorie.naam},
                    kolommen,
                    [tuple(t.aantal for t in paar) for paar in waarden],
                ),
            )
        )


def overzicht(jaarschijf: Jaarschijf) -> Overzicht:
    uit = Overzicht(jaarschijf)
    _standen(uit, jaarschijf)
    mutaties = list(
        Voorraadmutatie.objects.filter(jaarschijf__overeenkomst_id=jaarschijf.overeenkomst_id)
        .select_related("jaarschijf", "categorie")
        .order_by()
    )
    _mutaties(uit, jaarschijf, mutaties)
    uit.vergelijking = plan.vergelijking(mutaties)
    uit.noten = list(Tabelnoot.objects.filter(jaarschijf=jaarschijf).select_related("corporatie"))
    uit.overdrachten = list(
        Voorraadoverdracht.objects.filter(jaarschijf=jaarschijf).select_related(
            "van", "naar", "segment"
        )
    )
    return uit
