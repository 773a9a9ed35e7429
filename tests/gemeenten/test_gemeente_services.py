"""gemeenten.services: gemeenten and organisations are written on the ground floor, with
gemeenten's own permissions (afspraken' bulk services call these)."""

import pytest

from gemeenten import services
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gemeente, Organisatie
from gemeenten.services import Geweigerd
from tests import factories

pytestmark = pytest.mark.django_db


def medewerker_van(gemeente):
    organisatie = factories.GemeenteOrganisatieFactory(gemeente=gemeente)
    return factories.LidmaatschapFactory(organisatie=organisatie).gebruiker


def test_gemeente_aanvullen_by_its_own_people_only():
    gemeente = factories.GemeenteFactory(naam="Borger-Odoorn", cbs_code=None)
    with pytest.raises(Geweigerd):
        services.gemeente_aanmaken_of_bijwerken(
            naam="borger-odoorn",
            cbs_code="GM1681",
            door=medewerker_van(factories.GemeenteFactory()),
        )
    vastgelegd = services.gemeente_aanmaken_of_bijwerken(
        naam="borger-odoorn", cbs_code="GM1681", door=medewerker_van(gemeente)
    )
    assert (vastgelegd.obj, vastgelegd.nieuw, vastgelegd.gewijzigd) == (gemeente, False, True)
    gemeente.refresh_from_db()
    assert gemeente.cbs_code == "GM1681"


def test_new_gemeente_is_the_beheers():
    gemeente = factories.GemeenteFactory()
    with pytest.raises(Geweigerd):
        services.gemeente_aanmaken_of_bijwerken(naam="Nieuwegein", door=medewerker_van(gemeente))
    assert not Gemeente.objects.filter(naam="Nieuwegein").exists()


def test_organisaties_vastleggen_on_behalf_of_the_own_gemeente():
    gemeente = factories.GemeenteFactory()
    nieuw = Organisatie(naam="Woonbron", type=OrganisatieType.WONINGCORPORATIE)
    with pytest.raises(Geweigerd):
        services.organisaties_vastleggen(
            organisaties=[(nieuw, "")],
            namens=gemeente,
            door=medewerker_van(factories.GemeenteFactory()),
        )
    assert nieuw.pk is None
    door = medewerker_van(gemeente)
    [vastgelegd] = services.organisaties_vastleggen(
        organisaties=[(nieuw, "WB")], namens=gemeente, door=door
    )
    assert vastgelegd.nieuw and nieuw.pk and nieuw.afkorting == "WB"
    assert nieuw.history.first().history_user == door
    # A known organisation keeps the afkorting it has.
    [opnieuw] = services.organisaties_vastleggen(
        organisaties=[(nieuw, "XX")], namens=gemeente, door=door
    )
    assert not (opnieuw.nieuw or opnieuw.gewijzigd)
    nieuw.refresh_from_db()
    assert nieuw.afkorting == "WB"
