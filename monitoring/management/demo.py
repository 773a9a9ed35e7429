"""The demo: the three real documents in fixtures/ loaded through the workbook importer, and
one login per organisation and role. Demo accounts exist only here, never in a migration:
they share a known password.

Running it again duplicates nothing: the importer matches on natural keys (and puts the
documents' content back into a concept jaarschijf), accounts and memberships are looked up
by username, and the demo accounts get their password, name and active flag back.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Gebruiker, Gemeente, Organisatie
from gemeenten.services import account_instellen
from gemeenten.systeem import SYSTEEM
from monitoring.werkboek.importer import ImportResultaat, werkboek_importeren
from monitoring.werkboek.reader import lees_werkboek

WACHTWOORD = "driehoek-demo"
URL = "http://127.0.0.1:8000"
ADMIN = "admin"
EMAIL_DOMEIN = "demo.driehoek.example"

# Invented people with names common in Drenthe; a demo must not carry real signatories.
VOORNAMEN = [
    "Sanne",
    "Jeroen",
    "Anouk",
    "Bram",
    "Femke",
    "Ruben",
    "Lotte",
    "Thijs",
    "Marloes",
    "Joost",
    "Ingrid",
    "Henk",
    "Esther",
    "Wouter",
    "Annelies",
    "Gerrit",
    "Marieke",
    "Sjoerd",
    "Karin",
    "Erik",
    "Ilse",
    "Bas",
    "Janneke",
    "Harm",
    "Monique",
    "Pieter",
    "Wendy",
    "Roelof",
    "Linda",
    "Martijn",
    "Petra",
    "Jan",
    "Nicole",
    "Geert",
    "Hanneke",
    "Arjan",
    "Tineke",
    "Koen",
    "Mirjam",
    "Dennis",
]
ACHTERNAMEN = [
    "de Vries",
    "Bakker",
    "Jansen",
    "Mulder",
    "Smit",
    "Meijer",
    "de Boer",
    "Bos",
    "Kuipers",
    "Hoekstra",
    "Post",
    "Veenstra",
    "Dijkstra",
    "Zwart",
    "Hofman",
    "Brouwer",
    "Huisman",
    "Kamphuis",
    "Wubs",
    "Lubbers",
    "Oosting",
    "Hilbrands",
    "Nijboer",
    "Schuiling",
    "Tiemens",
    "Bruins",
    "Eising",
    "Mensinga",
    "Drenth",
    "Pots",
    "Kroezen",
    "Wolters",
    "Haverkamp",
    "Bosma",
    "Jonker",
    "Timmerman",
    "Boelens",
    "Hummel",
    "Lanting",
    "van der Veen",
]

FUNCTIES = {
    OrganisatieType.GEMEENTE: {
        Rol.MEDEWERKER: "Beleidsadviseur wonen",
        Rol.ONDERTEKENAAR: "Wethouder volkshuisvesting",
        Rol.BEHEERDER: "Functioneel beheerder",
    },
    OrganisatieType.WONINGCORPORATIE: {
        Rol.MEDEWERKER: "Adviseur strategie en vastgoed",
        Rol.ONDERTEKENAAR: "Directeur-bestuurder",
        Rol.BEHEERDER: "Functioneel beheerder",
    },
    OrganisatieType.HUURDERSORGANISATIE: {
        Rol.MEDEWERKER: "Bestuurslid",
        Rol.ONDERTEKENAAR: "Voorzitter",
        Rol.BEHEERDER: "Secretaris",
    },
}
TYPE_VOLGORDE = {t: i for i, t in enumerate(OrganisatieType.values)}


def demo_werkboeken() -> list[Path]:
    return sorted((Path(settings.BASE_DIR) / "fixtures").glob("*.xlsx"))


@dataclass
class Login:
    username: str
    rol: str


@dataclass
class DemoResultaat:
    imports: list[ImportResultaat] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)
    # Per gemeente the organisations of its agreements, each with its logins.
    per_gemeente: dict[Gemeente, list[tuple[Organisatie, list[Login]]]] = field(
        default_factory=dict
    )
    nieuwe_accounts: int = 0

    @property
    def aantal_accounts(self) -> int:
        organisaties = {
            org.pk: logins for orgs in self.per_gemeente.values() for org, logins in orgs
        }
        return 1 + sum(len(logins) for logins in organisaties.values())


@transaction.atomic
def demo_laden(*, werkboeken: list[Path] | None = None, wachtwoord: str = WACHTWOORD):
    """Load the demo workbooks and (re)set the demo accounts; all or nothing.

    A jaarschijf that was vastgesteld or ondertekend while playing with the demo is left as
    it is: the importer refuses frozen jaarschijven, and the demo should still start.
    """
    resultaat = DemoResultaat()
    # Hashing is deliberately slow; every demo account gets the same hash.
    wachtwoord_hash = make_password(wachtwoord)
    admin, admin_nieuw = _admin(wachtwoord_hash)
    jaarschijven = []
    for pad in werkboeken if werkboeken is not None else demo_werkboeken():
        werkboek = lees_werkboek(pad)
        bevroren = _bevroren_jaarschijf(werkboek.jaarschijf)
        if bevroren is not None:
            resultaat.overgeslagen.append(
                _("{bestand}: jaarschijf {jaar} is {status} en blijft zoals hij is").format(
                    bestand=Path(pad).name,
                    jaar=bevroren.jaar,
                    status=bevroren.get_status_display().lower(),
                )
            )
            jaarschijven.append(bevroren)
            continue
        geimporteerd = werkboek_importeren(werkboek=werkboek, door=admin)
        resultaat.imports.append(geimporteerd)
        jaarschijven.append(geimporteerd.jaarschijf)

    organisaties = (
        Organisatie.objects.filter(
            partijrollen__overeenkomst__jaarschijven__in=[j.pk for j in jaarschijven]
        )
        .distinct()
        .order_by("naam", "type")
    )
    logins, nieuw = _demo_accounts(list(organisaties), wachtwoord_hash)
    resultaat.nieuwe_accounts = nieuw + admin_nieuw
    resultaat.per_gemeente = _per_gemeente(jaarschijven, logins)
    return resultaat


def _admin(wachtwoord_hash: str) -> tuple[Gebruiker, bool]:
    return account_instellen(
        username=ADMIN,
        voornaam="Demo",
        achternaam="Beheerder",
        email=f"{ADMIN}@{EMAIL_DOMEIN}",
        wachtwoord_hash=wachtwoord_hash,
        superuser=True,
        door=SYSTEEM,
    )


def _bevroren_jaarschijf(gegevens) -> Jaarschijf | None:
    jaarschijf = Jaarschijf.objects.filter(
        overeenkomst__gemeente__naam__iexact=gegevens.gemeente,
        overeenkomst__titel=gegevens.overeenkomst,
        jaar=gegevens.jaar,
    ).first()
    return jaarschijf if jaarschijf is not None and jaarschijf.is_bevroren else None


def _voorvoegsel(organisatie: Organisatie, bezet: set[str]) -> str:
    voorvoegsel = (organisatie.afkorting or slugify(organisatie.naam)).lower().replace(" ", "")
    if voorvoegsel in bezet:
        voorvoegsel = f"{voorvoegsel}{organisatie.pk}"
    bezet.add(voorvoegsel)
    return voorvoegsel


def _demo_accounts(organisaties: list[Organisatie], wachtwoord_hash: str):
    """One user per organisation and role: `<afkorting>.<rol>`, member with that role (and
    medewerker, which every role includes). Returns the logins per organisation pk and how
    many accounts were new.
    """
    gewenst = []  # (organisatie, rol, username)
    bezet: set[str] = set()
    for organisatie in organisaties:
        voorvoegsel = _voorvoegsel(organisatie, bezet)
        gewenst += [(organisatie, rol, f"{voorvoegsel}.{rol}") for rol in Rol.values]
    logins: dict[int, list[Login]] = {}
    nieuw = 0
    for index, (organisatie, rol, username) in enumerate(gewenst):
        _gebruiker, is_nieuw = account_instellen(
            username=username,
            voornaam=VOORNAMEN[index % len(VOORNAMEN)],
            achternaam=ACHTERNAMEN[(index * 7 + index // len(VOORNAMEN)) % len(ACHTERNAMEN)],
            email=f"{username}@{EMAIL_DOMEIN}",
            wachtwoord_hash=wachtwoord_hash,
            organisatie=organisatie,
            rollen={Rol.MEDEWERKER, rol},
            functie=FUNCTIES.get(organisatie.type, {}).get(rol, ""),
            door=SYSTEEM,
        )
        nieuw += is_nieuw
        logins.setdefault(organisatie.pk, []).append(Login(username=username, rol=rol))
    return logins, nieuw


def _per_gemeente(jaarschijven, logins) -> dict:
    organisaties_per_gemeente: dict[Gemeente, dict[int, Organisatie]] = {}
    gezien = set()
    for jaarschijf in jaarschijven:
        overeenkomst = jaarschijf.overeenkomst
        if overeenkomst.pk in gezien:
            continue
        gezien.add(overeenkomst.pk)
        organisaties = organisaties_per_gemeente.setdefault(overeenkomst.gemeente, {})
        for organisatie in overeenkomst.partijen.all():
            organisaties[organisatie.pk] = organisatie
    return {
        gemeente: [
            (org, logins.get(org.pk, []))
            for org in sorted(
                organisaties.values(), key=lambda o: (TYPE_VOLGORDE.get(o.type, 9), o.naam)
            )
        ]
        for gemeente, organisaties in sorted(
            organisaties_per_gemeente.items(), key=lambda item: item[0].naam
        )
    }


def overzicht(resultaat: DemoResultaat, wachtwoord: str = WACHTWOORD, url: str = URL) -> str:
    """How to log in to the demo, in a few lines for the terminal."""
    rijen = [(org, logins) for orgs in resultaat.per_gemeente.values() for org, logins in orgs]
    breedte = max((len(org.naam) for org, _logins in rijen), default=0)
    # Logins line up per role, so the eye finds `.ondertekenaar` in one column.
    kolommen = {
        rol: max(
            (len(login.username) for _org, logins in rijen for login in logins if login.rol == rol),
            default=0,
        )
        for rol in Rol.values
    }
    regels = [
        "",
        _("Driehoek-demo: {url}").format(url=url),
        _("Wachtwoord voor alle demo-accounts: {wachtwoord}").format(wachtwoord=wachtwoord),
        _("Superuser: {admin} (ook Django-beheer op {url}/admin/)").format(admin=ADMIN, url=url),
    ]
    for gemeente, organisaties in resultaat.per_gemeente.items():
        regels += ["", f"{gemeente.naam}:"]
        regels += [
            f"  {org.naam.ljust(breedte)}  "
            + "  ".join(login.username.ljust(kolommen[login.rol]) for login in logins).rstrip()
            for org, logins in organisaties
        ]
    regels += [
        "",
        _(
            "Rollen: medewerker werkt mee aan de afspraken, ondertekenaar tekent ook namens de "
            "organisatie, beheerder beheert ook de leden."
        ),
        _(
            "Ondertekenaars, beheerders en admin stellen bij de eerste keer inloggen "
            "tweestapsverificatie in met een authenticator-app."
        )
        if settings.TWEESTAPS_VERPLICHT
        else _("Tweestapsverificatie is uitgeschakeld (TWEESTAPS_VERPLICHT staat uit)."),
    ]
    regels += [_("Niet geladen: {reden}.").format(reden=reden) for reden in resultaat.overgeslagen]
    return "\n".join(regels)
