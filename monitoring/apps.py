from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
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
