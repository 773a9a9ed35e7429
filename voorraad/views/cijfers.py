"""A corporatie delivers its own stock figures for a jaarschijf.

The permission (`voorraad.change_cijfers_van_jaarschijf`) is asked on the jaarschijf; which
figures appear and may change comes from `for_user(user, "change")`: only the corporatie's own.
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from afspraken import boven
from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.models import Jaarschijf
from gemeenten.forms import fouten_overnemen
from voorraad import selectors, services
from voorraad.forms import CijfersForm


class EigenCijfersMixin(PermissionRequiredMixin):
    """A corporatie's own figures in a jaarschijf: the figures page and the grid."""

    permission_required = "voorraad.change_cijfers_van_jaarschijf"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(
            Jaarschijf.objects.select_related("overeenkomst__gemeente"),
            pk=self.kwargs["jaarschijf_pk"],
        )

    @cached_property
    def corporatie(self):
        corporatie = selectors.eigen_corporatie(self.request.user)
        if corporatie is None:
            # A superuser has every permission but no corporatie to deliver figures for.
            raise PermissionDenied(_("Alleen een woningcorporatie levert hier haar cijfers aan."))
        return corporatie

    def get_permission_object(self):
        return self.jaarschijf

    def has_permission(self):
        # A superuser has every permission but no corporatie: refused before any method runs.
        return super().has_permission() and self.corporatie is not None

    def get_permission_denied_message(self):
        if self.jaarschijf.is_bevroren:
            return BEVROREN_MELDING
        return _(
            "Alleen een woningcorporatie die partij is bij deze afspraken werkt hier haar "
            "eigen cijfers bij. De cijfers staan op de pagina van de jaarschijf."
        )


class CijfersBewerkenView(EigenCijfersMixin, FormView):
    template_name = "voorraad/cijfers_bewerken.html"
    form_class = CijfersForm

    def get_form_kwargs(self):
        user = self.request.user
        return {
            **super().get_form_kwargs(),
            "mutaties": selectors.eigen_mutaties(user, self.jaarschijf, self.corporatie),
            "standen": selectors.eigen_standen(user, self.jaarschijf, self.corporatie),
            "categorieen": selectors.categorieen(self.jaarschijf.overeenkomst_id),
            "segmenten": selectors.segmenten(self.jaarschijf.overeenkomst_id),
            "jaar": self.jaarschijf.jaar,
        }

    def form_valid(self, form):
        try:
            resultaat = services.cijfers_bijwerken(
                jaarschijf=self.jaarschijf,
                corporatie=self.corporatie,
                door=self.request.user,
                **form.service_kwargs(),
            )
        except ValidationError as fout:
            fouten_overnemen(form, fout)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "De cijfers zijn opgeslagen: %(gewijzigd)s gewijzigd, %(toegevoegd)s toegevoegd, "
                "%(verwijderd)s verwijderd."
            )
            % vars(resultaat),
        )
        return HttpResponseRedirect(self.request.path)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            corporatie=self.corporatie,
            # The jaarschijf page is monitoring's, a floor up: afspraken.boven knows it.
            jaarschijf_url=boven.jaarschijf_url(self.jaarschijf.pk),
            **kwargs,
        )
