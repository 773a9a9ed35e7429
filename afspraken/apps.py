from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AfsprakenConfig(AppConfig):
    name = "afspraken"
    verbose_name = _("Prestatieafspraken")

    def ready(self):
        # Every write renews its gemeente's cached pages (gemeenten.generaties).
        from gemeenten.generaties import volgen

        paden = {
            "Overeenkomst": "gemeente",
            "Partij": "overeenkomst__gemeente",
            "Thema": "overeenkomst__gemeente",
            "Afspraak": "overeenkomst__gemeente",
            "Jaarschijf": "overeenkomst__gemeente",
            "Jaarafspraak": "jaarschijf__overeenkomst__gemeente",
            "Stap": "jaarafspraak__jaarschijf__overeenkomst__gemeente",
            "Ondertekening": "jaarschijf__overeenkomst__gemeente",
            "JaarschijfStatuswijziging": "jaarschijf__overeenkomst__gemeente",
            "Hoofdstuk": "jaarschijf__overeenkomst__gemeente",
            "JaarschijfVersie": "jaarschijf__overeenkomst__gemeente",
        }
        for naam, pad in paden.items():
            volgen(self.get_model(naam), pad)
        # Connects the refusal of a merge that would touch a frozen jaarschijf (#14).
        from afspraken import samenvoegen  # noqa: F401
