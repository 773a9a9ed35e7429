"""E-mail (issue #11, point 6): a jaarschijf going ter bespreking mails the parties' people,
one ready to sign mails the ondertekenaars still to sign, a deadline a week ahead mails the
parties it names; each person can switch each kind off (Django's outbox)."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from afspraken import services as afspraken_services
from monitoring.berichten import termijnen_melden
from monitoring.models_voortgang import Agendapunt
from monitoring.voortgang import berichtinstelling_bijwerken
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def _ontvangers(mailoutbox) -> set[str]:
    return {adres for bericht in mailoutbox for adres in bericht.to}


def test_ter_bespreking_mails_the_parties_and_not_who_switched_it_off(
    mailoutbox, django_capture_on_commit_callbacks
):
    sc = autorisatiewereld()
    huurder = sc.gebruiker("huurders_medewerker")
    berichtinstelling_bijwerken(door=huurder, uit=["ter_bespreking"])
    with django_capture_on_commit_callbacks(execute=True):
        afspraken_services.jaarschijf_ter_bespreking(
            jaarschijf=sc.a.jaarschijf, door=sc.gebruiker("gemeente_medewerker")
        )
    ontvangers = _ontvangers(mailoutbox)
    assert sc.gebruiker("corporatie_medewerker").email in ontvangers
    assert huurder.email not in ontvangers
    assert sc.collega[sc.c3.pk].email not in ontvangers  # another gemeente's corporatie
    assert "ter bespreking" in mailoutbox[0].subject
    assert f"/overeenkomsten/jaarschijven/{sc.a.jaarschijf.pk}/" in mailoutbox[0].body


def test_vaststellen_mails_the_ondertekenaars_still_to_sign(
    mailoutbox, django_capture_on_commit_callbacks
):
    sc = autorisatiewereld()
    gemeente = sc.gebruiker("gemeente_medewerker")
    with django_capture_on_commit_callbacks(execute=True):
        afspraken_services.jaarschijf_ter_bespreking(jaarschijf=sc.a.jaarschijf, door=gemeente)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        afspraken_services.jaarschijf_vaststellen(jaarschijf=sc.a.jaarschijf, door=gemeente)
    assert _ontvangers(mailoutbox) == {sc.gebruiker("corporatie_ondertekenaar").email}


def test_a_deadline_a_week_ahead_mails_the_parties_it_names(mailoutbox):
    sc = autorisatiewereld()
    vandaag = datetime.date(2026, 6, 24)
    punt = Agendapunt.objects.create(
        jaarschijf=sc.a.jaarschijf,
        wanneer="voor 1 juli",
        datum=datetime.date(2026, 7, 1),
        wat="Bod",
    )
    punt.wie.set([sc.c1])
    berichtinstelling_bijwerken(door=sc.gebruiker("corporatie_ondertekenaar"), uit=["termijn"])
    assert termijnen_melden(vandaag=vandaag - datetime.timedelta(days=1)) == 0
    termijnen_melden(vandaag=vandaag)
    ontvangers = _ontvangers(mailoutbox)
    assert sc.gebruiker("corporatie_medewerker").email in ontvangers
    assert sc.gebruiker("corporatie_ondertekenaar").email not in ontvangers
    assert sc.gebruiker("huurders_medewerker").email not in ontvangers
    assert "Bod" in mailoutbox[0].subject
    call_command("termijnen_melden", "--dagen", "7")  # the daily command runs


def test_each_person_switches_each_kind_on_or_off(client):
    sc = autorisatiewereld()
    client.force_login(sc.gebruiker("huurders_medewerker"))
    url = reverse("monitoring:berichten")
    assert client.post(url, {"aan": ["termijn"]}).status_code == 302
    form = client.get(url).context["form"]
    assert form.initial["aan"] == ["termijn"]
