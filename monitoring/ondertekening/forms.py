from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from monitoring.ondertekening.verificatie import MAX_GROOTTE
from monitoring.werkboek.bestandkiezer import Bestandkiezer


class OndertekenForm(forms.Form):
    """The line to sign and both factors again; the service checks them."""

    ondertekening = forms.TypedChoiceField(label=_("Ik onderteken als"), coerce=int, choices=())
    wachtwoord = forms.CharField(
        label=_("Uw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    akkoord = forms.BooleanField(
        label=_("Ik heb de jaarschijf gelezen en onderteken namens mijn organisatie."),
    )

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ondertekening"].choices = [
            (o.pk, f"{o.naam}{f', {o.functie}' if o.functie else ''} ({o.organisatie.naam})")
            for o in regels
        ]


class VerificatieForm(forms.Form):
    bestand = forms.FileField(
        label=_("PDF-bestand"),
        allow_empty_file=False,
        widget=Bestandkiezer(attrs={"accept": ".pdf,application/pdf"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_GROOTTE:
            raise ValidationError(_("Dit bestand is te groot voor een jaarschijf."))
        return bestand
