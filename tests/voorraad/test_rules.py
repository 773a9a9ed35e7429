"""voorraad/rules.py: a corporatie reads the figures of its agreements and edits only its own."""

import pytest
from django.contrib.auth.models import AnonymousUser

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from tests.wereld import autorisatiewereld
from voorraad import rules as r
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


def test_is_eigen_corporatie(sc):
    user = sc.gebruiker("corporatie_medewerker")
    eigen, ander = sc.a.mutaties
    assert r.is_eigen_corporatie(user, eigen)
    assert r.is_eigen_corporatie(user, sc.a.standen[0])
    assert not r.is_eigen_corporatie(user, ander)
    assert not r.is_eigen_corporatie(AnonymousUser(), eigen)


def test_is_eigen_corporatie_never_matches_an_object_without_corporatie(sc):
    # A jaarschijf whose pk happens to equal the corporatie's id is still nobody's figure.
    user = sc.gebruiker("corporatie_medewerker")
    jaarschijf = Jaarschijf(pk=sc.c1.pk)
    assert not r.is_eigen_corporatie(user, jaarschijf)
    assert not r.is_eigen_corporatie(user, None)


@pytest.mark.parametrize(
    ("rol", "lezen", "eigen", "ander", "andere_gemeente"),
    [
        ("anoniem", False, False, False, False),
        ("gemeente_medewerker", True, False, False, False),
        ("corporatie_medewerker", True, True, False, False),
        ("corporatie_ondertekenaar", True, True, False, False),
        ("huurders_medewerker", True, False, False, False),
        ("organisatie_beheerder", True, True, False, False),
        ("superuser", True, True, True, True),
    ],
)
def test_cijfer_permissions_per_role(sc, rol, lezen, eigen, ander, andere_gemeente):
    user = sc.gebruiker(rol) or AnonymousUser()
    c1_mutatie, c2_mutatie = sc.a.mutaties
    assert user.has_perm("voorraad.view_cijfer", c1_mutatie) is lezen
    assert user.has_perm("voorraad.view_cijfer", c2_mutatie) is lezen
    assert user.has_perm("voorraad.change_cijfer", c1_mutatie) is eigen
    assert user.has_perm("voorraad.change_cijfer", sc.a.standen[0]) is eigen
    assert user.has_perm("voorraad.change_cijfer", c2_mutatie) is ander
    assert user.has_perm("voorraad.view_cijfer", sc.b.mutaties[0]) is andere_gemeente
    assert user.has_perm("voorraad.change_cijfer", sc.b.mutaties[0]) is andere_gemeente


def test_own_figure_in_an_agreement_the_corporatie_left_is_read_only(sc):
    # C1 has a figure in C2's convenant by mistake: not a party, so no rights at all.
    from tests import factories

    vreemd = factories.VoorraadmutatieFactory(jaarschijf=sc.a2.jaarschijf, corporatie=sc.c1)
    user = sc.gebruiker("corporatie_medewerker")
    assert not user.has_perm("voorraad.view_cijfer", vreemd)
    assert not user.has_perm("voorraad.change_cijfer", vreemd)


@pytest.mark.parametrize("status", [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def test_figures_freeze_with_the_jaarschijf(sc, status):
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=status)
    user = sc.gebruiker("corporatie_medewerker")
    mutatie = Voorraadmutatie.objects.get(pk=sc.a.mutaties[0].pk)
    stand = Voorraadstand.objects.get(pk=sc.a.standen[0].pk)
    assert user.has_perm("voorraad.view_cijfer", mutatie)
    assert not user.has_perm("voorraad.change_cijfer", mutatie)
    assert not user.has_perm("voorraad.change_cijfer", stand)
