"""Dashboards (issue #11, point 3): per overeenkomst (whoever reads it), per gemeente (its
staff and the parties of its agreements: `monitoring.view_gemeente`) and the national
overview (`monitoring.view_landelijk`: superusers). `?jaar=` picks the year; `?export=<tabel>
&formaat=csv|xlsx` downloads one table."""

from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors as afspraken_selectors
from gemeenten.models import Gemeente
from gemeenten.paginacache import PaginaCacheMixin, velden
from monitoring.selectors import dashboard as selectors
from monitoring.selectors.landelijk import landelijk_overzicht, landelijke_tabel
from monitoring.views.export import tabel_response


def _jaar(request) -> int | None:
    jaar = request.GET.get("jaar", "")
    return int(jaar) if jaar.isdigit() and 1900 < int(jaar) < 3000 else None


class DashboardView(PermissionRequiredMixin, PaginaCacheMixin, TemplateView):
    template_name = "monitoring/dashboard/dashboard.html"

    def dashboard(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        dashboard = self.dashboard()
        if export := request.GET.get("export"):
            tabel = dashboard.tabellen().get(export)
            if tabel is None:
                raise Http404
            return tabel_response(tabel, request.GET.get("formaat", "csv"), str(self.titel))
        return self.render_to_response(self.get_context_data(dashboard=dashboard))

    def get_context_data(self, **kwargs):
        return super().get_context_data(titel=self.titel, jaar=_jaar(self.request), **kwargs)


class OvereenkomstDashboardView(DashboardView):
    permission_required = "afspraken.view_overeenkomst"

    @cached_property
    def overeenkomst(self):
        return get_object_or_404(
            afspraken_selectors.overeenkomst_basis(), pk=self.kwargs["overeenkomst_pk"]
        )

    @property
    def titel(self):
        return self.overeenkomst.titel

    def get_permission_object(self):
        return self.overeenkomst

    def pagina_gemeenten(self):
        return [self.overeenkomst.gemeente_id]

    def pagina_sleutel(self) -> tuple:
        return velden(self.overeenkomst)

    def dashboard(self):
        return selectors.overeenkomst_dashboard(
            self.request.user, self.overeenkomst, _jaar(self.request)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(overeenkomst=self.overeenkomst, **kwargs)


class GemeenteDashboardView(DashboardView):
    permission_required = "monitoring.view_gemeente"

    @cached_property
    def gemeente(self):
        return get_object_or_404(Gemeente, pk=self.kwargs["gemeente_pk"])

    @property
    def titel(self):
        return self.gemeente.naam

    def get_permission_object(self):
        return self.gemeente

    def pagina_gemeenten(self):
        return [self.gemeente.pk]

    def dashboard(self):
        return selectors.gemeente_dashboard(self.request.user, self.gemeente, _jaar(self.request))

    def get_context_data(self, **kwargs):
        return super().get_context_data(gemeente=self.gemeente, **kwargs)


class LandelijkDashboardView(PermissionRequiredMixin, PaginaCacheMixin, TemplateView):
    permission_required = "monitoring.view_landelijk"
    template_name = "monitoring/dashboard/landelijk.html"
    pagina_landelijk = True

    def pagina_gemeenten(self):
        return ()

    def get(self, request, *args, **kwargs):
        rijen = landelijk_overzicht(_jaar(request))
        if request.GET.get("export") == "landelijk":
            return tabel_response(
                landelijke_tabel(rijen), request.GET.get("formaat", "csv"), "driehoek"
            )
        return self.render_to_response(self.get_context_data(rijen=rijen))
