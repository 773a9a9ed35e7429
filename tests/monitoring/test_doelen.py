"""Targets as data (issue #11, point 1): where a target stands, who may define it and who
may report its realised value, what a frozen jaarschijf shows, and the SMART check."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from afspraken.constants import JaarschijfStatus
from afspraken.models import JaarschijfStatuswijziging
from monitoring.constants import Richting
from monitoring.models_voortgang import Doel, Doelrealisatie
from monitoring.selectors.doelen import doelen_per_afspraak, doelstand
from monitoring.selectors.smart import smart_check
from monitoring.voortgang import doel_bijwerken, doel_vastleggen, realisatie_melden
from tests import factories
from tests.wereld import autorisatiewereld, paginawereld

pytestmark = pytest.mark.django_db

PEILDATUM = datetime.date(2026, 6, 30)


def _doel(wereld, afspraak, door, **velden):
    velden = {"omschrijving": "sociale huurwoningen erbij", "waarde": Decimal(320), **velden}
    return doel_vastleggen(overeenkomst=wereld.overeenkomst, afspraak=afspraak, door=door, **velden)


def test_a_target_reads_as_progress_with_a_percentage():
    doel = Doel(waarde=Decimal(320), eenheid="woningen")
    stand = doelstand(doel, Doelrealisatie(waarde=Decimal(214)))
    assert stand.tekst == "214 van 320 woningen (67%)"
    assert stand.procent == 67


@pytest.mark.parametrize(
    ("velden", "gemeld", "tekst", "procent"),
    [
        (
            {"waarde": Decimal(1895), "eenheid": "woningen"},
            Decimal(1500),
            "1.500 van 1.895 woningen (79%)",
            79,
        ),
        ({"waarde": Decimal(85), "eenheid": "%"}, Decimal("86.5"), "86,5% van 85% (102%)", 100),
        (
            {"waarde": Decimal(10), "eenheid": "%", "richting": Richting.MAXIMAAL},
            Decimal(8),
            "8% (doel: maximaal 10%)",
            None,
        ),
        (
            {"waarde": Decimal(4), "waarde_tot": Decimal(6), "circa": True},
            None,
            "doel: ca. 4 tot 6, nog niets gemeld",
            None,
        ),
        ({"waarde_tekst": "C", "eenheid": "energielabel"}, "B", "B (doel: C energielabel)", None),
    ],
)
def test_target_sentences(velden, gemeld, tekst, procent):
    realisatie = None
    if gemeld is not None:
        realisatie = Doelrealisatie(
            waarde=gemeld if isinstance(gemeld, Decimal) else None,
            waarde_tekst=gemeld if isinstance(gemeld, str) else "",
        )
    stand = doelstand(Doel(**velden), realisatie)
    assert (stand.tekst, stand.procent) == (tekst, procent)


def test_the_gemeente_defines_targets_a_corporatie_does_not():
    sc = autorisatiewereld()
    afspraak = sc.a.afspraken[0]
    doel = _doel(sc.a, afspraak, sc.gebruiker("gemeente_medewerker"), eenheid="woningen")
    assert doel.overeenkomst_id == sc.a.overeenkomst.pk
    for rol in ("corporatie_medewerker", "huurders_medewerker"):
        with pytest.raises(PermissionDenied):
            _doel(sc.a, afspraak, sc.gebruiker(rol))
        with pytest.raises(PermissionDenied):
            doel_bijwerken(doel=doel, versie=doel.versie, door=sc.gebruiker(rol), waarde=1)
    assert Doel.objects.count() == 1


def test_trekkers_report_realised_values_huurders_and_others_do_not():
    sc = autorisatiewereld()
    doel_c1 = _doel(sc.a, sc.a.afspraken[0], sc.gebruiker("gemeente_medewerker"))
    doel_c2 = _doel(sc.a, sc.a.afspraken[1], sc.gebruiker("gemeente_medewerker"))
    c1 = sc.gebruiker("corporatie_medewerker")
    realisatie = realisatie_melden(doel=doel_c1, door=c1, peildatum=PEILDATUM, waarde=214)
    assert (realisatie.gemeld_door, realisatie.organisatie) == (c1, sc.c1)
    for doel, door in ((doel_c2, c1), (doel_c1, sc.gebruiker("huurders_medewerker"))):
        with pytest.raises(PermissionDenied):
            realisatie_melden(doel=doel, door=door, peildatum=PEILDATUM, waarde=1)
    assert Doelrealisatie.objects.count() == 1


def test_a_party_reports_its_own_share_of_a_split_target():
    sc = autorisatiewereld()
    gemeente = sc.gebruiker("gemeente_medewerker")
    aandeel = _doel(sc.a, sc.a.afspraken[1], gemeente, partij=sc.c1, waarde=Decimal(100))
    realisatie_melden(
        doel=aandeel, door=sc.gebruiker("corporatie_medewerker"), peildatum=PEILDATUM, waarde=40
    )
    assert aandeel.realisaties.count() == 1


def test_a_frozen_jaarschijf_shows_its_targets_as_they_were_fixed():
    sc = autorisatiewereld()
    gemeente = sc.gebruiker("gemeente_medewerker")
    doel = _doel(sc.a, sc.a.afspraken[0], gemeente, eenheid="woningen")
    JaarschijfStatuswijziging.objects.create(
        jaarschijf=sc.a.jaarschijf, van="ter_bespreking", naar="vastgesteld", door=gemeente
    )
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.VASTGESTELD)
    doel_bijwerken(doel=doel, versie=doel.versie, door=gemeente, waarde=Decimal(500))
    _doel(sc.a, sc.a.afspraken[0], gemeente, omschrijving="Later bedacht")
    realisatie_melden(doel=doel, door=gemeente, peildatum=PEILDATUM, waarde=214)
    standen = doelen_per_afspraak(sc.a.jaarschijf)[sc.a.afspraken[0].pk]
    assert [s.tekst for s in standen] == ["214 van 320 woningen (67%)"]


def test_a_target_makes_an_afspraak_measurable_and_its_year_timed():
    opbouw = paginawereld(0)
    thema = opbouw.overeenkomst.themas.first()
    afspraak = factories.AfspraakFactory(
        thema=thema, code="T1", inhoud="Wij werken goed samen.", periode=""
    )
    afspraak.trekkers.add(opbouw.corporatie)
    gebreken = dict(smart_check(opbouw.gemeente_gebruiker, opbouw.overeenkomst))
    assert len(gebreken[afspraak]) == 2
    doel_vastleggen(
        overeenkomst=opbouw.overeenkomst,
        afspraak=afspraak,
        door=opbouw.gemeente_gebruiker,
        omschrijving="Tevredenheid",
        waarde_tekst="goed",
        peiljaar=2027,
    )
    assert smart_check(opbouw.gemeente_gebruiker, opbouw.overeenkomst) == []


def test_the_targets_page_escapes_and_only_offers_what_one_may(client):
    sc = autorisatiewereld()
    afspraak = sc.a.afspraken[0]
    _doel(sc.a, afspraak, sc.gebruiker("gemeente_medewerker"), omschrijving="<script>x</script>")
    url = reverse("monitoring:doelen", kwargs={"afspraak_pk": afspraak.pk})
    client.force_login(sc.gebruiker("huurders_medewerker"))
    html = client.get(url).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert 'value="realisatie"' not in html and 'value="doel"' not in html
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    html = client.get(url).content.decode()
    assert 'value="realisatie"' in html and 'value="doel"' not in html


def test_a_huurder_posting_a_realised_value_is_refused_and_nothing_is_written(client):
    sc = autorisatiewereld()
    doel = _doel(sc.a, sc.a.afspraken[0], sc.gebruiker("gemeente_medewerker"))
    url = reverse("monitoring:doelen", kwargs={"afspraak_pk": sc.a.afspraken[0].pk})
    data = {"actie": "realisatie", "doel": doel.pk, "waarde": "999", "peildatum": "2026-06-30"}
    client.force_login(sc.gebruiker("huurders_medewerker"))
    assert client.post(url, data).status_code == 403
    client.force_login(sc.collega[sc.c2.pk])
    assert client.post(url, data).status_code == 403
    assert client.post(url, {**data, "actie": "doel", "omschrijving": "x"}).status_code == 403
    assert not Doelrealisatie.objects.exists() and Doel.objects.count() == 1
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    assert client.post(url, data).status_code == 302
    assert Doelrealisatie.objects.get().waarde == 999
