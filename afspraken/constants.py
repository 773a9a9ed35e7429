from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    PRESTATIEAFSPRAAK = "prestatieafspraak", _("Prestatieafspraak")
    PROCESAFSPRAAK = "procesafspraak", _("Procesafspraak")
    AMBITIE = "ambitie", _("Ambitie")


class Voortgang(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Niet gestart")
    OP_KOERS = "op_koers", _("Op koers")
    AANDACHT = "aandacht", _("Vraagt aandacht")
    GEREALISEERD = "gerealiseerd", _("Gerealiseerd")
    VERVALLEN = "vervallen", _("Vervallen")


class JaarschijfStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_BESPREKING = "ter_bespreking", _("Ter bespreking")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    ONDERTEKEND = "ondertekend", _("Ondertekend")


# Content can no longer change once the parties have fixed or signed it.
BEVROREN_STATUSSEN = frozenset({JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND})
