"""Who a person is in Driehoek: their organisation and roles, computed once per request.

Every permission in the project starts from `actor(user)`; the predicates here answer
questions about the person alone, the other apps add questions about objects.
"""

from dataclasses import dataclass, field

import rules

from gemeenten.constants import OrganisatieType, Rol


@dataclass(frozen=True)
class Actor:
    organisatie_id: int | None = None
    organisatie_type: str | None = None
    gemeente_id: int | None = None
    rollen: frozenset = field(default_factory=frozenset)

    @property
    def is_gemeente(self):
        return self.organisatie_type == OrganisatieType.GEMEENTE

    @property
    def is_corporatie(self):
        return self.organisatie_type == OrganisatieType.WONINGCORPORATIE

    @property
    def is_huurdersorganisatie(self):
        return self.organisatie_type == OrganisatieType.HUURDERSORGANISATIE


GEEN_ACTOR = Actor()


def actor(user) -> Actor:
    """The organisation a user acts for and the roles they hold there (cached on the user).

    A person acts for one organisation (Lidmaatschap.clean). Should the data ever say more,
    the person acts for none: roles of one organisation must never open another, and a
    gemeente membership speaks for its own gemeente only.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return GEEN_ACTOR
    cached = getattr(user, "_driehoek_actor", None)
    if cached is not None:
        return cached
    leden = list(
        user.lidmaatschappen.select_related("organisatie").only(
            "rol", "organisatie__id", "organisatie__type", "organisatie__gemeente_id"
        )
    )
    if leden and len({lid.organisatie_id for lid in leden}) == 1:
        organisatie = leden[0].organisatie
        result = Actor(
            organisatie_id=organisatie.id,
            organisatie_type=organisatie.type,
            # Only a gemeente organisation speaks for its gemeente; a corporatie or
            # huurdersorganisatie that happens to have one filled in does not.
            gemeente_id=organisatie.gemeente_id if organisatie.is_gemeente else None,
            rollen=frozenset(lid.rol for lid in leden),
        )
    else:
        result = GEEN_ACTOR
    user._driehoek_actor = result
    return result


@rules.predicate
def is_lid_van_organisatie(user):
    return actor(user).organisatie_id is not None


@rules.predicate
def is_gemeente_medewerker(user):
    return actor(user).is_gemeente


@rules.predicate
def is_corporatie_medewerker(user):
    return actor(user).is_corporatie


@rules.predicate
def is_huurdersorganisatie_lid(user):
    return actor(user).is_huurdersorganisatie


@rules.predicate
def is_ondertekenaar(user):
    return Rol.ONDERTEKENAAR in actor(user).rollen


@rules.predicate
def is_beheerder(user):
    return Rol.BEHEERDER in actor(user).rollen


def _organisatie_id(obj):
    """The organisation an object stands for: an Organisatie, or anything with organisatie_id."""
    if obj is None:
        return None
    if obj.__class__.__name__ == "Organisatie":
        return obj.pk
    return getattr(obj, "organisatie_id", None)


@rules.predicate
def is_eigen_organisatie(user, obj):
    """The object is (or belongs to) the organisation the user acts for."""
    organisatie_id = _organisatie_id(obj)
    return organisatie_id is not None and organisatie_id == actor(user).organisatie_id


@rules.predicate
def is_beheerder_van_organisatie(user, obj):
    """The user is beheerder of this organisation (obj: Organisatie or Lidmaatschap)."""
    return Rol.BEHEERDER in actor(user).rollen and is_eigen_organisatie(user, obj)


@rules.predicate
def is_uitnodiger(user, organisatie):
    """The user brings people into this organisation: they are its beheerder (DESIGN §5).

    A gemeente invites into its own organisation only; corporaties and huurdersorganisaties
    keep their own members. The invite page, the members page, their links and
    `services.lid_toevoegen` all ask this. Without an organisation it answers whether the
    user brings people into any organisation at all. Superusers pass every permission
    through Django itself.
    """
    if organisatie is None:
        return is_beheerder(user)
    return is_beheerder_van_organisatie(user, organisatie)


@rules.predicate
def is_medewerker_van_gemeente(user, gemeente):
    """The user works for this gemeente's own organisation: they fill in its details and
    bring the organisations its agreements name into Driehoek."""
    act = actor(user)
    return act.is_gemeente and gemeente is not None and gemeente.pk == act.gemeente_id


# Ondertekenaars sign on behalf of their organisation and beheerders hand out roles, so
# both need a second factor (government baseline for internet-facing accounts).
moet_tweestaps = rules.is_superuser | is_ondertekenaar | is_beheerder


def toekenbare_rollen(user) -> frozenset:
    """A beheerder never grants more than they hold: the roles they have, plus medewerker."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return frozenset(Rol.values)
    act = actor(user)
    if Rol.BEHEERDER not in act.rollen:
        return frozenset()
    return act.rollen | {Rol.MEDEWERKER}


# The action of the Organisatie and Lidmaatschap scopes (`for_user(user, action)`): the
# organisations whose members the user manages and into which they bring people.
BEHEREN = "beheer"

rules.add_perm("gemeenten.beheer_leden", is_beheerder_van_organisatie)
rules.add_perm("gemeenten.uitnodigen", is_uitnodiger)
# A gemeente's details (CBS code) and the organisations its agreements name; creating a
# gemeente is the beheer's, Django's model permission `gemeenten.add_gemeente`.
rules.add_perm("gemeenten.gemeente_aanvullen", is_medewerker_van_gemeente)
rules.add_perm("gemeenten.organisatie_vastleggen", is_medewerker_van_gemeente)
