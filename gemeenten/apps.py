from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = _("Gemeenten en organisaties")

    def ready(self):
        # Pages are cached per gemeente (gemeenten.paginacache); organisations and people
        # appear in many gemeenten, so a change to them renews every page.
        from gemeenten.generaties import volgen

        volgen(self.get_model("Gemeente"), "pk")
        for naam in ("Organisatie", "Gebruiker", "Lidmaatschap"):
            volgen(self.get_model(naam), None)
