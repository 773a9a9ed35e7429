from voorraad.views.cijfers import CijfersBewerkenView
from voorraad.views.extra import OverdrachtView, TabelnootView
from voorraad.views.overzicht import VoorraadOverzichtView
from voorraad.views.raster import CelGeschiedenisView, CelView, RasterView

__all__ = [
    "CelGeschiedenisView",
    "CelView",
    "CijfersBewerkenView",
    "OverdrachtView",
    "RasterView",
    "TabelnootView",
    "VoorraadOverzichtView",
]
