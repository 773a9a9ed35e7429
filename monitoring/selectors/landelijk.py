"""The national overview for superusers: every gemeente with the state of its current
jaarschijf (status, and how its afspraken stand). Three queries for the whole country."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from afspraken.models import Jaarafspraak, Jaarschijf
from gemeenten.models import Gemeente
from monitoring.selectors.dashboard_tabellen import Tabel
from monitoring.selectors.voortgang import GEEN, VOLGORDE, status_label


@dataclass
class Gemeenterij:
    gemeente: Gemeente
    jaarschijven: list = field(default_factory=list)
    aantallen: Counter = field(default_factory=Counter)

    @property
    def lichten(self):
        return [(s, status_label(s), self.aantallen[s]) for s in [*VOLGORDE, GEEN]]


def landelijk_overzicht(jaar: int | None = None) -> list[Gemeenterij]:
    """Per gemeente its agreements' jaarschijven of `jaar` (or the latest before it)."""
    jaar = jaar or timezone.localdate().year
    rijen = {g.pk: Gemeenterij(g) for g in Gemeente.objects.order_by("naam")}
    per_overeenkomst = defaultdict(list)
    for js in (
        Jaarschijf.objects.filter(jaar__lte=jaar).select_related("overeenkomst").order_by("jaar")
    ):
        per_overeenkomst[js.overeenkomst_id].append(js)
    huidige = {lijst[-1].pk: lijst[-1] for lijst in per_overeenkomst.values()}
    for js in sorted(huidige.values(), key=lambda j: j.overeenkomst.titel):
        rijen[js.overeenkomst.gemeente_id].jaarschijven.append(js)
    tellingen = (
        Jaarafspraak.objects.filter(jaarschijf__in=list(huidige))
        .values("jaarschijf__overeenkomst__gemeente_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    for t in tellingen:
        rijen[t["jaarschijf__overeenkomst__gemeente_id"]].aantallen[t["status"]] += t["n"]
    return list(rijen.values())


def landelijke_tabel(rijen: list[Gemeenterij]) -> Tabel:
    kolommen = [_("Gemeente"), _("CBS-code"), _("Jaarschijven")]
    kolommen += [status_label(s) for s in [*VOLGORDE, GEEN]]
    data = [
        [
            r.gemeente.naam,
            r.gemeente.cbs_code,
            "; ".join(
                f"{js.overeenkomst.titel} {js.jaren}: {js.get_status_display()}"
                for js in r.jaarschijven
            ),
        ]
        + [n for _s, _l, n in r.lichten]
        for r in rijen
    ]
    return Tabel("landelijk", _("Landelijk overzicht"), kolommen, data)
