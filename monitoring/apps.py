from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        # Every write renews its gemeente's cached pages (gemeenten.generaties). Message
        # settings and calendar tokens are a person's own and on no cached page.
        from gemeenten.generaties import volgen

        jaarschijf = "jaarschijf__overeenkomst__gemeente"
        paden = {
            "Opmerking": jaarschijf,
            "Reactie": f"opmerking__{jaarschijf}",
            "OndertekendDocument": jaarschijf,
            "Handtekening": f"document__{jaarschijf}",
            "Doel": "overeenkomst__gemeente",
            "Doelrealisatie": "doel__overeenkomst__gemeente",
            "Voortgangsmelding": f"jaarafspraak__{jaarschijf}",
            "Agendapunt": jaarschijf,
            "Cyclusmoment": "gemeente",
            "Zienswijze": f"jaarafspraak__{jaarschijf}",
        }
        for naam, pad in paden.items():
            volgen(self.get_model(naam), pad)
        # afspraken links and returns to these pages without naming monitoring (DESIGN §3).
        from afspraken import boven

        boven.registreer(
            urls={
                "start": "monitoring:start",
                "jaarschijf": "monitoring:jaarschijf",
                "smart_check": "monitoring:smart-check",
                "werkboek_export": "monitoring:werkboek-export",
                "werkboek_import": "monitoring:werkboek-import",
            },
            afspraak_rij="monitoring.views.jaarschijf.rij_response",
            # afspraken' row form for a trekker reports progress onto the timeline.
            voortgang_melden="monitoring.voortgang.voortgang_melden",
        )
        # E-mail on status changes: importing monitoring.berichten connects its receiver.
        from monitoring import berichten  # noqa: F401
