"""Queryset scopes for organisations and memberships, the counterpart of gemeenten/rules.py:
pages that list organisations or members start from `for_user(user, action)`.
"""

from django.db import models

from gemeenten.constants import Rol
from gemeenten.rules import BEHEREN, UITNODIGEN, actor


class GemeenteQuerySet(models.QuerySet):
    def van_gebruiker(self, user):
        """The gemeente the user works for; None for corporatie, huurders and superusers."""
        gemeente_id = actor(user).gemeente_id
        return None if gemeente_id is None else self.filter(pk=gemeente_id).first()


class OrganisatieQuerySet(models.QuerySet):
    def for_user(self, user, action: str):
        if user.is_superuser and user.is_active:
            return self
        act = actor(user)
        if act.organisatie_id is None:
            return self.none()
        if action == BEHEREN:
            return (
                self.filter(pk=act.organisatie_id) if Rol.BEHEERDER in act.rollen else self.none()
            )
        if action == UITNODIGEN:
            if not act.is_gemeente:
                return self.none()
            # The parties of this gemeente's agreements. Reached through the reverse relation
            # by name, so the ground floor does not import afspraken.
            partijen = self.filter(partijrollen__overeenkomst__gemeente_id=act.gemeente_id)
            return self.filter(pk__in=partijen.values("pk")).exclude(pk=act.organisatie_id)
        raise ValueError(f"Onbekende actie {action!r}")


class LidmaatschapQuerySet(models.QuerySet):
    def for_user(self, user, action: str):
        from gemeenten.models import Organisatie

        if action != BEHEREN:
            raise ValueError(f"Onbekende actie {action!r}")
        return self.filter(organisatie__in=Organisatie.objects.for_user(user, BEHEREN))
