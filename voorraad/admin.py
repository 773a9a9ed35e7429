from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from afspraken.admin import BevrorenAlleenLezenMixin, BevrorenInlineMixin, DoorServicesMixin
from gemeenten.admin import OrganisatieAdmin
from gemeenten.models import Organisatie
from voorraad.models import (
    Categorie,
    Segment,
    Tabelnoot,
    Voorraadmutatie,
    Voorraadoverdracht,
    Voorraadstand,
)


@admin.register(Categorie)
class CategorieAdmin(admin.ModelAdmin):
    list_display = ["naam", "overeenkomst", "volgorde"]
    list_editable = ["volgorde"]
    list_filter = [("overeenkomst", admin.EmptyFieldListFilter)]
    list_select_related = ["overeenkomst__gemeente"]
    search_fields = ["naam"]
    autocomplete_fields = ["overeenkomst"]


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["naam", "overeenkomst", "onderdeel_van", "volgorde"]
    list_editable = ["volgorde"]
    list_filter = [("overeenkomst", admin.EmptyFieldListFilter)]
    list_select_related = ["overeenkomst__gemeente", "onderdeel_van"]
    search_fields = ["naam"]
    autocomplete_fields = ["overeenkomst", "onderdeel_van"]


@admin.register(Tabelnoot)
class TabelnootAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["tekst", "tabel", "corporatie", "jaarschijf"]
    list_select_related = ["corporatie", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "corporatie"]


@admin.register(Voorraadoverdracht)
class VoorraadoverdrachtAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["van", "naar", "datum", "aantal", "segment", "jaarschijf"]
    list_select_related = ["van", "naar", "segment", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "van", "naar", "segment"]


@admin.register(Voorraadmutatie)
class VoorraadmutatieAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["corporatie", "categorie", "periode", "soort", "aantal", "jaarschijf"]
    list_filter = ["soort", "categorie", "corporatie", "jaarschijf__overeenkomst__gemeente"]
    search_fields = ["corporatie__naam", "categorie__naam", "toelichting"]
    list_select_related = ["corporatie", "categorie", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "corporatie", "categorie"]


@admin.register(Voorraadstand)
class VoorraadstandAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["corporatie", "segment", "peildatum", "soort", "aantal", "jaarschijf"]
    list_filter = ["soort", "segment", "corporatie", "jaarschijf__overeenkomst__gemeente"]
    search_fields = ["corporatie__naam", "segment__naam"]
    list_select_related = ["corporatie", "segment", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "corporatie", "segment"]


class VoorraadmutatieInline(BevrorenInlineMixin, admin.TabularInline):
    model = Voorraadmutatie
    fk_name = "corporatie"
    extra = 0
    fields = ["jaarschijf", "categorie", "jaar_van", "jaar_tot", "soort", "aantal", "toelichting"]
    autocomplete_fields = ["jaarschijf", "categorie"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("jaarschijf__overeenkomst__gemeente", "categorie")
        )


class VoorraadstandInline(BevrorenInlineMixin, admin.TabularInline):
    model = Voorraadstand
    fk_name = "corporatie"
    extra = 0
    fields = ["jaarschijf", "segment", "peildatum", "soort", "aantal", "toelichting"]
    autocomplete_fields = ["jaarschijf", "segment"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("jaarschijf__overeenkomst__gemeente", "segment")
        )


# A corporatie's figures belong under the corporatie; gemeenten cannot know voorraad (it is the
# ground floor), so voorraad extends the organisation admin instead.
admin.site.unregister(Organisatie)


@admin.register(Organisatie)
class OrganisatieMetVoorraadAdmin(DoorServicesMixin, OrganisatieAdmin):
    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is not None and obj.is_corporatie:
            inlines += [VoorraadmutatieInline, VoorraadstandInline]
        return inlines
