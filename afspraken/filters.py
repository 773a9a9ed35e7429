"""FilterSets for the afspraken lists; widgets carry the NL Design System classes."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from afspraken.constants import Soort, Voortgang
from afspraken.selectors import met_jaarstand, partij_organisaties


class AfspraakFilter(django_filters.FilterSet):
    """Afspraken of one overeenkomst; `status` is the progress in the chosen jaarschijf.

    Without a chosen jaar the newest jaarschijf counts. The queryset is annotated with
    `jaarstatus` and `jaartekst` for that jaarschijf before filtering, so the table can
    show and sort them.
    """

    q = django_filters.CharFilter(label=_("Zoeken"), method="zoek")
    thema = django_filters.ModelChoiceFilter(label=_("Thema"), queryset=None)
    soort = django_filters.ChoiceFilter(label=_("Soort"), choices=Soort.choices)
    trekker = django_filters.ModelChoiceFilter(
        label=_("Trekker"), field_name="trekkers", queryset=None
    )
    jaar = django_filters.ChoiceFilter(
        label=_("Jaarschijf"), method="geen_filter", empty_label=_("Nieuwste")
    )
    status = django_filters.ChoiceFilter(
        label=_("Voortgang"), choices=Voortgang.choices, field_name="jaarstatus"
    )

    def __init__(self, *args, overeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.overeenkomst = overeenkomst
        self.jaarschijven = list(overeenkomst.jaarschijven.order_by("-jaar"))
        self.filters["thema"].queryset = overeenkomst.themas.order_by("volgorde", "id")
        self.filters["trekker"].queryset = partij_organisaties(overeenkomst)
        self.filters["jaar"].extra["choices"] = [
            (str(j.jaar), str(j.jaar)) for j in self.jaarschijven
        ]
        for naam, veld in self.form.fields.items():
            klasse = (
                "utrecht-textbox utrecht-textbox--html-input"
                if naam == "q"
                else ("utrecht-select utrecht-select--html-select")
            )
            veld.widget.attrs["class"] = klasse
        self.form.fields["q"].widget.input_type = "search"

    @property
    def jaarschijf(self):
        """The jaarschijf the status filter and column refer to (None if there is none)."""
        gekozen = self.form.cleaned_data.get("jaar") if self.form.is_valid() else None
        for jaarschijf in self.jaarschijven:
            if not gekozen or gekozen == str(jaarschijf.jaar):
                return jaarschijf
        return None

    def filter_queryset(self, queryset):
        return super().filter_queryset(met_jaarstand(queryset, self.jaarschijf))

    def zoek(self, queryset, name, value):
        for woord in value.split():
            queryset = queryset.filter(
                Q(code__icontains=woord)
                | Q(inhoud__icontains=woord)
                | Q(resultaat__icontains=woord)
                | Q(doel__icontains=woord)
            )
        return queryset

    def geen_filter(self, queryset, name, value):
        return queryset
