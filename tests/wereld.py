"""The one builder of test worlds; tests/factories.py stays the layer of single objects.

- `partijwereld(naam, corporaties, huurders)`: one gemeente's agreement, a jaarschijf (put in
  `status`), a thema, per corporatie an afspraak it leads with jaarafspraak, step, mutation
  and stock level, and an ondertekening line per party.
- `autorisatiewereld()`: gemeente A (GA; corporaties C1, C2; huurders H1) with agreement OA
  (all four party, jaarschijf 2026 concept, afspraken of C1 and C2, a remark of C1) and
  agreement OA2 (only GA and C2 party); gemeente B (GB, C3, H2) with OB of the same shape;
  one user per role, all acting for A (gemeente GA, corporatie and beheerder C1, huurders H1).
- `bevroren(status)`: that world with OA's jaarschijf frozen and a gemeente beheerder added.
- `paginawereld(aantal, status)`: one agreement with `aantal` afspraken built in bulk (every
  third after the first a sub-afspraak), two themes, figures, signatories, a user per party
  and an outsider with an agreement elsewhere; for the page tests and query budgets.

The steps below (`lid`, `partijen`, `ondertekeningen`, `afspraken_in_bulk`, ...) serve tests
that need a variation. `voor_de_module` builds a world once for a module that only reads it.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

from afspraken.constants import JaarschijfStatus, Soort, Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Stap
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Organisatie
from tests import factories
from voorraad.constants import CijferSoort

# The header htmx sends with every request it makes.
HTMX = {"HTTP_HX_REQUEST": "true"}

ROLLEN = [
    "anoniem",
    "gemeente_medewerker",
    "corporatie_medewerker",
    "corporatie_ondertekenaar",
    "huurders_medewerker",
    "organisatie_beheerder",
    "superuser",
]


# --- Steps ------------------------------------------------------------------------------------


def lid(organisatie, *rollen, username=None) -> Gebruiker:
    """A user with `rollen` (medewerker when none are named) in `organisatie`."""
    gebruiker = factories.GebruikerFactory(**({"username": username} if username else {}))
    for rol in rollen or (Rol.MEDEWERKER,):
        factories.LidmaatschapFactory(gebruiker=gebruiker, organisatie=organisatie, rol=rol)
    return gebruiker


def partijen(overeenkomst, organisaties, vertegenwoordiger=False):
    for volgorde, organisatie in enumerate(organisaties):
        extra = {"vertegenwoordiger": f"Vertegenwoordiger {organisatie.afkorting}"}
        factories.PartijFactory(
            overeenkomst=overeenkomst,
            organisatie=organisatie,
            volgorde=volgorde,
            **(extra if vertegenwoordiger else {}),
        )


def ondertekeningen(jaarschijf, organisaties, **velden) -> dict:
    """An ondertekening line per organisation, by organisation pk, in the given order."""
    return {
        organisatie.pk: factories.OndertekeningFactory(
            jaarschijf=jaarschijf, organisatie=organisatie, volgorde=volgorde, **velden
        )
        for volgorde, organisatie in enumerate(organisaties)
    }


def afspraken_in_bulk(overeenkomst, themas, aantal, trekkers) -> list:
    """`aantal` afspraken alternating over two themes and two trekkers; every third one after
    the first becomes a sub-afspraak of the first."""
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
    for afspraak in afspraken[3::3]:
        afspraak.parent = afspraken[0]
        afspraak.thema = afspraken[0].thema
    Afspraak.objects.bulk_update(afspraken, ["parent", "thema"])
    Afspraak.trekkers.through.objects.bulk_create(
        Afspraak.trekkers.through(afspraak=a, organisatie=trekkers[i % 2])
        for i, a in enumerate(afspraken)
    )
    return afspraken


def jaarafspraken_in_bulk(jaarschijf, afspraken, stap_van) -> list:
    """A jaarafspraak per afspraak (alternately aandacht and op koers), each with one step of
    `stap_van`."""
    jaarafspraken = Jaarafspraak.objects.bulk_create(
        Jaarafspraak(
            jaarschijf=jaarschijf,
            afspraak=a,
            tekst=f"Plan {a.code} in {jaarschijf.jaar}",
            status=Voortgang.OP_KOERS if i % 2 else Voortgang.AANDACHT,
        )
        for i, a in enumerate(afspraken)
    )
    Stap.objects.bulk_create(
        Stap(jaarafspraak=ja, organisatie=stap_van, tekst=f"Huurders doen mee aan {i}")
        for i, ja in enumerate(jaarafspraken)
    )
    return jaarafspraken


@contextmanager
def voor_de_module(django_db_blocker, bouwer, *args, **kwargs):
    """`bouwer(*args, **kwargs)` once, for the tests of a module that only read it. Each test
    still runs in its own (nested) transaction; the world is rolled back at the end."""
    with django_db_blocker.unblock():
        blok = transaction.atomic()
        blok.__enter__()
    try:
        with django_db_blocker.unblock():
            wereld = bouwer(*args, **kwargs)
        yield wereld
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            blok.__exit__(None, None, None)


# --- One gemeente's agreement -------------------------------------------------------------------


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
    afspraken: list = field(default_factory=list)
    jaarafspraken: list = field(default_factory=list)
    stappen: list = field(default_factory=list)
    mutaties: list = field(default_factory=list)
    standen: list = field(default_factory=list)
    ondertekeningen: dict = field(default_factory=dict)
    opmerkingen: list = field(default_factory=list)


def trekker_afspraak(wereld: Partijwereld, corporatie, inhoud, stap, **jaarafspraak):
    """An afspraak of `corporatie` as trekker in the world's thema, with its jaarafspraak, a
    step, a mutation and a stock level, each added to the world's lists."""
    afspraak = factories.AfspraakFactory(thema=wereld.thema, inhoud=inhoud)
    afspraak.trekkers.add(corporatie)
    ja = factories.JaarafspraakFactory(
        jaarschijf=wereld.jaarschijf, afspraak=afspraak, **jaarafspraak
    )
    wereld.afspraken.append(afspraak)
    wereld.jaarafspraken.append(ja)
    wereld.stappen.append(
        factories.StapFactory(jaarafspraak=ja, organisatie=corporatie, tekst=stap)
    )
    js = wereld.jaarschijf
    wereld.mutaties.append(factories.VoorraadmutatieFactory(jaarschijf=js, corporatie=corporatie))
    wereld.standen.append(factories.VoorraadstandFactory(jaarschijf=js, corporatie=corporatie))


def partijwereld(naam, corporaties, huurders, jaar=2026, status=JaarschijfStatus.CONCEPT):
    gemeente = factories.GemeenteFactory(naam=naam)
    gemeente_org = factories.GemeenteOrganisatieFactory(gemeente=gemeente)
    overeenkomst = factories.OvereenkomstFactory(
        gemeente=gemeente, titel=f"Prestatieafspraken {naam}"
    )
    organisaties = [gemeente_org, *corporaties, huurders]
    partijen(overeenkomst, organisaties)
    wereld = Partijwereld(
        gemeente=gemeente,
        gemeente_org=gemeente_org,
        corporaties=list(corporaties),
        huurders=huurders,
        overeenkomst=overeenkomst,
        jaarschijf=factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=jaar),
        thema=factories.ThemaFactory(overeenkomst=overeenkomst, naam=f"Betaalbaarheid {naam}"),
    )
    for c in corporaties:
        afk = c.afkorting
        trekker_afspraak(
            wereld, c, f"Afspraak van {afk} in {naam}", f"Stap van {afk}", tekst=f"Plan {afk}"
        )
    wereld.ondertekeningen = ondertekeningen(wereld.jaarschijf, organisaties)
    factories.zet_status(wereld.jaarschijf, status)
    return wereld


# --- The authorization world --------------------------------------------------------------------


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


def _convenant(a: Partijwereld, c2) -> Partijwereld:
    """A second agreement of gemeente A to which only GA and C2 are party."""
    overeenkomst = factories.OvereenkomstFactory(gemeente=a.gemeente, titel="Convenant Aadorp")
    factories.PartijFactory(overeenkomst=overeenkomst, organisatie=a.gemeente_org)
    factories.PartijFactory(overeenkomst=overeenkomst, organisatie=c2)
    a2 = Partijwereld(
        gemeente=a.gemeente,
        gemeente_org=a.gemeente_org,
        corporaties=[c2],
        huurders=None,
        overeenkomst=overeenkomst,
        jaarschijf=factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=2026),
        thema=factories.ThemaFactory(overeenkomst=overeenkomst, naam="Bouwopgave Aadorp"),
    )
    trekker_afspraak(a2, c2, "Afspraak van C2 in convenant", "Stap C2")
    return a2


def _gebruikers(a: Partijwereld, c1, h1) -> dict:
    return {
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


def autorisatiewereld() -> Scenario:
    c1 = factories.OrganisatieFactory(naam="Corporatie Een", afkorting="C1")
    c2 = factories.OrganisatieFactory(naam="Corporatie Twee", afkorting="C2")
    c3 = factories.OrganisatieFactory(naam="Corporatie Drie", afkorting="C3")
    h1 = factories.HuurdersorganisatieFactory(naam="Huurders Aadorp", afkorting="H1")
    h2 = factories.HuurdersorganisatieFactory(naam="Huurders Beekdorp", afkorting="H2")
    a = partijwereld("Aadorp", [c1, c2], h1)
    a2 = _convenant(a, c2)
    b = partijwereld("Beekdorp", [c3], h2)
    gebruikers = _gebruikers(a, c1, h1)
    # A colleague in each organisation, whose membership the member pages point at.
    collega = {
        o.pk: lid(o, Rol.MEDEWERKER, username=f"collega.{o.afkorting}")
        for o in (a.gemeente_org, c1, c2, c3, h1, b.gemeente_org)
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
    return Scenario(a, a2, b, c1, c2, c3, h1, gebruikers=gebruikers, collega=collega)


def bevroren(status) -> Scenario:
    sc = autorisatiewereld()
    sc.gebruikers["gemeente_beheerder"] = lid(
        sc.a.gemeente_org, Rol.MEDEWERKER, Rol.BEHEERDER, username="ga.beheerder"
    )
    factories.zet_status(sc.a.jaarschijf, status)
    return sc


# --- The page world ------------------------------------------------------------------------------


@dataclass
class Paginawereld:
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


def _cijfers(jaarschijf, corporatie):
    """Mutations of two categories (one figure left open) and a stock level."""
    nieuwbouw = factories.CategorieFactory(naam="nieuwbouw")
    sloop = factories.CategorieFactory(naam="sloop")
    for categorie, jaar_van, jaar_tot, aantal, soort in [
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
            aantal=aantal,
            soort=soort,
        )
    factories.VoorraadstandFactory(jaarschijf=jaarschijf, corporatie=corporatie, aantal=3571)


def _elders():
    """An agreement the page world's parties have nothing to do with, and its corporatie."""
    ander = factories.OvereenkomstFactory(titel="Geheime afspraken elders")
    buiten_corporatie = factories.OrganisatieFactory(naam="Elders Wonen")
    factories.PartijFactory(overeenkomst=ander, organisatie=buiten_corporatie)
    factories.AfspraakFactory(
        thema__overeenkomst=ander, code="Z99", inhoud="Geheime afspraak elders"
    )
    return ander, buiten_corporatie


def paginawereld(aantal: int = 1, status=JaarschijfStatus.TER_BESPREKING) -> Paginawereld:
    gemeente = factories.GemeenteOrganisatieFactory(afkorting="BO")
    overeenkomst = factories.OvereenkomstFactory(gemeente=gemeente.gemeente)
    corporatie = factories.OrganisatieFactory(naam="Woonservice", afkorting="WS")
    huurders = factories.HuurdersorganisatieFactory(naam="Samen Sterk", afkorting="HVSS")
    partijen(overeenkomst, [gemeente, corporatie, huurders], vertegenwoordiger=True)
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
    afspraken = afspraken_in_bulk(overeenkomst, themas, aantal, [gemeente, corporatie])
    jaarafspraken_in_bulk(jaarschijf, afspraken, stap_van=huurders)
    _cijfers(jaarschijf, corporatie)
    for organisatie in (gemeente, corporatie, huurders):
        factories.OndertekeningFactory(
            jaarschijf=jaarschijf,
            organisatie=organisatie,
            naam=f"Ondertekenaar {organisatie.afkorting}",
            functie="Directeur",
        )
    factories.zet_status(jaarschijf, status)
    ander, buiten_corporatie = _elders()
    return Paginawereld(
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
