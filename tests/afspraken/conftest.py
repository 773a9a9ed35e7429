"""Fixtures shared by the page tests of afspraken: a built agreement and a logged-in gemeente.

A module overrides `opbouw` when it needs another size or status.
"""

import pytest

from tests.afspraken.lezen_opbouw import bouw


@pytest.fixture
def opbouw():
    return bouw(4)


@pytest.fixture
def gemeente(client, opbouw):
    client.force_login(opbouw.gemeente_gebruiker)
    return client
