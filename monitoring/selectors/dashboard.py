"""Dashboards (issue #11, point 3): per overeenkomst, per gemeente and nationally, built
from the current jaarschijf of each agreement in a fixed number of queries, whatever the
number of afspraken. Every table is also a `Tabel` for the xlsx/CSV export.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from afspraken.constants import Voortgang
from afspraken.models import Jaarafspraak, Jaarschijf, Overeenkomst
from gemeenten.models import Gemeente
from monitoring.models import Opmerking
from monitoring.models_voortgang import Agendapunt, Doel
from monitoring.selectors import dashboard_tabellen
from monitoring.selectors.doelen import Doelstand, doelstand, laatste_realisaties
from monitoring.selectors.voortgang import GEEN, VOLGORDE, laatste_meldingen, status_label

OPMERKINGEN_MAX = 50


@dataclass
class Themarij:
    jaarschijf: Jaarschijf
    thema: str
    aantallen: Counter

    @property
    def lichten(self) -> list[tuple[str, str, int]]:
        return [(s, status_label(s), self.aantallen[s]) for s in [*VOLGORDE, GEEN]]

    @property
    def totaal(self) -> int:
        return sum(self.aantallen.values())


@dataclass
class Dashboard:
    jaarschijven: list[Jaarschijf]
    themarijen: list[Themarij] = field(default_factory=list)
    aandacht: list[Jaarafspraak] = field(default_factory=list)
    doelen: list[Doelstand] = field(default_factory=list)
    opmerkingen: list[Opmerking] = field(default_factory=list)
    opmerkingen_aantal: int = 0
    verlopen: list[Agendapunt] = field(default_factory=list)

    def tabellen(self) -> dict:
        return dashboard_tabellen.tabellen(self)


def huidige_jaarschijven(overeenkomsten, jaar: int | None = None) -> list[Jaarschijf]:
    """Per agreement the jaarschijf of `jaar` (default: this year); failing that the latest
    before it, or else its first. One query."""
    jaar = jaar or timezone.localdate().year
    per_overeenkomst = defaultdict(list)
    for js in (
        Jaarschijf.objects.filter(overeenkomst__in=overeenkomsten)
        .select_related("overeenkomst__gemeente")
        .order_by("jaar")
    ):
        per_overeenkomst[js.overeenkomst_id].append(js)
    gekozen = []
    for lijst in per_overeenkomst.values():
        eerder = [js for js in lijst if js.jaar <= jaar]
        gekozen.append(eerder[-1] if eerder else lijst[0])
    return sorted(gekozen, key=lambda js: (js.overeenkomst.gemeente.naam, js.overeenkomst.titel))


def _themarijen(jaarschijven: list[Jaarschijf]) -> list[Themarij]:
    per_pk = {js.pk: js for js in jaarschijven}
    rijen = {}
    for r in (
        Jaarafspraak.objects.filter(jaarschijf__in=per_pk)
        .values("jaarschijf_id", "afspraak__thema_id", "afspraak__thema__naam", "status")
        .annotate(n=Count("id"))
        .order_by("jaarschijf_id", "afspraak__thema__volgorde", "afspraak__thema_id")
    ):
        sleutel = (r["jaarschijf_id"], r["afspraak__thema_id"])
        if sleutel not in rijen:
            rijen[sleutel] = Themarij(
                per_pk[r["jaarschijf_id"]], r["afspraak__thema__naam"], Counter()
            )
        rijen[sleutel].aantallen[r["status"]] += r["n"]
    return list(rijen.values())


def _aandacht(jaarschijven: list[Jaarschijf]) -> list[Jaarafspraak]:
    per_pk = {js.pk: js for js in jaarschijven}
    lijst = list(
        Jaarafspraak.objects.filter(jaarschijf__in=per_pk, status=Voortgang.AANDACHT)
        .select_related("afspraak")
        .order_by("jaarschijf_id", "afspraak__volgorde", "afspraak__code")
    )
    laatste = laatste_meldingen(ja.pk for ja in lijst)
    for ja in lijst:
        ja.jaarschijf = per_pk[ja.jaarschijf_id]
        ja.laatste = laatste.get(ja.pk)
    return lijst


def _doelen(jaarschijven: list[Jaarschijf]) -> list[Doelstand]:
    doelen = list(
        Doel.objects.filter(overeenkomst__in={js.overeenkomst_id for js in jaarschijven})
        .select_related("partij", "afspraak", "thema")
        .order_by("overeenkomst_id", "volgorde", "id")
    )
    realisaties = laatste_realisaties(d.pk for d in doelen)
    return [doelstand(d, realisaties.get(d.pk)) for d in doelen]


def verlopen_agendapunten(jaarschijven, vandaag: datetime.date | None = None):
    """Agenda rows whose date has passed and that nobody ticked off."""
    vandaag = vandaag or timezone.localdate()
    return (
        Agendapunt.objects.filter(jaarschijf__in=jaarschijven, datum__lt=vandaag, afgerond=False)
        .select_related("jaarschijf__overeenkomst__gemeente")
        .prefetch_related("wie")
        .order_by("datum", "id")
    )


def dashboard(user, jaarschijven: list[Jaarschijf]) -> Dashboard:
    """The dashboard of these jaarschijven (already scoped to what `user` may read)."""
    open_opmerkingen = Opmerking.objects.for_user(user).filter(
        jaarschijf__in=jaarschijven, afgehandeld=False
    )
    return Dashboard(
        jaarschijven=jaarschijven,
        themarijen=_themarijen(jaarschijven),
        aandacht=_aandacht(jaarschijven),
        doelen=_doelen(jaarschijven),
        opmerkingen=list(
            open_opmerkingen.select_related(
                "auteur", "organisatie", "jaarafspraak__afspraak", "jaarschijf"
            ).order_by("-aangemaakt_op")[:OPMERKINGEN_MAX]
        ),
        opmerkingen_aantal=open_opmerkingen.count(),
        verlopen=list(verlopen_agendapunten(jaarschijven)),
    )


def overeenkomst_dashboard(user, overeenkomst: Overeenkomst, jaar: int | None = None):
    return dashboard(user, huidige_jaarschijven([overeenkomst], jaar))


def gemeente_dashboard(user, gemeente: Gemeente, jaar: int | None = None):
    overeenkomsten = Overeenkomst.objects.for_user(user).filter(gemeente=gemeente)
    return dashboard(user, huidige_jaarschijven(overeenkomsten, jaar))
