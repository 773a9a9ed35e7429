"""The authorization world: two gemeenten with their parties, agreements and figures, and one
user per role. Shared by tests/test_autorisatie.py and the rules and scope tests.

Gemeente A: gemeente organisatie GA, corporaties C1 and C2, huurdersorganisatie H1.
  overeenkomst OA (parties GA, C1, C2, H1) with jaarschijf JA (2026, concept), thema TA,
  afspraak AF1 (trekker C1) and AF2 (trekker C2), their jaarafspraken and steps, a
  mutation and a stock level of C1 and of C2, an ondertekening line per party, a remark
  (Opmerking) of C1 on AF1;
  overeenkomst OA2 (parties GA and C2 only): an agreement of the same gemeente that C1 and
  H1 are no party to.
Gemeente B: GB, C3, H2 with overeenkomst OB and the same shape (trekker C3).

The roles all act for A: gemeente = GA, corporatie = C1, huurders = H1, beheerder = C1.
"""

from dataclasses import dataclass, field

from afspraken.constants import JaarschijfStatus
from gemeenten.constants import Rol
from tests import factories

ROLLEN = [
    "anoniem",
    "gemeente_medewerker",
    "corporatie_medewerker",
    "corporatie_ondertekenaar",
    "huurders_medewerker",
    "organisatie_beheerder",
    "superuser",
]


@dataclass
class Partijwereld:
    """One gemeente's agreement with everything hanging under it."""

    gemeente: object
    gemeente_org: object
    corporaties: list
    huurders: object
    overeenkomst: object
    jaarschijf: object
    thema: object
    afspraken: list
    jaarafspraken: list
    stappen: list
    mutaties: list
    standen: list
    ondertekeningen: dict = field(default_factory=dict)
    opmerkingen: list = field(default_factory=list)


def bouw_partijwereld(naam, corporaties, huurders, jaar=2026, status=JaarschijfStatus.CONCEPT):
    gemeente = factories.GemeenteFactory(naam=naam)
    gemeente_org = factories.GemeenteOrganisatieFactory(gemeente=gemeente)
    overeenkomst = factories.OvereenkomstFactory(
        gemeente=gemeente, titel=f"Prestatieafspraken {naam}"
    )
    partijen = [gemeente_org, *corporaties, huurders]
    for volgorde, organisatie in enumerate(partijen):
        factories.PartijFactory(
            overeenkomst=overeenkomst, organisatie=organisatie, volgorde=volgorde
        )
    jaarschijf = factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=jaar)
    thema = factories.ThemaFactory(overeenkomst=overeenkomst, naam=f"Betaalbaarheid {naam}")
    afspraken, jaarafspraken, stappen, mutaties, standen = [], [], [], [], []
    for corporatie in corporaties:
        afspraak = factories.AfspraakFactory(
            thema=thema, inhoud=f"Afspraak van {corporatie.afkorting} in {naam}"
        )
        afspraak.trekkers.add(corporatie)
        jaarafspraak = factories.JaarafspraakFactory(
            jaarschijf=jaarschijf, afspraak=afspraak, tekst=f"Plan {corporatie.afkorting}"
        )
        afspraken.append(afspraak)
        jaarafspraken.append(jaarafspraak)
        stappen.append(
            factories.StapFactory(
                jaarafspraak=jaarafspraak,
                organisatie=corporatie,
                tekst=f"Stap van {corporatie.afkorting}",
            )
        )
        mutaties.append(
            factories.VoorraadmutatieFactory(jaarschijf=jaarschijf, corporatie=corporatie)
        )
        standen.append(factories.VoorraadstandFactory(jaarschijf=jaarschijf, corporatie=corporatie))
    ondertekeningen = {
        organisatie.pk: factories.OndertekeningFactory(
            jaarschijf=jaarschijf, organisatie=organisatie, volgorde=volgorde
        )
        for volgorde, organisatie in enumerate(partijen)
    }
    factories.zet_status(jaarschijf, status)
    return Partijwereld(
        gemeente=gemeente,
        gemeente_org=gemeente_org,
        corporaties=list(corporaties),
        huurders=huurders,
        overeenkomst=overeenkomst,
        jaarschijf=jaarschijf,
        thema=thema,
        afspraken=afspraken,
        jaarafspraken=jaarafspraken,
        stappen=stappen,
        mutaties=mutaties,
        standen=standen,
        ondertekeningen=ondertekeningen,
    )


@dataclass
class Scenario:
    a: Partijwereld
    a2: Partijwereld
    b: Partijwereld
    c1: object
    c2: object
    c3: object
    h1: object
    gebruikers: dict
    collega: dict

    def gebruiker(self, rol):
        return self.gebruikers.get(rol)


def lid(organisatie, *rollen, username):
    gebruiker = factories.GebruikerFactory(username=username)
    for rol in rollen:
        factories.LidmaatschapFactory(gebruiker=gebruiker, organisatie=organisatie, rol=rol)
    return gebruiker


def bouw_scenario() -> Scenario:
    c1 = factories.OrganisatieFactory(naam="Corporatie Een", afkorting="C1")
    c2 = factories.OrganisatieFactory(naam="Corporatie Twee", afkorting="C2")
    c3 = factories.OrganisatieFactory(naam="Corporatie Drie", afkorting="C3")
    h1 = factories.HuurdersorganisatieFactory(naam="Huurders Aadorp", afkorting="H1")
    h2 = factories.HuurdersorganisatieFactory(naam="Huurders Beekdorp", afkorting="H2")
    a = bouw_partijwereld("Aadorp", [c1, c2], h1)
    # A second agreement of gemeente A to which only GA and C2 are party.
    overeenkomst2 = factories.OvereenkomstFactory(gemeente=a.gemeente, titel="Convenant Aadorp")
    factories.PartijFactory(overeenkomst=overeenkomst2, organisatie=a.gemeente_org)
    factories.PartijFactory(overeenkomst=overeenkomst2, organisatie=c2)
    jaarschijf2 = factories.JaarschijfFactory(overeenkomst=overeenkomst2, jaar=2026)
    thema2 = factories.ThemaFactory(overeenkomst=overeenkomst2, naam="Bouwopgave Aadorp")
    afspraak2 = factories.AfspraakFactory(thema=thema2, inhoud="Afspraak van C2 in convenant")
    afspraak2.trekkers.add(c2)
    jaarafspraak2 = factories.JaarafspraakFactory(jaarschijf=jaarschijf2, afspraak=afspraak2)
    a2 = Partijwereld(
        gemeente=a.gemeente,
        gemeente_org=a.gemeente_org,
        corporaties=[c2],
        huurders=None,
        overeenkomst=overeenkomst2,
        jaarschijf=jaarschijf2,
        thema=thema2,
        afspraken=[afspraak2],
        jaarafspraken=[jaarafspraak2],
        stappen=[
            factories.StapFactory(jaarafspraak=jaarafspraak2, organisatie=c2, tekst="Stap C2")
        ],
        mutaties=[factories.VoorraadmutatieFactory(jaarschijf=jaarschijf2, corporatie=c2)],
        standen=[factories.VoorraadstandFactory(jaarschijf=jaarschijf2, corporatie=c2)],
    )
    b = bouw_partijwereld("Beekdorp", [c3], h2)
    gebruikers = {
        "anoniem": None,
        "gemeente_medewerker": lid(a.gemeente_org, Rol.MEDEWERKER, username="ga.medewerker"),
        "corporatie_medewerker": lid(c1, Rol.MEDEWERKER, username="c1.medewerker"),
        "corporatie_ondertekenaar": lid(
            c1, Rol.MEDEWERKER, Rol.ONDERTEKENAAR, username="c1.ondertekenaar"
        ),
        "huurders_medewerker": lid(h1, Rol.MEDEWERKER, username="h1.medewerker"),
        "organisatie_beheerder": lid(c1, Rol.MEDEWERKER, Rol.BEHEERDER, username="c1.beheerder"),
        "superuser": factories.GebruikerFactory(
            username="beheer", is_superuser=True, is_staff=True
        ),
    }
    # A colleague in each organisation, whose membership the member pages point at.
    collega = {
        organisatie.pk: lid(
            organisatie, Rol.MEDEWERKER, username=f"collega.{organisatie.afkorting}"
        )
        for organisatie in (a.gemeente_org, c1, c2, c3, h1, b.gemeente_org)
    }
    # A remark of each world's corporatie on its first afspraak; the texts carry the marks
    # that the list tests look for ("Beekdorp", "in convenant").
    for wereld, corporatie, plaats in (
        (a, c1, "Aadorp"),
        (a2, c2, "convenant"),
        (b, c3, "Beekdorp"),
    ):
        wereld.opmerkingen = [
            factories.OpmerkingFactory(
                jaarafspraak=wereld.jaarafspraken[0],
                auteur=collega[corporatie.pk],
                organisatie=corporatie,
                tekst=f"Opmerking in {plaats}",
            )
        ]
    return Scenario(
        a=a, a2=a2, b=b, c1=c1, c2=c2, c3=c3, h1=h1, gebruikers=gebruikers, collega=collega
    )
