"""The SMART check of an overeenkomst: afspraken without trekker, period or anything
measurable. Permission: `afspraken.view_overeenkomst` on the overeenkomst."""

from functools import cached_property

from django.shortcuts import get_object_or_404
from django.utils.text import Truncator
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors as afspraken_selectors
from gemeenten.paginacache import PaginaCacheMixin, velden
from monitoring.selectors.smart import smart_check


class SmartCheckView(PermissionRequiredMixin, PaginaCacheMixin, TemplateView):
    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/smart_check.html"

    @cached_property
    def overeenkomst(self):
        return get_object_or_404(
            afspraken_selectors.overeenkomst_basis(), pk=self.kwargs["overeenkomst_pk"]
        )

    def get_permission_object(self):
        return self.overeenkomst

    def pagina_gemeenten(self):
        return [self.overeenkomst.gemeente_id]

    def pagina_sleutel(self) -> tuple:
        return velden(self.overeenkomst)

    def get_context_data(self, **kwargs):
        gebreken = smart_check(self.request.user, self.overeenkomst)
        return super().get_context_data(
            overeenkomst=self.overeenkomst, gebreken=gebreken, rijen=_rijen(gebreken), **kwargs
        )


def _rijen(gebreken) -> list[dict]:
    """Lean rows: plain strings prepared once (as `truncatewords:30` would cut the text), so
    a long list costs the template dictionary lookups only."""
    return [
        {
            "code": afspraak.code,
            "thema": str(afspraak.thema),
            "inhoud": Truncator(afspraak.inhoud).words(30, truncate=" …"),
            "redenen": [str(reden) for reden in redenen],
        }
        for afspraak, redenen in gebreken
    ]
