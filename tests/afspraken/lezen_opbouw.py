"""Test data for the read pages: one overeenkomst with N afspraken, built in bulk."""

import datetime
from dataclasses import dataclass

from afspraken.constants import JaarschijfStatus, Soort, Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Stap
from gemeenten.models import Gebruiker, Organisatie
from tests import factories
from voorraad.constants import CijferSoort

# The header htmx sends with every request it makes.
HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Opbouw:
    overeenkomst: object
    jaarschijf: object
    gemeente: Organisatie
    corporatie: Organisatie
    huurders: Organisatie
    gemeente_gebruiker: Gebruiker
    corporatie_gebruiker: Gebruiker
    huurders_gebruiker: Gebruiker
    buitenstaander: Gebruiker
    ander_overeenkomst: object


def lid(organisatie, **kwargs):
    return factories.LidmaatschapFactory(organisatie=organisatie, **kwargs).gebruiker


def bouw(aantal: int = 1, status=JaarschijfStatus.TER_BESPREKING) -> Opbouw:
    gemeente = factories.GemeenteOrganisatieFactory(afkorting="BO")
    overeenkomst = factories.OvereenkomstFactory(gemeente=gemeente.gemeente)
    corporatie = factories.OrganisatieFactory(naam="Woonservice", afkorting="WS")
    huurders = factories.HuurdersorganisatieFactory(naam="Samen Sterk", afkorting="HVSS")
    for volgorde, organisatie in enumerate([gemeente, corporatie, huurders]):
        factories.PartijFactory(
            overeenkomst=overeenkomst,
            organisatie=organisatie,
            volgorde=volgorde,
            vertegenwoordiger=f"Vertegenwoordiger {organisatie.afkorting}",
        )
    themas = [
        factories.ThemaFactory(
            overeenkomst=overeenkomst, naam="Beschikbaarheid", letter="A", toelichting="Over A."
        ),
        factories.ThemaFactory(overeenkomst=overeenkomst, naam="Betaalbaarheid", letter="B"),
    ]
    jaarschijf = factories.JaarschijfFactory(
        overeenkomst=overeenkomst,
        jaar=2026,
        inleiding="Inleiding van de jaarschijf.",
        plaats="Exloo",
        datum=datetime.date(2025, 12, 10),
        geldig_tot=datetime.date(2026, 12, 31),
    )
    factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=2025)

    afspraken = Afspraak.objects.bulk_create(
        Afspraak(
            overeenkomst=overeenkomst,
            thema=themas[i % 2],
            code=f"{'AB'[i % 2]}{i + 1}",
            volgorde=i,
            soort=Soort.PRESTATIEAFSPRAAK if i % 3 else Soort.PROCESAFSPRAAK,
            inhoud=f"Afspraak nummer {i + 1} over wonen",
            resultaat="320 extra woningen" if i % 2 else "",
            periode="2024-2028" if i % 5 else "",
            doel="",
        )
        for i in range(aantal)
    )
    # Every third afspraak (after the first) becomes a sub-afspraak of the first.
    for afspraak in afspraken[3::3]:
        afspraak.parent = afspraken[0]
        afspraak.thema = afspraken[0].thema
    Afspraak.objects.bulk_update(afspraken, ["parent", "thema"])
    Afspraak.trekkers.through.objects.bulk_create(
        Afspraak.trekkers.through(afspraak=a, organisatie=corporatie if i % 2 else gemeente)
        for i, a in enumerate(afspraken)
    )
    jaarafspraken = Jaarafspraak.objects.bulk_create(
        Jaarafspraak(
            jaarschijf=jaarschijf,
            afspraak=a,
            tekst=f"Plan {a.code} in 2026",
            status=Voortgang.OP_KOERS if i % 2 else Voortgang.AANDACHT,
        )
        for i, a in enumerate(afspraken)
    )
    Stap.objects.bulk_create(
        Stap(jaarafspraak=ja, organisatie=huurders, tekst=f"Huurders doen mee aan {i}")
        for i, ja in enumerate(jaarafspraken)
    )

    nieuwbouw = factories.CategorieFactory(naam="nieuwbouw")
    sloop = factories.CategorieFactory(naam="sloop")
    for categorie, jaar_van, jaar_tot, aantal_, soort in [
        (nieuwbouw, 2025, 2025, 1129, CijferSoort.REALISATIE),
        (nieuwbouw, 2026, 2026, 12, CijferSoort.PROGNOSE),
        (nieuwbouw, 2026, 2027, 30, CijferSoort.PROGNOSE),
        (sloop, 2026, 2026, None, CijferSoort.PROGNOSE),
        (sloop, 2025, 2025, 0, CijferSoort.REALISATIE),
    ]:
        factories.VoorraadmutatieFactory(
            jaarschijf=jaarschijf,
            corporatie=corporatie,
            categorie=categorie,
            jaar_van=jaar_van,
            jaar_tot=jaar_tot,
            aantal=aantal_,
            soort=soort,
        )
    factories.VoorraadstandFactory(jaarschijf=jaarschijf, corporatie=corporatie, aantal=3571)
    for organisatie in (gemeente, corporatie, huurders):
        factories.OndertekeningFactory(
            jaarschijf=jaarschijf,
            organisatie=organisatie,
            naam=f"Ondertekenaar {organisatie.afkorting}",
            functie="Directeur",
        )

    factories.zet_status(jaarschijf, status)

    ander = factories.OvereenkomstFactory(titel="Geheime afspraken elders")
    buiten_corporatie = factories.OrganisatieFactory(naam="Elders Wonen")
    factories.PartijFactory(overeenkomst=ander, organisatie=buiten_corporatie)
    factories.AfspraakFactory(
        thema__overeenkomst=ander, code="Z99", inhoud="Geheime afspraak elders"
    )
    return Opbouw(
        overeenkomst=overeenkomst,
        jaarschijf=jaarschijf,
        gemeente=gemeente,
        corporatie=corporatie,
        huurders=huurders,
        gemeente_gebruiker=lid(gemeente),
        corporatie_gebruiker=lid(corporatie),
        huurders_gebruiker=lid(huurders),
        buitenstaander=lid(buiten_corporatie),
        ander_overeenkomst=ander,
    )
