"""Starting a wijziging of a signed jaarschijf (issue #10, point 5): the page asks the reason
and calls afspraken.services.wijziging_starten; the signed version stays as it was."""

from django.utils.translation import gettext_lazy as _

from afspraken import services
from afspraken.forms_wijziging import WijzigingForm
from afspraken.views.levenscyclus import OvergangView


class WijzigingStartenView(OvergangView):
    permission_required = "afspraken.start_wijziging"
    form_class = WijzigingForm
    titel = _("Wijziging van de ondertekende jaarschijf starten?")
    uitleg = _(
        "De ondertekende versie blijft bewaard, met haar PDF en hash, en blijft controleerbaar. "
        "De jaarschijf wordt een concept voor de volgende versie, die opnieuw ter bespreking "
        "gaat, wordt vastgesteld en door alle partijen wordt ondertekend."
    )
    knop = _("Wijziging starten")
    melding = _("De wijziging is gestart: de jaarschijf is een concept voor de nieuwe versie.")

    def opslaan(self, form):
        return services.wijziging_starten(
            jaarschijf=self.object, reden=form.cleaned_data["reden"], door=self.request.user
        )
