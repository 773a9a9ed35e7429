"""The start page as a task list (issue #15, point 1): per kind of task a card with its
count in the heading, each line leading to the exact place: open remarks for the gemeente,
concept jaarschijven to finish, zienswijzen still to give, progress to report, deadlines
overdue and coming. Only the parties concerned see a card."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Jaarafspraak
from gemeenten.constants import Rol
from monitoring.models_voortgang import Agendapunt
from monitoring.voortgang import voortgang_melden, zienswijzen_geven
from monitoring.voortgang.zienswijzen import Oordeelregel
from tests import factories
from tests.monitoring.test_start import START, jaarschijf_url, kaart, telling
from tests.wereld import lid, paginawereld, partijen

pytestmark = pytest.mark.django_db

TZ = datetime.UTC


def _html(client, gebruiker) -> str:
    client.force_login(gebruiker)
    return client.get(START).content.decode()


def test_open_opmerkingen_per_jaarschijf_for_the_gemeente(client):
    opbouw = paginawereld(3, status=JaarschijfStatus.TER_BESPREKING)
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    for _ in range(2):
        factories.OpmerkingFactory(
            jaarafspraak=ja, auteur=opbouw.huurders_gebruiker, organisatie=opbouw.huurders
        )
    factories.OpmerkingFactory(
        jaarafspraak=ja,
        auteur=opbouw.huurders_gebruiker,
        organisatie=opbouw.huurders,
        afgehandeld=True,
    )
    # A deleted one is a placeholder, waiting for nothing.
    factories.OpmerkingFactory(
        jaarafspraak=ja,
        auteur=opbouw.huurders_gebruiker,
        organisatie=opbouw.huurders,
        tekst="",
        verwijderd_door=opbouw.huurders_gebruiker,
        verwijderd_op=datetime.datetime(2025, 11, 1, tzinfo=TZ),
    )
    # Another gemeente's remark is not this gemeente's work.
    factories.OpmerkingFactory(auteur=opbouw.buitenstaander)

    html = _html(client, opbouw.gemeente_gebruiker)
    assert telling(html, "Opmerkingen afhandelen") == 2
    regel = kaart(html, "Opmerkingen afhandelen")
    assert f"{jaarschijf_url(opbouw.jaarschijf)}#kop-open-opmerkingen" in regel
    assert "2 open opmerkingen" in regel

    # Corporatie and huurders do not handle remarks: no card for them.
    for gebruiker in (opbouw.corporatie_gebruiker, opbouw.huurders_gebruiker):
        assert telling(_html(client, gebruiker), "Opmerkingen afhandelen") is None


def test_concept_jaarschijven_to_finish_for_the_gemeente(client):
    opbouw = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    html = _html(client, opbouw.gemeente_gebruiker)
    regel = kaart(html, "Concept afronden")
    assert jaarschijf_url(opbouw.jaarschijf) in regel
    assert telling(html, "Concept afronden") == 2  # 2026 and 2025, both concept
    assert telling(_html(client, opbouw.corporatie_gebruiker), "Concept afronden") is None


def test_zienswijzen_still_to_give_for_the_huurders(client):
    opbouw = paginawereld(3, status=JaarschijfStatus.TER_BESPREKING)
    url = reverse("monitoring:zienswijzen", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    html = _html(client, opbouw.huurders_gebruiker)
    assert telling(html, "Zienswijzen geven") == 3
    assert url in kaart(html, "Zienswijzen geven")
    assert "3 van 3 afspraken nog zonder uw zienswijze" in html

    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).select_related("jaarschijf")[0]
    zienswijzen_geven(regels=[Oordeelregel(ja, "akkoord")], door=opbouw.huurders_gebruiker)
    assert telling(_html(client, opbouw.huurders_gebruiker), "Zienswijzen geven") == 2
    assert telling(_html(client, opbouw.corporatie_gebruiker), "Zienswijzen geven") is None


def test_progress_to_report_for_the_trekker(client):
    with time_machine.travel(datetime.datetime(2026, 5, 1, 10, tzinfo=TZ), tick=False):
        opbouw = paginawereld(4, status=JaarschijfStatus.VASTGESTELD)
        eigen = list(
            Jaarafspraak.objects.filter(
                jaarschijf=opbouw.jaarschijf, afspraak__trekkers=opbouw.corporatie
            ).select_related("jaarschijf", "afspraak")
        )
        url = reverse("monitoring:voortgang", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
        html = _html(client, opbouw.corporatie_gebruiker)
        assert telling(html, "Voortgang melden") == len(eigen) > 0
        assert url in kaart(html, "Voortgang melden")

        voortgang_melden(
            jaarafspraak=eigen[0],
            versie=eigen[0].versie,
            status=Voortgang.OP_KOERS,
            door=opbouw.corporatie_gebruiker,
        )
        html = _html(client, opbouw.corporatie_gebruiker)
        assert telling(html, "Voortgang melden") == len(eigen) - 1
        # Huurders report no progress.
        assert telling(_html(client, opbouw.huurders_gebruiker), "Voortgang melden") is None


def test_deadlines_overdue_and_coming_for_the_parties_concerned(client):
    with time_machine.travel(datetime.datetime(2026, 6, 20, 10, tzinfo=TZ), tick=False):
        opbouw = paginawereld(1, status=JaarschijfStatus.TER_BESPREKING)
        verlopen = Agendapunt.objects.create(
            jaarschijf=opbouw.jaarschijf,
            wanneer="1 maart",
            datum=datetime.date(2026, 3, 1),
            wat="Evaluatie <vorig jaar>",
        )
        komend = Agendapunt.objects.create(
            jaarschijf=opbouw.jaarschijf,
            wanneer="1 juli",
            datum=datetime.date(2026, 7, 1),
            wat="Overleg bod",
        )
        later = Agendapunt.objects.create(
            jaarschijf=opbouw.jaarschijf,
            wanneer="1 oktober",
            datum=datetime.date(2026, 10, 1),
            wat="Te ver weg",
        )
        for punt in (verlopen, komend, later):
            punt.wie.set([opbouw.corporatie])

        html = _html(client, opbouw.corporatie_gebruiker)
        regel = kaart(html, "Termijnen")
        agenda = reverse("monitoring:agenda", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
        assert "Evaluatie &lt;vorig jaar&gt;" in regel and "Overleg bod" in regel
        assert "Te ver weg" not in regel
        assert agenda in regel
        # The Woningwet cycle: the bod before 1 July, on the gemeente's calendar.
        kalender = reverse(
            "monitoring:kalender", kwargs={"gemeente_pk": opbouw.overeenkomst.gemeente_id}
        )
        assert kalender in regel and "1 juli 2026" in regel
        assert telling(html, "Termijnen") == 3

        # Rows naming the corporatie are not the huurders' work; nor is the cycle.
        assert telling(_html(client, opbouw.huurders_gebruiker), "Termijnen") is None


def _meer_overeenkomsten(opbouw, aantal: int) -> None:
    """`aantal` more agreements of the same parties, with a jaarschijf in each open status,
    remarks, verdicts, deadlines and a line to sign: every card gets more rows."""
    statussen = [
        JaarschijfStatus.CONCEPT,
        JaarschijfStatus.TER_BESPREKING,
        JaarschijfStatus.VASTGESTELD,
    ]
    for _ in range(aantal):
        overeenkomst = factories.OvereenkomstFactory(gemeente=opbouw.overeenkomst.gemeente)
        partijen(overeenkomst, [opbouw.gemeente, opbouw.corporatie, opbouw.huurders])
        thema = factories.ThemaFactory(overeenkomst=overeenkomst)
        for j, status in enumerate(statussen):
            # The vastgesteld one is this year's: progress to report.
            js = factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=2024 + j)
            afspraak = factories.AfspraakFactory(overeenkomst=overeenkomst, thema=thema)
            afspraak.trekkers.set([opbouw.corporatie])
            ja = factories.JaarafspraakFactory(jaarschijf=js, afspraak=afspraak)
            factories.OpmerkingFactory(
                jaarafspraak=ja, auteur=opbouw.huurders_gebruiker, organisatie=opbouw.huurders
            )
            punt = Agendapunt.objects.create(
                jaarschijf=js, wanneer="1 maart", datum=datetime.date(2026, 3, 1), wat="Oud"
            )
            punt.wie.set([opbouw.corporatie])
            factories.OndertekeningFactory(jaarschijf=js, organisatie=opbouw.corporatie)
            factories.zet_status(js, status)


@pytest.mark.parametrize("wie", ["gemeente_gebruiker", "corporatie_gebruiker", "huurders"])
def test_the_task_list_costs_the_same_queries_for_one_agreement_or_many(client, wie):
    tellingen = []
    with time_machine.travel(datetime.datetime(2026, 6, 20, 10, tzinfo=TZ), tick=False):
        opbouw = paginawereld(2, status=JaarschijfStatus.TER_BESPREKING)
        gebruiker = {
            "gemeente_gebruiker": opbouw.gemeente_gebruiker,
            "corporatie_gebruiker": lid(opbouw.corporatie, Rol.ONDERTEKENAAR),
            "huurders": opbouw.huurders_gebruiker,
        }[wie]
        client.force_login(gebruiker)
        for extra in (0, 4):
            _meer_overeenkomsten(opbouw, extra)
            client.get(START)  # sessions and caches warm
            with CaptureQueriesContext(connection) as vastgelegd:
                html = client.get(START).content.decode()
            tellingen.append(len(vastgelegd.captured_queries))
        # Every card of the role got the extra rows; none cost a query of its own.
        kaarten = {
            "gemeente_gebruiker": ["Opmerkingen afhandelen", "Concept afronden"],
            "corporatie_gebruiker": [
                "Cijfers aanleveren",
                "Te ondertekenen",
                "Voortgang melden",
                "Termijnen",
            ],
            "huurders": ["Te bespreken", "Zienswijzen geven"],
        }[wie]
        for kop in kaarten:
            assert telling(html, kop) >= 4, kop
    assert tellingen[0] == tellingen[1], tellingen
