"""The stock figures of an agreement, as the documents hold them (docs/voorraad.md).

lijsten: the agreement's own categories and segments (a shared default list to pick from);
cijfers: a corporatie's mutations and stock levels in a jaarschijf; extra: notes under a
table and transfers of stock between corporaties.
"""

from voorraad.models.cijfers import CorporatieCijfer, Voorraadmutatie, Voorraadstand
from voorraad.models.extra import Tabelnoot, Voorraadoverdracht
from voorraad.models.lijsten import Categorie, Segment

__all__ = [
    "Categorie",
    "CorporatieCijfer",
    "Segment",
    "Tabelnoot",
    "Voorraadmutatie",
    "Voorraadoverdracht",
    "Voorraadstand",
]
