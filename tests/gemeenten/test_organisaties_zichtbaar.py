"""Organisations are not global by accident (#14, point 6): registration numbers with Dutch
format messages, and a gemeente's own organisations out of every other gemeente's sight
(docs/organisaties.md). The attack replays: gemeente B's staff cannot see, choose (a
crafted POST with the pk) or invite into gemeente A's own organisation."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from afspraken import services as afspraken_services
from afspraken.models import Partij
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Lidmaatschap, Organisatie
from tests import factories
from tests.wereld import autorisatiewereld, lid

pytestmark = pytest.mark.django_db


def _eigen_van_a(sc, **velden):
    """Gemeente A's own organisation, as A's import would leave it."""
    return factories.OrganisatieFactory(
        naam="Woonservice 🏠",
        type=OrganisatieType.HUURDERSORGANISATIE,
        afkorting="WS",
        aangemaakt_voor=sc.a.gemeente,
        **velden,
    )


# --- Registration numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("velden", "veld", "melding"),
    [
        ({"kvk_nummer": "1234567"}, "kvk_nummer", "Een KvK-nummer bestaat uit 8 cijfers."),
        ({"kvk_nummer": "1234567a"}, "kvk_nummer", "Een KvK-nummer bestaat uit 8 cijfers."),
        ({"l_nummer": "1234"}, "l_nummer", "Een L-nummer is een L gevolgd door 4 cijfers"),
        ({"l_nummer": "L12345"}, "l_nummer", "Een L-nummer is een L gevolgd door 4 cijfers"),
        (
            {"l_nummer": "L1234", "type": OrganisatieType.HUURDERSORGANISATIE},
            "l_nummer",
            "Alleen een woningcorporatie heeft een L-nummer.",
        ),
    ],
)
def test_registratienummers_met_een_nederlandse_melding(velden, veld, melding):
    organisatie = Organisatie(naam="Woonstede", **{"type": "woningcorporatie", **velden})
    with pytest.raises(ValidationError) as fout:
        organisatie.full_clean()
    assert any(melding in m for m in fout.value.message_dict[veld])


def test_een_registratienummer_hoort_bij_een_organisatie():
    factories.OrganisatieFactory(kvk_nummer="12345678", l_nummer="L1234")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.OrganisatieFactory(kvk_nummer="12345678")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.OrganisatieFactory(l_nummer="L1234")
    # No number is no identity: many organisations have none.
    factories.OrganisatieFactory(kvk_nummer="")
    factories.OrganisatieFactory(kvk_nummer="")


def test_twee_gemeenten_hebben_elk_hun_eigen_gelijknamige_organisatie():
    sc = autorisatiewereld()
    _eigen_van_a(sc)
    factories.OrganisatieFactory(
        naam="woonservice 🏠", type="huurdersorganisatie", aangemaakt_voor=sc.b.gemeente
    )
    factories.OrganisatieFactory(naam="Woonservice 🏠", type="huurdersorganisatie")
    with pytest.raises(IntegrityError), transaction.atomic():
        _eigen_van_a(sc)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.OrganisatieFactory(naam="WOONSERVICE 🏠", type="huurdersorganisatie")


# --- Who sees what -------------------------------------------------------------------------


def test_zichtbaar_voor_gedeeld_eigen_gemeente_en_eigen_organisatie():
    sc = autorisatiewereld()
    van_a = _eigen_van_a(sc)
    van_b = factories.OrganisatieFactory(naam="Beekdorp Wonen", aangemaakt_voor=sc.b.gemeente)
    lid_van_a_eigen = lid(van_a, username="ws.medewerker")
    medewerker_b = sc.collega[sc.b.gemeente_org.pk]

    def ziet(user):
        return set(Organisatie.objects.zichtbaar_voor(user))

    gedeeld = set(Organisatie.objects.filter(aangemaakt_voor__isnull=True))
    assert ziet(sc.gebruiker("gemeente_medewerker")) == gedeeld | {van_a}
    assert ziet(medewerker_b) == gedeeld | {van_b}
    # Its own members see their organisation; a corporatie sees the shared ones.
    assert van_a in ziet(lid_van_a_eigen) and van_b not in ziet(lid_van_a_eigen)
    assert ziet(sc.gebruiker("corporatie_medewerker")) == gedeeld
    assert ziet(sc.gebruiker("superuser")) == set(Organisatie.objects.all())
    assert ziet(factories.GebruikerFactory()) == gedeeld


# --- The attack replays --------------------------------------------------------------------


def test_gemeente_b_kan_de_eigen_organisatie_van_a_niet_kiezen():
    sc = autorisatiewereld()
    van_a = _eigen_van_a(sc)
    url = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": sc.b.overeenkomst.pk})
    client = Client()
    client.force_login(sc.collega[sc.b.gemeente_org.pk])

    pagina = client.get(url)
    assert van_a not in pagina.context["form"].fields["organisatie"].queryset
    assert "Woonservice" not in pagina.content.decode()

    aanval = client.post(url, {"organisatie": van_a.pk})
    assert aanval.status_code == 200
    assert "Kies een organisatie uit de lijst" in aanval.content.decode()
    assert not Partij.objects.filter(organisatie=van_a).exists()

    # A's own staff choose it for A's agreement.
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    url_a = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": sc.a.overeenkomst.pk})
    assert client.post(url_a, {"organisatie": van_a.pk}).status_code == 302
    assert Partij.objects.filter(organisatie=van_a, overeenkomst=sc.a.overeenkomst).exists()


def test_de_service_weigert_de_eigen_organisatie_van_een_andere_gemeente():
    sc = autorisatiewereld()
    van_a = _eigen_van_a(sc)
    with pytest.raises(ValidationError) as fout:
        afspraken_services.partij_toevoegen(
            overeenkomst=sc.b.overeenkomst, organisatie=van_a, door=sc.gebruiker("superuser")
        )
    assert "Kies een organisatie uit de lijst." in fout.value.message_dict["organisatie"]
    assert not Partij.objects.filter(organisatie=van_a).exists()


def test_gemeente_b_nodigt_niemand_uit_in_de_eigen_organisatie_van_a(mailoutbox):
    sc = autorisatiewereld()
    van_a = _eigen_van_a(sc)
    beheerder_b = lid(sc.b.gemeente_org, Rol.MEDEWERKER, Rol.BEHEERDER, username="gb.beheer")
    leden = Lidmaatschap.objects.count()
    client = Client()
    client.force_login(beheerder_b)
    assert (
        van_a
        not in client.get(reverse("gemeenten:uitnodigen"))
        .context["form"]
        .fields["organisatie"]
        .queryset
    )
    aanval = client.post(
        reverse("gemeenten:uitnodigen"),
        {
            "organisatie": van_a.pk,
            "voornaam": "Indringer",
            "achternaam": "Overname",
            "email": "indringer@example.org",
        },
    )
    assert aanval.status_code == 200
    assert "Kies een organisatie uit de lijst" in aanval.content.decode()
    toevoegen = client.post(
        reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": van_a.pk}),
        {"voornaam": "I", "achternaam": "O", "email": "io@example.org"},
    )
    assert toevoegen.status_code in (403, 404)
    assert Lidmaatschap.objects.count() == leden and mailoutbox == []


def test_een_dubbel_nummer_of_een_dubbele_naam_krijgt_een_nederlandse_melding():
    sc = autorisatiewereld()
    factories.OrganisatieFactory(kvk_nummer="12345678")
    _eigen_van_a(sc)
    for velden, melding in [
        ({"naam": "Nieuw", "kvk_nummer": "12345678"}, "Er is al een organisatie met dit KvK"),
        ({"naam": "Corporatie Een"}, "Er is al een gedeelde organisatie van dit type"),
        (
            {
                "naam": "Woonservice 🏠",
                "type": OrganisatieType.HUURDERSORGANISATIE,
                "aangemaakt_voor": sc.a.gemeente,
            },
            "Deze gemeente heeft al een eigen organisatie",
        ),
    ]:
        organisatie = Organisatie(**{"type": OrganisatieType.WONINGCORPORATIE, **velden})
        with pytest.raises(ValidationError) as fout:
            organisatie.full_clean()
        assert any(melding in m for m in fout.value.messages), fout.value.messages
