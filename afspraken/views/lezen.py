"""Read-only pages of an overeenkomst: the agreement, a jaarschijf as a document, lists,
per party view and the SMART check. Querying lives in `afspraken.selectors`.

Permission: every page checks `afspraken.view_overeenkomst` (exports `afspraken.export`)
on the overeenkomst through rules' PermissionRequiredMixin: a non-party gets 403.
"""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import localize
from django.utils.translation import gettext
from django.views.generic import DetailView, TemplateView
from django_tables2 import RequestConfig
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors
from afspraken.constants import OVERGANGEN
from afspraken.filters import AfspraakFilter
from afspraken.models import Afspraak, Jaarafspraak
from afspraken.rules import met_recht
from afspraken.tables import AfspraakTable, export_response


def _keuzelabels(model, veld: str) -> dict:
    return {waarde: str(label) for waarde, label in model._meta.get_field(veld).flatchoices}


class _UrlSjabloon:
    """reverse() once with a stand-in pk, then the URL for any pk by joining strings: a row's
    half a dozen links would otherwise cost hundreds of reverse() calls per page."""

    PLAATSHOUDER = "2147483647"

    def __init__(self, naam: str, kwarg: str):
        self.naam, self.kwarg = naam, kwarg
        delen = reverse(naam, kwargs={kwarg: int(self.PLAATSHOUDER)}).split(self.PLAATSHOUDER)
        self.delen = delen if len(delen) == 2 else None

    def __call__(self, pk: int) -> str:
        if self.delen is None:
            return reverse(self.naam, kwargs={self.kwarg: pk})
        return f"{self.delen[0]}{pk}{self.delen[1]}"


def _rijen_voorbereiden(jaarafspraken) -> None:
    """Gives each row what its template would otherwise compute per row: `status_label` and
    the afspraak's `soort_label` (as get_FOO_display() shows them, without rebuilding and
    hashing the translated choices per call) and the URLs of its links and of its steps."""
    soorten = _keuzelabels(Afspraak, "soort")
    voortgang = _keuzelabels(Jaarafspraak, "status")
    bewerken = _UrlSjabloon("afspraken:jaarafspraak-bewerken", "jaarafspraak_pk")
    stap_toevoegen = _UrlSjabloon("afspraken:stap-toevoegen", "jaarafspraak_pk")
    opmerken = _UrlSjabloon("afspraken:jaarafspraak-opmerking-plaatsen", "jaarafspraak_pk")
    stap_afronden = _UrlSjabloon("afspraken:stap-afronden", "stap_pk")
    stap_bewerken = _UrlSjabloon("afspraken:stap-bewerken", "stap_pk")
    stap_verwijderen = _UrlSjabloon("afspraken:stap-verwijderen", "stap_pk")
    for ja in jaarafspraken:
        ja.status_label = voortgang.get(ja.status, ja.status)
        ja.afspraak.soort_label = soorten.get(ja.afspraak.soort, ja.afspraak.soort)
        ja.bewerk_url = bewerken(ja.pk)
        ja.stap_toevoegen_url = stap_toevoegen(ja.pk)
        ja.opmerking_url = opmerken(ja.pk)
        for stap in ja.stappen_op_volgorde:
            stap.afronden_url = stap_afronden(stap.pk)
            stap.bewerk_url = stap_bewerken(stap.pk)
            stap.verwijder_url = stap_verwijderen(stap.pk)


def afspraak_rij_context(user, jaarschijf, jaarafspraken) -> dict:
    """What the afspraak rows of the jaarschijf page ask, answered once for all of them: the
    permissions that depend on user and jaarschijf only, the jaarafspraken whose voortgang the
    user may report, and the row's fixed texts (a 290-row page would otherwise translate, ask
    permissions and reverse URLs thousands of times). Prepares the rows themselves too."""
    _rijen_voorbereiden(jaarafspraken)
    jaar = localize(jaarschijf.jaar, use_l10n=False)
    return {
        "mag_inhoud": user.has_perm("afspraken.change_inhoud", jaarschijf),
        "mag_opmerken": user.has_perm("afspraken.comment", jaarschijf),
        "mag_afhandelen": user.has_perm("afspraken.handle_opmerking", jaarschijf),
        "voortgang_ids": met_recht(user, "afspraken.change_voortgang", jaarafspraken),
        "rij_labels": {
            "resultaat": gettext("Beoogd resultaat"),
            "doel": gettext("Meetbaar doel"),
            "periode": gettext("Periode"),
            "trekkers": gettext("Trekkers"),
            "in_jaar": gettext("In %(jaar)s") % {"jaar": jaar},
            "stappen": gettext("Stappen"),
            "afgerond": gettext("afgerond"),
            "weer_openzetten": gettext("Weer openzetten"),
            "afronden": gettext("Afronden"),
            "bewerken": gettext("Bewerken"),
            "verwijderen": gettext("Verwijderen"),
            "afspraak": gettext("afspraak"),
            "stap_toevoegen": gettext("Stap toevoegen"),
            "bij_afspraak": gettext("bij afspraak"),
            "opmerking_plaatsen": gettext("Opmerking plaatsen"),
        },
    }


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
        document = selectors.jaarschijf_document(self.object)
        jaarafspraken = [ja for item in document.themas for ja in item.jaarafspraken]
        context["document"] = document
        context["overeenkomst"] = self.object.overeenkomst
        context["overgangen"] = mogelijke_overgangen(self.object, document)
        context.update(afspraak_rij_context(self.request.user, self.object, jaarafspraken))
        return context


# The transitions of OVERGANGEN that have a confirm page; signing has its own later.
OVERGANG_URLS = {
    "ter_bespreking": "afspraken:jaarschijf-ter-bespreking",
    "vaststellen": "afspraken:jaarschijf-vaststellen",
    "terug_naar_concept": "afspraken:jaarschijf-terug-naar-concept",
}


def mogelijke_overgangen(jaarschijf, document) -> list[tuple]:
    """(label, url) of each lifecycle step the jaarschijf's status allows now, read from the
    one table the services obey; back to concept only while nobody has signed."""
    result = []
    for actie, url_naam in OVERGANG_URLS.items():
        overgang = OVERGANGEN[actie]
        if jaarschijf.status not in overgang.van:
            continue
        if actie == "terug_naar_concept" and document.al_getekend:
            continue
        result.append((overgang.label, reverse(url_naam, kwargs={"jaarschijf_pk": jaarschijf.pk})))
    return result


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
