"""A corporatie downloads and uploads its own figures (issue 12, point 5): xlsx and CSV,
unknown and zero round-trip, only its own rows (also in a crafted file), all or nothing,
errors in Dutch by sheet, row and column."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.monitoring.werkboeken import bewerk, zet_cel
from tests.wereld import autorisatiewereld
from voorraad.models import Voorraadmutatie

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


@pytest.fixture
def c1_client(client, sc):
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    return client


def url(js, naam):
    return reverse(f"monitoring:{naam}", kwargs={"jaarschijf_pk": js.pk})


def download(client, js, **params):
    response = client.get(url(js, "voorraad-download"), params)
    assert response.status_code == 200
    return response.content


def upload(client, js, inhoud, naam="voorraad.xlsx"):
    bestand = SimpleUploadedFile(naam, inhoud if isinstance(inhoud, bytes) else inhoud.getvalue())
    return client.post(url(js, "voorraad-upload"), {"bestand": bestand})


def test_download_holds_only_the_own_figures(c1_client, sc):
    sc.a.mutaties[1].aantal = 4321
    sc.a.mutaties[1].save()
    boek = openpyxl.load_workbook(io.BytesIO(download(c1_client, sc.a.jaarschijf)))
    assert boek.sheetnames == ["voorraad", "voorraadstand", "segmenten"]
    rijen = list(boek["voorraad"].iter_rows(values_only=True))
    assert rijen[0][:5] == ("corporatie", "categorie", "periode", "soort", "aantal")
    assert [r[0] for r in rijen[1:]] == ["C1"]
    assert 4321 not in [r[4] for r in rijen]


def test_xlsx_round_trip_keeps_unknown_and_zero_apart(c1_client, sc):
    js = sc.a.jaarschijf

    def wijzig(boek):
        zet_cel(boek["voorraad"], 2, "aantal", "-")  # unknown
        boek["voorraad"].append(["C1", "sloop", 2026, "prognose", "-17"])
        boek["voorraad"].append(["C1", "verkoop", 2026, "realisatie", 0])

    response = upload(c1_client, js, bewerk(download(c1_client, js), wijzig))
    assert response.status_code == 302
    eigen = Voorraadmutatie.objects.filter(jaarschijf=js, corporatie=sc.c1)
    assert {(m.categorie.naam, m.soort, m.aantal) for m in eigen} == {
        ("nieuwbouw", "prognose", None),
        ("sloop", "prognose", -17),
        ("verkoop", "realisatie", 0),
    }
    rijen = list(
        openpyxl.load_workbook(io.BytesIO(download(c1_client, js)))["voorraad"].iter_rows(
            values_only=True
        )
    )
    assert {(r[1], r[4]) for r in rijen[1:]} == {("nieuwbouw", "-"), ("sloop", -17), ("verkoop", 0)}
    assert Voorraadmutatie.objects.get(pk=sc.a.mutaties[1].pk).aantal == 10  # C2 untouched


def test_csv_round_trip(c1_client, sc):
    js = sc.a.jaarschijf
    tekst = download(c1_client, js, formaat="csv", blad="voorraadstand").decode()
    assert tekst.splitlines()[0].startswith("corporatie;segment;jaar")
    tekst += (
        "C1;zorgwoningen;2025;realisatie;-;;\nC1;woonwagens;;realisatie;0;2021-11-01;* geteld\n"
    )
    assert upload(c1_client, js, tekst.encode(), "standen.csv").status_code == 302
    terug = download(c1_client, js, formaat="csv", blad="voorraadstand").decode()
    assert "C1;zorgwoningen;2025;realisatie;;;" in terug  # unknown: empty, not 0
    assert "C1;woonwagens;2021;realisatie;0;2021-11-01;* geteld" in terug


def test_a_crafted_file_with_another_corporaties_row_writes_nothing(c1_client, sc):
    js = sc.a.jaarschijf
    voor = list(Voorraadmutatie.objects.order_by("pk").values_list("pk", "aantal"))

    def wijzig(boek):
        boek["voorraad"].append(["C1", "sloop", 2026, "prognose", 5])
        boek["voorraad"].append(["C2", "nieuwbouw", 2026, "prognose", 999])

    response = upload(c1_client, js, bewerk(download(c1_client, js), wijzig))
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "voorraad, rij 4, kolom corporatie: u levert alleen de cijfers van Corporatie Een aan"
        in html
    )
    assert list(Voorraadmutatie.objects.order_by("pk").values_list("pk", "aantal")) == voor


def test_bad_cells_are_named_in_dutch(c1_client, sc):
    js = sc.a.jaarschijf
    inhoud = bewerk(download(c1_client, js), lambda b: zet_cel(b["voorraad"], 2, "aantal", "tien"))
    html = upload(c1_client, js, inhoud).content.decode()
    assert "voorraad, rij 2, kolom aantal: &#x27;tien&#x27; is geen geheel getal" in html


@pytest.mark.parametrize("rol", ["gemeente_medewerker", "huurders_medewerker", "superuser"])
def test_only_a_corporatie_downloads_and_uploads_its_own(client, sc, rol):
    client.force_login(sc.gebruiker(rol))
    assert client.get(url(sc.a.jaarschijf, "voorraad-download")).status_code == 403
    assert client.post(url(sc.a.jaarschijf, "voorraad-upload")).status_code == 403
