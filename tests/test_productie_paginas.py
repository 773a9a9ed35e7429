"""Dutch error pages in the NL Design System look, Permissions-Policy and the client address
behind proxies (issue 14, points 1 and 7)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.views import defaults

from config.proxy import client_adres

pytestmark = pytest.mark.django_db


def test_404_is_dutch_in_the_house_style(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert "utrecht-heading-1" in html
    assert "Not Found" not in html


def test_403_is_dutch():
    response = defaults.permission_denied(RequestFactory().get("/"), exception=None)
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.parametrize(
    ("view", "status", "kop"),
    [(defaults.server_error, 500, "Er ging iets mis"), (defaults.bad_request, 400, "Ongeldig")],
)
def test_500_and_400_render_without_request_context_or_database(view, status, kop):
    """Django renders these without a request; they must not need the database either,
    since a failing database is a likely cause of the 500 itself."""
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as vragen:
        response = view(request) if view is defaults.server_error else view(request, exception=None)
    assert response.status_code == status
    html = response.content.decode()
    assert kop in html
    assert "utrecht-page-body" in html
    assert "Server Error" not in html and "Bad Request" not in html
    assert len(vragen) == 0


def test_every_response_carries_a_permissions_policy(client):
    kop = client.get("/account/inloggen/")["Permissions-Policy"]
    for functie in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert functie in kop


@pytest.mark.parametrize(
    ("proxies", "forwarded", "verwacht"),
    [
        # Without a proxy, X-Forwarded-For is the client's own word: ignored.
        (0, "6.6.6.6", "10.0.0.5"),
        # One proxy appends the address it saw; what the client wrote before it is ignored.
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        # Fewer entries than proxies: not through the proxies, the peer is all we know.
        (2, "203.0.113.7", "10.0.0.5"),
        (1, "geen-adres", "10.0.0.5"),
    ],
)
def test_client_address_follows_proxy_count(settings, proxies, forwarded, verwacht):
    settings.PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_adres(request) == verwacht
