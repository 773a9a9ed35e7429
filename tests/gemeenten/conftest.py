"""The members pages' world: the authorization world and a logged-in beheerder of C1."""

import pytest

from gemeenten.models import Lidmaatschap
from tests.wereld import autorisatiewereld


@pytest.fixture
def sc():
    return autorisatiewereld()


@pytest.fixture
def beheerder_client(client, sc):
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    return client


def rollen_van(user, organisatie) -> set[str]:
    return set(
        Lidmaatschap.objects.filter(gebruiker=user, organisatie=organisatie).values_list(
            "rol", flat=True
        )
    )


def lid_van(user) -> Lidmaatschap | None:
    return Lidmaatschap.objects.filter(gebruiker=user).first()
