"""The agreement's agenda for the year is part of the document (#10 point 1, #11 point 4):
when, what and who, in the document's words, on the page and in the PDF."""

import pytest
from django.urls import reverse

from monitoring.models import Agendapunt
from monitoring.pdf import jaarschijf_opmaken
from tests.monitoring.test_pdf import tekst_van
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_agenda():
    opbouw = paginawereld(1)
    punt = Agendapunt.objects.create(
        jaarschijf=opbouw.jaarschijf,
        wanneer="voor 1 juli 2026",
        wat="Aanleveren activiteitenoverzicht",
        soort="activiteitenoverzicht",
    )
    punt.wie.add(opbouw.corporatie)
    return opbouw


def test_the_page_shows_the_agenda(client, met_agenda):
    client.force_login(met_agenda.gemeente_gebruiker)
    html = client.get(
        reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": met_agenda.jaarschijf.pk})
    ).content.decode()
    assert 'id="kop-agenda"' in html
    assert "voor 1 juli 2026" in html and "Aanleveren activiteitenoverzicht" in html
    corporatie = met_agenda.corporatie
    assert (corporatie.afkorting or corporatie.naam) in html


def test_the_pdf_prints_the_agenda(met_agenda):
    tekst = tekst_van(jaarschijf_opmaken(met_agenda.jaarschijf).pdf)
    assert "Agenda" in tekst
    assert "voor 1 juli 2026 Aanleveren activiteitenoverzicht" in tekst
