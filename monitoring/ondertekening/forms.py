from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from monitoring.ondertekening.verificatie import MAX_GROOTTE
from monitoring.werkboek.bestandkiezer import Bestandkiezer


def _wachtwoord_veld(label):
    return forms.CharField(
        label=label,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def _code_veld():
    return forms.CharField(
        label=_("Code uit uw authenticator-app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class OndertekenForm(forms.Form):
    """Both factors again; the line is the button pressed, whose text is the declaration
    ("Ik onderteken namens <organisatie>"), so no separate tick is needed. The service
    checks the factors."""

    wachtwoord = _wachtwoord_veld(_("Uw wachtwoord"))
    code = _code_veld()
    ondertekening = forms.TypedChoiceField(
        label=_("Regel"),
        coerce=int,
        choices=(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Kies met een van de knoppen namens wie u ondertekent."),
            "invalid_choice": _("U kunt deze regel niet (meer) ondertekenen."),
        },
    )

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ondertekening"].choices = [(r.pk, r.pk) for r in regels]
        self.knoppen = [(r.pk, knoptekst(r, alleen=len(regels) == 1)) for r in regels]


def knoptekst(regel, *, alleen: bool) -> str:
    """The declaration on the button; with more than one line open to this person it also
    names the signatory the line is for."""
    if alleen:
        return _("Ik onderteken namens %(organisatie)s") % {"organisatie": regel.organisatie.naam}
    wie = f"{regel.naam}, {regel.functie}" if regel.functie else regel.naam
    return _("Ik onderteken namens %(organisatie)s als %(wie)s") % {
        "organisatie": regel.organisatie.naam,
        "wie": wie,
    }


class InloggenEnOndertekenenForm(forms.Form):
    """Logged out (the mailed link): log in and sign in one step. The button says both."""

    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    wachtwoord = _wachtwoord_veld(_("Wachtwoord"))
    code = _code_veld()


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
