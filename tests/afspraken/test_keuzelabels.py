"""afspraken.constants.keuzelabels: the one value -> label lookup for choices."""

from afspraken.constants import Soort, Voortgang, keuzelabels
from afspraken.models import Jaarafspraak


def test_keuzelabels_of_a_choices_class_are_plain_strings():
    labels = keuzelabels(Voortgang)
    assert labels["aandacht"] == "Vraagt aandacht"
    assert all(type(label) is str for label in labels.values())


def test_keuzelabels_of_a_fields_flatchoices_match_the_class():
    veld = Jaarafspraak._meta.get_field("status")
    assert keuzelabels(veld.flatchoices) == keuzelabels(Voortgang)
    assert keuzelabels(Soort)["ambitie"] == "Ambitie"
