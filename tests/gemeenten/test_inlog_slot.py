"""Login lockout that holds (issue 14, point 7), replayed as the attacks were:

- password spraying: 80 attempts over 20 accounts from one address (four per account) met
  one lockout; now the address is locked out after INLOGSLOT_LIMIETEN[("ip_address",)];
- a guess spread over many addresses locks the account after its own limit;
- behind a proxy, the client address comes from X-Forwarded-For as far as PROXY_COUNT
  vouches for it, so one client's failures do not lock out everyone behind the proxy.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

WACHTWOORD = "driehoek-test"  # tests/factories.py
AANVALLER = "203.0.113.66"


@pytest.fixture
def inlogslot(settings):
    settings.AXES_ENABLED = True
    return settings


def inloggen(client, username, password=WACHTWOORD, **meta):
    return client.post(
        reverse("gemeenten:login"), {"username": username, "password": password}, **meta
    )


def test_password_spraying_from_one_address_is_locked_out(client, inlogslot):
    accounts = [factories.GebruikerFactory(username=f"lid{i}").username for i in range(20)]
    limiet = inlogslot.INLOGSLOT_LIMIETEN[("ip_address",)]
    antwoorden = [
        inloggen(client, naam, "zomer2026", REMOTE_ADDR=AANVALLER).status_code
        for _ronde in range(4)
        for naam in accounts
    ]
    assert antwoorden[: limiet - 1] == [200] * (limiet - 1)
    assert set(antwoorden[limiet:]) == {429}
    # Locked: not even a right password gets in from that address now...
    assert inloggen(client, accounts[0], REMOTE_ADDR=AANVALLER).status_code == 429
    # ...while the accounts themselves still open from elsewhere.
    assert inloggen(Client(), accounts[0], REMOTE_ADDR="198.51.100.5").status_code == 302


def test_a_valid_account_of_the_sprayer_does_not_reset_the_address(client, inlogslot):
    eigen = factories.GebruikerFactory(username="eigen").username
    accounts = [factories.GebruikerFactory(username=f"doel{i}").username for i in range(10)]
    limiet = inlogslot.INLOGSLOT_LIMIETEN[("ip_address",)]
    for poging in range(limiet - 1):
        inloggen(client, accounts[poging % 10], "fout", REMOTE_ADDR=AANVALLER)
    assert inloggen(client, eigen, REMOTE_ADDR=AANVALLER).status_code == 302
    client.post(reverse("gemeenten:logout"))
    assert inloggen(client, accounts[0], "fout", REMOTE_ADDR=AANVALLER).status_code == 429


def test_one_account_guessed_from_many_addresses_is_locked(inlogslot):
    factories.GebruikerFactory(username="doelwit")
    limiet = inlogslot.INLOGSLOT_LIMIETEN[("username",)]
    for poging in range(limiet):
        inloggen(Client(), "doelwit", "fout", REMOTE_ADDR=f"192.0.2.{poging + 1}")
    assert inloggen(Client(), "doelwit", REMOTE_ADDR="192.0.2.200").status_code == 429


def test_behind_a_proxy_one_client_does_not_lock_out_the_others(inlogslot):
    inlogslot.PROXY_COUNT = 1
    factories.GebruikerFactory(username="anna")
    accounts = [factories.GebruikerFactory(username=f"lid{i}").username for i in range(20)]
    via_proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for poging in range(40):
        inloggen(
            Client(),
            accounts[poging % 20],
            "fout",
            HTTP_X_FORWARDED_FOR=f"6.6.6.6, {AANVALLER}",
            **via_proxy,
        )
    # The attacker's address is locked out, also when it claims another address in front.
    vervalst = f"198.51.100.5, {AANVALLER}"
    assert inloggen(Client(), "anna", HTTP_X_FORWARDED_FOR=vervalst, **via_proxy).status_code == 429
    # A colleague behind the same proxy still gets in.
    collega = inloggen(Client(), "anna", HTTP_X_FORWARDED_FOR="198.51.100.5", **via_proxy)
    assert collega.status_code == 302
