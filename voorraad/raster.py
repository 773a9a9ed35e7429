"""The stock figures as a grid, said once for every page that shows them.

Rows are categories (mutations) or segments (stock levels), columns are periods or
peildata, and a cell holds the figures of that row and column, realisatie before prognose.
Rows and columns appear only where a figure exists. The jaarschijf page (monitoring) and the
corporatie's own figures page both build their tables here and show them with
`voorraad/_cijfertabel.html`.
"""

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from afspraken.perioden import periode_label
from gemeenten.models import Organisatie
from voorraad.constants import CijferSoort
from voorraad.models import Voorraadmutatie, Voorraadstand


@dataclass
class Raster:
    """Rows by columns; `rijen` is [(label, [cel, ...])], a cel a list (empty where no figure).

    A cel holds the figures themselves, or what `cel_van` made of each (the edit page: the
    figure with its form fields).
    """

    kolommen: list[str] = field(default_factory=list)
    rijen: list = field(default_factory=list)
    # (text, the cells it belongs to): documents repeat one remark over a whole column.
    toelichtingen: list = field(default_factory=list)
    corporatie: Organisatie | None = None
    # (row label, note): the note of a row's category or segment ("* Afgerond op vijftallen").
    noten: list = field(default_factory=list)


def _mutatie_rij(m: Voorraadmutatie) -> tuple:
    return (m.categorie.volgorde, m.categorie.naam)


def _mutatie_kolom(m: Voorraadmutatie) -> tuple:
    return (m.jaar_van, m.jaar_tot, periode_label(m.jaar_van, m.jaar_tot))


def _stand_rij(s: Voorraadstand) -> tuple:
    return (s.segment.volgorde, s.segment.naam)


def _stand_kolom(s: Voorraadstand) -> tuple:
    return (s.peildatum, f"{s.peildatum:%d-%m-%Y}")


def _noten(cijfers: list, lijst_van: Callable) -> list[tuple[str, str]]:
    lijsten = {lijst_van(c).pk: lijst_van(c) for c in cijfers}
    return [
        (lijst.naam, lijst.toelichting)
        for lijst in sorted(lijsten.values(), key=lambda lijst: (lijst.volgorde, lijst.naam))
        if lijst.toelichting
    ]


def _raster(cijfers: Iterable, rij_van: Callable, kolom_van: Callable, cel_van: Callable) -> Raster:
    """Sort keys end in the label: rows and columns sort by the key, show its last part."""
    cijfers = sorted(cijfers, key=lambda c: c.soort != CijferSoort.REALISATIE)
    kolommen = sorted({kolom_van(c) for c in cijfers})
    cellen: dict[tuple, list] = {}
    toelichtingen: dict[str, list] = {}
    for c in cijfers:
        rij, kolom = rij_van(c), kolom_van(c)
        cellen.setdefault((rij, kolom), []).append(cel_van(c))
        if getattr(c, "toelichting", ""):
            plek = f"{rij[-1]} {kolom[-1]} {c.get_soort_display().lower()}"
            toelichtingen.setdefault(c.toelichting, []).append(plek)
    return Raster(
        kolommen=[k[-1] for k in kolommen],
        rijen=[
            (rij[-1], [cellen.get((rij, k), []) for k in kolommen])
            for rij in sorted({rij_van(c) for c in cijfers})
        ],
        toelichtingen=list(toelichtingen.items()),
    )


def _zelf(cijfer):
    return cijfer


def mutatieraster(mutaties: Iterable[Voorraadmutatie], *, cel_van: Callable = _zelf) -> Raster:
    """Mutations by categorie and period; `categorie` must be loaded (select_related)."""
    mutaties = list(mutaties)
    raster = _raster(mutaties, _mutatie_rij, _mutatie_kolom, cel_van)
    raster.noten = _noten(mutaties, lambda m: m.categorie)
    return raster


def standraster(standen: Iterable[Voorraadstand], *, cel_van: Callable = _zelf) -> Raster:
    """Stock levels by segment and peildatum; `segment` must be loaded (select_related)."""
    standen = list(standen)
    raster = _raster(standen, _stand_rij, _stand_kolom, cel_van)
    raster.noten = _noten(standen, lambda s: s.segment)
    return raster


def per_corporatie(cijfers: Iterable, bouw: Callable[[list], Raster]) -> list[Raster]:
    """One grid per corporatie, by name; `corporatie` must be loaded (select_related)."""
    rasters = []
    for corporatie, groep in itertools.groupby(
        sorted(cijfers, key=lambda c: (c.corporatie.naam, c.corporatie_id)),
        key=lambda c: c.corporatie,
    ):
        raster = bouw(list(groep))
        raster.corporatie = corporatie
        rasters.append(raster)
    return rasters
