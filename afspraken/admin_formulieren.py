"""Forms of afspraken's admin pages that check what the services check, so a correction in the
admin cannot make what the web pages refuse (afspraken.admin)."""

from django import forms

from afspraken.services.jaarschijf import jaren_controleren


class JaarschijfAdminForm(forms.ModelForm):
    """A jaarschijf's years do not overlap another jaarschijf of its agreement."""

    def clean(self):
        data = super().clean()
        overeenkomst, jaar = data.get("overeenkomst"), data.get("jaar")
        if overeenkomst is not None and jaar is not None:
            behalve = self.instance if self.instance.pk else None
            jaren_controleren(overeenkomst, jaar, data.get("tot_jaar"), behalve=behalve)
        return data
