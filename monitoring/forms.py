from django import forms
from django.utils.translation import gettext_lazy as _


class OpmerkingForm(forms.Form):
    # Not "tekst": the afspraak row around the remarks has its own forms with that name.
    opmerking = forms.CharField(
        label=_("Opmerking"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf eerst uw opmerking; het veld is nog leeg.")},
    )


class AntwoordForm(forms.Form):
    """Marking a remark handled, with an optional answer that becomes a reply in its thread.
    Named like OpmerkingForm's field, so one textarea serves both buttons of a thread."""

    opmerking = forms.CharField(
        label=_("Antwoord (niet verplicht)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
