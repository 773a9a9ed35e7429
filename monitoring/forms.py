from django import forms
from django.utils.translation import gettext_lazy as _

from monitoring.constants import Oordeel


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


class ZienswijzeForm(forms.Form):
    """A huurdersorganisatie's verdict on one afspraak, given in its row of the jaarschijf
    page. The text is the verdict's explanation and, while `als_opmerking` stays ticked (the
    default), also a remark on the afspraak: so the gemeente finds it among the open remarks
    it answers, without the huurders writing it twice."""

    oordeel = forms.ChoiceField(
        label=_("Zienswijze"),
        choices=[("", _("Kies…")), *Oordeel.choices],
        error_messages={"required": _("Kies akkoord, akkoord met kanttekening of niet akkoord.")},
    )
    tekst = forms.CharField(
        label=_("Toelichting"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    als_opmerking = forms.BooleanField(
        label=_("Toelichting ook als opmerking plaatsen, voor de gemeente"),
        required=False,
        initial=True,
    )
