"""The calendar (issue #11, point 4): dates read from the documents' words, the Woningwet
cycle with its defaults and a gemeente's own deadlines, overdue agenda rows on the start page
of the parties concerned only, and the personal iCalendar feed behind a secret token."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from afspraken.bevriezing import Bevroren
from afspraken.constants import JaarschijfStatus
from monitoring.constants import AgendaSoort
from monitoring.ical import ical
from monitoring.kalender import KalenderItem, datum_uit_tekst
from monitoring.models_voortgang import Agendapunt, Kalendertoken
from monitoring.selectors.kalender import cyclus, gemeente_kalender
from monitoring.voortgang import (
    agendapunt_afronden,
    agendapunt_vastleggen,
    cyclusmoment_vastleggen,
    kalendertoken_vernieuwen,
)
from tests import factories
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("tekst", "jaar", "datum"),
    [
        ("2026-03-01", None, D(2026, 3, 1)),
        ("voor 1 juli 2022", None, D(2022, 7, 1)),
        ("uiterlijk 15 december", 2026, D(2026, 12, 15)),
        ("Q1 2026", None, D(2026, 3, 31)),
        ("Q4", 2025, D(2025, 12, 31)),
        ("1-9-2026", None, D(2026, 9, 1)),
        ("1 sept.", 2026, D(2026, 9, 1)),
        ("najaar", 2026, None),
        ("31 februari 2026", None, None),
        ("2021-2024", None, None),
    ],
)
def test_dates_are_read_from_the_documents_words(tekst, jaar, datum):
    assert datum_uit_tekst(tekst, jaar) == datum


def test_the_cycle_has_the_laws_defaults_until_a_gemeente_sets_its_own():
    sc = autorisatiewereld()
    gemeente = sc.a.gemeente
    standaard = cyclus([gemeente], [2026])
    assert [(i.datum, i.soort) for i in standaard] == [
        (D(2026, 7, 1), AgendaSoort.ACTIVITEITENOVERZICHT),
        (D(2026, 12, 15), AgendaSoort.ONDERTEKENING),
    ]
    door = sc.gebruiker("gemeente_medewerker")
    for maand, dag in ((4, 1), (9, 1), (12, 15)):
        cyclusmoment_vastleggen(gemeente=gemeente, wat="Termijn", maand=maand, dag=dag, door=door)
    assert [i.datum for i in cyclus([gemeente], [2026])] == [
        D(2026, 4, 1),
        D(2026, 9, 1),
        D(2026, 12, 15),
    ]
    with pytest.raises(PermissionDenied):
        cyclusmoment_vastleggen(
            gemeente=gemeente, wat="x", maand=1, dag=1, door=sc.gebruiker("corporatie_medewerker")
        )


def test_agenda_rows_are_content_ticking_off_is_progress():
    sc = autorisatiewereld()
    gemeente = sc.gebruiker("gemeente_medewerker")
    punt = agendapunt_vastleggen(
        jaarschijf=sc.a.jaarschijf,
        wanneer="voor 1 juli",
        wat="Aanleveren activiteitenoverzicht",
        wie=[sc.c1],
        soort=AgendaSoort.ACTIVITEITENOVERZICHT,
        door=gemeente,
    )
    assert punt.datum == D(2026, 7, 1)
    with pytest.raises(PermissionDenied):
        agendapunt_vastleggen(
            jaarschijf=sc.a.jaarschijf,
            wanneer="Q1",
            wat="x",
            door=sc.gebruiker("corporatie_medewerker"),
        )
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.VASTGESTELD)
    with pytest.raises(Bevroren):
        agendapunt_vastleggen(jaarschijf=sc.a.jaarschijf, wanneer="Q1", wat="x", door=gemeente)
    punt.refresh_from_db()
    agendapunt_afronden(agendapunt=punt, versie=punt.versie, door=gemeente)
    assert Agendapunt.objects.get().afgerond


def test_overdue_rows_reach_the_start_page_of_the_parties_concerned(client):
    sc = autorisatiewereld()
    punt = Agendapunt.objects.create(
        jaarschijf=sc.a.jaarschijf, wanneer="1 maart 2020", datum=D(2020, 3, 1), wat="Bod <C1>"
    )
    punt.wie.set([sc.c1])
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    html = client.get(reverse("monitoring:start")).content.decode()
    assert "Verlopen agendapunten" in html and "Bod &lt;C1&gt;" in html
    client.force_login(sc.gebruiker("huurders_medewerker"))
    assert "Bod &lt;C1&gt;" not in client.get(reverse("monitoring:start")).content.decode()


def test_the_gemeente_calendar_holds_cycle_and_agenda(client):
    sc = autorisatiewereld()
    Agendapunt.objects.create(
        jaarschijf=sc.a.jaarschijf, wanneer="Q1 2026", datum=D(2026, 3, 31), wat="Evaluatie"
    )
    items = gemeente_kalender(sc.gebruiker("huurders_medewerker"), sc.a.gemeente, 2026)
    assert [i.wat for i in items] == [
        "Evaluatie",
        "Bod / activiteitenoverzicht corporaties",
        "Ondertekening prestatieafspraken",
    ]
    client.force_login(sc.gebruiker("huurders_medewerker"))
    url = reverse("monitoring:kalender", kwargs={"gemeente_pk": sc.b.gemeente.pk})
    assert client.get(url).status_code == 403


def test_the_ical_feed_is_read_with_the_token_and_a_new_token_ends_the_old(client):
    sc = autorisatiewereld()
    Agendapunt.objects.create(
        jaarschijf=sc.a.jaarschijf,
        wanneer="1 april",
        datum=D(2026, 4, 1),
        wat="Overleg; bestuurlijk, met <allen>",
    )
    gebruiker = sc.gebruiker("corporatie_medewerker")
    client.force_login(gebruiker)
    client.post(reverse("monitoring:mijn-kalender"))
    token = Kalendertoken.objects.get(gebruiker=gebruiker).token
    client.logout()
    url = reverse("monitoring:kalender-ics", kwargs={"token": token})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    tekst = response.content.decode()
    assert tekst.startswith("BEGIN:VCALENDAR\r\n") and "DTSTART;VALUE=DATE:20260401" in tekst
    assert "SUMMARY:Overleg\\; bestuurlijk\\, met <allen> (Aadorp)" in tekst.replace("\r\n ", "")
    assert "Beekdorp" not in tekst
    kalendertoken_vernieuwen(door=gebruiker)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("monitoring:kalender-ics", kwargs={"token": "ongeldig"})).status_code
        == 404
    )


def test_ical_lines_are_folded_at_75_octets():
    item = KalenderItem(
        datum=D(2026, 7, 1), wanneer="", wat="é" * 100, soort="overig", gemeente=None, uid="x"
    )
    for regel in ical([item], naam="Test").decode().split("\r\n"):
        assert len(regel.encode()) <= 75


def test_the_gemeente_sets_its_own_deadlines_on_the_cycle_page(client):
    sc = autorisatiewereld()
    url = reverse("monitoring:jaarcyclus", kwargs={"gemeente_pk": sc.a.gemeente.pk})
    data = {
        "wat": "Activiteitenoverzicht <WS>",
        "soort": "activiteitenoverzicht",
        "dag": 1,
        "maand": 4,
    }
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    assert "1-7" in client.get(url).content.decode()  # the law's default
    assert client.post(url, data).status_code == 403
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    assert client.post(url, {**data, "dag": 31, "maand": 2}).status_code == 200
    assert client.post(url, data).status_code == 302
    html = client.get(url).content.decode()
    assert "Activiteitenoverzicht &lt;WS&gt;" in html and "(standaard)" not in html
    assert [i.datum for i in cyclus([sc.a.gemeente], [2026])] == [D(2026, 4, 1)]
