from django import forms
from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from afspraken import services
from afspraken.admin_formulieren import JaarschijfAdminForm
from afspraken.models import (
    Afspraak,
    Hoofdstuk,
    Jaarafspraak,
    Jaarschijf,
    JaarschijfStatuswijziging,
    JaarschijfVersie,
    Ondertekening,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from afspraken.rules import jaarschijf_van
from afspraken.services.opslaan import VersieConflict
from afspraken.services.overeenkomst import (
    eigen_gemeentepartij,
    gemeentepartij_blijft,
    gemeentepartij_controleren,
)
from gemeenten.admin import GebruikerAdmin, GemeenteAdmin, LidmaatschapAdmin
from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie

VERSIE_BIJ_OPENEN = "versie_bij_openen"


class MetVersieAdminForm(forms.ModelForm):
    """The admin's change form carries the version its editor opened, so a save over
    someone else's change is refused with their values shown, as everywhere else."""

    versie_bij_openen = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[VERSIE_BIJ_OPENEN].initial = self.instance.versie

    def _post_clean(self):
        # After the form's values are on the instance, so the message can show what differs.
        super()._post_clean()
        gezien = self.cleaned_data.get(VERSIE_BIJ_OPENEN)
        opgeslagen = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
        if gezien is not None and opgeslagen is not None and opgeslagen.versie != gezien:
            self.add_error(None, VersieConflict(opgeslagen, self.instance))


class DoorServicesMixin:
    """Every write of the admin (the object, its inlines, deletions one by one or in bulk)
    goes through afspraken.services.beheer, which passes the write boundary's guards and
    claims `versie`."""

    def get_form(self, request, obj=None, **kwargs):
        if hasattr(self.model, "versie") and "form" not in kwargs:
            basis = self.form if self.form is not forms.ModelForm else MetVersieAdminForm
            if not issubclass(basis, MetVersieAdminForm):
                basis = type(basis.__name__, (MetVersieAdminForm, basis), {})
            kwargs["form"] = basis
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        versie = form.cleaned_data.get(VERSIE_BIJ_OPENEN) if change else None
        services.beheer_opslaan(obj=obj, door=request.user, versie=versie)

    def delete_model(self, request, obj):
        services.beheer_verwijderen(obj=obj, door=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.beheer_verwijderen(obj=obj, door=request.user)

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            services.beheer_opslaan(obj=obj, door=request.user)
        for obj in formset.deleted_objects:
            services.beheer_verwijderen(obj=obj, door=request.user)
        formset.save_m2m()


class BevrorenAlleenLezenMixin(DoorServicesMixin):
    """A vastgesteld or ondertekend jaarschijf (and what hangs under it) opens read-only.

    The services and the models refuse such changes as well (afspraken.services.grens,
    afspraken.bevriezing); this keeps the admin from offering them. Status changes go
    through the lifecycle services, never through the admin.
    """

    def _bevroren(self, obj):
        jaarschijf = jaarschijf_van(obj) if obj is not None else None
        return jaarschijf is not None and jaarschijf.is_bevroren

    def has_change_permission(self, request, obj=None):
        return not self._bevroren(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._bevroren(obj) and super().has_delete_permission(request, obj)


class BevrorenInlineMixin(BevrorenAlleenLezenMixin):
    def has_add_permission(self, request, obj=None):
        return not self._bevroren(obj) and super().has_add_permission(request, obj)


class PartijInlineForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A party changes organisation by leaving and joining, each checked on its own.
            self.fields["organisatie"].disabled = True


class PartijInlineFormSet(BaseInlineFormSet):
    """The parties as this save leaves them meet the rule of afspraken.services.overeenkomst:
    one gemeente party, the agreement's own (also after changing the agreement's gemeente)."""

    def clean(self):
        super().clean()
        overeenkomst = self.instance
        if overeenkomst.gemeente_id is None:
            return
        gemeente = overeenkomst.gemeente
        fouten, blijven = [], []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                if form.instance.pk:
                    try:
                        gemeentepartij_blijft(
                            gemeente=gemeente, organisatie=form.instance.organisatie
                        )
                    except ValidationError as fout:
                        fouten.extend(fout.messages)
                continue
            organisatie = getattr(form, "cleaned_data", {}).get("organisatie")
            if organisatie is None:
                continue
            try:
                gemeentepartij_controleren(
                    gemeente=gemeente, organisatie=organisatie, naast=list(blijven)
                )
            except ValidationError as fout:
                form.add_error(None, fout)
            blijven.append(organisatie)
        if overeenkomst._state.adding and not any(o.is_gemeente for o in blijven):
            try:
                eigen = eigen_gemeentepartij(gemeente)
            except ValidationError as fout:
                fouten.extend(fout.messages)
            else:
                fouten.append(
                    _(
                        "Voeg %(naam)s toe als partij: elke overeenkomst heeft haar eigen gemeente "
                        "als partij."
                    )
                    % {"naam": eigen.naam}
                )
        if fouten:
            raise ValidationError(fouten)


class PartijInline(admin.TabularInline):
    model = Partij
    form = PartijInlineForm
    formset = PartijInlineFormSet
    extra = 0
    autocomplete_fields = ["organisatie"]


class ThemaInline(admin.TabularInline):
    model = Thema
    extra = 0
    fields = ["volgorde", "letter", "naam", "doel"]


class AfspraakInline(admin.TabularInline):
    model = Afspraak
    extra = 0
    fields = ["volgorde", "code", "thema", "kop", "soort", "inhoud", "periode"]
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Only this agreement's themes and parents make sense in the dropdowns.
        if obj is not None:
            formset.form.base_fields["thema"].queryset = obj.themas.all()
        return formset


class JaarschijfInline(admin.TabularInline):
    model = Jaarschijf
    extra = 0
    fields = ["jaar", "titel", "status"]
    readonly_fields = ["status"]
    show_change_link = True


@admin.register(Overeenkomst)
class OvereenkomstAdmin(DoorServicesMixin, SimpleHistoryAdmin):
    list_display = ["titel", "gemeente", "startdatum", "einddatum"]
    list_filter = ["gemeente"]
    search_fields = ["titel", "gemeente__naam"]
    list_select_related = ["gemeente"]
    autocomplete_fields = ["gemeente"]
    inlines = [PartijInline, ThemaInline, JaarschijfInline, AfspraakInline]


@admin.register(Thema)
class ThemaAdmin(DoorServicesMixin, SimpleHistoryAdmin):
    list_display = ["naam", "letter", "volgorde", "overeenkomst"]
    list_filter = ["overeenkomst__gemeente"]
    search_fields = ["naam", "overeenkomst__titel"]
    list_select_related = ["overeenkomst__gemeente"]
    autocomplete_fields = ["overeenkomst"]


class JaarafspraakInline(admin.StackedInline):
    model = Jaarafspraak
    extra = 0
    fields = ["jaarschijf", "tekst", "status"]
    # Progress is written only as a report on monitoring's timeline (who, when, why).
    readonly_fields = ["status"]
    show_change_link = True


@admin.register(Afspraak)
class AfspraakAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["code", "korte_inhoud", "thema", "soort", "periode", "overeenkomst"]
    list_filter = ["soort", "overeenkomst__gemeente"]
    search_fields = ["code", "inhoud", "resultaat", "doel"]
    list_select_related = ["thema", "overeenkomst__gemeente"]
    autocomplete_fields = ["overeenkomst", "thema", "parent", "trekkers"]
    inlines = [JaarafspraakInline]

    @admin.display(description=_("inhoud"))
    def korte_inhoud(self, obj):
        return obj.inhoud[:80]


class StapInline(BevrorenInlineMixin, admin.TabularInline):
    model = Stap
    extra = 0
    autocomplete_fields = ["organisatie", "mede_organisaties"]


@admin.register(Jaarafspraak)
class JaarafspraakAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["afspraak", "jaarschijf", "status"]
    list_filter = ["status", "jaarschijf__jaar"]
    search_fields = ["afspraak__code", "afspraak__inhoud", "tekst"]
    # Progress is written only as a report on monitoring's timeline (who, when, why).
    readonly_fields = ["status"]
    list_select_related = ["afspraak", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "afspraak"]
    inlines = [StapInline]


class StatuswijzigingInline(admin.TabularInline):
    """The lifecycle record: read-only, written only by the lifecycle services."""

    model = JaarschijfStatuswijziging
    extra = 0
    fields = ["van", "naar", "door", "op"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VersieInline(StatuswijzigingInline):
    """The signed versions closed by a wijziging, with their copy of the document as signed:
    read-only, written only by afspraken.services.wijziging."""

    model = JaarschijfVersie
    fields = [
        "volgnummer",
        "ondertekend_op",
        "ondertekend_buiten_driehoek",
        "reden",
        "gestart_door",
        "gestart_op",
        "inhoud",
    ]
    readonly_fields = fields


class OndertekeningInline(BevrorenInlineMixin, admin.TabularInline):
    model = Ondertekening
    extra = 0
    fields = ["volgorde", "organisatie", "naam", "functie", "ondertekend_op"]
    readonly_fields = ["ondertekend_op"]
    autocomplete_fields = ["organisatie"]


class HoofdstukInline(BevrorenInlineMixin, admin.StackedInline):
    """The document's own texts in their order; `thema` only for plek 'thema'."""

    model = Hoofdstuk
    extra = 0
    fields = ["volgorde", "plek", "thema", "soort", "kop", "tekst"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            formset.form.base_fields["thema"].queryset = obj.overeenkomst.themas.all()
        return formset


@admin.register(Jaarschijf)
class JaarschijfAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    form = JaarschijfAdminForm
    list_display = ["__str__", "jaar", "tot_jaar", "status", "overeenkomst"]
    list_filter = ["status", "jaar", "overeenkomst__gemeente"]
    search_fields = ["titel", "overeenkomst__titel", "overeenkomst__gemeente__naam"]
    list_select_related = ["overeenkomst__gemeente"]
    autocomplete_fields = ["overeenkomst"]
    readonly_fields = ["status", "ondertekend_buiten_driehoek"]
    inlines = [HoofdstukInline, OndertekeningInline, StatuswijzigingInline, VersieInline]


@admin.register(Hoofdstuk)
class HoofdstukAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["kop", "plek", "soort", "thema", "jaarschijf"]
    list_filter = ["plek", "soort"]
    search_fields = ["kop", "tekst"]
    list_select_related = ["thema", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "thema"]


@admin.register(Stap)
class StapAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "organisatie", "afgerond", "jaarafspraak"]
    list_filter = ["afgerond"]
    search_fields = ["tekst", "organisatie__naam"]
    list_select_related = ["organisatie", "jaarafspraak__afspraak", "jaarafspraak__jaarschijf"]
    autocomplete_fields = ["jaarafspraak", "organisatie", "mede_organisaties"]


@admin.register(Ondertekening)
class OndertekeningAdmin(BevrorenAlleenLezenMixin, SimpleHistoryAdmin):
    list_display = ["naam", "functie", "organisatie", "jaarschijf", "ondertekend_op"]
    search_fields = ["naam", "organisatie__naam"]
    list_select_related = ["organisatie", "jaarschijf__overeenkomst__gemeente"]
    autocomplete_fields = ["jaarschijf", "organisatie"]
    readonly_fields = ["ondertekend_door", "ondertekend_op"]


class PartijAdminForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        overeenkomst, organisatie = data.get("overeenkomst"), data.get("organisatie")
        if self.instance.pk is None and overeenkomst and organisatie:
            gemeentepartij_controleren(
                gemeente=overeenkomst.gemeente,
                organisatie=organisatie,
                naast=Organisatie.objects.filter(partijrollen__overeenkomst=overeenkomst),
            )
        return data


@admin.register(Partij)
class PartijAdmin(DoorServicesMixin, admin.ModelAdmin):
    """A party joins or leaves under the rule of afspraken.services.overeenkomst; a stored
    party keeps its agreement and organisation (leave and join instead)."""

    form = PartijAdminForm
    list_display = ["organisatie", "overeenkomst", "vertegenwoordiger", "functie", "actief_tot"]
    search_fields = ["organisatie__naam", "overeenkomst__titel", "vertegenwoordiger"]
    list_select_related = ["organisatie", "overeenkomst__gemeente"]
    autocomplete_fields = ["overeenkomst", "organisatie"]

    def get_readonly_fields(self, request, obj=None):
        return ["overeenkomst", "organisatie"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            try:
                gemeentepartij_blijft(
                    gemeente=obj.overeenkomst.gemeente, organisatie=obj.organisatie
                )
            except ValidationError:
                return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # Bulk delete asks no question per party; one by one, the own gemeente stays.
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        return actions


# The ground floor's admin pages write through the same services (gemeenten cannot import
# them): registered again here with the write boundary and the version check.
for _model, _admin in (
    (Gemeente, GemeenteAdmin),
    (Gebruiker, GebruikerAdmin),
    (Lidmaatschap, LidmaatschapAdmin),
):
    admin.site.unregister(_model)
    admin.site.register(_model, type(_admin.__name__, (DoorServicesMixin, _admin), {}))
