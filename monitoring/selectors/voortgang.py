"""Progress per afspraak per year: the jaarschijf's afspraken with their current status, the
latest explanation, the roll-up of a parent over its sub-afspraken, and the timeline of one
afspraak. A fixed number of queries for any number of afspraken."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from afspraken import vastlegging
from afspraken.constants import Voortgang, keuzelabels
from afspraken.models import Jaarafspraak, Jaarschijf
from afspraken.rules import met_recht
from monitoring.models_voortgang import Voortgangsmelding

# Order of the traffic lights, worst first where it matters to a reader.
VOLGORDE = [
    Voortgang.AANDACHT,
    Voortgang.NIET_GESTART,
    Voortgang.OP_KOERS,
    Voortgang.GEREALISEERD,
    Voortgang.VERVALLEN,
]
GEEN = ""


def status_label(status: str) -> str:
    return keuzelabels(Voortgang).get(status) or _("Nog niet gemeld")


@dataclass
class Voortgangsrij:
    jaarafspraak: Jaarafspraak
    laatste: Voortgangsmelding | None = None
    niveau: int = 0
    # Per status the number of sub-afspraken in it (parents only).
    deelstatussen: Counter = field(default_factory=Counter)
    mag_melden: bool = False

    @property
    def rollup(self) -> list[tuple[str, str, int]]:
        """(status, label, count) of the sub-afspraken, in traffic-light order."""
        return [
            (s, status_label(s), self.deelstatussen[s])
            for s in [*VOLGORDE, GEEN]
            if self.deelstatussen[s]
        ]


def meldingen(jaarafspraak: Jaarafspraak) -> QuerySet[Voortgangsmelding]:
    """The timeline of one afspraak in one year, newest first."""
    return (
        Voortgangsmelding.objects.filter(jaarafspraak=jaarafspraak)
        .select_related("door", "organisatie")
        .order_by("-op", "-id")
    )


def laatste_meldingen(jaarafspraak_ids) -> dict[int, Voortgangsmelding]:
    laatste = {}
    for m in (
        Voortgangsmelding.objects.filter(jaarafspraak_id__in=list(jaarafspraak_ids))
        .select_related("door", "organisatie")
        .order_by("op", "id")
    ):
        laatste[m.jaarafspraak_id] = m
    return laatste


def _geordend(rijen: list[Voortgangsrij]) -> list[Voortgangsrij]:
    """Parents followed by their subs; each parent counts its subs' statuses."""
    per_afspraak = {r.jaarafspraak.afspraak_id: r for r in rijen}
    kinderen = defaultdict(list)
    top = []
    for rij in rijen:
        parent_id = rij.jaarafspraak.afspraak.parent_id
        (kinderen[parent_id] if parent_id in per_afspraak else top).append(rij)
    result = []

    def plaats(rij, niveau):
        rij.niveau = niveau
        result.append(rij)
        for kind in kinderen[rij.jaarafspraak.afspraak_id]:
            rij.deelstatussen[kind.jaarafspraak.status] += 1
            plaats(kind, niveau + 1)

    for rij in top:
        plaats(rij, 0)
    return result


def voortgangsrijen(user, jaarschijf: Jaarschijf) -> list[Voortgangsrij]:
    """The jaarschijf's afspraken in document order, with what the user may report.

    A frozen jaarschijf names its afspraken as they were fixed (afspraken.vastlegging).
    """
    vast = vastlegging.vastgelegd(jaarschijf)
    jaarafspraken = list(
        Jaarafspraak.objects.filter(jaarschijf=jaarschijf)
        .select_related("afspraak__thema")
        .prefetch_related("afspraak__trekkers")
    )
    for ja in jaarafspraken:
        ja.jaarschijf = jaarschijf
        if vast:
            thema = ja.afspraak.thema
            ja.afspraak = vast.afspraken.get(ja.pk, ja.afspraak)
            ja.afspraak.thema = next(
                (t for t in vast.themas if t.pk == ja.afspraak.thema_id), thema
            )
    jaarafspraken.sort(
        key=lambda ja: (ja.afspraak.thema.volgorde, ja.afspraak.volgorde, ja.afspraak.code)
    )
    laatste = laatste_meldingen(ja.pk for ja in jaarafspraken)
    mag = met_recht(user, "afspraken.change_voortgang", jaarafspraken)
    rijen = [Voortgangsrij(ja, laatste.get(ja.pk), mag_melden=ja.pk in mag) for ja in jaarafspraken]
    return _geordend(rijen)
