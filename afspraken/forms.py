"""Edit forms for agreements. Forms validate input and limit choices to the agreement at hand;
saving is the services' work (afspraken.services), which the views call with cleaned_data.

Forms that edit a versioned object carry the version the editor started from as a hidden
field, so the service can refuse a save over someone else's change.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from afspraken.constants import Voortgang
from afspraken.models import (
    Afspraak,
    Hoofdstuk,
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


# What the document says of a party: who signs, with which mandate, what it is called in
# the text, its roles, and the last year it takes part (afspraken.services.PARTIJVELDEN).
PARTIJ_FORMVELDEN = ["vertegenwoordiger", "functie", "mandaat", "aanduiding", "rol", "actief_tot"]
PARTIJ_WIDGETS = {"rol": forms.Textarea(attrs={"rows": 3})}


class PartijToevoegenForm(forms.ModelForm):
    class Meta:
        model = Partij
        fields = ["organisatie", *PARTIJ_FORMVELDEN]
        widgets = PARTIJ_WIDGETS
        field_classes = {"actief_tot": JaarVeld}

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
        fields = PARTIJ_FORMVELDEN
        widgets = PARTIJ_WIDGETS
        field_classes = {"actief_tot": JaarVeld}


class ThemaForm(MetVersieForm):
    class Meta:
        model = Thema
        fields = ["naam", "letter", "doel", "toelichting"]
        widgets = {"doel": forms.Textarea(attrs={"rows": 3})}


class AfspraakForm(MetVersieForm):
    """All fields of an afspraak; changing the thema moves it (with its sub-afspraken)."""

    class Meta:
        model = Afspraak
        fields = [
            "thema",
            "kop",
            "code",
            "parent",
            "soort",
            "inhoud",
            "resultaat",
            "periode",
            "doel",
            "trekkers",
            "betrokkenen",
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
    """A jaarschijf's texts and the document's own fields; its first year is fixed once it
    exists (a jaarschijf of another year is another jaarschijf)."""

    class Meta:
        model = Jaarschijf
        fields = [
            "jaar",
            "tot_jaar",
            "titel",
            "documentdatum",
            "inleiding",
            "nummering_tonen",
            "geldig_vanaf",
            "geldig_na_ondertekening",
            "geldig_tot",
            "plaats",
            "datum",
        ]
        widgets = {
            "datum": DatumInput(),
            "geldig_tot": DatumInput(),
            "geldig_vanaf": DatumInput(),
        }
        help_texts = {"tot_jaar": _("Alleen voor een jaarschijf van twee jaar.")}
        field_classes = {"jaar": JaarVeld, "tot_jaar": JaarVeld}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["jaar"]

    def validate_constraints(self):
        # The span of years is the service's check (jaren_controleren), in its own words.
        pass

    def validate_unique(self):
        # One jaarschijf per year: the service says so in its own words.
        pass


class JaarafspraakVoortgangForm(forms.Form):
    """A trekker's progress report from the jaarschijf page: a status with its explanation,
    kept on the timeline with who and when (afspraken.boven.voortgang_melden). The year's
    plan is no field here: it is agreed content, not the trekker's to rewrite, and anything
    else in the POST is ignored because it is no field here."""

    status = forms.ChoiceField(label=_("Voortgang"), choices=Voortgang.choices)
    toelichting = forms.CharField(
        label=_("Toelichting"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat is er gedaan, wat staat nog open? Het plan voor het jaar blijft staan."),
    )
    versie = versie_veld()

    def __init__(self, *args, jaarafspraak: Jaarafspraak, **kwargs):
        kwargs["initial"] = {
            "status": jaarafspraak.status,
            "versie": jaarafspraak.versie,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)


class JaarafspraakRegelForm(forms.Form):
    """One row of the jaarschijf page for the gemeente: the afspraak's main fields and the
    year's plan, saved together. Progress is reported on the timeline, not here."""

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
    kop = Afspraak._meta.get_field("kop").formfield()
    # Not required: a row posted without it (an older page) keeps the afspraak's soort.
    soort = Afspraak._meta.get_field("soort").formfield(required=False)
    betrokkenen = Afspraak._meta.get_field("betrokkenen").formfield()
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
            "kop": afspraak.kop,
            "soort": afspraak.soort,
            "betrokkenen": afspraak.betrokkenen,
            "versie": jaarafspraak.versie,
            "afspraak_versie": afspraak.versie,
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)
        self.afspraak = afspraak
        self.fields["trekkers"].queryset = partij_organisaties(afspraak.overeenkomst)

    def clean_soort(self):
        return self.cleaned_data["soort"] or self.afspraak.soort


class StapForm(MetVersieForm):
    """A step of one party, or a joint step: `organisatie` leads, `mede_organisaties` take
    part, `aanduiding` is how the document names them together."""

    class Meta:
        model = Stap
        fields = ["organisatie", "mede_organisaties", "aanduiding", "tekst", "afgerond"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 2}),
            "mede_organisaties": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, overeenkomst: Overeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = partij_organisaties(overeenkomst)
        self.fields["mede_organisaties"].queryset = partij_organisaties(overeenkomst)
        if not self.instance.pk:
            del self.fields["afgerond"]


class HoofdstukForm(MetVersieForm):
    """A text of the document beside the afspraken; `thema` only for a text in a theme."""

    class Meta:
        model = Hoofdstuk
        fields = ["plek", "thema", "soort", "kop", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, overeenkomst: Overeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].queryset = overeenkomst.themas.order_by("volgorde", "id")
        self.fields["thema"].help_text = _("Alleen bij een tekst in een thema.")

    def validate_constraints(self):
        # Place and theme belong together: Hoofdstuk.clean() says so in its own words.
        pass


class VolgendJaarForm(forms.Form):
    """Next year's jaarschijf: one year or two, which afspraken carry over (the running ones
    ticked), and whether the copied texts get the new year. `gekozen` marks a POST from this
    page: a bare POST (a script, an older client) takes the defaults instead of "nothing"."""

    # A year field like every other (Western digits, within bounds), shown as two choices.
    tot_jaar = JaarVeld(label=_("Looptijd"), required=False, widget=forms.RadioSelect)
    jaarafspraken = forms.TypedMultipleChoiceField(
        label=_("Afspraken die worden overgenomen"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    jaartallen_bijwerken = forms.BooleanField(
        label=_("Jaartallen in titel en inleiding bijwerken naar het nieuwe jaar"),
        required=False,
        initial=True,
    )
    gekozen = forms.CharField(widget=forms.HiddenInput, required=False, initial="1")

    def __init__(self, *args, voorstel, **kwargs):
        super().__init__(*args, **kwargs)
        jaar = voorstel.jaar
        self.fields["tot_jaar"].widget.choices = [
            ("", _("Eén jaar: %(jaar)s") % {"jaar": jaar}),
            (str(jaar + 1), _("Twee jaar: %(van)s-%(tot)s") % {"van": jaar, "tot": jaar + 1}),
        ]
        self.fields["tot_jaar"].initial = ""
        self.fields["jaarafspraken"].choices = [
            (str(ja.pk), ja.afspraak.code) for ja, _loopt in voorstel.jaarafspraken
        ]
        self.fields["jaarafspraken"].initial = [
            str(ja.pk) for ja, loopt in voorstel.jaarafspraken if loopt
        ]

    def clean(self):
        data = super().clean()
        if not self.data.get("gekozen"):
            data["jaarafspraken"] = None
            data["jaartallen_bijwerken"] = True
        data.pop("gekozen", None)
        return data
