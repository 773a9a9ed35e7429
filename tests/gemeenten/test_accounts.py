"""Accounts with a known password (the demo's) are set up by the system or a superuser only,
through gemeenten.services like every other write on people."""

import pytest

from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap
from gemeenten.services import Geweigerd, account_instellen
from gemeenten.systeem import SYSTEEM
from tests import factories

pytestmark = pytest.mark.django_db


def instellen(door, **extra):
    return account_instellen(
        username="demo.medewerker",
        voornaam="Demo",
        achternaam="Medewerker",
        email="demo@example.org",
        wachtwoord_hash="!",
        door=door,
        **extra,
    )


def test_the_system_sets_up_and_resets_an_account_with_its_roles():
    organisatie = factories.OrganisatieFactory()
    gebruiker, nieuw = instellen(SYSTEEM, organisatie=organisatie, rollen={Rol.BEHEERDER})
    assert nieuw
    Gebruiker.objects.filter(pk=gebruiker.pk).update(is_active=False, first_name="Anders")
    gebruiker, nieuw = instellen(SYSTEEM, organisatie=organisatie, rollen={Rol.BEHEERDER})
    assert not nieuw
    gebruiker.refresh_from_db()
    assert (gebruiker.is_active, gebruiker.first_name) == (True, "Demo")
    assert set(Lidmaatschap.objects.values_list("rol", flat=True)) == {Rol.BEHEERDER}


def test_nobody_but_the_system_or_a_superuser_sets_up_accounts():
    beheerder = factories.LidmaatschapFactory(rol=Rol.BEHEERDER).gebruiker
    with pytest.raises(Geweigerd):
        instellen(beheerder)
    assert not Gebruiker.objects.filter(username="demo.medewerker").exists()
