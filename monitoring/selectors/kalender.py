"""The calendar (issue #11, point 4): the Woningwet cycle of each gemeente plus the agenda
rows of its jaarschijven, per gemeente, per person (the iCalendar feed) and, overdue, on the
start page of the parties concerned. A fixed number of queries."""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from afspraken.models import Jaarschijf, Overeenkomst
from gemeenten.models import Gemeente
from gemeenten.rules import actor
from monitoring.kalender import STANDAARD_CYCLUS, KalenderItem
from monitoring.models_voortgang import Agendapunt, Cyclusmoment


def _dag(jaar: int, maand: int, dag: int) -> datetime.date:
    try:
        return datetime.date(jaar, maand, dag)
    except ValueError:  # 29 February in a common year: the last day of February
        return datetime.date(jaar, maand, 28)


def cyclus(gemeenten, jaren) -> list[KalenderItem]:
    """The cycle's deadlines of these gemeenten in these years (their own or the default)."""
    gemeenten = list(gemeenten)
    eigen = defaultdict(list)
    for moment in Cyclusmoment.objects.filter(gemeente__in=gemeenten):
        eigen[moment.gemeente_id].append(moment)
    items = []
    for gemeente in gemeenten:
        momenten = eigen.get(gemeente.pk) or STANDAARD_CYCLUS
        for jaar in jaren:
            for m in momenten:
                datum = _dag(jaar, m.maand, m.dag)
                items.append(
                    KalenderItem(
                        datum=datum,
                        wanneer=datum.isoformat(),
                        wat=str(m.wat),
                        soort=m.soort,
                        gemeente=gemeente,
                        uid=f"cyclus-{gemeente.pk}-{jaar}-{m.maand}-{m.dag}-{m.soort}",
                    )
                )
    return items


def _agenda_item(punt: Agendapunt) -> KalenderItem:
    return KalenderItem(
        datum=punt.datum,
        wanneer=punt.wanneer,
        wat=punt.wat,
        soort=punt.soort,
        gemeente=punt.jaarschijf.overeenkomst.gemeente,
        jaarschijf=punt.jaarschijf,
        wie=tuple(punt.wie.all()),
        afgerond=punt.afgerond,
        uid=f"agenda-{punt.pk}",
        agendapunt=punt,
    )


def agendapunten(jaarschijven) -> list[Agendapunt]:
    return list(
        Agendapunt.objects.filter(jaarschijf__in=jaarschijven)
        .select_related("jaarschijf__overeenkomst__gemeente")
        .prefetch_related("wie")
        .order_by("datum", "volgorde", "id")
    )


def _gesorteerd(items: list[KalenderItem]) -> list[KalenderItem]:
    return sorted(items, key=lambda i: (i.datum is None, i.datum or datetime.date.max, i.wat))


def gemeente_kalender(user, gemeente: Gemeente, jaar: int) -> list[KalenderItem]:
    """The gemeente's cycle in `jaar` and the agenda rows of its jaarschijven of that year
    the user may read."""
    jaarschijven = (
        Jaarschijf.objects.for_user(user)
        .filter(overeenkomst__gemeente=gemeente, jaar__lte=jaar)
        .filter(Q(jaar=jaar) | Q(tot_jaar__gte=jaar))
    )
    items = cyclus([gemeente], [jaar]) + [_agenda_item(p) for p in agendapunten(jaarschijven)]
    return _gesorteerd(items)


def persoonlijke_kalender(user, vandaag: datetime.date | None = None) -> list[KalenderItem]:
    """For the person's feed: last, this and next year, in every agreement they read."""
    vandaag = vandaag or timezone.localdate()
    jaren = range(vandaag.year - 1, vandaag.year + 2)
    overeenkomsten = Overeenkomst.objects.for_user(user)
    gemeenten = Gemeente.objects.filter(overeenkomsten__in=overeenkomsten).distinct()
    jaarschijven = Jaarschijf.objects.for_user(user).filter(jaar__in=jaren)
    items = cyclus(gemeenten.order_by("naam"), jaren)
    items += [_agenda_item(p) for p in agendapunten(jaarschijven)]
    return _gesorteerd(items)


def verlopen_voor(user, vandaag: datetime.date | None = None) -> list[Agendapunt]:
    """Overdue agenda rows that concern the user's organisation: it is among `wie`, or the
    row names nobody and the user works for the gemeente (which runs the cycle)."""
    vandaag = vandaag or timezone.localdate()
    act = actor(user)
    if act.organisatie_id is None:
        return []
    betreft = Q(wie=act.organisatie_id)
    if act.is_gemeente:
        betreft |= Q(wie__isnull=True, jaarschijf__overeenkomst__gemeente_id=act.gemeente_id)
    return list(
        Agendapunt.objects.for_user(user)
        .filter(betreft, datum__lt=vandaag, afgerond=False)
        .select_related("jaarschijf__overeenkomst__gemeente")
        .order_by("datum", "id")
        .distinct()[:20]
    )
