"""Read-only pages of an overeenkomst: the agreement, a jaarschijf as a document, lists,
per party view and the SMART check. Querying lives in `afspraken.selectors`.

Permission: every page checks `afspraken.view_overeenkomst` (exports `afspraken.export`)
on the overeenkomst through rules' PermissionRequiredMixin: a non-party gets 403.
"""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView
from django_tables2 import RequestConfig
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors
from afspraken.filters import AfspraakFilter
from afspraken.tables import AfspraakTable, export_response


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


class OvereenkomstDetailView(OvereenkomstPermissieMixin, TemplateView):
    template_name = "afspraken/overeenkomst_detail.html"

    def get_overeenkomst_queryset(self):
        return selectors.overeenkomst_met_inhoud()


class JaarschijfDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "afspraken.view_overeenkomst"
    pk_url_kwarg = "jaarschijf_pk"
    context_object_name = "jaarschijf"
    template_name = "afspraken/jaarschijf_detail.html"

    def get_queryset(self):
        return selectors.jaarschijf_met_document()

    def get_object(self, queryset=None):
        if not hasattr(self, "_jaarschijf"):
            self._jaarschijf = super().get_object(queryset)
        return self._jaarschijf

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["document"] = selectors.jaarschijf_document(self.object)
        context["overeenkomst"] = self.object.overeenkomst
        return context


class AfspraakLijstView(OvereenkomstPermissieMixin, TemplateView):
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
            filter=filterset, table=table, jaarschijf=filterset.jaarschijf, **kwargs
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


class PartijOverzichtView(OvereenkomstPermissieMixin, TemplateView):
    """Everything one party committed to in an overeenkomst: as trekker or with steps."""

    template_name = "afspraken/partij_overzicht.html"

    def get_context_data(self, **kwargs):
        organisatie = get_object_or_404(
            selectors.partij_organisaties(self.overeenkomst), pk=self.kwargs["organisatie_pk"]
        )
        afspraken = list(selectors.partij_toezeggingen(self.overeenkomst, organisatie))
        return super().get_context_data(organisatie=organisatie, afspraken=afspraken, **kwargs)


class SmartCheckView(OvereenkomstPermissieMixin, TemplateView):
    template_name = "afspraken/smart_check.html"

    def get_context_data(self, **kwargs):
        gebreken = selectors.smart_check(self.request.user, self.overeenkomst)
        return super().get_context_data(gebreken=gebreken, **kwargs)
