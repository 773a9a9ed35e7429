"""Whole numbers as people type them: Western digits 0-9 only, Dutch thousands separators,
sane bounds per kind of number, Dutch messages.

Python's int() and the regular expression `\\d` accept any Unicode digit: `٣` (Arabic-Indic
three) or fullwidth `U+FF11 U+FF12` would be stored as 3 and 12 without anyone seeing what
was typed. A count of homes above a million or a year outside 1900-2200 is a typing error,
not a figure. Used by the forms (JaarVeld, AantalVeld) and the workbook reader
(monitoring.werkboek.waarden) alike.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MIN_JAAR, MAX_JAAR = 1900, 2200
MAX_AANTAL = 1_000_000

# 1250, 1.250, 12.500, 1.000.000, -3; not 1.5, 1,250, 12.50, or Arabic-Indic or fullwidth digits.
_GEHEEL = re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)", re.ASCII)
# More digits than any bound needs; also keeps int() away from huge strings.
_MAX_TEKENS = 16


def lees_geheel_getal(tekst: str) -> int | None:
    """The whole number in `tekst` (spaces ignored), or None when it is not one."""
    tekst = str(tekst).strip().replace(" ", "")
    if len(tekst) > _MAX_TEKENS or not _GEHEEL.fullmatch(tekst):
        return None
    return int(tekst.replace(".", ""))


def duizendtallen(getal: int) -> str:
    """1000000 as '1.000.000', for messages."""
    return f"{getal:,}".replace(",", ".")


class GeheelGetalVeld(forms.IntegerField):
    """An IntegerField that reads only Western digits (with Dutch thousands separators) and
    holds its own bounds, whatever bounds a model field passes in."""

    minimum: int | None = None
    maximum: int | None = None
    default_error_messages = {
        "invalid": _("Vul een heel getal in met de cijfers 0 tot en met 9, zoals 1.250."),
        "min_value": _("Vul een getal in van ten minste %(limit_value)s."),
        "max_value": _("Vul een getal in van ten hoogste %(limit_value)s."),
    }

    def __init__(self, *, min_value=None, max_value=None, step_size=None, **kwargs):
        if self.minimum is not None:
            min_value = self.minimum
        if self.maximum is not None:
            max_value = self.maximum
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        getal = lees_geheel_getal(value)
        if getal is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return getal


class JaarVeld(GeheelGetalVeld):
    """A year, 1900 to 2200."""

    minimum, maximum = MIN_JAAR, MAX_JAAR
    default_error_messages = {
        "invalid": _("Vul een jaartal in met de cijfers 0 tot en met 9, zoals 2026."),
        "min_value": _("Vul een jaartal in tussen 1900 en 2200, zoals 2026."),
        "max_value": _("Vul een jaartal in tussen 1900 en 2200, zoals 2026."),
    }


class AantalVeld(GeheelGetalVeld):
    """A count of homes: 0 to a million."""

    minimum, maximum = 0, MAX_AANTAL
    default_error_messages = {
        "min_value": _("Een aantal kan niet negatief zijn."),
        "max_value": _("Een aantal van meer dan 1.000.000 woningen kan niet kloppen."),
    }


def controleer_aantal(aantal: int) -> None:
    """For number fields that are not GeheelGetalVeld: the count bound with its message."""
    if aantal > MAX_AANTAL:
        raise ValidationError(AantalVeld.default_error_messages["max_value"], code="max_value")


class DecimaalVeld(forms.DecimalField):
    """A DecimalField that, like GeheelGetalVeld, reads only Western digits: Python's
    Decimal() would take Arabic-Indic or full-width digits as well."""

    default_error_messages = {
        "invalid": _("Vul een getal in met de cijfers 0 tot en met 9, zoals 85 of 12,5."),
    }

    def __init__(self, *args, **kwargs):
        # Dutch input: '12,5' and '1.234,5', as the rest of the application writes numbers.
        kwargs.setdefault("localize", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and not value.strip().isascii():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)
