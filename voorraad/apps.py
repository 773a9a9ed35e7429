from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorraadConfig(AppConfig):
    name = "voorraad"
    verbose_name = _("Woningvoorraad")
