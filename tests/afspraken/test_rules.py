"""Every predicate and permission of afspraken/rules.py, for each role and object level."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from afspraken import rules as r
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Organisatie
from tests import factories
from tests.wereld import autorisatiewereld, lid

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


def vers(user):
    return type(user).objects.get(pk=user.pk)


def objecten(wereld):
    """One object of every level of an agreement, each of which resolves to it."""
    return [
        wereld.overeenkomst,
        wereld.thema,
        wereld.afspraken[0],
        wereld.jaarschijf,
        wereld.jaarafspraken[0],
        wereld.stappen[0],
        *list(wereld.ondertekeningen.values())[:1],
    ]


@pytest.mark.parametrize(
    ("rol", "a", "a2", "b"),
    [
        ("gemeente_medewerker", True, True, False),
        ("corporatie_medewerker", True, False, False),
        ("corporatie_ondertekenaar", True, False, False),
        ("huurders_medewerker", True, False, False),
        ("organisatie_beheerder", True, False, False),
    ],
)
def test_is_partij_on_every_object_level(sc, rol, a, a2, b):
    user = sc.gebruiker(rol)
    for wereld, verwacht in ((sc.a, a), (sc.a2, a2), (sc.b, b)):
        for obj in objecten(wereld):
            assert r.is_partij(user, obj) is verwacht, (rol, obj)
            assert user.has_perm("afspraken.view_overeenkomst", obj) is verwacht


def test_is_partij_says_no_to_anonymous_nothing_and_unknown_objects(sc):
    assert not r.is_partij(AnonymousUser(), sc.a.overeenkomst)
    assert not r.is_partij(sc.gebruiker("gemeente_medewerker"), None)
    assert not r.is_partij(sc.gebruiker("gemeente_medewerker"), sc.a.gemeente)
    assert not r.is_partij(factories.GebruikerFactory(), sc.a.overeenkomst)


def test_is_partij_corporatie_with_a_gemeente_filled_in_gets_nothing_extra(sc):
    Organisatie.objects.filter(pk=sc.c1.pk).update(gemeente=sc.b.gemeente)
    user = vers(sc.gebruiker("corporatie_medewerker"))
    assert not r.is_partij(user, sc.b.overeenkomst)


def test_is_gemeente_van(sc):
    gemeente = sc.gebruiker("gemeente_medewerker")
    for obj in objecten(sc.a) + objecten(sc.a2) + [sc.a.gemeente]:
        assert r.is_gemeente_van(gemeente, obj), obj
    for obj in [*objecten(sc.b), sc.b.gemeente, None]:
        assert not r.is_gemeente_van(gemeente, obj), obj
    for rol in ("corporatie_medewerker", "huurders_medewerker", "organisatie_beheerder"):
        assert not r.is_gemeente_van(sc.gebruiker(rol), sc.a.overeenkomst)
        assert not r.is_gemeente_van(sc.gebruiker(rol), sc.a.gemeente)


def test_is_trekker(sc):
    corporatie = sc.gebruiker("corporatie_medewerker")
    eigen, ander = sc.a.afspraken
    for obj in (eigen, sc.a.jaarafspraken[0], sc.a.stappen[0]):
        assert r.is_trekker(corporatie, obj)
    for obj in (ander, sc.a.jaarafspraken[1], sc.a.stappen[1], sc.a.jaarschijf, None):
        assert not r.is_trekker(corporatie, obj)
    assert not r.is_trekker(sc.gebruiker("huurders_medewerker"), eigen)
    assert not r.is_trekker(AnonymousUser(), eigen)


def test_is_trekker_uses_prefetched_trekkers(sc, django_assert_num_queries):
    corporatie = sc.gebruiker("corporatie_medewerker")
    afspraak = (
        type(sc.a.afspraken[0]).objects.prefetch_related("trekkers").get(pk=sc.a.afspraken[0].pk)
    )
    r.is_trekker(corporatie, afspraak)  # warms actor()
    with django_assert_num_queries(0):
        assert r.is_trekker(corporatie, afspraak)


@pytest.mark.parametrize("status", list(JaarschijfStatus))
def test_is_bewerkbaar_and_is_vastgesteld_follow_the_status(sc, status):
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=status)
    jaarschijf = Jaarschijf.objects.get(pk=sc.a.jaarschijf.pk)
    jaarafspraak = jaarschijf.jaarafspraken.first()
    stap = jaarafspraak.stappen.first()
    bevroren = status in (JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND)
    for obj in (jaarschijf, jaarafspraak, stap):
        assert r.is_bewerkbaar(None, obj) is not bevroren
        assert r.is_vastgesteld(None, obj) is (status == JaarschijfStatus.VASTGESTELD)
    # An object without jaarschijf (the agreement itself) is always editable by this rule.
    assert r.is_bewerkbaar(None, sc.a.overeenkomst)
    assert not r.is_vastgesteld(None, sc.a.overeenkomst)


def test_is_eigen_ondertekening_and_is_niet_ondertekend(sc):
    user = sc.gebruiker("corporatie_ondertekenaar")
    eigen = sc.a.ondertekeningen[sc.c1.pk]
    ander = sc.a.ondertekeningen[sc.c2.pk]
    assert r.is_eigen_ondertekening(user, eigen)
    assert not r.is_eigen_ondertekening(user, ander)
    assert not r.is_eigen_ondertekening(user, sc.a.jaarschijf)
    assert not r.is_eigen_ondertekening(factories.GebruikerFactory(), sc.a.jaarschijf)
    assert r.is_niet_ondertekend(user, eigen)
    eigen.ondertekend_op = timezone.now()
    assert not r.is_niet_ondertekend(user, eigen)


def rechten(user, obj):
    """The actions `user` may take on `obj`, without their app (commenting is monitoring's)."""
    return {
        perm.split(".")[1]
        for perm in (
            "afspraken.view_overeenkomst",
            "afspraken.change_overeenkomst",
            "afspraken.change_inhoud",
            "afspraken.change_status",
            "afspraken.change_voortgang",
            "monitoring.comment",
            "afspraken.export",
            "afspraken.sign",
        )
        if user.has_perm(perm, obj)
    }


LEZEN = {"view_overeenkomst", "comment", "export"}
GEMEENTE = LEZEN | {"change_overeenkomst", "change_inhoud", "change_status", "change_voortgang"}


@pytest.mark.parametrize(
    ("rol", "eigen_afspraak", "andermans_afspraak", "ander_convenant", "andere_gemeente"),
    [
        ("anoniem", set(), set(), set(), set()),
        ("gemeente_medewerker", GEMEENTE, GEMEENTE, GEMEENTE, set()),
        ("corporatie_medewerker", LEZEN | {"change_voortgang"}, LEZEN, set(), set()),
        ("corporatie_ondertekenaar", LEZEN | {"change_voortgang"}, LEZEN, set(), set()),
        ("huurders_medewerker", LEZEN, LEZEN, set(), set()),
        ("organisatie_beheerder", LEZEN | {"change_voortgang"}, LEZEN, set(), set()),
    ],
)
def test_permissions_per_role_on_afspraken(
    sc, rol, eigen_afspraak, andermans_afspraak, ander_convenant, andere_gemeente
):
    user = sc.gebruiker(rol) or AnonymousUser()
    assert rechten(user, sc.a.jaarafspraken[0]) == eigen_afspraak
    assert rechten(user, sc.a.jaarafspraken[1]) == andermans_afspraak
    assert rechten(user, sc.a2.jaarafspraken[0]) == ander_convenant
    assert rechten(user, sc.b.jaarafspraken[0]) == andere_gemeente


def test_superuser_may_everything(sc):
    assert rechten(sc.gebruiker("superuser"), sc.b.jaarafspraken[0]) == GEMEENTE | {"sign"}


def test_change_inhoud_refused_on_frozen_jaarschijf_but_voortgang_goes_on(sc):
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=JaarschijfStatus.ONDERTEKEND)
    jaarafspraak = type(sc.a.jaarafspraken[0]).objects.get(pk=sc.a.jaarafspraken[0].pk)
    gemeente = sc.gebruiker("gemeente_medewerker")
    assert not gemeente.has_perm("afspraken.change_inhoud", jaarafspraak)
    assert not gemeente.has_perm("afspraken.change_inhoud", jaarafspraak.jaarschijf)
    assert gemeente.has_perm("afspraken.change_voortgang", jaarafspraak)
    assert sc.gebruiker("corporatie_medewerker").has_perm(
        "afspraken.change_voortgang", jaarafspraak
    )


def test_add_overeenkomst_for_own_gemeente_only(sc):
    gemeente = sc.gebruiker("gemeente_medewerker")
    assert gemeente.has_perm("afspraken.add_overeenkomst", sc.a.gemeente)
    assert not gemeente.has_perm("afspraken.add_overeenkomst", sc.b.gemeente)
    for rol in ("corporatie_medewerker", "huurders_medewerker", "organisatie_beheerder"):
        assert not sc.gebruiker(rol).has_perm("afspraken.add_overeenkomst", sc.a.gemeente)


def test_sign_only_own_line_of_a_vastgesteld_jaarschijf_once(sc):
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    eigen = type(sc.a.ondertekeningen[sc.c1.pk]).objects.get(pk=sc.a.ondertekeningen[sc.c1.pk].pk)
    ander = type(eigen).objects.get(pk=sc.a.ondertekeningen[sc.c2.pk].pk)
    ondertekenaar = sc.gebruiker("corporatie_ondertekenaar")
    assert ondertekenaar.has_perm("afspraken.sign", eigen)
    assert not ondertekenaar.has_perm("afspraken.sign", ander)
    assert not ondertekenaar.has_perm("afspraken.sign", eigen.jaarschijf)
    assert not sc.gebruiker("corporatie_medewerker").has_perm("afspraken.sign", eigen)
    eigen.ondertekend_op = timezone.now()
    assert not ondertekenaar.has_perm("afspraken.sign", eigen)


def test_sign_refused_before_vastgesteld_and_after_ondertekend(sc):
    eigen = sc.a.ondertekeningen[sc.c1.pk]
    ondertekenaar = sc.gebruiker("corporatie_ondertekenaar")
    for status in (JaarschijfStatus.CONCEPT, JaarschijfStatus.ONDERTEKEND):
        Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=status)
        eigen = type(eigen).objects.get(pk=eigen.pk)
        assert not ondertekenaar.has_perm("afspraken.sign", eigen)


def test_gemeente_ondertekenaar_signs_the_gemeente_line(sc):
    wethouder = lid(sc.a.gemeente_org, Rol.ONDERTEKENAAR, username="wethouder")
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    regel = type(sc.a.ondertekeningen[sc.a.gemeente_org.pk]).objects.get(
        pk=sc.a.ondertekeningen[sc.a.gemeente_org.pk].pk
    )
    assert wethouder.has_perm("afspraken.sign", regel)
    assert not wethouder.has_perm(
        "afspraken.sign", type(regel).objects.get(pk=sc.a.ondertekeningen[sc.c1.pk].pk)
    )


def test_overig_party_reads_only(sc):
    overig = factories.OrganisatieFactory(type=OrganisatieType.OVERIG, naam="Zorgpartner")
    factories.PartijFactory(overeenkomst=sc.a.overeenkomst, organisatie=overig)
    user = lid(overig, Rol.MEDEWERKER, username="zorg")
    assert rechten(user, sc.a.jaarafspraken[0]) == LEZEN


def test_partij_ids_are_cached_per_user_object(sc, django_assert_num_queries):
    user = vers(sc.gebruiker("corporatie_medewerker"))
    r.is_partij(user, sc.a.overeenkomst)
    with django_assert_num_queries(0):
        r.is_partij(user, sc.b.overeenkomst)


def test_huurders_as_trekker_still_do_not_report_voortgang(sc):
    """An 'allen' afspraak makes the huurdersorganisatie a trekker too; it comments on it but
    reports no progress (issue 4: huurders edit nothing).
    """
    afspraak = sc.a.afspraken[0]
    afspraak.trekkers.add(sc.a.huurders)
    huurders = sc.gebruiker("huurders_medewerker")
    assert r.is_trekker(huurders, afspraak)
    assert not huurders.has_perm("afspraken.change_voortgang", sc.a.jaarafspraken[0])
    assert huurders.has_perm("monitoring.comment", sc.a.jaarafspraken[0])
    assert sc.gebruiker("corporatie_medewerker").has_perm(
        "afspraken.change_voortgang", sc.a.jaarafspraken[0]
    )
