"""Edit forms for agreements. Forms validate input and limit choices to the agreement at hand;
saving is the services' work (afspraken.services), which the views call with cleaned_data.

Forms that edit a versioned object carry the version the editor started from as a hidden
field, so the service can refuse a save over someone else's change.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from afspraken.services.overeenkomst import mogelijke_partijen
from gemeenten.getallen import JaarVeld
from gemeenten.models import Organisatie


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def versie_veld():
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MetVersieForm(forms.ModelForm):
    """An edit form of a stored object carries the version its editor started from, so the
    service can refuse a save over someone else's change (afspraken.services.opslaan)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["versie"] = versie_veld()
            self.initial.setdefault("versie", self.instance.versie)


def partij_organisaties(overeenkomst: Overeenkomst):
    return Organisatie.objects.filter(partijrollen__overeenkomst=overeenkomst).order_by(
        "partijrollen__volgorde", "naam"
    )


class OvereenkomstForm(MetVersieForm):
    class Meta:
        model = Overeenkomst
        fields = ["titel", "startdatum", "einddatum", "grondslag"]
        widgets = {"startdatum": DatumInput(), "einddatum": DatumInput()}

    def clean(self):
        data = super().clean()
        start, einde = data.get("startdatum"), data.get("einddatum")
        if start and einde and start > einde:
            self.add_error("einddatum", _("De einddatum ligt voor de startdatum."))
        return data


class PartijToevoegenForm(forms.ModelForm):
    class Meta:
        model = Partij
        fields = ["organisatie", "vertegenwoordiger", "functie"]

    def __init__(self, *args, overeenkomst: Overeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        # Only who may join: no party yet, and no gemeente but the agreement's own.
        veld = self.fields["organisatie"]
        veld.queryset = mogelijke_partijen(overeenkomst).order_by("naam")
        veld.error_messages["invalid_choice"] = _(
            "Kies een organisatie uit de lijst. Een organisatie die al partij is, of de "
            "organisatie van een andere gemeente, kan niet worden toegevoegd."
        )


class PartijForm(MetVersieForm):
    class Meta:
        model = Partij
        fields = ["vertegenwoordiger", "functie"]


class ThemaForm(MetVersieForm):
    class Meta:
        model = Thema
        fields = ["naam", "letter", "toelichting"]


class AfspraakForm(MetVersieForm):
    """All fields of an afspraak; changing the thema moves it (with its sub-afspraken)."""

    class Meta:
        model = Afspraak
        fields = [
            "thema",
            "code",
            "parent",
            "soort",
            "inhoud",
            "resultaat",
            "periode",
            "doel",
            "trekkers",
        ]
        widgets = {
            "trekkers": forms.CheckboxSelectMultiple,
            "inhoud": forms.Textarea(attrs={"rows": 4}),
            "resultaat": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, overeenkomst: Overeenkomst, met_jaartekst: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = overeenkomst.themas.order_by("volgorde", "id")
        ouders = overeenkomst.afspraken.order_by("volgorde", "code")
        if self.instance.pk:
            # Not itself, nor one of its own sub-afspraken (the service checks deeper cycles).
            ouders = ouders.exclude(pk=self.instance.pk).exclude(parent=self.instance.pk)
        self.fields["parent"].queryset = ouders
        self.fields["parent"].label_from_instance = lambda a: f"{a.code} {a.inhoud[:60]}"
        self.fields["trekkers"].queryset = partij_organisaties(overeenkomst)
        if met_jaartekst:
            self.fields["tekst"] = Jaarafspraak._meta.get_field("tekst").formfield(
                widget=forms.Textarea(attrs={"rows": 3})
            )

    def validate_unique(self):
        # Uniqueness of the code is the service's message ("Nummer A1 bestaat al ...").
        pass


class JaarschijfForm(MetVersieForm):
    class Meta:
        model = Jaarschijf
        fields = ["jaar", "titel", "inleiding", "plaats", "datum", "geldig_tot"]
        widgets = {"datum": DatumInput(), "geldig_tot": DatumInput()}
        field_classes = {"jaar": JaarVeld}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["jaar"]

    def validate_unique(self):
        # One jaarschijf per year: the service says so in its own words.
        pass


class JaarafspraakVoortgangForm(forms.ModelForm):
    """What a trekker may change: the year's plan text (until vastgesteld) and the voortgang.

    Anything else in the POST is ignored because it is no field here.
    """

    versie = versie_veld()

    class Meta:
        model = Jaarafspraak
        fields = ["tekst", "status"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("versie", self.instance.versie)
        if self.instance.jaarschijf.is_bevroren:
            self.fields["tekst"].disabled = True
            self.fields["tekst"].help_text = _(
                "De jaarschijf is vastgesteld; alleen de voortgang kan nog veranderen."
            )


class JaarafspraakRegelForm(forms.Form):
    """One row of the jaarschijf page for the gemeente: the afspraak's main fields and the
    year's plan and voortgang, saved together."""

    code = Afspraak._meta.get_field("code").formfield()
    inhoud = Afspraak._meta.get_field("inhoud").formfield(widget=forms.Textarea(attrs={"rows": 3}))
    periode = Afspraak._meta.get_field("periode").formfield()
    trekkers = forms.ModelMultipleChoiceField(
        queryset=Organisatie.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("trekkers"),
    )
    tekst = Jaarafspraak._meta.get_field("tekst").formfield(
        widget=forms.Textarea(attrs={"rows": 3})
    )
    status = Jaarafspraak._meta.get_field("status").formfield()
    versie = versie_veld()
    afspraak_versie = versie_veld()

    def __init__(self, *args, jaarafspraak: Jaarafspraak, **kwargs):
        afspraak = jaarafspraak.afspraak
        # FormView always passes `initial` (empty): merge, so the form shows the saved values.
        kwargs["initial"] = {
            "code": afspraak.code,
            "inhoud": afspraak.inhoud,
            "periode": afspraak.periode,
            "trekkers": list(afspraak.trekkers.all()),
            "tekst": jaarafspraak.tekst,
            "status": jaarafspraak.status,
            "versie": jaarafspraak.versie,
            "afspraak_versie": afspraak.versie,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        self.fields["trekkers"].queryset = partij_organisaties(afspraak.overeenkomst)


class StapForm(MetVersieForm):
    class Meta:
        model = Stap
        fields = ["organisatie", "tekst", "afgerond"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, overeenkomst: Overeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = partij_organisaties(overeenkomst)
        if not self.instance.pk:
            del self.fields["afgerond"]
