"""factory_boy factories for every model; Dutch fake data where text is free."""

import datetime

import factory
from factory.django import DjangoModelFactory

from afspraken import vastlegging
from afspraken.constants import BEVROREN_STATUSSEN
from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Ondertekening,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from gemeenten import generaties
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie
from monitoring.models import Opmerking, Reactie
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand

factory.Faker._DEFAULT_LOCALE = "nl_NL"


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{n:04d}")


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Woningcorporatie {n}")
    type = OrganisatieType.WONINGCORPORATIE
    afkorting = factory.Sequence(lambda n: f"WC{n}")


class GemeenteOrganisatieFactory(OrganisatieFactory):
    type = OrganisatieType.GEMEENTE
    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.LazyAttribute(lambda o: f"Gemeente {o.gemeente.naam}")
    afkorting = factory.Sequence(lambda n: f"G{n}")


class HuurdersorganisatieFactory(OrganisatieFactory):
    type = OrganisatieType.HUURDERSORGANISATIE
    naam = factory.Sequence(lambda n: f"Huurdersvereniging {n}")
    afkorting = factory.Sequence(lambda n: f"HV{n}")


class GebruikerFactory(DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("driehoek-test")


class LidmaatschapFactory(DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    gebruiker = factory.SubFactory(GebruikerFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    rol = Rol.MEDEWERKER


class OvereenkomstFactory(DjangoModelFactory):
    class Meta:
        model = Overeenkomst

    gemeente = factory.SubFactory(GemeenteFactory)
    titel = factory.Sequence(lambda n: f"Meerjarige prestatieafspraken {n}")
    startdatum = datetime.date(2024, 1, 1)
    einddatum = datetime.date(2028, 12, 31)


class PartijFactory(DjangoModelFactory):
    class Meta:
        model = Partij

    overeenkomst = factory.SubFactory(OvereenkomstFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = Thema

    overeenkomst = factory.SubFactory(OvereenkomstFactory)
    naam = factory.Sequence(lambda n: f"Thema {n}")
    volgorde = factory.Sequence(int)


class AfspraakFactory(DjangoModelFactory):
    class Meta:
        model = Afspraak

    thema = factory.SubFactory(ThemaFactory)
    overeenkomst = factory.SelfAttribute("thema.overeenkomst")
    code = factory.Sequence(lambda n: f"A{n}")
    volgorde = factory.Sequence(int)
    inhoud = factory.Faker("paragraph")
    periode = "2024-2028"


class JaarschijfFactory(DjangoModelFactory):
    class Meta:
        model = Jaarschijf

    overeenkomst = factory.SubFactory(OvereenkomstFactory)
    jaar = 2026
    titel = factory.LazyAttribute(lambda o: f"Jaarschijf {o.jaar}")


class JaarafspraakFactory(DjangoModelFactory):
    class Meta:
        model = Jaarafspraak

    jaarschijf = factory.SubFactory(JaarschijfFactory)
    afspraak = factory.SubFactory(
        AfspraakFactory, thema__overeenkomst=factory.SelfAttribute("...jaarschijf.overeenkomst")
    )
    tekst = factory.Faker("sentence")


class StapFactory(DjangoModelFactory):
    class Meta:
        model = Stap

    jaarafspraak = factory.SubFactory(JaarafspraakFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    tekst = factory.Faker("sentence")


class OndertekeningFactory(DjangoModelFactory):
    class Meta:
        model = Ondertekening

    jaarschijf = factory.SubFactory(JaarschijfFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = factory.Faker("name")


class OpmerkingFactory(DjangoModelFactory):
    """A remark on an afspraak of a jaarschijf; `jaarafspraak=None` for the whole jaarschijf."""

    class Meta:
        model = Opmerking

    jaarafspraak = factory.SubFactory(JaarafspraakFactory)
    jaarschijf = factory.LazyAttribute(
        lambda o: o.jaarafspraak.jaarschijf if o.jaarafspraak else JaarschijfFactory()
    )
    auteur = factory.SubFactory(GebruikerFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    tekst = factory.Faker("sentence")


class ReactieFactory(DjangoModelFactory):
    """A reply in the thread of a remark."""

    class Meta:
        model = Reactie

    opmerking = factory.SubFactory(OpmerkingFactory)
    auteur = factory.SubFactory(GebruikerFactory)
    organisatie = factory.SubFactory(OrganisatieFactory)
    tekst = factory.Faker("sentence")


class CategorieFactory(DjangoModelFactory):
    class Meta:
        model = Categorie
        django_get_or_create = ["naam", "overeenkomst"]

    overeenkomst = None  # the default list; an agreement's own rows name theirs

    naam = "nieuwbouw"


class SegmentFactory(DjangoModelFactory):
    class Meta:
        model = Segment
        django_get_or_create = ["naam", "overeenkomst"]

    overeenkomst = None  # the default list; an agreement's own rows name theirs

    naam = "sociale huur (DAEB)"


class VoorraadmutatieFactory(DjangoModelFactory):
    class Meta:
        model = Voorraadmutatie

    jaarschijf = factory.SubFactory(JaarschijfFactory)
    corporatie = factory.SubFactory(OrganisatieFactory)
    categorie = factory.SubFactory(CategorieFactory)
    jaar_van = 2026
    jaar_tot = 2026
    soort = CijferSoort.PROGNOSE
    aantal = 10


class VoorraadstandFactory(DjangoModelFactory):
    class Meta:
        model = Voorraadstand

    jaarschijf = factory.SubFactory(JaarschijfFactory)
    corporatie = factory.SubFactory(OrganisatieFactory)
    segment = factory.SubFactory(SegmentFactory)
    peildatum = datetime.date(2025, 12, 31)
    soort = CijferSoort.REALISATIE
    aantal = 1000


def zet_status(jaarschijf: Jaarschijf, status: str) -> Jaarschijf:
    """Put a test jaarschijf in `status` as a fixed document would be: with its own copy of
    the agreement when frozen. Written past the lifecycle services on purpose (a test world
    starts where it starts); build the content first, the models refuse it afterwards."""
    velden = {"status": status}
    if status in BEVROREN_STATUSSEN:
        velden["vastgelegde_inhoud"] = vastlegging.vastleggen(jaarschijf)
    Jaarschijf.objects.filter(pk=jaarschijf.pk).update(**velden)
    # Past the signals too: the pages of its gemeente are renewed by hand.
    generaties.geschreven(Jaarschijf, [jaarschijf])
    jaarschijf.refresh_from_db()
    return jaarschijf
