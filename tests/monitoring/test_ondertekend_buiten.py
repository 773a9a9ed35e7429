"""A document signed on paper (#10, point 4): imported with status ondertekend, its page says
so with place and date and names its signatories, never as a Concept."""

import pytest
from django.urls import reverse

from afspraken.models import Ondertekening
from tests import factories
from tests.monitoring.test_werkboek_v2_status import importeer, ondertekend

pytestmark = pytest.mark.django_db


def test_the_page_of_a_paper_signed_jaarschijf(client):
    jaarschijf = importeer(ondertekend).jaarschijf
    jaarschijf.refresh_from_db()
    client.force_login(factories.GebruikerFactory(is_superuser=True))

    html = client.get(
        reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})
    ).content.decode()

    assert "ondertekend buiten Driehoek op 1 december 2025 te Proefstad" in html
    assert "Concept" not in html
    for naam in Ondertekening.objects.filter(jaarschijf=jaarschijf).values_list("naam", flat=True):
        assert naam in html
