"""Queryset scopes for organisations and memberships, the counterpart of gemeenten/rules.py:
pages that list organisations or members start from `for_user(user, action)`.
"""

from django.db import models

from gemeenten.constants import OrganisatieType, Rol
from gemeenten.rules import BEHEREN, actor


class GemeenteQuerySet(models.QuerySet):
    def van_gebruiker(self, user):
        """The gemeente the user works for; None for corporatie, huurders and superusers."""
        gemeente_id = actor(user).gemeente_id
        return None if gemeente_id is None else self.filter(pk=gemeente_id).first()


class OrganisatieQuerySet(models.QuerySet):
    def van_gemeente(self, gemeente):
        """The gemeente's own organisation (the one gemeente party of its agreements), or
        None while it has none."""
        return self.filter(type=OrganisatieType.GEMEENTE, gemeente=gemeente).order_by("pk").first()

    def for_user(self, user, action: str):
        """BEHEREN: the organisations whose members the user manages and into which they bring
        people (`is_uitnodiger`): their own as its beheerder; every one for a superuser."""
        if action != BEHEREN:
            raise ValueError(f"Onbekende actie {action!r}")
        if user.is_superuser and user.is_active:
            return self
        act = actor(user)
        if act.organisatie_id is None or Rol.BEHEERDER not in act.rollen:
            return self.none()
        return self.filter(pk=act.organisatie_id)


class LidmaatschapQuerySet(models.QuerySet):
    def for_user(self, user, action: str):
        from gemeenten.models import Organisatie

        if action != BEHEREN:
            raise ValueError(f"Onbekende actie {action!r}")
        return self.filter(organisatie__in=Organisatie.objects.for_user(user, BEHEREN))
