"""Targets with their latest realised value, as the pages show them: "214 van 320 woningen
(67%)" beside a bar. A fixed number of queries for any number of afspraken.

A frozen jaarschijf shows the targets as they stood when it was vastgesteld: they belong to
the multi-year agreement and may change for later years, so they are read from their
history as of the vaststelling (the latest status change to vastgesteld).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, JaarschijfStatuswijziging
from gemeenten.models import Organisatie
from monitoring.constants import Richting
from monitoring.models_voortgang import Doel, Doelrealisatie


def getal(waarde: Decimal | None) -> str:
    """Dutch notation, whole numbers without decimals: 1.129, 12,5."""
    if waarde is None:
        return ""
    if waarde == waarde.to_integral_value():
        waarde = int(waarde)
    return formats.number_format(waarde, use_l10n=True, force_grouping=True)


def _met_eenheid(tekst: str, eenheid: str) -> str:
    if not eenheid:
        return tekst
    return f"{tekst}{eenheid}" if eenheid == "%" else f"{tekst} {eenheid}"


def doelwaarde(doel: Doel) -> str:
    """'ca. 320 woningen', '4 tot 6 woningen', 'maximaal 10%', 'label C'."""
    if doel.waarde is None:
        waarde = doel.waarde_tekst
    elif doel.waarde_tot is not None:
        waarde = _("%(van)s tot %(tot)s") % {
            "van": getal(doel.waarde),
            "tot": getal(doel.waarde_tot),
        }
    else:
        waarde = getal(doel.waarde)
    tekst = _met_eenheid(waarde, doel.eenheid)
    if doel.circa:
        tekst = _("ca. %(waarde)s") % {"waarde": tekst}
    if doel.richting == Richting.MAXIMAAL:
        tekst = _("maximaal %(waarde)s") % {"waarde": tekst}
    return tekst


@dataclass
class Doelstand:
    """A target and where it stands: the sentence, and a percentage for the bar (None when
    the target is no number, nothing was reported, or it is a ceiling)."""

    doel: Doel
    realisatie: Doelrealisatie | None
    tekst: str
    procent: int | None

    @property
    def behaald(self) -> bool:
        """The reported number reached the target (a floor or an exact target)."""
        r = self.realisatie
        return (
            self.procent is not None
            and r is not None
            and r.waarde is not None
            and r.waarde >= self.doel.waarde
        )


def doelstand(doel: Doel, realisatie: Doelrealisatie | None) -> Doelstand:
    doel_tekst = doelwaarde(doel)
    if realisatie is None:
        return Doelstand(
            doel, None, _("doel: %(doel)s, nog niets gemeld") % {"doel": doel_tekst}, None
        )
    if realisatie.waarde is None or doel.waarde is None:
        gemeld = realisatie.waarde_tekst or getal(realisatie.waarde)
        tekst = _("%(gemeld)s (doel: %(doel)s)") % {"gemeld": gemeld, "doel": doel_tekst}
        return Doelstand(doel, realisatie, tekst, None)
    gemeld = getal(realisatie.waarde)
    if doel.eenheid == "%":
        gemeld = f"{gemeld}%"
    if doel.richting == Richting.MAXIMAAL or doel.waarde <= 0:
        tekst = _("%(gemeld)s (doel: %(doel)s)") % {"gemeld": gemeld, "doel": doel_tekst}
        return Doelstand(doel, realisatie, tekst, None)
    # Rounded as people round: 214 of 320 is 67%.
    procent = int((realisatie.waarde * 100 / doel.waarde).quantize(Decimal(1), ROUND_HALF_UP))
    tekst = _("%(gemeld)s van %(doel)s (%(procent)s%%)") % {
        "gemeld": gemeld,
        "doel": doel_tekst,
        "procent": procent,
    }
    return Doelstand(doel, realisatie, tekst, max(0, min(procent, 100)))


def vastgesteld_op(jaarschijf: Jaarschijf) -> datetime.datetime | None:
    """When the frozen jaarschijf was (last) vastgesteld; None while it is open."""
    if not jaarschijf.is_bevroren:
        return None
    wijziging = (
        JaarschijfStatuswijziging.objects.filter(
            jaarschijf=jaarschijf, naar=JaarschijfStatus.VASTGESTELD
        )
        .order_by("-op", "-id")
        .first()
    )
    return wijziging.op if wijziging else None


def _doelen_op(overeenkomst_id: int, moment) -> list[Doel]:
    """The agreement's targets now, or as they stood at `moment` (from their history)."""
    if moment is None:
        return list(
            Doel.objects.filter(overeenkomst_id=overeenkomst_id)
            .select_related("partij")
            .order_by("volgorde", "id")
        )
    laatste = {}
    for h in Doel.history.filter(
        overeenkomst_id=overeenkomst_id, history_date__lte=moment
    ).order_by("history_date", "history_id"):
        laatste[h.id] = h
    doelen = [h.instance for h in laatste.values() if h.history_type != "-"]
    # The parties of split targets in one query, not one per history row.
    partijen = Organisatie.objects.in_bulk({d.partij_id for d in doelen} - {None})
    for doel in doelen:
        doel.partij = partijen.get(doel.partij_id)
    return sorted(doelen, key=lambda d: (d.volgorde, d.pk))


def laatste_realisaties(doel_ids) -> dict[int, Doelrealisatie]:
    """Per target its latest realised value (one query)."""
    laatste = {}
    for r in Doelrealisatie.objects.filter(doel_id__in=list(doel_ids)).order_by(
        "peildatum", "gemeld_op", "id"
    ):
        laatste[r.doel_id] = r
    return laatste


def doelstanden(overeenkomst_id: int, jaarschijf: Jaarschijf | None = None) -> list[Doelstand]:
    """Every target of the agreement with where it stands (as fixed, for a frozen jaarschijf).
    The party of a split target is read with it; history rows read it in one more query."""
    doelen = _doelen_op(overeenkomst_id, vastgesteld_op(jaarschijf) if jaarschijf else None)
    realisaties = laatste_realisaties(d.pk for d in doelen)
    return [doelstand(d, realisaties.get(d.pk)) for d in doelen]


def per_afspraak(standen: list[Doelstand]) -> dict[int | None, list[Doelstand]]:
    """Afspraak id -> its targets; key None holds the themes' targets."""
    result = defaultdict(list)
    for stand in standen:
        result[stand.doel.afspraak_id].append(stand)
    return result


def doelen_per_afspraak(jaarschijf: Jaarschijf) -> dict[int | None, list[Doelstand]]:
    """What the jaarschijf page needs beside each afspraak (see doelen/_afspraak.html)."""
    return per_afspraak(doelstanden(jaarschijf.overeenkomst_id, jaarschijf))
