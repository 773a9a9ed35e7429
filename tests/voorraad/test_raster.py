"""voorraad/raster.py: the one grid both stock tables are built from, and its one partial."""

import datetime

import pytest
from django.urls import reverse

from gemeenten.models import Organisatie
from tests.wereld import autorisatiewereld
from voorraad import raster
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand

NIEUWBOUW = Categorie(pk=1, naam="nieuwbouw", volgorde=1)
SLOOP = Categorie(pk=2, naam="sloop", volgorde=2)


def mutatie(categorie, van, tot, soort, aantal, corporatie=None):
    corporatie = corporatie or Organisatie(pk=1, naam="Woonservice")
    return Voorraadmutatie(
        categorie=categorie,
        corporatie=corporatie,
        jaar_van=van,
        jaar_tot=tot,
        soort=soort,
        aantal=aantal,
    )


def test_raster_rows_columns_and_realisatie_before_prognose():
    cijfers = [
        mutatie(SLOOP, 2027, 2027, CijferSoort.PROGNOSE, 4),
        mutatie(NIEUWBOUW, 2026, 2027, CijferSoort.PROGNOSE, 10),
        mutatie(NIEUWBOUW, 2026, 2027, CijferSoort.REALISATIE, 8),
    ]
    grid = raster.mutatieraster(cijfers)
    assert grid.kolommen == ["2026/2027", "2027"]
    assert [label for label, _ in grid.rijen] == ["nieuwbouw", "sloop"]
    nieuwbouw, sloop = (cellen for _, cellen in grid.rijen)
    assert [c.aantal for c in nieuwbouw[0]] == [8, 10]
    assert nieuwbouw[1] == [] and [c.aantal for c in sloop[1]] == [4]


def test_standraster_columns_are_peildata_and_cel_van_wraps_figures():
    segment = Segment(pk=1, naam="DAEB", volgorde=1)
    stand = Voorraadstand(
        segment=segment, peildatum=datetime.date(2025, 12, 31), soort=CijferSoort.REALISATIE
    )
    grid = raster.standraster([stand], cel_van=lambda s: ("invoer", s))
    assert grid.kolommen == ["31-12-2025"]
    assert grid.rijen == [("DAEB", [[("invoer", stand)]])]


def test_per_corporatie_one_grid_each_by_name():
    b = Organisatie(pk=2, naam="Beter Wonen")
    a = Organisatie(pk=3, naam="Acantus")
    grids = raster.per_corporatie(
        [
            mutatie(NIEUWBOUW, 2026, 2026, CijferSoort.PROGNOSE, 1, b),
            mutatie(NIEUWBOUW, 2026, 2026, CijferSoort.PROGNOSE, 2, a),
        ],
        raster.mutatieraster,
    )
    assert [g.corporatie.naam for g in grids] == ["Acantus", "Beter Wonen"]


@pytest.mark.django_db
def test_edit_page_puts_realisatie_and_prognose_of_a_period_in_one_column(client):
    sc = autorisatiewereld()
    eigen = sc.a.mutaties[0]
    Voorraadmutatie.objects.create(
        jaarschijf=eigen.jaarschijf,
        corporatie=eigen.corporatie,
        categorie=eigen.categorie,
        jaar_van=eigen.jaar_van,
        jaar_tot=eigen.jaar_tot,
        soort=CijferSoort.REALISATIE
        if eigen.soort == CijferSoort.PROGNOSE
        else CijferSoort.PROGNOSE,
        aantal=3,
    )
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    response = client.get(
        reverse("voorraad:cijfers-bewerken", kwargs={"jaarschijf_pk": eigen.jaarschijf_id})
    )
    grid = response.context["form"].mutatieraster()
    assert grid.kolommen == [eigen.periode]
    (_, [cel]) = grid.rijen[0]
    assert [i.cijfer.soort for i in cel] == [CijferSoort.REALISATIE, CijferSoort.PROGNOSE]
    html = response.content.decode()
    assert f">{eigen.periode}</th>" in html
    assert f"{eigen.categorie.naam}, {eigen.periode} realisatie</label>" in html


def test_notes_follow_the_table_as_the_document_prints_them():
    from django.template.loader import render_to_string

    vijftallen = Categorie(pk=3, naam="verkoop", volgorde=3, toelichting="* Afgerond op vijftallen")
    m = mutatie(vijftallen, 2026, 2027, CijferSoort.PROGNOSE, None)
    m.toelichting = "De aantallen in de laatste kolom laten een verwachting zien."
    tabel = raster.mutatieraster([m, mutatie(NIEUWBOUW, 2025, 2025, CijferSoort.REALISATIE, 3)])
    assert tabel.noten == [("verkoop", "* Afgerond op vijftallen")]
    html = render_to_string(
        "voorraad/_cijfertabel.html", {"raster": tabel, "kop": "k", "rijkop": "Categorie"}
    )
    assert "verkoop: * Afgerond op vijftallen" in html
    assert "De aantallen in de laatste kolom laten een verwachting zien." in html
