"""The gemeente's stock for a jaarschijf, for every party: totals, plan against realisation
and charts (voorraad.overzicht)."""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken import boven
from afspraken.models import Jaarschijf
from voorraad.overzicht import overzicht


class VoorraadOverzichtView(PermissionRequiredMixin, TemplateView):
    permission_required = "voorraad.view_cijfer"
    template_name = "voorraad/overzicht.html"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(
            Jaarschijf.objects.select_related("overeenkomst__gemeente"),
            pk=self.kwargs["jaarschijf_pk"],
        )

    def get_permission_object(self):
        return self.jaarschijf

    def get_permission_denied_message(self):
        return _("Alleen de partijen bij deze afspraken zien hun voorraad.")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            voorraad=overzicht(self.jaarschijf),
            jaarschijf_url=boven.jaarschijf_url(self.jaarschijf.pk),
            mag_invullen=user.has_perm("voorraad.change_cijfers_van_jaarschijf", self.jaarschijf),
            mag_noot=user.has_perm("voorraad.add_tabelnoot", self.jaarschijf),
            mag_overdracht=user.has_perm("voorraad.add_voorraadoverdracht", self.jaarschijf),
            **kwargs,
        )
