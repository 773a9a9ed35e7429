from django.db import models

from afspraken.constants import BEVROREN_STATUSSEN
from afspraken.querysets import BEWERKEN, LEZEN, overeenkomst_scope
from gemeenten.rules import actor


class CijferQuerySet(models.QuerySet):
    def for_user(self, user, action: str = LEZEN):
        if action not in (LEZEN, BEWERKEN):
            raise ValueError(f"Onbekende actie {action!r}")
        scope = overeenkomst_scope(user, LEZEN, "jaarschijf__overeenkomst__")
        if scope is None:
            # Superuser: every permission, as Django's backend grants it.
            return self
        qs = self.filter(scope)
        if action == LEZEN:
            return qs
        qs = qs.exclude(jaarschijf__status__in=BEVROREN_STATUSSEN)
        act = actor(user)
        return qs.filter(corporatie_id=act.organisatie_id) if act.is_corporatie else qs.none()
