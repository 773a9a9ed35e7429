"""The public verification page limits uploads per client address (django-ratelimit in the
configured cache): an attacker replaying uploads is refused with 429 in Dutch after ten a
minute, while another address still gets its answer."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from monitoring.views.verificatie import LIMIET

pytestmark = pytest.mark.django_db
URL = reverse("monitoring:verificatie")
MELDING = "te veel bestanden laten controleren"


@pytest.fixture(autouse=True)
def _limiet_aan(settings, time_machine):
    settings.RATELIMIT_ENABLE = True
    # The limit counts per clock minute: a slow run (PostgreSQL in CI) crossing into the next
    # minute between the posts would start a new allowance. The clock stands still instead.
    time_machine.move_to(datetime.datetime(2026, 11, 30, 12, 0, 5, tzinfo=datetime.UTC), tick=False)
    cache.clear()
    yield
    cache.clear()


def _post(client, inhoud=b"%PDF-1.7 geen jaarschijf"):
    bestand = SimpleUploadedFile("jaarschijf.pdf", inhoud, content_type="application/pdf")
    return client.post(URL, {"bestand": bestand})


def test_the_eleventh_upload_in_a_minute_is_refused_in_dutch():
    assert LIMIET == "10/m"
    aanvaller = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(10):
        response = _post(aanvaller)
        assert response.status_code == 200
        assert MELDING not in response.content.decode()
    response = _post(aanvaller)
    assert response.status_code == 429
    html = response.content.decode()
    assert MELDING in html
    assert "Uitkomst" not in html  # nothing was read or verified
    # Reading the page stays possible: only uploads count.
    assert aanvaller.get(URL).status_code == 200


def test_another_address_is_not_limited():
    aanvaller = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(11):
        _post(aanvaller)
    assert _post(aanvaller).status_code == 429
    ander = Client(REMOTE_ADDR="198.51.100.20")
    response = _post(ander)
    assert response.status_code == 200
    assert "Uitkomst" in response.content.decode()


def test_a_forged_forwarded_for_header_does_not_reset_the_count(settings):
    """Without proxies in front (PROXY_COUNT 0) X-Forwarded-For is the client's own text:
    writing a new address into it each time must not open a new allowance."""
    settings.PROXY_COUNT = 0
    aanvaller = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(10):
        _post(aanvaller)
    response = aanvaller.post(
        URL,
        {"bestand": SimpleUploadedFile("a.pdf", b"%PDF-1.7", content_type="application/pdf")},
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429


def test_behind_a_proxy_each_client_is_counted_apart(settings):
    settings.PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    for _ in range(10):
        proxy.post(
            URL,
            {"bestand": SimpleUploadedFile("a.pdf", b"%PDF-1.7", content_type="application/pdf")},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    geweigerd = proxy.post(
        URL,
        {"bestand": SimpleUploadedFile("a.pdf", b"%PDF-1.7", content_type="application/pdf")},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert geweigerd.status_code == 429
    ander = proxy.post(
        URL,
        {"bestand": SimpleUploadedFile("a.pdf", b"%PDF-1.7", content_type="application/pdf")},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert ander.status_code == 200
