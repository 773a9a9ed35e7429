from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from afspraken.admin import DoorServicesMixin
from monitoring.models import Opmerking, Reactie


@admin.display(description=_("tekst"))
def korte_tekst(obj):
    return obj.tekst[:80]


@admin.register(Opmerking)
class OpmerkingAdmin(DoorServicesMixin, SimpleHistoryAdmin):
    """Remarks are placed on the jaarschijf page; the admin corrects or removes one. Who
    settled or deleted a remark is recorded by the services (afhandelen, verwijderen) and
    shown on the page and in mails: the admin reads it, never rewrites it."""

    list_display = [korte_tekst, "auteur", "organisatie", "jaarafspraak", "jaarschijf"]
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
    readonly_fields = ["afgehandeld_door", "afgehandeld_op", "verwijderd_door", "verwijderd_op"]
    date_hierarchy = "aangemaakt_op"


@admin.register(Reactie)
class ReactieAdmin(DoorServicesMixin, SimpleHistoryAdmin):
    """Replies are written in a remark's thread on the jaarschijf page; the admin corrects or
    removes one. Who deleted it stays as the thread's placeholder set it
    (monitoring.services.reactie_verwijderen)."""

    list_display = [korte_tekst, "auteur", "organisatie", "opmerking", "aangemaakt_op"]
    list_display += ["afhandeling"]
    list_filter = [
        "afhandeling",
        "opmerking__jaarschijf__jaar",
        "opmerking__jaarschijf__overeenkomst__gemeente",
    ]
    search_fields = ["tekst", "organisatie__naam", "auteur__username", "auteur__last_name"]
    list_select_related = ["auteur", "organisatie", "opmerking__auteur"]
    # The remark by its number (the thread's page shows it): an autocomplete widget fails with
    # a 500 when a posted value is no number, the raw-id widget shows the error in the form.
    raw_id_fields = ["opmerking"]
    autocomplete_fields = ["auteur", "organisatie"]
    readonly_fields = ["verwijderd_door", "verwijderd_op"]
    date_hierarchy = "aangemaakt_op"
