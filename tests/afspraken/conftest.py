"""Fixtures shared by the page tests of afspraken: a built agreement and a logged-in gemeente.

A module overrides `opbouw` when it needs another size or status.
"""

import pytest

from tests.wereld import paginawereld


@pytest.fixture
def opbouw():
    return paginawereld(4)


@pytest.fixture
def gemeente(client, opbouw):
    client.force_login(opbouw.gemeente_gebruiker)
    return client
