"""Read-only pages of an overeenkomst: the agreement, its afspraken as a list (and export)
and the per party view. Querying lives in `afspraken.selectors`. The jaarschijf page and the
SMART check are monitoring's.

Permission: every page checks `afspraken.view_overeenkomst` (exports `afspraken.export`)
on the overeenkomst through rules' PermissionRequiredMixin: a non-party gets 403.
"""

from functools import cached_property

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from django_tables2 import RequestConfig
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors
from afspraken.filters import AfspraakFilter
from afspraken.tables import AfspraakTable, export_response
from afspraken.views import rijen
from gemeenten.paginacache import PaginaCacheMixin, velden


class OvereenkomstPermissieMixin(PermissionRequiredMixin):
    """Loads the overeenkomst of the URL once and checks the permission on it."""

    permission_required = "afspraken.view_overeenkomst"

    def get_overeenkomst_queryset(self):
        return selectors.overeenkomst_basis()

    @cached_property
    def overeenkomst(self):
        return get_object_or_404(
            self.get_overeenkomst_queryset(), pk=self.kwargs["overeenkomst_pk"]
        )

    def get_permission_object(self):
        return self.overeenkomst

    def get_context_data(self, **kwargs):
        return super().get_context_data(overeenkomst=self.overeenkomst, **kwargs)


class OvereenkomstPagina(PaginaCacheMixin):
    """A page about one overeenkomst, cached per content generation of its gemeente
    (gemeenten.paginacache); the row itself is in the key too, as it is loaded anyway."""

    def pagina_gemeenten(self):
        return [self.overeenkomst.gemeente_id]

    def pagina_sleutel(self) -> tuple:
        return velden(self.overeenkomst)


class OvereenkomstDetailView(OvereenkomstPermissieMixin, OvereenkomstPagina, TemplateView):
    template_name = "afspraken/overeenkomst_detail.html"

    def get_context_data(self, **kwargs):
        # Parties, themes and jaarschijven only when the page is rendered, not for the
        # permission check of a page the cache serves.
        prefetch_related_objects([self.overeenkomst], *selectors.overeenkomst_inhoud())
        return super().get_context_data(**kwargs)


class AfspraakLijstView(OvereenkomstPermissieMixin, OvereenkomstPagina, TemplateView):
    """All afspraken of an overeenkomst: filter, sort, page; rows in our own template."""

    template_name = "afspraken/afspraak_list.html"
    per_pagina = 25

    def get_filter(self):
        return AfspraakFilter(
            self.request.GET,
            queryset=selectors.afspraken_van_overeenkomst(self.request.user, self.overeenkomst),
            overeenkomst=self.overeenkomst,
            request=self.request,
        )

    def get_table(self, filterset, paginate):
        table = AfspraakTable(filterset.qs)
        RequestConfig(self.request, paginate=paginate).configure(table)
        return table

    def get_context_data(self, **kwargs):
        filterset = self.get_filter()
        table = self.get_table(filterset, paginate={"per_page": self.per_pagina})
        return super().get_context_data(
            filter=filterset,
            table=table,
            rijen=rijen.lijst_rijen(row.record for row in table.paginated_rows),
            jaarschijf=filterset.jaarschijf,
            **kwargs,
        )

    def get_template_names(self):
        if self.request.htmx:
            return [f"{self.template_name}#resultaten"]
        return [self.template_name]


class AfspraakExportView(AfspraakLijstView):
    """The filtered and sorted list as `?formaat=csv` (default) or `?formaat=xlsx`."""

    permission_required = "afspraken.export"

    def get(self, request, *args, **kwargs):
        filterset = self.get_filter()
        table = self.get_table(filterset, paginate=False)
        formaat = "xlsx" if request.GET.get("formaat") == "xlsx" else "csv"
        naam = f"afspraken-{self.overeenkomst.pk}"
        return export_response(table.data, formaat=formaat, bestandsnaam=naam)


class PartijOverzichtView(OvereenkomstPermissieMixin, OvereenkomstPagina, TemplateView):
    """Everything one party committed to in an overeenkomst: as trekker or with steps."""

    template_name = "afspraken/partij_overzicht.html"

    def get_context_data(self, **kwargs):
        organisatie = get_object_or_404(
            selectors.partij_organisaties(self.overeenkomst), pk=self.kwargs["organisatie_pk"]
        )
        afspraken = list(selectors.partij_toezeggingen(self.overeenkomst, organisatie))
        return super().get_context_data(
            organisatie=organisatie,
            aantal=len(afspraken),
            themas=rijen.partij_rijen(afspraken, organisatie),
            **kwargs,
        )
