"""The document's own shape through the services (issue #9): two-year jaarschijven and their
overlap, hoofdstukken, joint steps, the new fields of parties, themes and afspraken, and
"volgend jaar voorbereiden" carrying them over. Frozen jaarschijven refuse each of them."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from afspraken import services, vastlegging
from afspraken.bevriezing import Bevroren
from afspraken.constants import HoofdstukSoort, JaarschijfStatus, Plek, Soort
from afspraken.models import Hoofdstuk, Jaarafspraak, Jaarschijf, Stap
from afspraken.services.grens import Geweigerd
from tests import factories
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def opbouw():
    return paginawereld(4, status=JaarschijfStatus.CONCEPT)


@pytest.fixture
def door(opbouw):
    return opbouw.gemeente_gebruiker


def _hoofdstuk(opbouw, door, **velden):
    return services.hoofdstuk_toevoegen(
        jaarschijf=opbouw.jaarschijf,
        **{"kop": "Context", "tekst": "Waarom deze afspraken.", **velden},
        door=door,
    )


# --- Two-year jaarschijven ------------------------------------------------------------------


def test_a_two_year_jaarschijf_is_made_and_overlap_is_refused(opbouw, door):
    twee = services.jaarschijf_aanmaken(
        overeenkomst=opbouw.overeenkomst, jaar=2027, tot_jaar=2028, door=door
    )
    assert (twee.jaren, twee.geldig_tot) == ("2027-2028", datetime.date(2028, 12, 31))
    for jaar, tot_jaar in [(2028, None), (2026, 2027), (2028, 2029)]:
        with pytest.raises(ValidationError) as fout:
            services.jaarschijf_aanmaken(
                overeenkomst=opbouw.overeenkomst, jaar=jaar, tot_jaar=tot_jaar, door=door
            )
        assert "Er is al een jaarschijf" in str(fout.value)
    with pytest.raises(ValidationError, match="na het eerste jaar"):
        services.jaarschijf_aanmaken(
            overeenkomst=opbouw.overeenkomst, jaar=2030, tot_jaar=2030, door=door
        )
    services.jaarschijf_aanmaken(overeenkomst=opbouw.overeenkomst, jaar=2029, door=door)


def test_the_document_fields_are_saved(opbouw, door):
    js = opbouw.jaarschijf
    services.jaarschijf_bijwerken(
        jaarschijf=js,
        versie=js.versie,
        titel="Jaarschijf 2026-2027",
        tot_jaar=2027,
        documentdatum="November 2025",
        geldig_vanaf=datetime.date(2026, 1, 1),
        geldig_na_ondertekening=True,
        nummering_tonen=False,
        door=door,
    )
    js.refresh_from_db()
    assert (js.jaren, js.documentdatum, js.nummering_tonen) == ("2026-2027", "November 2025", False)
    assert js.geldig_na_ondertekening and js.geldig_vanaf == datetime.date(2026, 1, 1)


def test_volgend_jaar_starts_after_the_last_year_and_carries_the_shape_over(opbouw, door):
    js = opbouw.jaarschijf
    services.jaarschijf_bijwerken(
        jaarschijf=js,
        versie=js.versie,
        titel="Jaarschijf 2026-2027",
        tot_jaar=2027,
        geldig_tot=datetime.date(2027, 12, 31),
        geldig_na_ondertekening=True,
        nummering_tonen=False,
        documentdatum="November 2025",
        door=door,
    )
    _hoofdstuk(opbouw, door, plek=Plek.NA, soort=HoofdstukSoort.SLOTBEPALING, kop="Slot")
    ja = Jaarafspraak.objects.filter(jaarschijf=js).order_by("pk").first()
    services.stap_toevoegen(
        jaarafspraak=ja,
        organisatie=opbouw.gemeente,
        mede_organisaties=[opbouw.corporatie],
        aanduiding="Gemeente + corporaties",
        tekst="Samen een plan maken",
        door=door,
    )
    volgend = services.jaarschijf_volgend_jaar_voorbereiden(jaarschijf=js, tot_jaar=2029, door=door)
    assert (volgend.jaar, volgend.jaren, volgend.titel) == (
        2028,
        "2028-2029",
        "Jaarschijf 2028-2029",
    )
    assert volgend.geldig_tot == datetime.date(2029, 12, 31)
    assert volgend.geldig_na_ondertekening and not volgend.nummering_tonen
    assert volgend.documentdatum == ""
    assert [(h.plek, h.kop) for h in volgend.hoofdstukken.all()] == [("na", "Slot")]
    samen = Stap.objects.get(jaarafspraak__jaarschijf=volgend, tekst="Samen een plan maken")
    assert samen.aanduiding == "Gemeente + corporaties"
    assert samen.organisatie_ids() == {opbouw.gemeente.pk, opbouw.corporatie.pk}


def test_volgend_jaar_refuses_to_overlap_a_later_jaarschijf(opbouw, door):
    factories.JaarschijfFactory(overeenkomst=opbouw.overeenkomst, jaar=2028)
    with pytest.raises(ValidationError, match="Er is al een jaarschijf 2028"):
        services.jaarschijf_volgend_jaar_voorbereiden(
            jaarschijf=opbouw.jaarschijf, tot_jaar=2028, door=door
        )
    assert not Jaarschijf.objects.filter(overeenkomst=opbouw.overeenkomst, jaar=2027).exists()


# --- Hoofdstukken ---------------------------------------------------------------------------


def test_hoofdstukken_are_added_edited_moved_and_deleted(opbouw, door):
    eerste = _hoofdstuk(opbouw, door, kop="Eerste")
    tweede = _hoofdstuk(opbouw, door, kop="Tweede")
    bijlage = _hoofdstuk(opbouw, door, kop="Bijlage 1", plek=Plek.BIJLAGE)
    services.hoofdstuk_verplaatsen(hoofdstuk=tweede, omhoog=True, door=door)
    voor = Hoofdstuk.objects.filter(jaarschijf=opbouw.jaarschijf, plek=Plek.VOOR)
    assert [h.kop for h in voor.order_by("volgorde")] == ["Tweede", "Eerste"]
    # Moving never leaves its place: the first text before the themes stays first.
    services.hoofdstuk_verplaatsen(hoofdstuk=bijlage, omhoog=True, door=door)
    assert [h.kop for h in voor.order_by("volgorde")] == ["Tweede", "Eerste"]
    eerste.refresh_from_db()
    services.hoofdstuk_bijwerken(
        hoofdstuk=eerste,
        versie=eerste.versie,
        kop="Rollen",
        tekst="Wie doet wat.",
        soort=HoofdstukSoort.ROLLEN,
        door=door,
    )
    assert Hoofdstuk.objects.get(pk=eerste.pk).soort == HoofdstukSoort.ROLLEN
    services.hoofdstuk_verwijderen(hoofdstuk=eerste, door=door)
    assert not Hoofdstuk.objects.filter(pk=eerste.pk).exists()


def test_a_text_in_a_theme_needs_a_theme_of_this_agreement(opbouw, door):
    with pytest.raises(ValidationError, match="Kies het thema"):
        _hoofdstuk(opbouw, door, plek=Plek.THEMA)
    vreemd = factories.ThemaFactory()
    with pytest.raises(ValidationError, match="andere overeenkomst"):
        _hoofdstuk(opbouw, door, plek=Plek.THEMA, thema=vreemd)
    thema = opbouw.overeenkomst.themas.first()
    assert _hoofdstuk(opbouw, door, plek=Plek.THEMA, thema=thema).thema == thema
    # Elsewhere a theme is dropped, not kept by mistake.
    assert _hoofdstuk(opbouw, door, plek=Plek.NA, thema=thema).thema is None


def test_a_corporatie_may_not_write_hoofdstukken(opbouw):
    with pytest.raises(Geweigerd):
        _hoofdstuk(opbouw, opbouw.corporatie_gebruiker)
    assert not Hoofdstuk.objects.exists()


# --- Joint steps, parties, themes, afspraken -------------------------------------------------


def test_a_joint_step_takes_parties_only(opbouw, door):
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    buitenstaander = factories.OrganisatieFactory(naam="Geen Partij")
    with pytest.raises(ValidationError, match="Geen partij bij deze overeenkomst: Geen Partij"):
        services.stap_toevoegen(
            jaarafspraak=ja,
            organisatie=opbouw.gemeente,
            mede_organisaties=[buitenstaander],
            tekst="Samen",
            door=door,
        )
    stap = services.stap_toevoegen(
        jaarafspraak=ja,
        organisatie=opbouw.gemeente,
        mede_organisaties=[opbouw.gemeente, opbouw.huurders],
        tekst="Samen",
        door=door,
    )
    # The leading party is not its own partner.
    assert list(stap.mede_organisaties.all()) == [opbouw.huurders]
    services.stap_bijwerken(
        stap=stap, versie=stap.versie, organisatie=opbouw.gemeente, tekst="Alleen", door=door
    )
    assert not stap.mede_organisaties.exists()


def test_the_new_fields_of_parties_themes_and_afspraken(opbouw, door):
    partij = opbouw.overeenkomst.partijrollen.get(organisatie=opbouw.corporatie)
    services.partij_bijwerken(
        partij=partij,
        versie=partij.versie,
        mandaat="namens de raad van bestuur",
        aanduiding="de corporatie",
        rol="Bouwt.",
        actief_tot=2026,
        door=door,
    )
    partij.refresh_from_db()
    assert (partij.aanduiding, partij.actief_tot) == ("de corporatie", 2026)
    thema = opbouw.overeenkomst.themas.first()
    services.thema_bijwerken(thema=thema, versie=thema.versie, naam="A", doel="Doel", door=door)
    assert opbouw.overeenkomst.themas.get(pk=thema.pk).doel == "Doel"
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    services.jaarafspraak_regel_bijwerken(
        jaarafspraak=ja,
        versie=ja.versie,
        afspraak_versie=ja.afspraak.versie,
        code=ja.afspraak.code,
        inhoud="Nieuw",
        kop="Doorkijk naar 2027",
        betrokkenen="zorgpartijen, werkgroep",
        soort=Soort.DOORKIJK,
        door=door,
    )
    ja.afspraak.refresh_from_db()
    assert ja.afspraak.kop == "Doorkijk naar 2027"
    assert ja.afspraak.betrokkenen_lijst == ["zorgpartijen", "werkgroep"]
    assert ja.afspraak.soort == Soort.DOORKIJK


# --- A frozen jaarschijf refuses every new edit ----------------------------------------------


@pytest.fixture
def bevroren(opbouw, door):
    hoofdstuk = _hoofdstuk(opbouw, door)
    factories.zet_status(opbouw.jaarschijf, JaarschijfStatus.VASTGESTELD)
    hoofdstuk.refresh_from_db()
    return opbouw.jaarschijf, hoofdstuk


def _bevroren_pogingen(opbouw, js, hoofdstuk, door) -> dict:
    ja = Jaarafspraak.objects.filter(jaarschijf=js).first()
    stap = Stap.objects.filter(jaarafspraak=ja).first()
    return {
        "documentvelden": lambda: services.jaarschijf_bijwerken(
            jaarschijf=js, versie=js.versie, titel=js.titel, nummering_tonen=False, door=door
        ),
        "tot_jaar": lambda: services.jaarschijf_bijwerken(
            jaarschijf=js, versie=js.versie, titel=js.titel, tot_jaar=2027, door=door
        ),
        "hoofdstuk_toevoegen": lambda: _hoofdstuk(opbouw, door),
        "hoofdstuk_bijwerken": lambda: services.hoofdstuk_bijwerken(
            hoofdstuk=hoofdstuk, versie=hoofdstuk.versie, kop="X", tekst="X", door=door
        ),
        "hoofdstuk_verplaatsen": lambda: services.hoofdstuk_verplaatsen(
            hoofdstuk=hoofdstuk, omhoog=False, door=door
        ),
        "hoofdstuk_verwijderen": lambda: services.hoofdstuk_verwijderen(
            hoofdstuk=hoofdstuk, door=door
        ),
        "gezamenlijke_stap": lambda: services.stap_bijwerken(
            stap=stap,
            versie=stap.versie,
            organisatie=stap.organisatie,
            tekst=stap.tekst,
            mede_organisaties=[opbouw.gemeente],
            aanduiding="Samen",
            door=door,
        ),
        "kop_betrokkenen_soort": lambda: services.jaarafspraak_regel_bijwerken(
            jaarafspraak=ja,
            versie=ja.versie,
            afspraak_versie=ja.afspraak.versie,
            code=ja.afspraak.code,
            inhoud=ja.afspraak.inhoud,
            kop="Nieuwe kop",
            betrokkenen="zorgpartijen",
            soort=Soort.DOORKIJK,
            door=door,
        ),
    }


@pytest.mark.parametrize(
    "poging",
    [
        "documentvelden",
        "tot_jaar",
        "hoofdstuk_toevoegen",
        "hoofdstuk_bijwerken",
        "hoofdstuk_verplaatsen",
        "hoofdstuk_verwijderen",
        "gezamenlijke_stap",
        "kop_betrokkenen_soort",
    ],
)
def test_a_frozen_jaarschijf_refuses_each_new_edit(opbouw, door, bevroren, poging):
    js, hoofdstuk = bevroren
    voor = vastlegging.vastleggen(js), list(Hoofdstuk.objects.values())
    with pytest.raises(Bevroren):
        _bevroren_pogingen(opbouw, js, hoofdstuk, door)[poging]()
    assert (vastlegging.vastleggen(js), list(Hoofdstuk.objects.values())) == voor
    assert not Stap.mede_organisaties.through.objects.exists()


def test_agreement_level_edits_leave_the_frozen_copy(opbouw, door, bevroren):
    js, _hoofdstuk = bevroren
    thema = opbouw.overeenkomst.themas.first()
    services.thema_bijwerken(thema=thema, versie=thema.versie, naam="A", doel="Later", door=door)
    partij = opbouw.overeenkomst.partijrollen.get(organisatie=opbouw.corporatie)
    services.partij_bijwerken(
        partij=partij, versie=partij.versie, aanduiding="later", actief_tot=2025, door=door
    )
    vast = vastlegging.vastgelegd(Jaarschijf.objects.get(pk=js.pk))
    assert all(t.doel == "" for t in vast.themas)
    assert all(p.aanduiding == "" and p.actief_tot is None for p in vast.partijen)


def test_a_party_in_a_joint_step_stays(opbouw, door):
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    services.stap_toevoegen(
        jaarafspraak=ja,
        organisatie=opbouw.gemeente,
        mede_organisaties=[opbouw.huurders],
        tekst="Samen",
        door=door,
    )
    Stap.objects.filter(organisatie=opbouw.huurders).delete()
    partij = opbouw.overeenkomst.partijrollen.get(organisatie=opbouw.huurders)
    with pytest.raises(ValidationError, match="heeft stappen"):
        services.partij_verwijderen(partij=partij, door=door)
