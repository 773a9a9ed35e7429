"""The Woningwet cycle's deadlines of one gemeente (issue #11, point 4): the law's defaults
(bod / activiteitenoverzicht 1 July, signing before 15 December) until the gemeente sets its
own, e.g. Het Hogeland's 1 April, 1 September and 15 December. Everyone who may see the
gemeente's calendar reads them; its staff (`monitoring.change_cyclus`) add and remove."""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from gemeenten.forms import fouten_overnemen
from gemeenten.models import Gemeente
from monitoring.constants import AgendaSoort
from monitoring.kalender import STANDAARD_CYCLUS
from monitoring.voortgang import cyclusmoment_vastleggen, cyclusmoment_verwijderen


class CyclusmomentForm(forms.Form):
    wat = forms.CharField(label=gettext_lazy("Wat"), max_length=300)
    soort = forms.ChoiceField(label=gettext_lazy("Soort"), choices=AgendaSoort.choices)
    dag = forms.IntegerField(label=gettext_lazy("Dag"), min_value=1, max_value=31)
    maand = forms.IntegerField(label=gettext_lazy("Maand"), min_value=1, max_value=12)


class JaarcyclusView(PermissionRequiredMixin, TemplateView):
    permission_required = "monitoring.view_gemeente"
    template_name = "monitoring/kalender/jaarcyclus.html"

    @cached_property
    def gemeente(self):
        return get_object_or_404(Gemeente, pk=self.kwargs["gemeente_pk"])

    def get_permission_object(self):
        return self.gemeente

    @property
    def mag_wijzigen(self) -> bool:
        return self.request.user.has_perm("monitoring.change_cyclus", self.gemeente)

    def get_context_data(self, form=None, **kwargs):
        momenten = list(self.gemeente.cyclus.all())
        if form is None and self.mag_wijzigen:
            form = CyclusmomentForm()
        return super().get_context_data(
            gemeente=self.gemeente,
            momenten=momenten,
            standaard=STANDAARD_CYCLUS if not momenten else (),
            form=form,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.mag_wijzigen:
            raise PermissionDenied
        if request.POST.get("actie") == "verwijderen":
            moment = self.gemeente.cyclus.filter(pk=request.POST.get("moment", "") or 0).first()
            if moment is not None:
                cyclusmoment_verwijderen(cyclusmoment=moment, door=request.user)
            return HttpResponseRedirect(request.path)
        form = CyclusmomentForm(request.POST)
        if form.is_valid():
            try:
                cyclusmoment_vastleggen(
                    gemeente=self.gemeente, door=request.user, **form.cleaned_data
                )
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, _("Termijn toegevoegd."))
                return HttpResponseRedirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))
