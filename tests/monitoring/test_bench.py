"""`manage.py bench` runs end to end at the small scale. Figures are printed, never asserted:
speed is the benchmark's business, not the tests'."""

import io

import pytest
from django.core.management import call_command

from afspraken.models import Afspraak

pytestmark = pytest.mark.django_db


def test_bench_runs_at_small_scale():
    uitvoer = io.StringIO()
    call_command("bench", "--schaal", "klein", "--duur", "0", "--huidige-database", stdout=uitvoer)
    tekst = uitvoer.getvalue()
    assert "binnen het budget" in tekst
    assert "Dataset (klein" in tekst
    for pagina in ("triviale view", "afspraken:jaarschijf-detail", "voorraad:cijfers-bewerken"):
        assert pagina in tekst
    # Every page answered: a redirect or refusal would be flagged with its status.
    assert "(HTTP " not in tekst
    # The dataset was rolled back.
    assert not Afspraak.objects.exists()
