"""Targets take numbers only in Western digits (#14, point 5), in the forms and the workbook."""

import pytest

from monitoring.forms_voortgang import RealisatieForm
from monitoring.models import Doel
from monitoring.werkboek.doelen import getal_of_tekst


@pytest.mark.parametrize("invoer", ["\u0663", "\uff11\uff12", "12\u0663"])
def test_a_realised_value_in_other_digits_is_refused_in_dutch(invoer):
    form = RealisatieForm(
        data={"waarde": invoer, "peildatum": "2026-06-01"}, doelen=Doel.objects.none()
    )
    assert not form.is_valid()
    assert "cijfers 0 tot en met 9" in form.errors["waarde"][0]


@pytest.mark.parametrize(("invoer", "getal"), [("12,5", "12.5"), ("1.234,5", "1234.5")])
def test_a_realised_value_in_dutch_notation_is_read(invoer, getal):
    form = RealisatieForm(
        data={"waarde": invoer, "peildatum": "2026-06-01"}, doelen=Doel.objects.none()
    )
    form.is_valid()
    assert "waarde" not in form.errors
    assert str(form.cleaned_data["waarde"]) == getal


def test_the_workbook_reads_other_digits_as_text_not_as_a_number():
    assert getal_of_tekst("١٢٣") == (None, "١٢٣", False)
    assert getal_of_tekst("1.895")[0] == 1895
