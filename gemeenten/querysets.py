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


def _zichtbaar(gemeente_id) -> models.Q:
    zichtbaar = models.Q(aangemaakt_voor__isnull=True)
    if gemeente_id is not None:
        zichtbaar |= models.Q(aangemaakt_voor_id=gemeente_id)
    return zichtbaar


class OrganisatieQuerySet(models.QuerySet):
    def van_gemeente(self, gemeente):
        """The gemeente's own organisation (the one gemeente party of its agreements), or
        None while it has none."""
        return self.filter(type=OrganisatieType.GEMEENTE, gemeente=gemeente).order_by("pk").first()

    def zichtbaar_voor_gemeente(self, gemeente):
        """The organisations a gemeente's staff and imports may see and reuse: the shared ones
        and those brought in for this gemeente (docs/organisaties.md). `gemeente`: a Gemeente,
        its pk, or None (the shared ones only)."""
        return self.filter(_zichtbaar(getattr(gemeente, "pk", gemeente)))

    def zichtbaar_voor(self, user):
        """Every list or choice of organisations starts here: everything for a superuser;
        otherwise the shared ones, those of the user's gemeente, and their own organisation.
        An agreement's parties are shown through the agreement (its own scope), not here."""
        if getattr(user, "is_superuser", False) and user.is_active:
            return self
        act = actor(user)
        zichtbaar = _zichtbaar(act.gemeente_id)
        if act.organisatie_id is not None:
            zichtbaar |= models.Q(pk=act.organisatie_id)
        return self.filter(zichtbaar)

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
