"""A jaarschijf's PDF is rendered once per content generation of its gemeente (issue #13:
rendering takes seconds): every download of a vastgesteld jaarschijf that nobody has signed
yet gets the same bytes, and anything written in the gemeente renders it again."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import monitoring.pdf
from gemeenten.models import Organisatie
from tests.monitoring.ondertekenwereld import tekenwereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch) -> list:
    """The renderings made while the test runs, made small: what is counted is how often."""
    gemaakt = []

    class Opmaak:
        def __init__(self, pdf):
            self.pdf = pdf

    def opmaken(jaarschijf, **kwargs):
        gemaakt.append(jaarschijf.pk)
        return Opmaak(f"%PDF-1.7 rendering {len(gemaakt)}".encode())

    monkeypatch.setattr(monitoring.pdf, "jaarschijf_opmaken", opmaken)
    return gemaakt


def test_a_fixed_jaarschijf_is_rendered_once_until_its_gemeente_changes(renders):
    cache.clear()
    wereld = tekenwereld()
    url = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    lezers = [Client(), Client()]
    for lezer, gebruiker in zip(lezers, list(wereld.tekenaars.values())[:2], strict=True):
        lezer.force_login(gebruiker)
    eerste = lezers[0].get(url)
    assert eerste.status_code == 200
    assert lezers[1].get(url).content == eerste.content
    assert len(renders) == 1

    corporatie = Organisatie.objects.exclude(type="gemeente").first()
    corporatie.naam = "Woonstichting met een nieuwe naam"
    corporatie.save()
    assert lezers[0].get(url).content != eerste.content
    assert len(renders) == 2


def test_a_non_party_gets_no_cached_pdf(renders):
    """An attacker's replay: the PDF is in the cache, a user of another gemeente asks it."""
    cache.clear()
    wereld = tekenwereld()
    url = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    lezer = Client()
    lezer.force_login(next(iter(wereld.tekenaars.values())))
    assert lezer.get(url).status_code == 200
    ander = tekenwereld("Beekdorp")
    buitenstaander = Client()
    buitenstaander.force_login(next(iter(ander.tekenaars.values())))
    assert buitenstaander.get(url).status_code == 404
