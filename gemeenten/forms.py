import math

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp import devices_for_user
from django_otp import verify_token as otp_verify_token

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from gemeenten.rules import BEHEREN, toekenbare_rollen


def _rol_keuzes(rollen):
    return [(value, label) for value, label in Rol.choices if value in rollen]


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, gebruiker, apparaten=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.gebruiker = gebruiker
        self.apparaten = apparaten
        self.apparaat = None

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "").lower()
        apparaten = list(
            self.apparaten if self.apparaten is not None else devices_for_user(self.gebruiker)
        )
        # django-otp refuses every code, right or wrong, while a device waits out its
        # failures; without saying so, a right code would read as a typing error. Only the
        # devices this code could be for count: an app's code is its digits, anything else
        # a recovery code.
        app_code = any(
            code.isdigit() and len(code) == getattr(apparaat, "digits", None)
            for apparaat in apparaten
        )
        geblokkeerd_tot = [
            info["locked_until"]
            for apparaat in apparaten
            if app_code == hasattr(apparaat, "digits")
            for toegestaan, info in [apparaat.verify_is_allowed()]
            if not toegestaan and info and info.get("locked_until")
        ]
        for apparaat in apparaten:
            gevonden = otp_verify_token(self.gebruiker, apparaat.persistent_id, code)
            if gevonden is not None:
                self.apparaat = gevonden
                return code
        if geblokkeerd_tot:
            raise ValidationError(wachten_melding(max(geblokkeerd_tot)), code="te_vaak")
        raise forms.ValidationError(_("Deze code klopt niet. Probeer het opnieuw."))


def wachten_melding(tot) -> str:
    """Why no code is checked now, and from when one will be again."""
    seconden = max(1, math.ceil((tot - timezone.now()).total_seconds()))
    if seconden <= 90:
        wanneer = ngettext(
            "Probeer het over %(aantal)d seconde opnieuw.",
            "Probeer het over %(aantal)d seconden opnieuw.",
            seconden,
        ) % {"aantal": seconden}
    else:
        tijd = timezone.localtime(tot)
        wanneer = _("Probeer het opnieuw na %(tijd)s.") % {
            "tijd": formats.date_format(
                tijd, "j F Y H:i" if tijd.date() != timezone.localdate() else "H:i"
            )
        }
    return " ".join(
        [
            str(_("Er is te vaak een onjuiste code ingevuld.")),
            str(_("Om uw account te beschermen controleert Driehoek even geen codes.")),
            wanneer,
        ]
    )


class PersoonForm(forms.Form):
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"))
    functie = forms.CharField(label=_("Functie"), max_length=200, required=False)


class LidToevoegenForm(PersoonForm):
    rollen = forms.MultipleChoiceField(
        label=_("Rollen"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, door, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rollen"].choices = _rol_keuzes(toekenbare_rollen(door))
        self.fields["rollen"].initial = [Rol.MEDEWERKER]


class RollenForm(forms.Form):
    rollen = forms.MultipleChoiceField(
        label=_("Rollen"),
        widget=forms.CheckboxSelectMultiple,
        choices=(),
        required=False,
        help_text=_("Rollen die u zelf niet heeft, blijven zoals ze zijn."),
    )
    # The roles as the editor saw them, so a colleague's change in between is not undone.
    rollen_bij_openen = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, door, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rollen"].choices = _rol_keuzes(toekenbare_rollen(door))

    def clean_rollen_bij_openen(self) -> set[str] | None:
        waarde = self.cleaned_data.get("rollen_bij_openen")
        return set(waarde.split(",")) if waarde else None


class UitnodigenForm(PersoonForm):
    """Invite a medewerker into an organisation the user is beheerder of (`is_uitnodiger`)."""

    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.none(),
        error_messages={
            "invalid_choice": _(
                "Kies een organisatie uit de lijst: u kunt alleen mensen uitnodigen in een "
                "organisatie waarvan u beheerder bent."
            )
        },
    )
    field_order = ["organisatie", "voornaam", "achternaam", "email", "functie"]

    def __init__(self, *args, door, **kwargs):
        super().__init__(*args, **kwargs)
        # Only organisations the user sees (#14), and of those the ones they manage.
        self.fields["organisatie"].queryset = Organisatie.objects.zichtbaar_voor(door).for_user(
            door, BEHEREN
        )


def fouten_overnemen(form: forms.BaseForm, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, so the input stays and the message shows:
    on the field it names when the form has that field, at the top of the form otherwise.
    Every app's views use this one (afspraken, voorraad, gemeenten)."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)
