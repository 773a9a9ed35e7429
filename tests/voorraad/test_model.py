"""The stock tables as the documents hold them (issue 12, point 1): signed mutations, levels
at any peildatum, notes, nested segments with totals that count nothing twice, categories
and segments per agreement, transfers, and the migration that gave each agreement its own."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests import factories
from tests.wereld import autorisatiewereld
from voorraad import selectors, services
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadoverdracht, Voorraadstand
from voorraad.totalen import Totaal, mutatietotalen, standtotalen, telbare_standen

pytestmark = pytest.mark.django_db
R, P = CijferSoort.REALISATIE, CijferSoort.PROGNOSE
NOV = datetime.date(2021, 11, 1)


@pytest.fixture
def sc():
    return autorisatiewereld()


def test_a_mutation_carries_a_sign_a_level_does_not(sc):
    js, c1 = sc.a.jaarschijf, sc.c1
    sloop = factories.CategorieFactory(naam="sloop", overeenkomst=sc.a.overeenkomst)
    mutatie = Voorraadmutatie(
        jaarschijf=js, corporatie=c1, categorie=sloop, jaar_van=2026, jaar_tot=2026, aantal=-17
    )
    mutatie.full_clean()
    stand = Voorraadstand(
        jaarschijf=js, corporatie=c1, segment=sc.a.standen[0].segment, peildatum=NOV, aantal=-1
    )
    with pytest.raises(ValidationError, match="niet negatief"):
        stand.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Voorraadstand.objects.filter(pk=sc.a.standen[0].pk).update(aantal=-1)


def test_a_figure_cannot_use_another_agreements_category(sc):
    elders = factories.CategorieFactory(naam="transformatie", overeenkomst=sc.b.overeenkomst)
    mutatie = Voorraadmutatie(
        jaarschijf=sc.a.jaarschijf, corporatie=sc.c1, categorie=elders, jaar_van=2026, jaar_tot=2026
    )
    with pytest.raises(ValidationError, match="lijst van deze overeenkomst"):
        mutatie.full_clean()


def _importeer_mutatie(sc, wereld, corporatie, categorie):
    services.voorraadmutaties_bijwerken_bulk(
        jaarschijf=wereld.jaarschijf,
        mutaties=[services.MutatieRegel(corporatie, categorie, 2026, 2026, P, 5)],
        door=sc.gebruiker("superuser"),
    )


def test_a_new_name_from_one_gemeente_stays_in_that_gemeente(sc):
    _importeer_mutatie(sc, sc.a, sc.c1, "Transformatie")
    eigen = Categorie.objects.get(naam="Transformatie")
    assert eigen.overeenkomst == sc.a.overeenkomst
    assert "Transformatie" in [c.naam for c in selectors.categorieen(sc.a.overeenkomst.pk)]
    assert "Transformatie" not in [c.naam for c in selectors.categorieen(sc.b.overeenkomst.pk)]
    # The default list stays every agreement's to pick from.
    assert "sloop" in [c.naam for c in selectors.categorieen(sc.b.overeenkomst.pk)]


def test_an_agreements_own_row_wins_over_the_default(sc):
    eigen = factories.CategorieFactory(naam="Nieuwbouw", overeenkomst=sc.b.overeenkomst)
    _importeer_mutatie(sc, sc.b, sc.c3, "nieuwbouw")
    assert (
        Voorraadmutatie.objects.get(jaarschijf=sc.b.jaarschijf, jaar_van=2026, aantal=5).categorie
        == eigen
    )
    assert [c.naam.lower() for c in selectors.categorieen(sc.b.overeenkomst.pk)].count(
        "nieuwbouw"
    ) == 1


def test_segments_nest_within_the_agreement_and_never_in_a_circle(sc):
    door = sc.gebruiker("superuser")
    services.segmenten_bijwerken_bulk(
        jaarschijf=sc.a.jaarschijf,
        segmenten=[
            services.SegmentRegel(
                "sociale huur < aftoppingsgrens", "sociale huur (DAEB)", "* vrij"
            ),
        ],
        door=door,
    )
    deel = Segment.objects.get(naam="sociale huur < aftoppingsgrens")
    assert deel.overeenkomst == sc.a.overeenkomst
    assert deel.onderdeel_van.overeenkomst == sc.a.overeenkomst  # its own copy of the default
    assert deel.toelichting == "* vrij"
    assert (
        Segment.objects.filter(overeenkomst__isnull=True, toelichting="")
        .filter(naam="sociale huur (DAEB)")
        .exists()
    )
    with pytest.raises(ValidationError, match="deel van zichzelf"):
        services.segmenten_bijwerken_bulk(
            jaarschijf=sc.a.jaarschijf,
            segmenten=[
                services.SegmentRegel("sociale huur (DAEB)", "sociale huur < aftoppingsgrens")
            ],
            door=door,
        )


class _Stand:
    def __init__(self, corporatie_id, segment_id, aantal, peildatum=NOV, soort=R):
        self.corporatie_id, self.segment_id, self.aantal = corporatie_id, segment_id, aantal
        self.peildatum, self.soort = peildatum, soort


def test_totals_with_nested_segments_count_nothing_twice():
    # 1 sociale huur, 2 part of 1, 3 part of 2; 4 zorgwoningen on its own.
    ouders = {1: None, 2: 1, 3: 2, 4: None}
    standen = [
        _Stand(10, 1, 1000),  # counts
        _Stand(10, 2, 800),  # part of 1: already in it
        _Stand(10, 3, 300),  # part of a part: already in it
        _Stand(10, 4, 50),  # counts
        _Stand(20, 2, 400),  # corporatie 20 reports only the part: it counts
        _Stand(20, 3, 100),  # but not its own part
        _Stand(20, 4, None),  # unknown: the total is a lower bound
    ]
    assert {(s.corporatie_id, s.segment_id) for s in telbare_standen(standen, ouders)} == {
        (10, 1),
        (10, 4),
        (20, 2),
        (20, 4),
    }
    totalen = standtotalen(standen, ouders)
    assert totalen[(10, NOV, R)] == Totaal(1050, False)
    assert totalen[(20, NOV, R)] == Totaal(400, True)
    assert totalen[(None, NOV, R)] == Totaal(1450, True)


def test_mutation_totals_keep_unknown_apart_from_zero():
    class M:
        def __init__(self, aantal):
            self.categorie_id, self.jaar_van, self.jaar_tot, self.soort = 1, 2026, 2026, P
            self.aantal = aantal

    assert mutatietotalen([M(200), M(-17)])[(1, 2026, 2026, P)] == Totaal(183, False)
    assert mutatietotalen([M(0), M(None)])[(1, 2026, 2026, P)] == Totaal(0, True)
    assert mutatietotalen([M(None)])[(1, 2026, 2026, P)] == Totaal(None, True)


def test_a_transfer_goes_between_two_corporaties(sc):
    overdracht = Voorraadoverdracht(
        jaarschijf=sc.a.jaarschijf, van=sc.c1, naar=sc.c1, datum=NOV, aantal=120
    )
    with pytest.raises(ValidationError, match="naar een andere"):
        overdracht.full_clean()
    overdracht.naar = sc.c2
    overdracht.full_clean()


def test_the_migration_gives_each_agreement_its_own_rows(sc):
    """voorraad/migrations/0004: figures on one global row end up on their agreement's own."""
    gedeeld = Categorie.objects.create(naam="transformatie")  # a global name from an import
    for wereld, corporatie in ((sc.a, sc.c1), (sc.b, sc.c3)):
        factories.VoorraadmutatieFactory(
            jaarschijf=wereld.jaarschijf, corporatie=corporatie, categorie=gedeeld
        )
    migratie = importlib.import_module("voorraad.migrations.0004_eigen_lijsten")
    migratie.eigen_lijsten(apps, None)
    assert not Categorie.objects.filter(pk=gedeeld.pk).exists()
    for wereld in (sc.a, sc.b):
        mutatie = Voorraadmutatie.objects.get(
            jaarschijf=wereld.jaarschijf, categorie__naam="transformatie"
        )
        assert mutatie.categorie.overeenkomst == wereld.overeenkomst
        assert mutatie.history.first().categorie_id == mutatie.categorie_id
    # The default list stays, without agreement.
    assert Categorie.objects.filter(overeenkomst__isnull=True, naam="nieuwbouw").exists()
