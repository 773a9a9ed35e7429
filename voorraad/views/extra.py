"""Adding a note under a table and a transfer of stock, from the gemeente's overview."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.models import Jaarschijf
from gemeenten.forms import fouten_overnemen
from gemeenten.models import Organisatie
from voorraad import selectors, services
from voorraad.forms_extra import OverdrachtForm, TabelnootForm


class _Aanvullen(PermissionRequiredMixin, FormView):
    template_name = "voorraad/aanvullen.html"
    titel = ""

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(
            Jaarschijf.objects.select_related("overeenkomst__gemeente"),
            pk=self.kwargs["jaarschijf_pk"],
        )

    def get_permission_object(self):
        return self.jaarschijf

    def has_permission(self):
        # A fixed jaarschijf takes nothing new, not from a superuser either.
        return super().has_permission() and not self.jaarschijf.is_bevroren

    def get_permission_denied_message(self):
        return BEVROREN_MELDING if self.jaarschijf.is_bevroren else ""

    def corporaties(self) -> list[Organisatie]:
        return list(
            Organisatie.objects.filter(
                partijrollen__overeenkomst_id=self.jaarschijf.overeenkomst_id,
                type="woningcorporatie",
            ).order_by("naam")
        )

    def terug(self):
        return reverse("voorraad:overzicht", kwargs={"jaarschijf_pk": self.jaarschijf.pk})

    def form_valid(self, form):
        try:
            self.opslaan(form.cleaned_data)
        except ValidationError as fout:
            fouten_overnemen(form, fout)
            return self.form_invalid(form)
        messages.success(self.request, _("Opgeslagen."))
        return HttpResponseRedirect(self.terug() + "#kop-voorraadnoten")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            titel=self.titel,
            terug_url=self.terug(),
            **kwargs,
        )


class TabelnootView(_Aanvullen):
    permission_required = "voorraad.add_tabelnoot"
    titel = _("Noot onder een tabel")

    def get_form(self, form_class=None):
        user = self.request.user
        gemeente_mag = user.has_perm("afspraken.change_inhoud", self.jaarschijf)
        eigen = selectors.eigen_corporatie(user)
        corporaties = self.corporaties() if gemeente_mag else [eigen] if eigen else []
        return TabelnootForm(
            **self.get_form_kwargs(), corporaties=corporaties, gemeente_mag=gemeente_mag
        )

    def opslaan(self, data):
        services.tabelnoot_toevoegen(
            jaarschijf=self.jaarschijf,
            tabel=data["tabel"],
            tekst=data["tekst"],
            corporatie=data["corporatie"],
            door=self.request.user,
        )


class OverdrachtView(_Aanvullen):
    permission_required = "voorraad.add_voorraadoverdracht"
    titel = _("Overdracht van voorraad")

    def get_form(self, form_class=None):
        return OverdrachtForm(
            **self.get_form_kwargs(),
            corporaties=self.corporaties(),
            segmenten=selectors.segmenten(self.jaarschijf.overeenkomst_id),
        )

    def opslaan(self, data):
        services.overdracht_vastleggen(jaarschijf=self.jaarschijf, door=self.request.user, **data)
