"""Who may do what: every URL pattern of the project, for every role, on objects of the own
agreement, of another agreement in the same gemeente and of another gemeente, with GET and POST,
against the table tests/autorisatie.csv. The table is the documentation of the rights.

The patterns come from the URL resolver, so a new view cannot be forgotten: a pattern without
rows in the table fails, and so does a row of a pattern that no longer exists. Only the Django
admin's own patterns are left out; `test_django_admin_only_for_superusers` covers them.

`expected` is a status class: 200 (any 2xx, a form re-rendered with errors counts as
allowed), 302 (a redirect, not to the login page), login (a redirect to the login page), 403,
404 or 405. After a forbidden request no data may have changed. Every request runs in a
savepoint that is rolled back, so an allowed POST (deleting a step, say) does not change the
world the next request sees.

To change the rights: change the rules, run with AUTORISATIE_BIJWERKEN=1 to write the observed
outcomes into the table, and review the diff line by line.

Besides the empty GET and POST, the URLs in `AANVALLEN` get a third method, `POST-aanval`:
a POST naming an organisation the actor must not reach (another gemeente's organisation as a
party, a foreign organisation to invite into). An attack row that does not end in a redirect
may not write anything. Attacks that need more than one request are in
tests/test_autorisatie_aanvallen.py; the helpers the walk shares with the CSP and freeze
walks in tests/paden.py.
"""

import copy
import csv
import os
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten.models import Gebruiker
from tests.paden import (
    METHODES,
    VASTE_KWARGS,
    data_tabellen,
    ingelogde_clients,
    objecten_per_soort,
    schrijfopdrachten,
    uitkomst,
    url_kwargs,
    url_patronen,
)
from tests.wereld import ROLLEN, autorisatiewereld

pytestmark = pytest.mark.django_db

TABEL = Path(__file__).with_name("autorisatie.csv")
KOLOMMEN = ["url_name", "role", "object", "method", "expected"]
OBJECTEN = ["eigen", "andere_partij", "andere_gemeente"]
GEEN_OBJECT = "-"
VERBODEN = {"login", "403", "404", "405"}
AANVAL = "POST-aanval"
PERSOON = {"voornaam": "Indringer", "achternaam": "Overname", "rollen": ["medewerker"]}


def _vreemde_gemeente(sc, soort):
    """The organisation of a gemeente other than the one whose agreement the URL names."""
    return sc.a.gemeente_org if soort == "andere_gemeente" else sc.b.gemeente_org


AANVALLEN = {
    "afspraken:partijen": lambda sc, soort: {"organisatie": _vreemde_gemeente(sc, soort).pk},
    "gemeenten:uitnodigen": lambda sc, soort: {
        **PERSOON,
        "email": "indringer.uitnodigen@example.org",
        "organisatie": sc.b.gemeente_org.pk,
    },
    "gemeenten:lid_toevoegen": lambda sc, soort: {
        **PERSOON,
        "email": "indringer.toevoegen@example.org",
    },
}


def lees_tabel():
    with TABEL.open(newline="", encoding="utf-8") as f:
        lezer = csv.DictReader(f)
        assert lezer.fieldnames == KOLOMMEN, f"{TABEL.name}: kolommen moeten {KOLOMMEN} zijn"
        rijen = list(lezer)
    tabel = {}
    for rij in rijen:
        sleutel = (rij["url_name"], rij["role"], rij["object"], rij["method"])
        assert sleutel not in tabel, f"{TABEL.name}: dubbele regel {sleutel}"
        tabel[sleutel] = rij["expected"]
    return tabel


def schrijf_tabel(uitkomsten):
    with TABEL.open("w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f, lineterminator="\n")
        schrijver.writerow(KOLOMMEN)
        for sleutel in sorted(uitkomsten):
            schrijver.writerow([*sleutel, uitkomsten[sleutel]])


def test_every_url_for_every_role_matches_the_table(settings):
    settings.TWEESTAPS_VERPLICHT = True
    sc = autorisatiewereld()
    objecten = objecten_per_soort(sc)
    clients = ingelogde_clients(sc)
    tabellen = data_tabellen()
    tabel = lees_tabel()
    fouten, afwijkend, uitkomsten = [], [], {}

    for url_name, kwarg_namen, naam in url_patronen():
        if naam is None:
            fouten.append(f"{url_name}: elk URL-patroon heeft een naam nodig")
            continue
        # Only a URL that names an object is asked for each kind of object.
        soorten = OBJECTEN if set(kwarg_namen) - set(VASTE_KWARGS) else [GEEN_OBJECT]
        for soort in soorten:
            try:
                kwargs = url_kwargs(kwarg_namen, objecten.get(soort, objecten["eigen"]))
            except KeyError as onbekend:
                fouten.append(
                    f"{url_name}: URL-kwarg {onbekend} volgt niet de conventie <model>_pk "
                    "met een model uit tests/wereld.py"
                )
                break
            url = reverse(url_name, kwargs=kwargs)
            for rol in ROLLEN:
                client, cookies = clients[rol]
                aanval = AANVALLEN.get(url_name)
                for methode in [*METHODES, *([AANVAL] if aanval else [])]:
                    sleutel = (url_name, rol, soort, methode)
                    client.cookies = copy.deepcopy(cookies)
                    invoer = aanval(sc, soort) if methode == AANVAL else {}
                    gezien, sql = _verzoek(client, methode, url, invoer)
                    geweigerd = gezien in VERBODEN or (methode == AANVAL and gezien != "302")
                    if geweigerd and (schrijft := schrijfopdrachten(sql, tabellen)):
                        fouten.append(f"{sleutel}: verboden ({gezien}) maar schrijft {schrijft}")
                    uitkomsten[sleutel] = gezien
                    verwacht = tabel.get(sleutel)
                    if verwacht is not None and verwacht != gezien:
                        afwijkend.append(f"{sleutel}: verwacht {verwacht}, kreeg {gezien}")

    if os.environ.get("AUTORISATIE_BIJWERKEN"):
        # The table follows what happened; writes on forbidden requests still fail.
        schrijf_tabel(uitkomsten)
        tabel = uitkomsten
    else:
        fouten += afwijkend
    ontbrekend = sorted({s[0] for s in uitkomsten if s not in tabel})
    fouten += [f"{naam}: ontbreekt (deels) in {TABEL.name}" for naam in ontbrekend]
    verdwenen = sorted({s[0] for s in tabel if s not in uitkomsten})
    fouten += [f"{naam}: staat in {TABEL.name} maar bestaat niet (meer)" for naam in verdwenen]
    if fouten:
        pytest.fail(f"{len(fouten)} afwijkingen:\n" + "\n".join(fouten), pytrace=False)


def _verzoek(client, methode: str, url: str, invoer: dict):
    """The outcome of one request and its SQL, in a savepoint that is rolled back."""
    # The query log is capped (9000): emptied per request, the capture of this request stays
    # whole however long the walk gets.
    connection.queries_log.clear()
    with transaction.atomic(), CaptureQueriesContext(connection) as sql:
        try:
            response = client.get(url) if methode == "GET" else client.post(url, invoer)
            gezien = uitkomst(response)
        except Exception as fout:
            gezien = f"fout {type(fout).__name__}: {fout}"
        transaction.set_rollback(True)
    return gezien, sql


def test_write_detector_sees_a_delete():
    """The walk's check that forbidden requests write nothing is not blind."""
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    url = reverse("afspraken:stap-verwijderen", kwargs={"stap_pk": sc.a.stappen[0].pk})
    with CaptureQueriesContext(connection) as sql:
        assert client.post(url).status_code == 302
    assert any(q.startswith("DELETE") for q in schrijfopdrachten(sql, data_tabellen()))


def test_table_is_sorted_and_readable():
    regels = TABEL.read_text(encoding="utf-8").splitlines()
    assert regels[0] == ",".join(KOLOMMEN)
    sleutels = [tuple(regel.split(",")[:4]) for regel in regels[1:]]
    assert sleutels == sorted(sleutels), f"{TABEL.name} is niet gesorteerd"
    # 400: a form that re-renders with its errors (the signing page's login-and-sign form,
    # posted empty by an anonymous visitor, asks for its fields again: it opens nothing).
    toegestaan = {"200", "302", "400", "login", "403", "404", "405"}
    assert {regel.split(",")[4] for regel in regels[1:]} <= toegestaan


# --- The Django admin and the two-factor gate -----------------------------------------------


def test_django_admin_only_for_superusers():
    sc = autorisatiewereld()
    # A staff flag on a party's account (set by mistake, or on an old account) opens nothing.
    medewerker = sc.gebruiker("gemeente_medewerker")
    Gebruiker.objects.filter(pk=medewerker.pk).update(is_staff=True)
    for rol in ROLLEN:
        client = Client()
        if sc.gebruiker(rol) is not None:
            client.force_login(sc.gebruiker(rol))
        for pad in ("/admin/", "/admin/gemeenten/lidmaatschap/", "/admin/afspraken/afspraak/"):
            response = client.get(pad)
            if rol == "superuser":
                assert response.status_code == 200, pad
            else:
                assert response.status_code in (302, 403), (rol, pad)
                if response.status_code == 302:
                    assert response["Location"].startswith("/admin/login/"), (rol, pad)


def test_two_factor_gate_stops_an_ondertekenaar_on_every_url(settings):
    """Without a second factor an ondertekenaar reaches only the setup step and logout."""
    settings.TWEESTAPS_VERPLICHT = True
    sc = autorisatiewereld()
    objecten = objecten_per_soort(sc)["eigen"]
    client = Client()
    client.force_login(sc.gebruiker("corporatie_ondertekenaar"))
    instellen = reverse("gemeenten:tweestaps_instellen")
    open_voor_stap = {"gemeenten:tweestaps_instellen", "gemeenten:logout"}
    for url_name, kwarg_namen, _naam in url_patronen():
        if url_name in open_voor_stap:
            continue
        response = client.get(reverse(url_name, kwargs=url_kwargs(kwarg_namen, objecten)))
        assert response.status_code == 302, url_name
        assert response["Location"].startswith(f"{instellen}?next="), url_name
    admin = client.get("/admin/")
    assert admin["Location"].startswith(instellen)
