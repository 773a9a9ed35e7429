"""Writes on agreements: validation, optimistic locking, frozen content, next year's copy."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from afspraken import services
from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Stap, Thema
from tests import factories
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    return autorisatiewereld()


@pytest.fixture
def ambtenaar(wereld):
    return wereld.gebruiker("gemeente_medewerker")


def test_overeenkomst_aanmaken_makes_the_gemeente_its_first_party(wereld, ambtenaar):
    overeenkomst = services.overeenkomst_aanmaken(
        gemeente=wereld.a.gemeente,
        titel="Prestatieafspraken 2027-2030",
        startdatum=datetime.date(2027, 1, 1),
        einddatum=datetime.date(2030, 12, 31),
        door=ambtenaar,
    )
    assert list(overeenkomst.partijen.all()) == [wereld.a.gemeente_org]
    assert overeenkomst.history.first().history_user == ambtenaar


def test_overeenkomst_aanmaken_refuses_end_before_start(wereld, ambtenaar):
    with pytest.raises(ValidationError):
        services.overeenkomst_aanmaken(
            gemeente=wereld.a.gemeente,
            titel="Verkeerd om",
            startdatum=datetime.date(2027, 1, 1),
            einddatum=datetime.date(2026, 12, 31),
            door=ambtenaar,
        )


def test_partij_toevoegen_refuses_a_party_twice(wereld, ambtenaar):
    with pytest.raises(ValidationError) as fout:
        services.partij_toevoegen(
            overeenkomst=wereld.a.overeenkomst, organisatie=wereld.c1, door=ambtenaar
        )
    assert "al partij" in str(fout.value)


def test_partij_verwijderen_refuses_a_trekker(wereld, ambtenaar):
    partij = wereld.a.overeenkomst.partijrollen.get(organisatie=wereld.c1)
    with pytest.raises(ValidationError, match="trekker"):
        services.partij_verwijderen(partij=partij, door=ambtenaar)


def test_thema_verplaatsen_swaps_with_neighbour(wereld, ambtenaar):
    overeenkomst = wereld.a.overeenkomst
    tweede = services.thema_aanmaken(overeenkomst=overeenkomst, naam="Duurzaamheid", door=ambtenaar)
    derde = services.thema_aanmaken(overeenkomst=overeenkomst, naam="Leefbaarheid", door=ambtenaar)
    services.thema_verplaatsen(thema=derde, omhoog=True, door=ambtenaar)
    volgorde = list(Thema.objects.filter(overeenkomst=overeenkomst).values_list("naam", flat=True))
    assert volgorde == [wereld.a.thema.naam, "Leefbaarheid", "Duurzaamheid"]
    services.thema_verplaatsen(thema=wereld.a.thema, omhoog=True, door=ambtenaar)  # already first
    assert Thema.objects.filter(overeenkomst=overeenkomst).first() == wereld.a.thema
    assert tweede.pk


def test_afspraak_aanmaken_in_jaarschijf_takes_it_up_in_that_year(wereld, ambtenaar):
    afspraak = services.afspraak_aanmaken(
        overeenkomst=wereld.a.overeenkomst,
        thema=wereld.a.thema,
        code="B7",
        inhoud="320 extra sociale huurwoningen",
        trekkers=[wereld.c1],
        jaarschijf=wereld.a.jaarschijf,
        tekst="Start bouw 40 woningen",
        door=ambtenaar,
    )
    jaarafspraak = Jaarafspraak.objects.get(afspraak=afspraak)
    assert jaarafspraak.jaarschijf == wereld.a.jaarschijf
    assert jaarafspraak.tekst == "Start bouw 40 woningen"
    assert list(afspraak.trekkers.all()) == [wereld.c1]


def test_afspraak_aanmaken_refuses_duplicate_code_with_dutch_message(wereld, ambtenaar):
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmaken(
            overeenkomst=wereld.a.overeenkomst,
            thema=wereld.a.thema,
            code=wereld.a.afspraken[0].code,
            inhoud="dubbel",
            door=ambtenaar,
        )
    assert "bestaat al" in fout.value.message_dict["code"][0]


def test_afspraak_aanmaken_refuses_trekker_that_is_no_party(wereld, ambtenaar):
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmaken(
            overeenkomst=wereld.a.overeenkomst,
            thema=wereld.a.thema,
            code="Z1",
            inhoud="x",
            trekkers=[wereld.c3],
            door=ambtenaar,
        )
    assert "Geen partij" in fout.value.message_dict["trekkers"][0]


def test_afspraak_parent_must_belong_to_same_overeenkomst(wereld, ambtenaar):
    vreemd = wereld.b.afspraken[0]
    afspraak = wereld.a.afspraken[0]
    with pytest.raises(ValidationError) as fout:
        services.afspraak_bijwerken(
            afspraak=afspraak,
            versie=afspraak.versie,
            thema=afspraak.thema,
            code=afspraak.code,
            inhoud=afspraak.inhoud,
            parent=vreemd,
            door=ambtenaar,
        )
    assert "parent" in fout.value.message_dict


def test_afspraak_cannot_fall_under_its_own_sub(wereld, ambtenaar):
    ouder, kind = wereld.a.afspraken
    kind.parent = ouder
    kind.save()
    with pytest.raises(ValidationError) as fout:
        services.afspraak_bijwerken(
            afspraak=ouder,
            versie=ouder.versie,
            thema=ouder.thema,
            code=ouder.code,
            inhoud=ouder.inhoud,
            parent=kind,
            door=ambtenaar,
        )
    assert "parent" in fout.value.message_dict


def test_afspraak_verplaatsen_moves_sub_afspraken_along(wereld, ambtenaar):
    ouder, kind = wereld.a.afspraken
    kind.parent = ouder
    kind.save()
    nieuw = services.thema_aanmaken(
        overeenkomst=wereld.a.overeenkomst, naam="Wonen", door=ambtenaar
    )
    services.afspraak_verplaatsen(afspraak=ouder, versie=ouder.versie, thema=nieuw, door=ambtenaar)
    assert set(nieuw.afspraken.values_list("pk", flat=True)) == {ouder.pk, kind.pk}


def test_two_editors_never_silently_overwrite_each_other(wereld, ambtenaar):
    afspraak = wereld.a.afspraken[0]
    eerste = Afspraak.objects.get(pk=afspraak.pk)
    tweede = Afspraak.objects.get(pk=afspraak.pk)
    gezien = eerste.versie
    gegevens = {"thema": afspraak.thema, "code": afspraak.code, "door": ambtenaar}
    services.afspraak_bijwerken(afspraak=eerste, versie=gezien, inhoud="Eerste", **gegevens)
    with pytest.raises(services.VersieConflict):
        services.afspraak_bijwerken(afspraak=tweede, versie=gezien, inhoud="Tweede", **gegevens)
    afspraak.refresh_from_db()
    assert afspraak.inhoud == "Eerste"
    assert afspraak.versie == gezien + 1


def test_jaarafspraak_and_jaarschijf_are_versioned_too(wereld, ambtenaar):
    jaarafspraak = wereld.a.jaarafspraken[0]
    versie = jaarafspraak.versie
    services.jaarafspraak_bijwerken(
        jaarafspraak=jaarafspraak, versie=versie, tekst="Eerste plan", door=ambtenaar
    )
    with pytest.raises(services.VersieConflict):
        services.jaarafspraak_bijwerken(
            jaarafspraak=Jaarafspraak.objects.get(pk=jaarafspraak.pk),
            versie=versie,
            tekst="over het andere heen",
            door=ambtenaar,
        )
    jaarschijf = wereld.a.jaarschijf
    services.jaarschijf_bijwerken(
        jaarschijf=jaarschijf, versie=jaarschijf.versie, titel="Nieuw", door=ambtenaar
    )
    with pytest.raises(services.VersieConflict):
        services.jaarschijf_bijwerken(
            jaarschijf=Jaarschijf.objects.get(pk=jaarschijf.pk),
            versie=jaarschijf.versie - 1,
            titel="Oud",
            door=ambtenaar,
        )


def test_lifecycle_records_who_and_when(wereld, ambtenaar):
    jaarschijf = wereld.a.jaarschijf
    services.jaarschijf_ter_bespreking(jaarschijf=jaarschijf, door=ambtenaar)
    services.jaarschijf_vaststellen(jaarschijf=jaarschijf, door=ambtenaar)
    jaarschijf.refresh_from_db()
    assert jaarschijf.status == JaarschijfStatus.VASTGESTELD
    stappen = list(jaarschijf.statuswijzigingen.values_list("van", "naar", "door"))
    assert stappen == [
        (JaarschijfStatus.CONCEPT, JaarschijfStatus.TER_BESPREKING, ambtenaar.pk),
        (JaarschijfStatus.TER_BESPREKING, JaarschijfStatus.VASTGESTELD, ambtenaar.pk),
    ]
    assert jaarschijf.statuswijzigingen.last().op is not None


def test_lifecycle_refuses_skipping_a_step(wereld, ambtenaar):
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.jaarschijf_vaststellen(jaarschijf=wereld.a.jaarschijf, door=ambtenaar)
    assert not wereld.a.jaarschijf.statuswijzigingen.exists()


def vastgesteld(wereld, ambtenaar):
    jaarschijf = wereld.a.jaarschijf
    services.jaarschijf_ter_bespreking(jaarschijf=jaarschijf, door=ambtenaar)
    services.jaarschijf_vaststellen(jaarschijf=jaarschijf, door=ambtenaar)
    return jaarschijf


def test_vastgesteld_freezes_content_in_services(wereld, ambtenaar):
    jaarschijf = vastgesteld(wereld, ambtenaar)
    jaarafspraak = Jaarafspraak.objects.get(pk=wereld.a.jaarafspraken[0].pk)
    stap = Stap.objects.get(pk=wereld.a.stappen[0].pk)
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.jaarschijf_bijwerken(
            jaarschijf=jaarschijf, versie=jaarschijf.versie, titel="Anders", door=ambtenaar
        )
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.jaarafspraak_bijwerken(
            jaarafspraak=jaarafspraak, versie=jaarafspraak.versie, tekst="Anders", door=ambtenaar
        )
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.stap_toevoegen(
            jaarafspraak=jaarafspraak, organisatie=wereld.c1, tekst="Nieuw", door=ambtenaar
        )
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.stap_verwijderen(stap=stap, door=ambtenaar)
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.afspraak_aanmaken(
            overeenkomst=jaarschijf.overeenkomst,
            thema=wereld.a.thema,
            code="N1",
            inhoud="x",
            jaarschijf=jaarschijf,
            door=ambtenaar,
        )
    # Progress is reported all year: finishing steps stays possible (the status itself is
    # reported on monitoring's timeline, tests/monitoring/test_voortgang_plan.py).
    services.stap_afronden(stap=stap, door=ambtenaar)
    jaarafspraak.refresh_from_db()
    assert jaarafspraak.tekst == wereld.a.jaarafspraken[0].tekst


def test_terug_naar_concept_until_the_first_signature(wereld, ambtenaar):
    jaarschijf = vastgesteld(wereld, ambtenaar)
    services.jaarschijf_terug_naar_concept(jaarschijf=jaarschijf, door=ambtenaar)
    assert jaarschijf.status == JaarschijfStatus.CONCEPT
    services.jaarschijf_bijwerken(
        jaarschijf=jaarschijf, versie=jaarschijf.versie, titel="Weer bewerkbaar", door=ambtenaar
    )
    services.jaarschijf_ter_bespreking(jaarschijf=jaarschijf, door=ambtenaar)
    services.jaarschijf_vaststellen(jaarschijf=jaarschijf, door=ambtenaar)
    ondertekening = jaarschijf.ondertekeningen.first()
    ondertekening.ondertekend_op = datetime.datetime(2025, 12, 1, tzinfo=datetime.UTC)
    ondertekening.save()
    with pytest.raises(ValidationError, match="al ondertekend"):
        services.jaarschijf_terug_naar_concept(jaarschijf=jaarschijf, door=ambtenaar)


def test_ondertekend_needs_every_signature(wereld, ambtenaar):
    jaarschijf = vastgesteld(wereld, ambtenaar)
    with pytest.raises(ValidationError, match="Nog niet alle"):
        services.jaarschijf_ondertekend_verklaren(jaarschijf=jaarschijf, door=ambtenaar)
    jaarschijf.ondertekeningen.update(ondertekend_op=datetime.datetime.now(tz=datetime.UTC))
    services.jaarschijf_ondertekend_verklaren(jaarschijf=jaarschijf, door=ambtenaar)
    assert Jaarschijf.objects.get(pk=jaarschijf.pk).status == JaarschijfStatus.ONDERTEKEND
    with pytest.raises(ValidationError):
        services.jaarschijf_terug_naar_concept(jaarschijf=jaarschijf, door=ambtenaar)


@pytest.mark.parametrize(
    ("periode", "eindjaar"),
    [("2021-2024", 2024), ("Q1 2023", 2023), ("2022 t/m 2027", 2027), ("doorlopend", None)],
)
def test_periode_eindjaar(periode, eindjaar):
    assert services.periode_eindjaar(periode) == eindjaar


def test_volgend_jaar_copies_running_afspraken_texts_and_open_steps(wereld, ambtenaar):
    a = wereld.a
    lopend, klaar = a.jaarafspraken
    services.stap_afronden(stap=a.stappen[1], door=ambtenaar)
    open_stap = factories.StapFactory(jaarafspraak=klaar, organisatie=wereld.c2, tekst="Open")
    klaar.status = Voortgang.GEREALISEERD
    klaar.save()
    afgelopen = factories.JaarafspraakFactory(
        jaarschijf=a.jaarschijf, afspraak__thema=a.thema, afspraak__periode="2021-2026"
    )
    afgelopen_2027 = factories.JaarafspraakFactory(
        jaarschijf=a.jaarschijf, afspraak__thema=a.thema, afspraak__periode="2024-2027"
    )
    factories.StapFactory(jaarafspraak=lopend, organisatie=wereld.c1, tekst="Klaar", afgerond=True)

    nieuw = services.jaarschijf_volgend_jaar_voorbereiden(jaarschijf=a.jaarschijf, door=ambtenaar)

    assert nieuw.jaar == 2027
    assert nieuw.status == JaarschijfStatus.CONCEPT
    assert nieuw.geldig_tot == datetime.date(2027, 12, 31)
    kopieen = {ja.afspraak_id: ja for ja in nieuw.jaarafspraken.all()}
    assert set(kopieen) == {lopend.afspraak_id, afgelopen_2027.afspraak_id}
    assert afgelopen.afspraak_id not in kopieen
    assert kopieen[lopend.afspraak_id].tekst == lopend.tekst
    assert list(kopieen[lopend.afspraak_id].stappen.values_list("tekst", flat=True)) == [
        a.stappen[0].tekst
    ]
    assert not nieuw.voorraadmutaties.exists()
    assert nieuw.ondertekeningen.count() == a.jaarschijf.ondertekeningen.count()
    assert not nieuw.ondertekeningen.filter(ondertekend_op__isnull=False).exists()
    assert kopieen[lopend.afspraak_id].history.first().history_user == ambtenaar
    assert open_stap.pk


def test_volgend_jaar_refuses_an_existing_year(wereld, ambtenaar):
    factories.JaarschijfFactory(overeenkomst=wereld.a.overeenkomst, jaar=2027)
    with pytest.raises(ValidationError, match="al een jaarschijf 2027"):
        services.jaarschijf_volgend_jaar_voorbereiden(
            jaarschijf=wereld.a.jaarschijf, door=ambtenaar
        )
