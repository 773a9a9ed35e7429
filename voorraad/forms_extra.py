"""Forms for a note under a table and a transfer of stock (voorraad.services.extra)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.getallen import AantalVeld
from voorraad.models.extra import Tabel

GEMEENTE = ""


def _datumveld(label):
    return forms.DateField(
        label=label,
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        error_messages={"invalid": _("Vul een datum in als dd-mm-jjjj, zoals 01-02-2026.")},
        widget=forms.TextInput(attrs={"size": 10, "placeholder": "dd-mm-jjjj"}),
    )


class TabelnootForm(forms.Form):
    tabel = forms.ChoiceField(label=_("Onder de tabel"), choices=Tabel.choices)
    corporatie = forms.TypedChoiceField(label=_("Van"), coerce=str, required=False)
    tekst = forms.CharField(
        label=_("Noot"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: * Afgerond op vijftallen."),
    )

    def __init__(self, *args, corporaties, gemeente_mag, **kwargs):
        super().__init__(*args, **kwargs)
        self.corporaties = {str(c.pk): c for c in corporaties}
        keuzen = [(pk, c.naam) for pk, c in self.corporaties.items()]
        if gemeente_mag:
            keuzen = [(GEMEENTE, _("De totalen van de gemeente")), *keuzen]
        self.fields["corporatie"].choices = keuzen

    def clean_corporatie(self):
        return self.corporaties.get(self.cleaned_data["corporatie"])


class OverdrachtForm(forms.Form):
    van = forms.TypedChoiceField(label=_("Van corporatie"), coerce=str)
    naar = forms.TypedChoiceField(label=_("Naar corporatie"), coerce=str)
    datum = _datumveld(_("Datum"))
    aantal = AantalVeld(label=_("Aantal woningen"))
    segment = forms.TypedChoiceField(label=_("Segment"), coerce=str, required=False)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=1000)

    def __init__(self, *args, corporaties, segmenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.corporaties = {str(c.pk): c for c in corporaties}
        self.segmenten = {str(s.pk): s for s in segmenten}
        keuzen = [(pk, c.naam) for pk, c in self.corporaties.items()]
        self.fields["van"].choices = self.fields["naar"].choices = keuzen
        self.fields["segment"].choices = [("", "—")] + [
            (pk, s.naam) for pk, s in self.segmenten.items()
        ]

    def clean_van(self):
        return self.corporaties[self.cleaned_data["van"]]

    def clean_naar(self):
        return self.corporaties[self.cleaned_data["naar"]]

    def clean_segment(self):
        return self.segmenten.get(self.cleaned_data["segment"])
