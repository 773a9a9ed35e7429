"""Scale in rows (issue #13 point 4): every main page runs the same number of queries with 1
and with 300 afspraken, and django-zeal raises on any N+1 while it renders (a lazy relation
read per row), so a page that grows with its rows fails here before it is slow anywhere.

zeal is switched on for these requests only, not for the suite: `_zeal_gepatcht` installs
its patches of Django's ORM and takes every one of them out again afterwards (outside a
zeal_context they are not inert: a prefetch cache holding a list, as a frozen jaarschijf's
trekkers do, breaks under them).
"""

import importlib
import os
from contextlib import contextmanager, nullcontext

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from zeal import patch as zeal_patch
from zeal import zeal_context
from zeal.constants import initialize_app_registry

from afspraken.models import Jaarafspraak
from gemeenten import generaties
from tests import factories
from tests.wereld import paginawereld, voor_de_module

pytestmark = pytest.mark.django_db

AANTALLEN = (1, 300)
# Rows with remarks: the remarks (and their authors) are read per page, not per row.
MET_OPMERKING = 5


def _paginas(w) -> list[tuple[str, str, str]]:
    """(name, user attribute, url) of every main page."""
    o = {"overeenkomst_pk": w.overeenkomst.pk}
    j = {"jaarschijf_pk": w.jaarschijf.pk}
    # The gemeente leads afspraken in both worlds (trekkers alternate, starting with it).
    partij = {**o, "organisatie_pk": w.gemeente.pk}
    return [
        ("start", "gemeente_gebruiker", reverse("monitoring:start")),
        ("start corporatie", "corporatie_gebruiker", reverse("monitoring:start")),
        ("overeenkomst", "gemeente_gebruiker", reverse("afspraken:overeenkomst-detail", kwargs=o)),
        ("jaarschijf", "gemeente_gebruiker", reverse("monitoring:jaarschijf", kwargs=j)),
        ("jaarschijf huurders", "huurders_gebruiker", reverse("monitoring:jaarschijf", kwargs=j)),
        (
            "lijst met filter",
            "gemeente_gebruiker",
            reverse("afspraken:afspraak-lijst", kwargs=o) + "?jaar=2026&q=afspraak",
        ),
        ("per partij", "gemeente_gebruiker", reverse("afspraken:partij-overzicht", kwargs=partij)),
        ("smart", "gemeente_gebruiker", reverse("monitoring:smart-check", kwargs=o)),
        ("voorraad", "corporatie_gebruiker", reverse("voorraad:cijfers-bewerken", kwargs=j)),
        (
            "dashboard overeenkomst",
            "gemeente_gebruiker",
            reverse("monitoring:dashboard-overeenkomst", kwargs=o),
        ),
        (
            "dashboard gemeente",
            "gemeente_gebruiker",
            reverse(
                "monitoring:dashboard-gemeente",
                kwargs={"gemeente_pk": w.overeenkomst.gemeente_id},
            ),
        ),
        ("dashboard landelijk", "beheerder", reverse("monitoring:dashboard-landelijk")),
        ("ondertekening", "gemeente_gebruiker", reverse("monitoring:ondertekenen", kwargs=j)),
    ]


PAGINAS = [
    "start",
    "start corporatie",
    "overeenkomst",
    "jaarschijf",
    "jaarschijf huurders",
    "lijst met filter",
    "per partij",
    "smart",
    "voorraad",
    "dashboard overeenkomst",
    "dashboard gemeente",
    "dashboard landelijk",
    "ondertekening",
]
# Measured again once the jaarschijf is vastgesteld.
BEVROREN = ["jaarschijf", "jaarschijf huurders", "ondertekening"]


def _wereld(aantal: int):
    w = paginawereld(aantal)
    for ja in Jaarafspraak.objects.filter(jaarschijf=w.jaarschijf)[:MET_OPMERKING]:
        factories.OpmerkingFactory(
            jaarafspraak=ja, auteur=w.huurders_gebruiker, organisatie=w.huurders
        )
    # The national overview is the superuser's (monitoring.view_landelijk).
    w.beheerder = factories.GebruikerFactory(is_superuser=True, is_staff=True)
    return w


# Where zeal.patch.patch() writes: these classes' and modules' own attributes.
GEPATCHT = [
    ("django.db.models.query", ("QuerySet",)),
    ("django.db.models.base", ("Model",)),
    ("django.db.models.query_utils", ("DeferredAttribute",)),
    (
        "django.db.models.fields.related_descriptors",
        (
            "ForwardManyToOneDescriptor",
            "ReverseOneToOneDescriptor",
            "ReverseManyToOneDescriptor",
            "ManyToManyDescriptor",
        ),
    ),
    (
        "django.contrib.contenttypes.fields",
        ("GenericForeignKey", "GenericForeignKeyDescriptor", "ReverseGenericManyToOneDescriptor"),
    ),
]


def _doelen():
    for module_naam, klassen in GEPATCHT:
        module = importlib.import_module(module_naam)
        yield module
        for naam in klassen:
            if hasattr(module, naam):
                yield getattr(module, naam)


def _managerklassen_vergeten():
    """Related managers are classes made once per relation and kept on its descriptor: made
    under zeal they would keep its patches."""
    for model in apps.get_models():
        for descriptor in vars(model).values():
            if "related_manager_cls" in getattr(descriptor, "__dict__", {}):
                del descriptor.__dict__["related_manager_cls"]


@contextmanager
def _zeal_gepatcht():
    """zeal's patches for the duration of the block only."""
    doelen = list(_doelen())
    voor = [(doel, dict(vars(doel))) for doel in doelen]
    initialize_app_registry()
    _managerklassen_vergeten()
    zeal_patch.patch()
    try:
        yield
    finally:
        for doel, oud in voor:
            # A module may gain attributes from imports meanwhile; only classes lose theirs.
            nieuw = set(vars(doel)) - set(oud) if isinstance(doel, type) else ()
            for naam in nieuw:
                delattr(doel, naam)
            for naam, waarde in oud.items():
                if vars(doel).get(naam) is not waarde:
                    setattr(doel, naam, waarde)
        _managerklassen_vergeten()


def _meet(wereld, gebruiker: str, url: str, zeal: bool = True):
    """The page's query count, or the exception (zeal's NPlusOneError among them)."""
    client = Client()
    client.force_login(getattr(wereld, gebruiker))
    client.get(url)  # first request: sessions, caches and lazy imports settle
    # The page itself is rendered again, as after any edit (gemeenten.paginacache would
    # serve it whole); the rows' fragments stay warm.
    generaties.vernieuwen(alles=True)
    try:
        with (
            zeal_context() if zeal else nullcontext(),
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.get(url)
    except Exception as fout:  # handed to the page's own test
        return fout
    if response.status_code != 200:
        return AssertionError(f"{url}: {response.status_code}")
    if os.environ.get("SCHAAL_TOON"):
        print(url, *(q["sql"][:150] for q in queries.captured_queries), sep="\n  ")
    return len(queries)


@pytest.fixture(scope="module")
def metingen(django_db_setup, django_db_blocker) -> dict:
    """{page: {aantal: queries or exception}}: each world built, measured on every page and
    rolled back in turn (two page worlds cannot share one database)."""
    result = {naam: {} for naam in PAGINAS + [f"{n} vastgesteld" for n in BEVROREN]}
    # As conftest's function-scoped fixtures set them, which a module fixture runs before.
    zonder_poorten = override_settings(AXES_ENABLED=False, TWEESTAPS_VERPLICHT=False)
    for aantal in AANTALLEN:
        with (
            zonder_poorten,
            voor_de_module(django_db_blocker, _wereld, aantal) as wereld,
            django_db_blocker.unblock(),
        ):
            with _zeal_gepatcht():
                for naam, gebruiker, url in _paginas(wereld):
                    if naam in PAGINAS:
                        result[naam][aantal] = _meet(wereld, gebruiker, url)
            # Frozen, the document comes from the jaarschijf's own copy, whose trekkers are a
            # list in the prefetch cache that zeal's patches cannot take: counted only.
            factories.zet_status(wereld.jaarschijf, "vastgesteld")
            for naam, gebruiker, url in _paginas(wereld):
                if naam in BEVROREN:
                    result[f"{naam} vastgesteld"][aantal] = _meet(wereld, gebruiker, url, False)
    return result


@pytest.mark.parametrize("naam", PAGINAS + [f"{naam} vastgesteld" for naam in BEVROREN])
def test_a_main_page_runs_as_many_queries_with_300_afspraken_as_with_1(metingen, naam):
    for gemeten in metingen[naam].values():
        if isinstance(gemeten, Exception):
            raise gemeten
    assert metingen[naam][1] == metingen[naam][300], metingen[naam]


def test_zeal_raises_on_a_relation_read_per_row():
    """The measuring would notice an N+1: a lazy relation read per row raises."""
    from zeal import NPlusOneError

    factories.JaarafspraakFactory.create_batch(2)
    with _zeal_gepatcht(), zeal_context(), pytest.raises(NPlusOneError):
        for ja in Jaarafspraak.objects.all():
            ja.afspraak  # noqa: B018 - the lazy read is the point


def test_every_main_page_is_measured():
    assert [naam for naam, _, _ in _paginas(_Nep())] == PAGINAS


class _Nep:
    """Stand-in world for the list of names: any pk will do for reverse()."""

    def __getattr__(self, naam):
        return self

    pk = gemeente_id = 1
