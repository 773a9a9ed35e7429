"""A superuser merges duplicate organisations (#14, point 6; docs/organisaties.md): every
reference moves in one transaction, a unique rule that would break refuses it in Dutch, and
a frozen jaarschijf that names the duplicate is never rewritten."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, Ondertekening, Partij, Stap
from gemeenten.constants import OrganisatieType
from gemeenten.models import Lidmaatschap, Organisatie
from gemeenten.services import Geweigerd, organisaties_samenvoegen
from monitoring.models import Opmerking
from tests import factories
from tests.wereld import autorisatiewereld, lid
from voorraad.models import Voorraadmutatie

pytestmark = pytest.mark.django_db


def _verwijzingen(organisatie) -> int:
    """Every row that refers to `organisatie`, found as the service finds them."""
    totaal = 0
    for rel in Organisatie._meta.related_objects:
        model = rel.through if rel.many_to_many else rel.related_model
        veld = rel.field.m2m_reverse_field_name() if rel.many_to_many else rel.field.name
        totaal += model._base_manager.filter(**{veld: organisatie.pk}).count()
    return totaal


def _dubbel_in_b(sc):
    """Corporatie Een entered again by gemeente B's import, with something of everything."""
    dubbel = factories.OrganisatieFactory(
        naam="Corporatie 1",
        afkorting="",
        kvk_nummer="12345678",
        l_nummer="L1234",
        aangemaakt_voor=sc.b.gemeente,
    )
    b = sc.b
    factories.PartijFactory(overeenkomst=b.overeenkomst, organisatie=dubbel, volgorde=9)
    afspraak = b.afspraken[0]
    afspraak.trekkers.add(dubbel)
    factories.StapFactory(jaarafspraak=b.jaarafspraken[0], organisatie=dubbel, tekst="Eigen")
    samen = factories.StapFactory(jaarafspraak=b.jaarafspraken[0], organisatie=sc.c3, tekst="Samen")
    samen.mede_organisaties.add(dubbel)
    factories.OndertekeningFactory(jaarschijf=b.jaarschijf, organisatie=dubbel, volgorde=9)
    factories.VoorraadmutatieFactory(jaarschijf=b.jaarschijf, corporatie=dubbel)
    medewerker = lid(dubbel, username="dubbel.medewerker")
    factories.OpmerkingFactory(
        jaarafspraak=b.jaarafspraken[0], auteur=medewerker, organisatie=dubbel, tekst="Van B"
    )
    return dubbel, medewerker


def test_alles_gaat_over_naar_de_organisatie_die_blijft():
    sc = autorisatiewereld()
    dubbel, medewerker = _dubbel_in_b(sc)
    voor = _verwijzingen(sc.c1) + _verwijzingen(dubbel)

    telling = organisaties_samenvoegen(
        behouden=sc.c1, duplicaat=dubbel, door=sc.gebruiker("superuser")
    )

    assert not Organisatie.objects.filter(pk=dubbel.pk).exists()
    assert _verwijzingen(dubbel) == 0 and _verwijzingen(sc.c1) == voor
    assert set(telling) >= {
        "afspraken.Partij",
        "afspraken.Stap",
        "afspraken.Ondertekening",
        "voorraad.Voorraadmutatie",
        "gemeenten.Lidmaatschap",
        "monitoring.Opmerking",
    }
    b = sc.b
    assert Partij.objects.filter(overeenkomst=b.overeenkomst, organisatie=sc.c1).exists()
    assert sc.c1 in b.afspraken[0].trekkers.all()
    assert Stap.objects.filter(organisatie=sc.c1, tekst="Eigen").exists()
    assert sc.c1 in Stap.objects.get(tekst="Samen").mede_organisaties.all()
    assert Ondertekening.objects.filter(jaarschijf=b.jaarschijf, organisatie=sc.c1).exists()
    assert Voorraadmutatie.objects.filter(jaarschijf=b.jaarschijf, corporatie=sc.c1).exists()
    assert Opmerking.objects.get(tekst="Van B").organisatie == sc.c1
    assert Lidmaatschap.objects.get(gebruiker=medewerker).organisatie == sc.c1
    sc.c1.refresh_from_db()
    # What the kept one missed it takes over; now in two gemeenten's work it is shared.
    assert (sc.c1.afkorting, sc.c1.kvk_nummer, sc.c1.l_nummer) == ("C1", "12345678", "L1234")
    assert sc.c1.aangemaakt_voor is None


def test_een_trekker_die_er_al_stond_staat_er_een_keer():
    sc = autorisatiewereld()
    dubbel = factories.OrganisatieFactory(naam="Corporatie 1")
    afspraak = sc.a.afspraken[0]
    afspraak.trekkers.add(dubbel)
    organisaties_samenvoegen(behouden=sc.c1, duplicaat=dubbel, door=sc.gebruiker("superuser"))
    assert list(Afspraak.objects.get(pk=afspraak.pk).trekkers.all()) == [sc.c1]


@pytest.mark.parametrize(
    "rol", ["gemeente_medewerker", "organisatie_beheerder", "corporatie_medewerker"]
)
def test_alleen_een_superuser_voegt_samen(rol):
    sc = autorisatiewereld()
    dubbel, _medewerker = _dubbel_in_b(sc)
    with pytest.raises(Geweigerd):
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=dubbel, door=sc.gebruiker(rol))
    assert Organisatie.objects.filter(pk=dubbel.pk).exists()


def test_een_botsing_op_een_unieke_regel_weigert_alles():
    sc = autorisatiewereld()
    dubbel, medewerker = _dubbel_in_b(sc)
    # Both party to A's agreement: one party per organisation per agreement.
    factories.PartijFactory(overeenkomst=sc.a.overeenkomst, organisatie=dubbel, volgorde=8)
    voor = _verwijzingen(dubbel)
    with pytest.raises(ValidationError) as fout:
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=dubbel, door=sc.gebruiker("superuser"))
    assert "maar één keer mag bestaan" in " ".join(fout.value.messages)
    assert "overeenkomst" in " ".join(fout.value.messages)
    assert _verwijzingen(dubbel) == voor
    assert Lidmaatschap.objects.get(gebruiker=medewerker).organisatie == dubbel


def test_verschillende_typen_of_registratienummers_blijven_twee():
    sc = autorisatiewereld()
    superuser = sc.gebruiker("superuser")
    with pytest.raises(ValidationError, match="ander type"):
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=sc.h1, door=superuser)
    sc.c1.kvk_nummer = "87654321"
    sc.c1.save()
    dubbel = factories.OrganisatieFactory(naam="Corporatie 1", kvk_nummer="12345678")
    with pytest.raises(ValidationError, match="ander KvK-nummer"):
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=dubbel, door=superuser)
    with pytest.raises(ValidationError, match="twee verschillende"):
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=sc.c1, door=superuser)


@pytest.mark.parametrize("status", [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def test_een_bevroren_jaarschijf_houdt_wat_zij_noemt(status):
    sc = autorisatiewereld()
    dubbel, _medewerker = _dubbel_in_b(sc)
    jaarschijf = factories.zet_status(sc.b.jaarschijf, status)
    inhoud = jaarschijf.vastgelegde_inhoud
    assert dubbel.pk in {o["id"] for o in inhoud["organisaties"]}
    superuser = sc.gebruiker("superuser")

    with pytest.raises(ValidationError) as fout:
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=dubbel, door=superuser)
    melding = " ".join(fout.value.messages)
    assert "Corporatie 1 staat in jaarschijf 2026 van Prestatieafspraken Beekdorp" in melding
    assert "Voeg andersom samen" in melding
    jaarschijf.refresh_from_db()
    assert jaarschijf.vastgelegde_inhoud == inhoud
    assert Stap.objects.filter(organisatie=dubbel).exists()

    # The other way round: Corporatie Een's work is all in concepts, so it moves.
    organisaties_samenvoegen(behouden=dubbel, duplicaat=sc.c1, door=superuser)
    assert not Organisatie.objects.filter(pk=sc.c1.pk).exists()
    jaarschijf.refresh_from_db()
    assert jaarschijf.vastgelegde_inhoud == inhoud
    assert Partij.objects.filter(overeenkomst=sc.a.overeenkomst, organisatie=dubbel).exists()


def test_bevroren_rijen_zonder_kopie_weigeren_ook():
    """A frozen row (here a step) refuses even when the copy would not say so."""
    sc = autorisatiewereld()
    dubbel, _medewerker = _dubbel_in_b(sc)
    jaarschijf = factories.zet_status(sc.b.jaarschijf, JaarschijfStatus.VASTGESTELD)
    type(jaarschijf).objects.filter(pk=jaarschijf.pk).update(vastgelegde_inhoud=None)
    with pytest.raises(ValidationError, match="vastgestelde of ondertekende jaarschijf"):
        organisaties_samenvoegen(behouden=sc.c1, duplicaat=dubbel, door=sc.gebruiker("superuser"))
    assert Organisatie.objects.filter(pk=dubbel.pk).exists()


def test_de_beheer_actie_vraagt_wie_blijft_en_voegt_samen():
    sc = autorisatiewereld()
    dubbel, _medewerker = _dubbel_in_b(sc)
    client = Client()
    client.force_login(sc.gebruiker("superuser"))
    url = reverse("admin:gemeenten_organisatie_changelist")
    actie = {"action": "samenvoegen", "_selected_action": [sc.c1.pk, dubbel.pk]}

    vraag = client.post(url, actie)
    assert vraag.status_code == 200
    assert "Kies de organisatie die blijft" in vraag.content.decode()
    assert Organisatie.objects.filter(pk=dubbel.pk).exists()

    klaar = client.post(url, {**actie, "behouden": sc.c1.pk})
    assert klaar.status_code == 302
    assert not Organisatie.objects.filter(pk=dubbel.pk).exists()
    assert Partij.objects.filter(overeenkomst=sc.b.overeenkomst, organisatie=sc.c1).exists()


def test_de_beheer_actie_meldt_een_weigering():
    sc = autorisatiewereld()
    dubbel = factories.OrganisatieFactory(
        naam="Huurders Een", type=OrganisatieType.HUURDERSORGANISATIE
    )
    client = Client()
    client.force_login(sc.gebruiker("superuser"))
    url = reverse("admin:gemeenten_organisatie_changelist")
    antwoord = client.post(
        url,
        {"action": "samenvoegen", "_selected_action": [sc.c1.pk, dubbel.pk], "behouden": sc.c1.pk},
        follow=True,
    )
    assert "ander type" in antwoord.content.decode()
    assert Organisatie.objects.filter(pk=dubbel.pk).exists()
