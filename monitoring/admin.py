from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from afspraken.admin import DoorServicesMixin
from monitoring.models import Opmerking


@admin.register(Opmerking)
class OpmerkingAdmin(DoorServicesMixin, SimpleHistoryAdmin):
    """Remarks are placed on the jaarschijf page; the admin corrects or removes one."""

    list_display = ["korte_tekst", "auteur", "organisatie", "jaarafspraak", "jaarschijf"]
    list_display += ["aangemaakt_op", "afgehandeld"]
    list_filter = ["afgehandeld", "jaarschijf__jaar", "jaarschijf__overeenkomst__gemeente"]
    search_fields = ["tekst", "organisatie__naam", "auteur__username", "auteur__last_name"]
    list_select_related = [
        "auteur",
        "organisatie",
        "jaarafspraak__afspraak",
        "jaarafspraak__jaarschijf",
        "jaarschijf__overeenkomst__gemeente",
    ]
    autocomplete_fields = ["jaarschijf", "jaarafspraak", "auteur", "organisatie"]
    readonly_fields = ["afgehandeld_door", "afgehandeld_op"]
    date_hierarchy = "aangemaakt_op"

    @admin.display(description=_("tekst"))
    def korte_tekst(self, obj):
        return obj.tekst[:80]
