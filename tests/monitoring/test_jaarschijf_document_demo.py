"""The real documents on the jaarschijf page (issue #9): the Borger-Odoorn 2026 jaarschijf is
prose without numbers, Hoogeveen's has joint steps and a corporatie that left in 2025."""

import re

import pytest
from django.urls import reverse

from afspraken.models import Afspraak, Jaarschijf
from gemeenten.models import Gebruiker
from tests.monitoring.test_demo import demo_geladen

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_geladen(django_db_blocker):
        yield


def document(client, demo, gemeente: str, gebruiker: str) -> tuple[Jaarschijf, str]:
    jaarschijf = Jaarschijf.objects.get(overeenkomst__gemeente__naam=gemeente, jaar=2026)
    client.force_login(Gebruiker.objects.get(username=gebruiker))
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return jaarschijf, html[html.index('<div class="document">') :]


def test_borger_odoorn_2026_reads_as_prose_without_numbers(client, demo):
    jaarschijf, html = document(client, demo, "Borger-Odoorn", "bo.medewerker")
    assert not jaarschijf.nummering_tonen
    codes = Afspraak.objects.filter(jaarafspraken__jaarschijf=jaarschijf).values_list(
        "code", flat=True
    )
    assert codes
    gevonden = [c for c in codes if re.search(rf"(?<![\d.]){re.escape(c)}(?![\d.])", html)]
    assert gevonden == []
    for tekst in (
        "November 2025",
        "hierna te noemen: de gemeente",
        "gemachtigd door de burgemeester, handelend namens het College van B&amp;W",
        "De onderleggers van de afspraken zijn de Woonvisie 2022+",
        "na ondertekening door alle partijen",
    ):
        assert tekst in html, tekst


def test_hoogeveen_shows_joint_steps_and_only_the_parties_of_its_year(client, demo):
    _jaarschijf, html = document(client, demo, "Hoogeveen", "hgv.medewerker")
    assert "Gemeente + corporaties:</strong>" in html
    partijen = html[
        html.index('id="partijen"') : html.index("</section>", html.index('id="partijen"'))
    ]
    assert "Domesta" in partijen
    assert "Woonservice" not in partijen
