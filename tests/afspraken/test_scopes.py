"""`for_user` scopes list exactly what the predicates allow, for every model and role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from afspraken.constants import JaarschijfStatus
from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Ondertekening,
    Overeenkomst,
    Stap,
    Thema,
)
from tests.wereld import ROLLEN, autorisatiewereld
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db

MODELLEN = [Overeenkomst, Thema, Afspraak, Jaarschijf, Jaarafspraak, Stap, Ondertekening]
# Which permission the scope actions stand for, per model.
ACTIES = {"view": "afspraken.view_overeenkomst", "change": "afspraken.change_inhoud"}


@pytest.fixture
def sc():
    return autorisatiewereld()


def gebruiker(sc, rol):
    return sc.gebruiker(rol) or AnonymousUser()


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("actie", ["view", "change"])
@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_scope_matches_predicate(sc, rol, actie, model):
    user = gebruiker(sc, rol)
    in_scope = set(model.objects.for_user(user, actie).values_list("pk", flat=True))
    volgens_regels = {obj.pk for obj in model.objects.all() if user.has_perm(ACTIES[actie], obj)}
    assert in_scope == volgens_regels


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("model", MODELLEN, ids=lambda m: m.__name__)
def test_scope_matches_predicate_with_frozen_jaarschijf(sc, rol, model):
    Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    user = gebruiker(sc, rol)
    in_scope = set(model.objects.for_user(user, "change").values_list("pk", flat=True))
    volgens_regels = {
        obj.pk for obj in model.objects.all() if user.has_perm("afspraken.change_inhoud", obj)
    }
    assert in_scope == volgens_regels


def test_scope_view_per_role_by_name(sc):
    def titels(rol):
        return set(
            Overeenkomst.objects.for_user(gebruiker(sc, rol), "view").values_list(
                "titel", flat=True
            )
        )

    assert titels("gemeente_medewerker") == {"Prestatieafspraken Aadorp", "Convenant Aadorp"}
    assert titels("corporatie_medewerker") == {"Prestatieafspraken Aadorp"}
    assert titels("huurders_medewerker") == {"Prestatieafspraken Aadorp"}
    assert titels("anoniem") == set()
    assert len(titels("superuser")) == 3


def test_scope_refuses_unknown_action(sc):
    with pytest.raises(ValueError):
        Overeenkomst.objects.for_user(sc.gebruiker("gemeente_medewerker"), "wissen")
    with pytest.raises(ValueError):
        Voorraadmutatie.objects.for_user(sc.gebruiker("corporatie_medewerker"), "wissen")


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize(
    ("actie", "perm"), [("view", "voorraad.view_cijfer"), ("change", "voorraad.change_cijfer")]
)
@pytest.mark.parametrize("model", [Voorraadmutatie, Voorraadstand], ids=lambda m: m.__name__)
@pytest.mark.parametrize("bevroren", [False, True])
def test_cijfer_scope_matches_predicate(sc, rol, actie, perm, model, bevroren):
    if bevroren:
        Jaarschijf.objects.filter(pk=sc.a.jaarschijf.pk).update(status=JaarschijfStatus.ONDERTEKEND)
    user = gebruiker(sc, rol)
    in_scope = set(model.objects.for_user(user, actie).values_list("pk", flat=True))
    volgens_regels = {obj.pk for obj in model.objects.all() if user.has_perm(perm, obj)}
    assert in_scope == volgens_regels
