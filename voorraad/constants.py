from django.db import models
from django.utils.translation import gettext_lazy as _


class CijferSoort(models.TextChoices):
    REALISATIE = "realisatie", _("Realisatie")
    PROGNOSE = "prognose", _("Prognose")


# The list every agreement starts from; a workbook may add its own names. The migration that
# creates them keeps its own frozen copy, as migrations must.
STANDAARD_CATEGORIEEN = ("nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen")
# Stock without a named segment in a document counts as this one.
STANDAARD_SEGMENT = "sociale huur (DAEB)"
STANDAARD_SEGMENTEN = (
    STANDAARD_SEGMENT,
    "zorgwoningen",
    "woonwagens",
    "standplaatsen",
    "geliberaliseerd",
)
