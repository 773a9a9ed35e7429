"""Totals of the stock tables, computed from the figures, never typed.

A total adds the known figures and says when some were unknown (`onvolledig`): `-` is not
0, so a total over an unknown figure is a lower bound, and the tables show it as such.

Segments nest (Segment.onderdeel_van): `sociale huur < aftoppingsgrens` is part of `sociale
huur (DAEB)`. A stock total counts a segment's level only where none of the segments it is
part of (at any depth) has a level for the same corporatie, peildatum and soort: the whole
already holds the part, and a part reported without its whole still counts.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Totaal:
    aantal: int | None  # None: not one figure known
    onvolledig: bool = False  # some figure counted in it is unknown

    @classmethod
    def van(cls, aantallen: Iterable[int | None]) -> "Totaal":
        aantallen = list(aantallen)
        bekend = [a for a in aantallen if a is not None]
        return cls(sum(bekend) if bekend else None, len(bekend) < len(aantallen))


def _voorouders(segment_id: int, ouders: dict[int, int | None]) -> set[int]:
    gezien: set[int] = set()
    ouder = ouders.get(segment_id)
    while ouder is not None and ouder not in gezien:
        gezien.add(ouder)
        ouder = ouders.get(ouder)
    return gezien


def telbare_standen(standen: Iterable, ouders: dict[int, int | None]) -> list:
    """The levels a total counts (see the module). `ouders`: segment id -> the id of the
    segment it is part of (None at the top), for every segment the levels use."""
    standen = list(standen)
    aanwezig = defaultdict(set)
    for s in standen:
        aanwezig[(s.corporatie_id, s.peildatum, s.soort)].add(s.segment_id)
    return [
        s
        for s in standen
        if not _voorouders(s.segment_id, ouders) & aanwezig[(s.corporatie_id, s.peildatum, s.soort)]
    ]


def standtotalen(standen: Iterable, ouders: dict[int, int | None]) -> dict[tuple, Totaal]:
    """Stock per (corporatie_id, peildatum, soort), and per (None, peildatum, soort) for the
    gemeente: the sum over its corporaties."""
    groepen = defaultdict(list)
    for s in telbare_standen(standen, ouders):
        groepen[(s.corporatie_id, s.peildatum, s.soort)].append(s.aantal)
        groepen[(None, s.peildatum, s.soort)].append(s.aantal)
    return {sleutel: Totaal.van(aantallen) for sleutel, aantallen in groepen.items()}


def mutatietotalen(mutaties: Iterable) -> dict[tuple, Totaal]:
    """Mutations per (categorie_id, jaar_van, jaar_tot, soort) over every corporatie: the
    gemeente's row of a category."""
    groepen = defaultdict(list)
    for m in mutaties:
        groepen[(m.categorie_id, m.jaar_van, m.jaar_tot, m.soort)].append(m.aantal)
    return {sleutel: Totaal.van(aantallen) for sleutel, aantallen in groepen.items()}
