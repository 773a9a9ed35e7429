"""voorraad.invoer writes a stock figure's fields as Django's widget templates would, byte for
byte: unbound with initial values, bound, invalid (aria-invalid), checked, escaped."""

import pytest
from django import forms

from voorraad.forms import AantalField
from voorraad.invoer import veld_html


class Cijfer(forms.Form):
    aantal = AantalField(label="Aantal", mag_negatief=True)
    was = AantalField(widget=forms.HiddenInput, mag_negatief=True)
    weg = forms.BooleanField(label="Verwijderen", required=False)
    keuze = forms.ChoiceField(choices=[("a", "A")], required=False)


@pytest.mark.parametrize(
    "maak",
    [
        lambda: Cijfer(initial={"aantal": 1129, "was": 1129}),
        lambda: Cijfer(initial={"aantal": None, "was": None}, prefix="m-7"),
        lambda: Cijfer(initial={"aantal": -17}, auto_id=False),
        lambda: Cijfer(data={"aantal": "1.129", "was": "1129", "weg": "on"}),
        lambda: Cijfer(data={"aantal": 'veel" <b>', "was": "x"}),
    ],
)
def test_the_fields_are_written_as_djangos_templates_write_them(maak):
    form = maak()
    form.is_valid()
    for naam in form.fields:
        assert veld_html(form[naam]) == str(form[naam]), naam
