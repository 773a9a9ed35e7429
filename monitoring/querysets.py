"""Queryset scopes of monitoring's models, on afspraken's agreement scope."""

from afspraken.querysets import ScopedQuerySet


class OpmerkingQuerySet(ScopedQuerySet):
    """Remarks stay open in a frozen jaarschijf (see Opmerking), so no jaarschijf_pad."""

    overeenkomst_pad = "jaarschijf__overeenkomst__"
