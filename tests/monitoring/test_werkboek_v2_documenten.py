"""The demo documents in version 2: each real shape as the seeds hold it (../shared/seeds),
imported from fixtures/*.xlsx."""

import datetime

import pytest

from afspraken.constants import HoofdstukSoort, Plek
from afspraken.models import Afspraak, Jaarschijf, Partij, Stap, Thema
from tests.monitoring.werkboeken import (
    HOOGEVEEN,
    JAARSCHIJF_2026,
    PRESTATIEAFSPRAKEN_2023,
    importeer,
)

pytestmark = pytest.mark.django_db


def jaarschijf_van(gemeente: str, jaar: int) -> Jaarschijf:
    return Jaarschijf.objects.select_related("overeenkomst").get(
        overeenkomst__gemeente__naam=gemeente, jaar=jaar
    )


def test_borger_odoorn_2026_is_proza_zonder_nummers_met_zijn_voorblad_en_geldigheid():
    importeer(JAARSCHIJF_2026)

    jaarschijf = jaarschijf_van("Borger-Odoorn", 2026)
    assert jaarschijf.nummering_tonen is False
    # The codes stay, internally: steps, figures and remarks still find their afspraak.
    assert jaarschijf.jaarafspraken.filter(afspraak__code="1.1").exists()
    assert jaarschijf.documentdatum == "November 2025"
    assert jaarschijf.geldig_na_ondertekening and jaarschijf.geldig_vanaf is None
    assert jaarschijf.geldig_tot == datetime.date(2026, 12, 31)
    assert jaarschijf.overeenkomst.grondslag.startswith(
        "De onderleggers van de afspraken zijn de Woonvisie 2022+"
    )
    [context] = jaarschijf.hoofdstukken.all()
    assert (context.plek, context.soort, context.kop) == (
        Plek.VOOR,
        HoofdstukSoort.CONTEXT,
        "Context",
    )
    assert "Versterking regie volkshuisvesting" in context.tekst
    assert "Versterking regie volkshuisvesting" not in jaarschijf.inleiding


def test_borger_odoorn_2026_partijen_met_vertegenwoordiger_mandaat_en_aanduiding():
    importeer(JAARSCHIJF_2026)

    partijen = {
        p.organisatie.afkorting: p
        for p in Partij.objects.filter(overeenkomst__gemeente__naam="Borger-Odoorn")
    }
    gemeente = partijen["BO"]
    assert (gemeente.vertegenwoordiger, gemeente.functie) == ("De heer H. Zwiep", "wethouder")
    assert gemeente.mandaat.startswith("gemachtigd door de burgemeester")
    assert gemeente.aanduiding == "de gemeente"
    assert partijen["HU"].aanduiding == "'t Huurdertje"


def test_hoogeveen_gezamenlijke_stappen_zonder_de_vertrokken_corporatie():
    importeer(HOOGEVEEN)

    stappen = Stap.objects.filter(
        jaarafspraak__jaarschijf=jaarschijf_van("Hoogeveen", 2026)
    ).prefetch_related("mede_organisaties")
    samen = {
        (s.jaarafspraak.afspraak.code, s.aanduiding): (
            s.organisatie.afkorting,
            sorted(o.afkorting for o in s.mede_organisaties.all()),
        )
        for s in stappen.select_related("jaarafspraak__afspraak", "organisatie")
        if s.aanduiding
    }
    assert samen == {
        ("2", "Gemeente + corporaties"): ("HGV", ["ACT", "DOM", "WC"]),
        ("15", "Gemeente en corporaties"): ("HGV", ["ACT", "DOM", "WC"]),
        ("15", "Corporaties"): ("WC", ["ACT", "DOM"]),
        ("20", "Gemeente en corporaties"): ("HGV", ["ACT", "DOM", "WC"]),
        ("20", "Corporaties"): ("WC", ["ACT", "DOM"]),
    }


def test_hoogeveen_woonservice_doet_mee_tot_en_met_2025_en_houdt_zijn_geschiedenis():
    importeer(HOOGEVEEN)

    woonservice = Partij.objects.get(
        overeenkomst__gemeente__naam="Hoogeveen", organisatie__afkorting="WS"
    )
    assert woonservice.actief_tot == 2025 and not woonservice.actief_in(2026)
    afspraken = Afspraak.objects.filter(overeenkomst=woonservice.overeenkomst)
    # `allen` in 2026: the gemeente, three corporaties and four huurdersorganisaties.
    allen = {t.afkorting for t in afspraken.get(code="4").trekkers.all()}
    assert allen == {"HGV", "WC", "DOM", "ACT", "SHDH", "CAS", "MEVM", "HVSS"}
    # Named by name it stays a trekker of the multi-year afspraak.
    assert "WS" in {t.afkorting for t in afspraken.get(code="1").trekkers.all()}
    hoofdstukken = jaarschijf_van("Hoogeveen", 2026).hoofdstukken.order_by("volgorde")
    assert [(h.plek, h.soort) for h in hoofdstukken] == [
        (Plek.VOOR, HoofdstukSoort.CONTEXT),
        (Plek.VOOR, HoofdstukSoort.ROLLEN),
        (Plek.BIJLAGE, HoofdstukSoort.BIJLAGE),
    ]


def test_borger_odoorn_2023_visie_op_het_thema_is_het_doel_van_het_thema():
    importeer(PRESTATIEAFSPRAKEN_2023)

    themas = Thema.objects.filter(overeenkomst__gemeente__naam="Borger-Odoorn")
    duurzaamheid = themas.get(naam="Duurzaamheid")
    assert duurzaamheid.doel.startswith("De gemeente Borger-Odoorn zet zich in voor een energie")
    assert "Visie op het thema" not in duurzaamheid.toelichting
    assert duurzaamheid.toelichting.startswith("In dit hoofdstuk maken we afspraken")
    assert themas.exclude(doel="").count() == 3
