from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorraadConfig(AppConfig):
    name = "voorraad"
    verbose_name = _("Woningvoorraad")

    def ready(self):
        # Every write renews its gemeente's cached pages (gemeenten.generaties).
        from gemeenten.generaties import volgen

        for naam in ("Categorie", "Segment"):
            volgen(self.get_model(naam), "overeenkomst__gemeente")
        for naam in ("Voorraadmutatie", "Voorraadstand", "Tabelnoot", "Voorraadoverdracht"):
            volgen(self.get_model(naam), "jaarschijf__overeenkomst__gemeente")
