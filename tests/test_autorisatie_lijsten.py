"""Lists and exports show nothing of agreements the user is no party to. The tests only GET,
so they share one authorization world, built once for the module (tests/wereld.py)."""

import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from tests.wereld import autorisatiewereld, voor_de_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def gedeelde_wereld(django_db_setup, django_db_blocker):
    """The authorization world, built once for this module and rolled back after it."""
    with voor_de_module(django_db_blocker, autorisatiewereld) as sc:
        yield sc


# --- Lists and exports show nothing of agreements the user is no party to -------------------

# Every object of gemeente B carries "Beekdorp" or "C3"; the second agreement of gemeente A
# (parties: the gemeente and C2) carries "Convenant", "convenant" or "Bouwopgave".
MERKEN_ANDERE_GEMEENTE = ["Beekdorp", "Afspraak van C3", "Stap van C3"]
MERKEN_ANDERE_OVEREENKOMST = ["Convenant Aadorp", "in convenant", "Bouwopgave Aadorp"]


def tekst_van(response) -> str:
    soort = response.get("Content-Type", "")
    inhoud = b"".join(response) if response.streaming else response.content
    if "spreadsheetml" in soort:
        werkboek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True)
        return "\n".join(
            str(waarde)
            for blad in werkboek.worksheets
            for rij in blad.iter_rows(values_only=True)
            for waarde in rij
            if waarde is not None
        )
    return inhoud.decode("utf-8-sig")


@pytest.mark.parametrize(
    "rol",
    [
        "gemeente_medewerker",
        "corporatie_medewerker",
        "corporatie_ondertekenaar",
        "huurders_medewerker",
        "organisatie_beheerder",
    ],
)
def test_lists_and_exports_contain_no_other_agreements(gedeelde_wereld, rol):
    sc = gedeelde_wereld
    client = Client()
    client.force_login(sc.gebruiker(rol))
    oa = {"overeenkomst_pk": sc.a.overeenkomst.pk}
    # Filter values pointing into the other gemeente's agreement must not pull it in.
    vreemd = f"?thema={sc.b.thema.pk}&trekker={sc.c3.pk}&q=C3"
    paginas = [
        (reverse("monitoring:start"), "Prestatieafspraken Aadorp"),
        (reverse("afspraken:afspraak-lijst", kwargs=oa), "Afspraak van C1 in Aadorp"),
        (reverse("afspraken:afspraak-lijst", kwargs=oa) + vreemd, None),
        (reverse("afspraken:afspraak-export", kwargs=oa), "Afspraak van C1 in Aadorp"),
        (reverse("afspraken:afspraak-export", kwargs=oa) + "?formaat=xlsx", "Afspraak van C1"),
        (reverse("afspraken:afspraak-export", kwargs=oa) + vreemd, None),
        (reverse("afspraken:partij-overzicht", kwargs={**oa, "organisatie_pk": sc.c1.pk}), None),
        (reverse("monitoring:smart-check", kwargs=oa), None),
        (
            reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk}),
            "Afspraak van C1 in Aadorp",
        ),
        (
            reverse("monitoring:werkboek-export", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk}),
            "Afspraak van C1 in Aadorp",
        ),
    ]
    verboden = list(MERKEN_ANDERE_GEMEENTE)
    if rol != "gemeente_medewerker":
        verboden += MERKEN_ANDERE_OVEREENKOMST
    for url, moet_staan in paginas:
        response = client.get(url)
        assert response.status_code == 200, url
        tekst = tekst_van(response)
        if moet_staan:
            assert moet_staan in tekst, url
        for merk in verboden:
            assert merk not in tekst, (url, merk)


def test_start_page_of_gemeente_shows_both_own_agreements_only(gedeelde_wereld):
    sc = gedeelde_wereld
    client = Client()
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    tekst = client.get(reverse("monitoring:start")).content.decode()
    assert "Prestatieafspraken Aadorp" in tekst
    assert "Convenant Aadorp" in tekst
    assert "Beekdorp" not in tekst
