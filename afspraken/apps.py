from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AfsprakenConfig(AppConfig):
    name = "afspraken"
    verbose_name = _("Prestatieafspraken")

    def ready(self):
        # Connects the refusal of a merge that would touch a frozen jaarschijf (#14).
        from afspraken import samenvoegen  # noqa: F401
