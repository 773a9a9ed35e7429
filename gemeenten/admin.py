from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie

# Rights come from memberships and the rules in each app's rules.py; Django's groups and
# model permissions would be a second, conflicting system.
admin.site.unregister(Group)


def alleen_superuser(request):
    """The Django admin is for superusers only: it bypasses every rule in */rules.py.

    A staff flag alone (set by mistake, or on an old account) opens nothing.
    """
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = alleen_superuser


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 0
    autocomplete_fields = ["gebruiker", "organisatie"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Organisatie)
class OrganisatieAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "afkorting", "type", "gemeente"]
    list_filter = ["type"]
    search_fields = ["naam", "afkorting"]
    list_select_related = ["gemeente"]
    autocomplete_fields = ["gemeente"]
    inlines = [LidmaatschapInline]


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "organisatie", "is_active"]
    list_filter = [
        *UserAdmin.list_filter,
        "lidmaatschappen__rol",
        "lidmaatschappen__organisatie__type",
    ]
    inlines = [LidmaatschapInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("lidmaatschappen__organisatie")

    @admin.display(description=_("organisatie"))
    def organisatie(self, obj):
        return ", ".join(sorted({str(lid.organisatie) for lid in obj.lidmaatschappen.all()}))


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(SimpleHistoryAdmin):
    list_display = ["gebruiker", "organisatie", "rol", "functie"]
    list_filter = ["rol", "organisatie__type"]
    search_fields = ["gebruiker__username", "gebruiker__last_name", "organisatie__naam"]
    list_select_related = ["gebruiker", "organisatie"]
    autocomplete_fields = ["gebruiker", "organisatie"]
