import datetime
import io

import pytest
from django.core.management.base import CommandError

from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Ondertekening, Overeenkomst, Stap
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gemeente, Organisatie
from monitoring.management.commands.bench import bench_werkboek
from monitoring.werkboek.reader import lees_werkboek
from tests import factories
from tests.monitoring.werkboeken import (
    HOOGEVEEN,
    JAARSCHIJF_2026,
    PRESTATIEAFSPRAKEN_2023,
    als_bestand,
    bewerk,
    importeer,
    tel_rijen,
    zet_cel,
)
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db


def test_import_maakt_de_jaarschijf_met_alles_eronder():
    uitvoer = importeer(JAARSCHIJF_2026)

    assert "Jaarschijf 2026 van Borger-Odoorn" in uitvoer and "geïmporteerd" in uitvoer
    assert "22 afspraken" in uitvoer
    gemeente = Gemeente.objects.get(naam="Borger-Odoorn")
    assert gemeente.cbs_code == "GM1681"
    overeenkomst = Overeenkomst.objects.get(gemeente=gemeente)
    assert overeenkomst.periode == "2024-2028"
    assert [p.organisatie.afkorting for p in overeenkomst.partijrollen.order_by("volgorde")] == [
        "BO",
        "LF",
        "WS",
        "HVSS",
        "HU",
    ]
    assert Organisatie.objects.get(afkorting="BO").gemeente == gemeente
    assert overeenkomst.themas.count() == 6
    jaarschijf = Jaarschijf.objects.get(overeenkomst=overeenkomst, jaar=2026)
    assert jaarschijf.plaats == "Exloo"
    assert jaarschijf.datum == datetime.date(2025, 11, 20)
    assert jaarschijf.geldig_tot == datetime.date(2026, 12, 31)
    assert jaarschijf.inleiding.startswith("De jaarschijf 2026")
    assert Jaarafspraak.objects.filter(jaarschijf=jaarschijf).count() == 22
    afspraak = Afspraak.objects.get(overeenkomst=overeenkomst, code="1.1")
    assert [t.afkorting for t in afspraak.trekkers.all()] == ["LF"]
    assert Afspraak.objects.get(overeenkomst=overeenkomst, code="1.3").trekkers.count() == 5
    assert Voorraadmutatie.objects.filter(jaarschijf=jaarschijf).count() == 24
    # An empty aantal is unknown, not 0.
    assert Voorraadmutatie.objects.filter(jaarschijf=jaarschijf, aantal__isnull=True).exists()
    stand = Voorraadstand.objects.get(jaarschijf=jaarschijf, corporatie__afkorting="LF")
    assert (stand.aantal, stand.peildatum) == (1129, datetime.date(2025, 12, 31))
    assert stand.segment.naam == "sociale huur (DAEB)"
    assert list(
        Ondertekening.objects.filter(jaarschijf=jaarschijf)
        .order_by("volgorde")
        .values_list("organisatie__afkorting", "naam")[:2]
    ) == [("BO", "De heer H. Zwiep"), ("BO", "Mevrouw A. Van. Tongeren")]


def test_import_zet_subafspraken_onder_hun_hoofdafspraak():
    importeer(PRESTATIEAFSPRAKEN_2023)

    afspraken = {a.code: a for a in Afspraak.objects.select_related("parent")}
    assert afspraken["A5a"].parent == afspraken["A5"]
    assert afspraken["A5b"].parent == afspraken["A5"]
    assert afspraken["B1a-2"].parent == afspraken["B1a"]
    assert afspraken["A10"].parent is None  # A10 does not fall under A1
    assert afspraken["B1a"].parent is None  # there is no B1


def test_import_maakt_stappen_per_partij():
    importeer(HOOGEVEEN)

    jaarschijf = Jaarschijf.objects.get(overeenkomst__gemeente__naam="Hoogeveen")
    stappen = Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf)
    # 27 steps of one party and 5 the parties take together ("Gemeente + corporaties").
    assert stappen.count() == 32
    eerste = stappen.filter(jaarafspraak__afspraak__code="1").order_by("volgorde")
    assert [s.organisatie.afkorting for s in eerste][:3] == ["WC", "DOM", "ACT"]
    assert Voorraadstand.objects.filter(jaarschijf=jaarschijf).count() == 40


def test_tweede_import_verdubbelt_niets():
    importeer(JAARSCHIJF_2026)
    voor = tel_rijen()

    uitvoer = importeer(JAARSCHIJF_2026)

    assert tel_rijen() == voor
    assert "nieuw" not in uitvoer


def test_import_hergebruikt_bestaande_gemeente_en_organisaties():
    gemeente = factories.GemeenteFactory(naam="Borger-Odoorn", cbs_code="GM1681")
    lefier = factories.OrganisatieFactory(naam="Lefier", afkorting="LF")

    importeer(JAARSCHIJF_2026)
    importeer(PRESTATIEAFSPRAKEN_2023)

    assert Gemeente.objects.filter(naam="Borger-Odoorn").get() == gemeente
    assert Organisatie.objects.filter(naam__iexact="lefier").get() == lefier
    assert Organisatie.objects.filter(type=OrganisatieType.GEMEENTE).count() == 1
    assert Overeenkomst.objects.filter(gemeente=gemeente).count() == 2
    assert set(lefier.overeenkomsten.values_list("titel", flat=True)) == set(
        Overeenkomst.objects.values_list("titel", flat=True)
    )


def test_import_werkt_bij_wat_in_het_werkboek_veranderd_is(tmp_path):
    importeer(JAARSCHIJF_2026)

    def wijzig(werkboek):
        zet_cel(werkboek["afspraken"], 2, "inhoud", "Nieuwe tekst van 1.1")
        zet_cel(werkboek["voorraadstand"], 2, "aantal", "1.130")

    uitvoer = importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, wijzig)))

    assert "1 gewijzigd" in uitvoer
    assert Afspraak.objects.get(code="1.1").inhoud == "Nieuwe tekst van 1.1"
    assert Voorraadstand.objects.get(corporatie__afkorting="LF").aantal == 1130
    assert Afspraak.objects.count() == 22


def test_import_noemt_de_gebruiker_in_de_geschiedenis():
    gebruiker = factories.GebruikerFactory(username="importeur", is_superuser=True)

    importeer(JAARSCHIJF_2026, gebruiker="importeur")

    afspraak = Afspraak.objects.get(code="1.1")
    assert {h.history_user for h in afspraak.history.all()} == {gebruiker}


def test_import_als_iemand_zonder_recht_wordt_geweigerd():
    """The command acts as the named person, with that person's rights only."""
    factories.GebruikerFactory(username="buitenstaander")

    with pytest.raises(CommandError, match="mag geen werkboeken"):
        importeer(JAARSCHIJF_2026, gebruiker="buitenstaander")
    assert not Afspraak.objects.exists()


def test_bench_werkboek_heeft_de_afgesproken_omvang():
    werkboek = lees_werkboek(io.BytesIO(bench_werkboek()))

    assert len(werkboek.afspraken) == 100
    assert len(werkboek.voorraad) + len(werkboek.voorraadstand) == 500
    assert sum(1 for afspraak in werkboek.afspraken if afspraak.parent) == 80
    assert werkboek.waarschuwingen == []
