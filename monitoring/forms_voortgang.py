"""Forms of issue #11: progress reports (one, or a bulk of rows), targets, realised values,
agenda rows. Plain forms: the services write, no ModelForm touches an instance first."""

from django import forms
from django.utils.translation import gettext_lazy as _

from afspraken.constants import Voortgang
from gemeenten.getallen import DecimaalVeld, JaarVeld
from monitoring.constants import AgendaSoort, Richting

_KORT = {"max_length": 1000, "required": False}


class VoortgangForm(forms.Form):
    status = forms.ChoiceField(label=_("Voortgang"), choices=Voortgang.choices)
    toelichting = forms.CharField(label=_("Toelichting"), **_KORT)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class BulkRijForm(forms.Form):
    """One row of the bulk form; prefixed with the jaarafspraak's pk."""

    status = forms.ChoiceField(
        label=_("Voortgang"), choices=[("", _("ongewijzigd")), *Voortgang.choices], required=False
    )
    toelichting = forms.CharField(label=_("Toelichting"), **_KORT)
    versie = forms.IntegerField(widget=forms.HiddenInput)


class DoelForm(forms.Form):
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=300)
    waarde = DecimaalVeld(label=_("Waarde (getal)"), required=False, max_digits=14)
    waarde_tekst = forms.CharField(
        label=_("Of een waarde die geen getal is"), max_length=100, required=False
    )
    waarde_tot = DecimaalVeld(label=_("Tot (bovengrens)"), required=False, max_digits=14)
    circa = forms.BooleanField(label=_("Circa"), required=False)
    eenheid = forms.CharField(label=_("Eenheid"), max_length=50, required=False)
    richting = forms.ChoiceField(label=_("Richting"), choices=Richting.choices)
    basis = DecimaalVeld(label=_("Basiswaarde"), required=False, max_digits=14)
    basisdatum = forms.DateField(label=_("Basisdatum"), required=False)
    peiljaar = JaarVeld(label=_("Peiljaar"), required=False)
    partij = forms.ModelChoiceField(label=_("Partij"), queryset=None, required=False)

    def __init__(self, *args, partijen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partij"].queryset = partijen


class RealisatieForm(forms.Form):
    doel = forms.ModelChoiceField(label=_("Doel"), queryset=None)
    waarde = DecimaalVeld(label=_("Gerealiseerd (getal)"), required=False, max_digits=14)
    waarde_tekst = forms.CharField(
        label=_("Of een waarde die geen getal is"), max_length=100, required=False
    )
    peildatum = forms.DateField(label=_("Peildatum"))
    toelichting = forms.CharField(label=_("Toelichting"), **_KORT)

    def __init__(self, *args, doelen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = doelen

    def clean(self):
        data = super().clean()
        if data.get("waarde") is None and not (data.get("waarde_tekst") or "").strip():
            raise forms.ValidationError(_("Vul in wat er gerealiseerd is."))
        return data


class AgendapuntForm(forms.Form):
    wanneer = forms.CharField(
        label=_("Wanneer"), max_length=100, help_text=_("Een datum, of: voor 1 juli, Q1 2026.")
    )
    wat = forms.CharField(label=_("Wat"), max_length=300)
    soort = forms.ChoiceField(label=_("Soort"), choices=AgendaSoort.choices)
    wie = forms.ModelMultipleChoiceField(label=_("Wie"), queryset=None, required=False)

    def __init__(self, *args, partijen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wie"].queryset = partijen
