from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie
from gemeenten.services.samenvoegen import organisaties_samenvoegen

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
    list_display = ["naam", "afkorting", "type", "gemeente", "kvk_nummer", "aangemaakt_voor"]
    list_filter = ["type", ("aangemaakt_voor", admin.EmptyFieldListFilter)]
    search_fields = ["naam", "afkorting", "kvk_nummer", "l_nummer"]
    list_select_related = ["gemeente", "aangemaakt_voor"]
    autocomplete_fields = ["gemeente", "aangemaakt_voor"]
    inlines = [LidmaatschapInline]
    actions = ["samenvoegen"]

    @admin.action(description=_("Geselecteerde organisaties samenvoegen"))
    def samenvoegen(self, request, queryset):
        """Asks which one stays, then merges the others into it (all or none)."""
        organisaties = list(queryset.order_by("naam", "pk"))
        if len(organisaties) < 2:
            self.message_user(request, _("Kies ten minste twee organisaties."), messages.ERROR)
            return None
        keuze = request.POST.get("behouden")
        behouden = next((o for o in organisaties if str(o.pk) == keuze), None)
        if behouden is None:
            context = {
                **self.admin_site.each_context(request),
                "title": _("Organisaties samenvoegen"),
                "organisaties": organisaties,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/gemeenten/organisatie/samenvoegen.html", context
            )
        try:
            with transaction.atomic():
                for duplicaat in organisaties:
                    if duplicaat.pk != behouden.pk:
                        organisaties_samenvoegen(
                            behouden=behouden, duplicaat=duplicaat, door=request.user
                        )
        except ValidationError as fout:
            self.message_user(request, " ".join(fout.messages), messages.ERROR)
            return None
        self.message_user(
            request,
            _("De organisaties zijn samengevoegd in {naam}.").format(naam=behouden.naam),
            messages.SUCCESS,
        )
        return None


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
