"""A person's own e-mail choices (issue #11, point 6): each kind on or off."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from monitoring.constants import Berichtsoort
from monitoring.models_voortgang import Berichtinstelling
from monitoring.voortgang import berichtinstelling_bijwerken


class BerichtenForm(forms.Form):
    aan = forms.MultipleChoiceField(
        label=gettext_lazy("Stuur mij een e-mail als"),
        choices=Berichtsoort.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class BerichtenView(LoginRequiredMixin, FormView):
    template_name = "monitoring/berichten/instellingen.html"
    form_class = BerichtenForm

    def get_initial(self):
        instelling = Berichtinstelling.objects.filter(gebruiker=self.request.user).first()
        uit = instelling.uit if instelling else []
        return {"aan": [s for s in Berichtsoort.values if s not in uit]}

    def form_valid(self, form):
        aan = set(form.cleaned_data["aan"])
        berichtinstelling_bijwerken(
            door=self.request.user, uit=[s for s in Berichtsoort.values if s not in aan]
        )
        messages.success(self.request, _("Uw keuze is opgeslagen."))
        return HttpResponseRedirect(self.request.path)
