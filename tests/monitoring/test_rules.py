"""The permissions of monitoring/rules.py and the scope of its Opmerking, per role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf
from monitoring.models import Opmerking
from tests.wereld import ROLLEN, autorisatiewereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


def gebruiker(sc, rol):
    return sc.gebruiker(rol) or AnonymousUser()


@pytest.mark.parametrize(
    ("rol", "plaatst", "handelt_af"),
    [
        ("anoniem", False, False),
        ("gemeente_medewerker", True, True),
        ("corporatie_medewerker", True, False),
        ("huurders_medewerker", True, False),
        ("organisatie_beheerder", True, False),
        ("superuser", True, True),
    ],
)
def test_every_party_comments_and_the_gemeente_handles(sc, rol, plaatst, handelt_af):
    user = gebruiker(sc, rol)
    opmerking = sc.a.opmerkingen[0]
    for obj in (sc.a.jaarschijf, sc.a.jaarafspraken[0]):
        assert user.has_perm("monitoring.comment", obj) is plaatst, obj
    assert user.has_perm("monitoring.handle_opmerking", opmerking) is handelt_af
    assert user.has_perm("monitoring.comment", sc.b.jaarschijf) is (rol == "superuser")


def test_remarks_stay_open_in_a_frozen_jaarschijf(sc):
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=JaarschijfStatus.ONDERTEKEND)
    jaarschijf = Jaarschijf.objects.get(pk=sc.a.jaarschijf.pk)
    assert sc.gebruiker("huurders_medewerker").has_perm("monitoring.comment", jaarschijf)
    assert sc.gebruiker("gemeente_medewerker").has_perm(
        "monitoring.handle_opmerking", Opmerking.objects.get(pk=sc.a.opmerkingen[0].pk)
    )


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize(
    ("actie", "perm"),
    [("view", "afspraken.view_overeenkomst"), ("change", "monitoring.handle_opmerking")],
)
def test_opmerking_scope_matches_predicate(sc, rol, actie, perm):
    user = gebruiker(sc, rol)
    in_scope = set(Opmerking.objects.for_user(user, actie).values_list("pk", flat=True))
    volgens_regels = {o.pk for o in Opmerking.objects.all() if user.has_perm(perm, o)}
    assert in_scope == volgens_regels
