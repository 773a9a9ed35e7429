"""Writing stock figures (docs/voorraad.md). Every service takes `door` and passes the write
boundary (afspraken.services.grens): its permission, and a jaarschijf that is not frozen.

pagina: a corporatie's figures page in one call; cel: one cell of the grid, in place;
bulk: a gemeente's workbook; aanlevering: a corporatie's own figures as a file;
extra: table notes and transfers.
"""

from voorraad.services.aanlevering import eigen_cijfers_aanleveren
from voorraad.services.bulk import (
    MutatieRegel,
    SegmentRegel,
    StandRegel,
    segmenten_bijwerken_bulk,
    voorraadmutaties_bijwerken_bulk,
    voorraadstanden_bijwerken_bulk,
)
from voorraad.services.cel import Cel, cel_bijwerken
from voorraad.services.extra import overdracht_vastleggen, tabelnoot_toevoegen
from voorraad.services.pagina import (
    CONFLICT,
    Aantal,
    NieuweMutatie,
    NieuweStand,
    Resultaat,
    cijfers_bijwerken,
)

__all__ = [
    "CONFLICT",
    "Aantal",
    "Cel",
    "MutatieRegel",
    "NieuweMutatie",
    "NieuweStand",
    "Resultaat",
    "SegmentRegel",
    "StandRegel",
    "cel_bijwerken",
    "cijfers_bijwerken",
    "eigen_cijfers_aanleveren",
    "overdracht_vastleggen",
    "segmenten_bijwerken_bulk",
    "tabelnoot_toevoegen",
    "voorraadmutaties_bijwerken_bulk",
    "voorraadstanden_bijwerken_bulk",
]
