"""Every predicate and scope of gemeenten/rules.py and gemeenten/querysets.py."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gemeenten import rules as r
from gemeenten.constants import Rol
from gemeenten.models import Lidmaatschap, Organisatie
from gemeenten.rules import BEHEREN, actor, toekenbare_rollen
from tests import factories
from tests.wereld import lid

pytestmark = pytest.mark.django_db


def vers(user):
    """The same user without the per-request cache of actor()."""
    return type(user).objects.get(pk=user.pk)


def test_actor_of_anonymous_and_member_without_organisation():
    assert actor(AnonymousUser()) == r.GEEN_ACTOR
    assert actor(factories.GebruikerFactory()) == r.GEEN_ACTOR


def test_actor_knows_organisation_type_gemeente_and_roles(sc):
    act = actor(sc.gebruiker("gemeente_medewerker"))
    assert act.is_gemeente and act.gemeente_id == sc.a.gemeente.pk
    act = actor(sc.gebruiker("organisatie_beheerder"))
    assert act.is_corporatie and act.organisatie_id == sc.c1.pk
    assert act.rollen == {Rol.MEDEWERKER, Rol.BEHEERDER}


def test_actor_of_inactive_user_is_nobody(sc):
    user = vers(sc.gebruiker("gemeente_medewerker"))
    user.is_active = False
    assert actor(user) == r.GEEN_ACTOR


def test_actor_ignores_gemeente_filled_in_on_a_corporatie(sc):
    # A corporatie with a gemeente filled in by mistake must not speak for that gemeente.
    Organisatie.objects.filter(pk=sc.c1.pk).update(gemeente=sc.b.gemeente)
    act = actor(vers(sc.gebruiker("corporatie_medewerker")))
    assert act.gemeente_id is None
    assert not act.is_gemeente


def test_actor_is_cached_per_user_object(sc, django_assert_num_queries):
    user = vers(sc.gebruiker("corporatie_medewerker"))
    actor(user)
    with django_assert_num_queries(0):
        actor(user)


@pytest.mark.parametrize(
    ("rol", "verwacht"),
    [
        ("gemeente_medewerker", {"lid", "gemeente"}),
        ("corporatie_medewerker", {"lid", "corporatie"}),
        ("corporatie_ondertekenaar", {"lid", "corporatie", "ondertekenaar", "tweestaps"}),
        ("huurders_medewerker", {"lid", "huurders"}),
        ("organisatie_beheerder", {"lid", "corporatie", "beheerder", "tweestaps"}),
        ("superuser", {"tweestaps"}),
    ],
)
def test_role_predicates(sc, rol, verwacht):
    user = sc.gebruiker(rol)
    uitkomst = {
        "lid": r.is_lid_van_organisatie(user),
        "gemeente": r.is_gemeente_medewerker(user),
        "corporatie": r.is_corporatie_medewerker(user),
        "huurders": r.is_huurdersorganisatie_lid(user),
        "ondertekenaar": r.is_ondertekenaar(user),
        "beheerder": r.is_beheerder(user),
        "tweestaps": r.moet_tweestaps(user),
    }
    assert {naam for naam, ja in uitkomst.items() if ja} == verwacht


def test_role_predicates_say_no_to_anonymous():
    anoniem = AnonymousUser()
    for predicate in (
        r.is_lid_van_organisatie,
        r.is_gemeente_medewerker,
        r.is_corporatie_medewerker,
        r.is_huurdersorganisatie_lid,
        r.is_ondertekenaar,
        r.is_beheerder,
        r.moet_tweestaps,
    ):
        assert not predicate(anoniem)


def test_is_eigen_organisatie_takes_organisation_or_membership(sc):
    user = sc.gebruiker("corporatie_medewerker")
    assert r.is_eigen_organisatie(user, sc.c1)
    assert r.is_eigen_organisatie(user, Lidmaatschap.objects.filter(organisatie=sc.c1).first())
    assert not r.is_eigen_organisatie(user, sc.c2)
    assert not r.is_eigen_organisatie(user, None)
    # An object without organisation never matches, whatever its pk.
    assert not r.is_eigen_organisatie(user, sc.a.jaarschijf)


def test_beheer_leden_only_for_the_beheerder_of_that_organisation(sc):
    beheerder = sc.gebruiker("organisatie_beheerder")
    assert beheerder.has_perm("gemeenten.beheer_leden", sc.c1)
    collega_lid = Lidmaatschap.objects.get(gebruiker=sc.collega[sc.c1.pk])
    assert beheerder.has_perm("gemeenten.beheer_leden", collega_lid)
    assert not beheerder.has_perm("gemeenten.beheer_leden", sc.c2)
    assert not beheerder.has_perm(
        "gemeenten.beheer_leden", Lidmaatschap.objects.get(gebruiker=sc.collega[sc.c2.pk])
    )
    assert not beheerder.has_perm("gemeenten.beheer_leden", None)
    for rol in ("corporatie_medewerker", "corporatie_ondertekenaar", "gemeente_medewerker"):
        assert not sc.gebruiker(rol).has_perm("gemeenten.beheer_leden", sc.c1)
    assert not AnonymousUser().has_perm("gemeenten.beheer_leden", sc.c1)


def test_uitnodigen_only_by_the_beheerder_of_that_very_organisation(sc):
    """People join an organisation through its own beheerder; a gemeente invites no partners."""
    beheerder = sc.gebruiker("organisatie_beheerder")
    assert beheerder.has_perm("gemeenten.uitnodigen")
    assert beheerder.has_perm("gemeenten.uitnodigen", sc.c1)
    for andere in (sc.c2, sc.c3, sc.h1, sc.a.gemeente_org, sc.b.gemeente_org):
        assert not beheerder.has_perm("gemeenten.uitnodigen", andere)
    for rol in ("gemeente_medewerker", "corporatie_medewerker", "huurders_medewerker"):
        user = sc.gebruiker(rol)
        assert not user.has_perm("gemeenten.uitnodigen")
        for organisatie in (sc.c1, sc.c2, sc.h1, sc.a.gemeente_org, sc.b.gemeente_org):
            assert not user.has_perm("gemeenten.uitnodigen", organisatie)
    assert sc.gebruiker("superuser").has_perm("gemeenten.uitnodigen", sc.b.gemeente_org)
    assert not AnonymousUser().has_perm("gemeenten.uitnodigen")


def test_gemeente_beheerder_invites_into_own_gemeente_only(sc):
    beheerder = lid(sc.a.gemeente_org, Rol.MEDEWERKER, Rol.BEHEERDER, username="ga.beheerder")
    assert beheerder.has_perm("gemeenten.uitnodigen", sc.a.gemeente_org)
    for partij in (sc.c1, sc.c2, sc.h1, sc.b.gemeente_org):
        assert not beheerder.has_perm("gemeenten.uitnodigen", partij)


def test_actor_of_a_person_in_two_organisations_is_nobody(sc):
    """Data that breaks "one person, one organisation" (say, two admin inline rows saved at
    once) opens nothing: roles of one organisation must never count in another."""
    user = lid(sc.c1, Rol.BEHEERDER, username="dubbel")
    factories.LidmaatschapFactory(gebruiker=user, organisatie=sc.b.gemeente_org)
    assert actor(vers(user)) == r.GEEN_ACTOR
    assert not vers(user).has_perm("gemeenten.uitnodigen", sc.b.gemeente_org)
    assert not vers(user).has_perm("afspraken.change_overeenkomst", sc.b.overeenkomst)


@pytest.mark.parametrize(
    ("rollen", "verwacht"),
    [
        ({Rol.MEDEWERKER}, set()),
        ({Rol.ONDERTEKENAAR}, set()),
        ({Rol.BEHEERDER}, {Rol.BEHEERDER, Rol.MEDEWERKER}),
        ({Rol.BEHEERDER, Rol.ONDERTEKENAAR}, {Rol.BEHEERDER, Rol.MEDEWERKER, Rol.ONDERTEKENAAR}),
    ],
)
def test_toekenbare_rollen_never_more_than_held(rollen, verwacht):
    user = lid(factories.OrganisatieFactory(), *rollen, username="b")
    assert toekenbare_rollen(user) == verwacht


def test_toekenbare_rollen_anonymous_and_superuser():
    assert toekenbare_rollen(AnonymousUser()) == frozenset()
    superuser = factories.GebruikerFactory(is_superuser=True)
    assert toekenbare_rollen(superuser) == set(Rol.values)


def test_organisatie_scope_beheer(sc):
    assert list(Organisatie.objects.for_user(sc.gebruiker("organisatie_beheerder"), BEHEREN)) == [
        sc.c1
    ]
    assert not Organisatie.objects.for_user(sc.gebruiker("corporatie_medewerker"), BEHEREN)
    assert not Organisatie.objects.for_user(AnonymousUser(), BEHEREN)
    assert Organisatie.objects.for_user(sc.gebruiker("superuser"), BEHEREN).count() == (
        Organisatie.objects.count()
    )


def test_lidmaatschap_scope_beheer(sc):
    scope = Lidmaatschap.objects.for_user(sc.gebruiker("organisatie_beheerder"), BEHEREN)
    assert scope.exists()
    assert {lid.organisatie_id for lid in scope} == {sc.c1.pk}
    assert not Lidmaatschap.objects.for_user(sc.gebruiker("gemeente_medewerker"), BEHEREN)


def test_scopes_refuse_unknown_actions(sc):
    for rol in ("gemeente_medewerker", "superuser"):
        with pytest.raises(ValueError):
            Organisatie.objects.for_user(sc.gebruiker(rol), "uitnodigen")
    with pytest.raises(ValueError):
        Lidmaatschap.objects.for_user(sc.gebruiker("gemeente_medewerker"), "wissen")
