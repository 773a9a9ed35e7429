"""Plan against realisation (issue 12, point 3): per category and period the prognose as
agreed in a signed jaarschijf beside the latest realisatie.

Which figures meet:
- the plan for a period is the prognose in a fixed (vastgesteld or ondertekend) jaarschijf:
  of those holding one, the latest whose year is not after the period's first year (the
  document in force when the period began), else the earliest;
- the realisatie is the one in the latest jaarschijf holding one, open or fixed. A fixed
  jaarschijf never changes (afspraken.bevriezing): a realisatie known after signing is typed
  into a later, open jaarschijf, and this comparison finds it there.
Both are summed over the corporaties (unknown kept apart, voorraad.totalen.Totaal); the
deviation is only given where both sums are complete.
"""

from collections import defaultdict
from dataclasses import dataclass

from afspraken.constants import BEVROREN_STATUSSEN
from afspraken.perioden import periode_label
from voorraad.constants import CijferSoort
from voorraad.totalen import Totaal


@dataclass(frozen=True)
class Vergelijking:
    categorie: str
    periode: str
    plan: Totaal
    plan_jaarschijf: int | None  # the year of the jaarschijf the plan was agreed in
    realisatie: Totaal
    realisatie_jaarschijf: int | None

    @property
    def afwijking(self) -> int | None:
        if None in (self.plan.aantal, self.realisatie.aantal):
            return None
        if self.plan.onvolledig or self.realisatie.onvolledig:
            return None
        return self.realisatie.aantal - self.plan.aantal


def _plan_bron(kandidaten: list, jaar_van: int):
    """Of the fixed jaarschijven' figures, the one the plan comes from (see the module)."""
    ervoor = [m for m in kandidaten if m.jaarschijf.jaar <= jaar_van]
    if ervoor:
        return max(ervoor, key=lambda m: (m.jaarschijf.jaar, m.jaarschijf_id))
    return min(kandidaten, key=lambda m: (m.jaarschijf.jaar, m.jaarschijf_id))


def _per_rij(mutaties) -> tuple[dict, dict]:
    """(categorie_id, jaar_van, jaar_tot) -> ({corporatie_id: plan figure}, {...: realisatie})."""
    plannen, realisaties = defaultdict(list), defaultdict(list)
    for m in mutaties:
        sleutel = (m.categorie_id, m.jaar_van, m.jaar_tot, m.corporatie_id)
        if m.soort == CijferSoort.PROGNOSE and m.jaarschijf.status in BEVROREN_STATUSSEN:
            plannen[sleutel].append(m)
        elif m.soort == CijferSoort.REALISATIE:
            realisaties[sleutel].append(m)
    per_rij = defaultdict(lambda: ({}, {}))
    for sleutel, kandidaten in plannen.items():
        per_rij[sleutel[:3]][0][sleutel[3]] = _plan_bron(kandidaten, sleutel[1])
    for sleutel, kandidaten in realisaties.items():
        laatste = max(kandidaten, key=lambda m: (m.jaarschijf.jaar, m.jaarschijf_id))
        per_rij[sleutel[:3]][1][sleutel[3]] = laatste
    return per_rij


def _totaal(figuren: dict, corporaties: set) -> Totaal:
    """A corporatie without a figure on this side is unknown there, not 0."""
    return Totaal.van(figuren[c].aantal if c in figuren else None for c in corporaties)


def vergelijking(mutaties) -> list[Vergelijking]:
    """`mutaties`: every mutation of the agreement, with jaarschijf and categorie loaded."""
    uit = []
    for (_categorie_id, van, tot), (plan, real) in _per_rij(mutaties).items():
        corporaties = set(plan) | set(real)
        categorie = next(iter({**plan, **real}.values())).categorie
        uit.append(
            (
                (categorie.volgorde, categorie.naam, van, tot),
                Vergelijking(
                    categorie=categorie.naam,
                    periode=periode_label(van, tot),
                    plan=_totaal(plan, corporaties),
                    plan_jaarschijf=max((m.jaarschijf.jaar for m in plan.values()), default=None),
                    realisatie=_totaal(real, corporaties),
                    realisatie_jaarschijf=max(
                        (m.jaarschijf.jaar for m in real.values()), default=None
                    ),
                ),
            )
        )
    return [v for _sleutel, v in sorted(uit, key=lambda paar: paar[0])]
