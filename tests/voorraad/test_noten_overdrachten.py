"""Notes under a table and transfers of stock (issue 12, point 1), as the Hoogeveen document
has them ("* Woonconcept: 148 DAEB eenheden zijn overgedragen aan Actium"): the gemeente
writes both, a corporatie a note under its own table only, nothing in a fixed jaarschijf."""

import pytest
from django.urls import reverse

from afspraken.constants import JaarschijfStatus
from tests import factories
from tests.wereld import autorisatiewereld
from voorraad.models import Tabelnoot, Voorraadoverdracht

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


def url(js, naam):
    return reverse(f"voorraad:{naam}", kwargs={"jaarschijf_pk": js.pk})


def test_gemeente_records_a_transfer_and_a_note_shown_under_the_tables(client, sc):
    js = sc.a.jaarschijf
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    response = client.post(
        url(js, "overdracht-toevoegen"),
        {
            "van": sc.c1.pk,
            "naar": sc.c2.pk,
            "datum": "01-02-2026",
            "aantal": "148",
            "toelichting": "collegiale samenwerking",
        },
    )
    assert response.status_code == 302
    overdracht = Voorraadoverdracht.objects.get(jaarschijf=js)
    assert (overdracht.van, overdracht.naar, overdracht.aantal) == (sc.c1, sc.c2, 148)
    client.post(
        url(js, "noot-toevoegen"),
        {"tabel": "standen", "corporatie": "", "tekst": "* Afgerond op vijftallen"},
    )
    html = client.get(url(js, "overzicht")).content.decode()
    assert "* Afgerond op vijftallen" in html
    assert "148 woningen van Corporatie Een naar Corporatie Twee op 01-02-2026" in html
    assert overdracht.history.first().history_user == sc.gebruiker("gemeente_medewerker")


def test_a_transfer_needs_two_corporaties(client, sc):
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    response = client.post(
        url(sc.a.jaarschijf, "overdracht-toevoegen"),
        {"van": sc.c1.pk, "naar": sc.c1.pk, "datum": "01-02-2026", "aantal": "5"},
    )
    assert "naar een andere" in response.content.decode()
    assert not Voorraadoverdracht.objects.exists()


def test_a_corporatie_notes_only_under_its_own_table(client, sc):
    js = sc.a.jaarschijf
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    assert client.post(url(js, "overdracht-toevoegen"), {}).status_code == 403
    # A crafted request naming another corporatie's table: not among its choices.
    response = client.post(
        url(js, "noot-toevoegen"), {"tabel": "mutaties", "corporatie": sc.c2.pk, "tekst": "x"}
    )
    assert response.status_code == 200 and not Tabelnoot.objects.exists()
    client.post(
        url(js, "noot-toevoegen"), {"tabel": "mutaties", "corporatie": sc.c1.pk, "tekst": "eigen"}
    )
    assert Tabelnoot.objects.get().corporatie == sc.c1


def test_nothing_is_added_to_a_fixed_jaarschijf(client, sc):
    js = sc.a.jaarschijf
    factories.zet_status(js, JaarschijfStatus.VASTGESTELD)
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    response = client.post(
        url(js, "noot-toevoegen"), {"tabel": "standen", "corporatie": "", "tekst": "x"}
    )
    assert response.status_code == 403
    assert not Tabelnoot.objects.exists()
