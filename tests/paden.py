"""The project's URLs as the authorization, CSP and freeze walks use them: every pattern
with its kwargs, the world's objects those kwargs name, a logged-in client per role, and
what a response or a run of SQL amounts to. The world is tests/wereld.py's
`autorisatiewereld` (or its frozen variant).
"""

import copy

from django.apps import apps
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from afspraken.models import Hoofdstuk, Partij
from gemeenten.models import Lidmaatschap
from monitoring.models import Reactie
from tests import factories
from tests.wereld import ROLLEN

METHODES = ["GET", "POST"]
# Apps whose rows a forbidden request must leave as they were.
DATA_APPS = {"gemeenten", "afspraken", "voorraad", "monitoring", "otp_totp", "otp_static"}
# URL kwargs that are no `<model>_pk`; any other kwarg must follow the convention.
VASTE_KWARGS = {"uidb64": "MQ", "token": "ongeldig-token"}


# --- The URL patterns -----------------------------------------------------------------------


def url_patronen(resolver=None, namespace="", kwargs=()):
    """(url_name, kwarg names) of every pattern, recursively through includes.

    An unnamed pattern yields url_name None, so the test can name it as a failure.
    """
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        namen = (*kwargs, *patroon.pattern.regex.groupindex)
        if isinstance(patroon, URLResolver):
            if patroon.app_name == "admin":
                continue
            ns = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            yield from url_patronen(patroon, ns, namen)
        else:
            naam = f"{namespace}{patroon.name}" if patroon.name else None
            yield naam or f"<zonder naam: {patroon.pattern}>", tuple(namen), patroon.name


# --- The objects a URL points at ------------------------------------------------------------


def objecten_per_soort(sc):
    """Per object column, the scenario object of every model a URL kwarg can name.

    eigen: agreement A, where the roles' organisations are party, objects of C1;
    andere_partij: A's second agreement, which only the gemeente and C2 signed, objects of C2;
    andere_gemeente: agreement B of gemeente B, objects of C3.
    """
    if not sc.a2.ondertekeningen:
        sc.a2.ondertekeningen = {
            sc.c2.pk: factories.OndertekeningFactory(jaarschijf=sc.a2.jaarschijf, organisatie=sc.c2)
        }
    werelden = {"eigen": (sc.a, sc.c1), "andere_partij": (sc.a2, sc.c2)}
    werelden["andere_gemeente"] = (sc.b, sc.c3)
    result = {}
    for soort, (wereld, corporatie) in werelden.items():
        result[soort] = {
            "gemeente": wereld.gemeente,
            "overeenkomst": wereld.overeenkomst,
            "jaarschijf": wereld.jaarschijf,
            "thema": wereld.thema,
            "afspraak": wereld.afspraken[0],
            "jaarafspraak": wereld.jaarafspraken[0],
            "stap": wereld.stappen[0],
            "voorraadmutatie": wereld.mutaties[0],
            "voorraadstand": wereld.standen[0],
            "ondertekening": wereld.ondertekeningen[corporatie.pk],
            "opmerking": wereld.opmerkingen[0],
            "reactie": reactie_van(wereld.opmerkingen[0]),
            "partij": Partij.objects.get(overeenkomst=wereld.overeenkomst, organisatie=corporatie),
            "organisatie": corporatie,
            "lidmaatschap": Lidmaatschap.objects.get(gebruiker=sc.collega[corporatie.pk]),
            "hoofdstuk": hoofdstuk_van(wereld.jaarschijf),
        }
    return result


def reactie_van(opmerking) -> Reactie:
    """A reply in the remark's thread (#15 point 4), made when it has none, by the remark's
    own author (the world may be frozen already: remarks stay open)."""
    bestaand = Reactie.objects.filter(opmerking=opmerking).order_by("pk").first()
    if bestaand is not None:
        return bestaand
    return Reactie.objects.create(opmerking=opmerking, auteur=opmerking.auteur, tekst="Reactie.")


def hoofdstuk_van(jaarschijf) -> Hoofdstuk:
    """The jaarschijf's first hoofdstuk, made when it has none. Written past save() on
    purpose: the world may be frozen already, and a test world starts where it starts."""
    bestaand = Hoofdstuk.objects.filter(jaarschijf=jaarschijf).order_by("pk").first()
    if bestaand is not None:
        return bestaand
    [nieuw] = Hoofdstuk.objects.bulk_create(
        [Hoofdstuk(jaarschijf=jaarschijf, kop="Context", tekst="Waarom deze afspraken.")]
    )
    return nieuw


def url_kwargs(kwarg_namen, objecten):
    """The kwargs of a URL from the scenario objects; raises KeyError naming what is unknown."""
    kwargs = {}
    for naam in kwarg_namen:
        if naam in VASTE_KWARGS:
            kwargs[naam] = VASTE_KWARGS[naam]
        elif naam.endswith("_pk") and naam.removesuffix("_pk") in objecten:
            kwargs[naam] = objecten[naam.removesuffix("_pk")].pk
        else:
            raise KeyError(naam)
    return kwargs


# --- Requests -------------------------------------------------------------------------------


def uitkomst(response) -> str:
    code = response.status_code
    if code in (301, 302, 303):
        login = reverse("gemeenten:login")
        return "login" if response["Location"].startswith(login) else "302"
    if 200 <= code < 300:
        return "200"
    return str(code)


def data_tabellen() -> set[str]:
    """The tables of the domain, two-factor and history models (with their m2m tables)."""
    tabellen = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in DATA_APPS:
            tabellen.add(model._meta.db_table)
    return tabellen


def schrijfopdrachten(queries, tabellen) -> list[str]:
    """The INSERT/UPDATE/DELETE statements among `queries` on one of `tabellen`.

    Watching the SQL is much cheaper than comparing every row before and after, and it
    catches a write even where the view's own transaction would have undone it.
    """
    gevonden = []
    for query in queries:
        woorden = query["sql"].replace('"', " ").replace("`", " ").split()
        if not woorden or woorden[0].upper() not in {"INSERT", "UPDATE", "DELETE"}:
            continue
        if set(woorden[1:4]) & tabellen:
            gevonden.append(query["sql"][:120])
    return gevonden


def ingelogde_clients(sc):
    """A client per role; roles that need two-factor have passed it in their session."""
    clients = {}
    for rol in ROLLEN:
        client = Client()
        user = sc.gebruiker(rol)
        if user is not None:
            client.force_login(user)
            if rol in {"corporatie_ondertekenaar", "organisatie_beheerder", "superuser"}:
                apparaat = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
                sessie = client.session
                sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
                sessie.save()
        clients[rol] = (client, copy.deepcopy(client.cookies))
    return clients
