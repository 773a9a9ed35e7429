from django.db import models
from django.utils.translation import gettext_lazy as _


class CijferSoort(models.TextChoices):
    REALISATIE = "realisatie", _("Realisatie")
    PROGNOSE = "prognose", _("Prognose")
