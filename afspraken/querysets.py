"""Queryset scopes: every list, search, export, PDF and dashboard starts from
`Model.objects.for_user(user, action)`, so what a user cannot open never appears in a list.
"""

from django.db import models

from afspraken.constants import BEVROREN_STATUSSEN
from gemeenten.rules import actor

LEZEN = "view"
BEWERKEN = "change"


def overeenkomst_scope(user, action: str, pad: str = "") -> models.Q | None:
    """A filter on the agreement reached through `pad` ('' or 'overeenkomst__', ...).

    None means no restriction (superuser); an impossible filter means nothing at all.
    """
    if user.is_superuser:
        return None
    from afspraken.models import Partij

    act = actor(user)
    niets = models.Q(pk__in=[])
    if act.organisatie_id is None:
        return niets
    eigen_gemeente = (
        models.Q(**{f"{pad}gemeente_id": act.gemeente_id}) if act.is_gemeente else niets
    )
    if action == LEZEN:
        partij = models.Q(
            **{
                f"{pad}id__in": Partij.objects.filter(organisatie_id=act.organisatie_id).values(
                    "overeenkomst_id"
                )
            }
        )
        return partij | eigen_gemeente
    if action == BEWERKEN:
        return eigen_gemeente
    raise ValueError(f"Onbekende actie {action!r}")


class ScopedQuerySet(models.QuerySet):
    """A queryset whose model reaches its overeenkomst through `overeenkomst_pad`."""

    overeenkomst_pad = ""
    # Where the jaarschijf is, for models whose content freezes with it.
    jaarschijf_pad = None

    def for_user(self, user, action: str = LEZEN):
        scope = overeenkomst_scope(user, action, self.overeenkomst_pad)
        if scope is None:
            # Django grants an active superuser every permission, frozen content included;
            # the scope says the same so that lists and predicates never disagree.
            return self
        qs = self.filter(scope)
        if action == BEWERKEN and self.jaarschijf_pad is not None:
            qs = qs.exclude(**{f"{self.jaarschijf_pad}status__in": BEVROREN_STATUSSEN})
        return qs


class OvereenkomstQuerySet(ScopedQuerySet):
    overeenkomst_pad = ""


class PerOvereenkomstQuerySet(ScopedQuerySet):
    overeenkomst_pad = "overeenkomst__"


class JaarschijfQuerySet(ScopedQuerySet):
    overeenkomst_pad = "overeenkomst__"
    jaarschijf_pad = ""


class PerJaarschijfQuerySet(ScopedQuerySet):
    overeenkomst_pad = "jaarschijf__overeenkomst__"
    jaarschijf_pad = "jaarschijf__"


class StapQuerySet(ScopedQuerySet):
    overeenkomst_pad = "jaarafspraak__jaarschijf__overeenkomst__"
    jaarschijf_pad = "jaarafspraak__jaarschijf__"
