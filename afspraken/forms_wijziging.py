"""The form of a wijziging: why a signed jaarschijf gets a new version."""

from django import forms
from django.utils.translation import gettext_lazy as _


class WijzigingForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden van de wijziging"),
        help_text=_(
            "Staat bij de ondertekende versie, zodat iedereen later ziet waarom er een nieuwe "
            "versie is gekomen."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Geef de reden van de wijziging."),
            "max_length": _("Houd de reden korter dan %(limit_value)d tekens."),
        },
    )
