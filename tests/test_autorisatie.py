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
"""

import copy
import csv
import io
import os
from pathlib import Path

import openpyxl
import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from afspraken.constants import Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Partij, Stap
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap
from tests import factories
from tests.scenario import ROLLEN, bouw_scenario

pytestmark = pytest.mark.django_db

TABEL = Path(__file__).with_name("autorisatie.csv")
KOLOMMEN = ["url_name", "role", "object", "method", "expected"]
OBJECTEN = ["eigen", "andere_partij", "andere_gemeente"]
GEEN_OBJECT = "-"
METHODES = ["GET", "POST"]
VERBODEN = {"login", "403", "404", "405"}
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
            "partij": Partij.objects.get(overeenkomst=wereld.overeenkomst, organisatie=corporatie),
            "organisatie": corporatie,
            "lidmaatschap": Lidmaatschap.objects.get(gebruiker=sc.collega[corporatie.pk]),
        }
    return result


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
    sc = bouw_scenario()
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
                    "met een model uit tests/scenario.py"
                )
                break
            url = reverse(url_name, kwargs=kwargs)
            for rol in ROLLEN:
                client, cookies = clients[rol]
                for methode in METHODES:
                    sleutel = (url_name, rol, soort, methode)
                    client.cookies = copy.deepcopy(cookies)
                    # The query log is capped (9000): emptied per request, the capture of
                    # this request stays whole however long the walk gets.
                    connection.queries_log.clear()
                    with transaction.atomic(), CaptureQueriesContext(connection) as sql:
                        try:
                            response = getattr(client, methode.lower())(url)
                            gezien = uitkomst(response)
                        except Exception as fout:
                            gezien = f"fout {type(fout).__name__}: {fout}"
                        transaction.set_rollback(True)
                    if gezien in VERBODEN and (schrijft := schrijfopdrachten(sql, tabellen)):
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


def test_write_detector_sees_a_delete():
    """The walk's check that forbidden requests write nothing is not blind."""
    sc = bouw_scenario()
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
    toegestaan = {"200", "302", "login", "403", "404", "405"}
    assert {regel.split(",")[4] for regel in regels[1:]} <= toegestaan


# --- The Django admin and the two-factor gate -----------------------------------------------


def test_django_admin_only_for_superusers():
    sc = bouw_scenario()
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
    sc = bouw_scenario()
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


# --- Lists and exports show nothing of agreements the user is no party to -------------------

# Every object of gemeente B carries "Beekdorp" or "C3"; the second agreement of gemeente A
# (parties: the gemeente and C2) carries "Convenant", "convenant" or "Bouwopgave".
MERKEN_ANDERE_GEMEENTE = ["Beekdorp", "Afspraak van C3", "Stap van C3"]
MERKEN_ANDERE_OVEREENKOMST = ["Convenant Aadorp", "in convenant", "Bouwopgave Aadorp"]


def tekst_van(response) -> str:
    soort = response.get("Content-Type", "")
    inhoud = b"".join(response) if response.streaming else response.content
    if "spreadsheetml" in soort:
        werkboek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True)
        return "\n".join(
            str(waarde)
            for blad in werkboek.worksheets
            for rij in blad.iter_rows(values_only=True)
            for waarde in rij
            if waarde is not None
        )
    return inhoud.decode("utf-8-sig")


@pytest.mark.parametrize(
    "rol",
    [
        "gemeente_medewerker",
        "corporatie_medewerker",
        "corporatie_ondertekenaar",
        "huurders_medewerker",
        "organisatie_beheerder",
    ],
)
def test_lists_and_exports_contain_no_other_agreements(rol):
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker(rol))
    oa = {"overeenkomst_pk": sc.a.overeenkomst.pk}
    # Filter values pointing into the other gemeente's agreement must not pull it in.
    vreemd = f"?thema={sc.b.thema.pk}&trekker={sc.c3.pk}&q=C3"
    paginas = [
        (reverse("monitoring:start"), "Prestatieafspraken Aadorp"),
        (reverse("afspraken:afspraak-lijst", kwargs=oa), "Afspraak van C1 in Aadorp"),
        (reverse("afspraken:afspraak-lijst", kwargs=oa) + vreemd, None),
        (reverse("afspraken:afspraak-export", kwargs=oa), "Afspraak van C1 in Aadorp"),
        (reverse("afspraken:afspraak-export", kwargs=oa) + "?formaat=xlsx", "Afspraak van C1"),
        (reverse("afspraken:afspraak-export", kwargs=oa) + vreemd, None),
        (reverse("afspraken:partij-overzicht", kwargs={**oa, "organisatie_pk": sc.c1.pk}), None),
        (reverse("monitoring:smart-check", kwargs=oa), None),
        (
            reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk}),
            "Afspraak van C1 in Aadorp",
        ),
        (
            reverse("monitoring:werkboek-export", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk}),
            "Afspraak van C1 in Aadorp",
        ),
    ]
    verboden = list(MERKEN_ANDERE_GEMEENTE)
    if rol != "gemeente_medewerker":
        verboden += MERKEN_ANDERE_OVEREENKOMST
    for url, moet_staan in paginas:
        response = client.get(url)
        assert response.status_code == 200, url
        tekst = tekst_van(response)
        if moet_staan:
            assert moet_staan in tekst, url
        for merk in verboden:
            assert merk not in tekst, (url, merk)


def test_start_page_of_gemeente_shows_both_own_agreements_only():
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    tekst = client.get(reverse("monitoring:start")).content.decode()
    assert "Prestatieafspraken Aadorp" in tekst
    assert "Convenant Aadorp" in tekst
    assert "Beekdorp" not in tekst


# --- POSTs with fields the user may not change ----------------------------------------------


def test_trekker_posting_afspraak_fields_to_progress_changes_only_progress():
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    jaarafspraak = sc.a.jaarafspraken[0]
    afspraak = jaarafspraak.afspraak
    voor = Afspraak.objects.values().get(pk=afspraak.pk)
    response = client.post(
        reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk}),
        {
            "versie": jaarafspraak.versie,
            "tekst": "Plan C1 bijgewerkt",
            "status": Voortgang.OP_KOERS,
            # Not theirs to change:
            "inhoud": "Gehackte afspraaktekst",
            "code": "X99",
            "thema": sc.b.thema.pk,
            "trekkers": [sc.c2.pk],
            "afspraak": sc.a.afspraken[1].pk,
            "jaarschijf": sc.b.jaarschijf.pk,
            "jaarschijf_status": "vastgesteld",
        },
    )
    assert response.status_code == 302
    jaarafspraak.refresh_from_db()
    assert (jaarafspraak.tekst, jaarafspraak.status) == ("Plan C1 bijgewerkt", Voortgang.OP_KOERS)
    assert (jaarafspraak.afspraak_id, jaarafspraak.jaarschijf_id) == (
        afspraak.pk,
        sc.a.jaarschijf.pk,
    )
    na = Afspraak.objects.values().get(pk=afspraak.pk)
    assert {k: v for k, v in na.items() if k != "versie"} == {
        k: v for k, v in voor.items() if k != "versie"
    }
    assert list(afspraak.trekkers.all()) == [sc.c1]
    assert Jaarschijf.objects.get(pk=sc.a.jaarschijf.pk).status == sc.a.jaarschijf.status


def test_corporatie_cannot_touch_progress_of_another_trekker_in_the_same_agreement():
    """In the shared agreement C1 may not change the progress or steps of C2's afspraak."""
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    jaarafspraak = sc.a.jaarafspraken[1]  # trekker C2
    stap = sc.a.stappen[1]  # C2's step
    url = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk})
    response = client.post(
        url, {"versie": jaarafspraak.versie, "tekst": "Overgenomen", "status": "gerealiseerd"}
    )
    assert response.status_code == 403
    afronden = reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk})
    assert client.post(afronden, {"afgerond": "1"}).status_code == 403
    jaarafspraak.refresh_from_db()
    stap.refresh_from_db()
    assert jaarafspraak.tekst != "Overgenomen" and not stap.afgerond


def test_trekker_completing_a_step_cannot_change_its_text_or_party():
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    stap = sc.a.stappen[0]
    tekst, organisatie_id = stap.tekst, stap.organisatie_id
    response = client.post(
        reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk}),
        {"afgerond": "1", "tekst": "Gehackt", "organisatie": sc.c2.pk},
    )
    assert response.status_code == 302
    stap = Stap.objects.get(pk=stap.pk)
    assert stap.afgerond
    assert (stap.tekst, stap.organisatie_id) == (tekst, organisatie_id)


def test_huurders_posting_progress_changes_nothing():
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("huurders_medewerker"))
    jaarafspraak = sc.a.jaarafspraken[0]
    voor = Jaarafspraak.objects.values().get(pk=jaarafspraak.pk)
    response = client.post(
        reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk}),
        {"versie": jaarafspraak.versie, "tekst": "Huurders", "status": "vervallen"},
    )
    assert response.status_code == 403
    assert Jaarafspraak.objects.values().get(pk=jaarafspraak.pk) == voor


def test_beheerder_posting_a_higher_role_changes_nothing():
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    collega = sc.collega[sc.c1.pk]
    lid = Lidmaatschap.objects.get(gebruiker=collega)
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid.pk})
    response = client.post(url, {"rollen": [Rol.MEDEWERKER, Rol.ONDERTEKENAAR]})
    assert response.status_code == 200  # the form refuses the choice
    assert set(collega.lidmaatschappen.values_list("rol", flat=True)) == {Rol.MEDEWERKER}
    # Not for themselves either.
    eigen = Lidmaatschap.objects.filter(gebruiker=sc.gebruiker("organisatie_beheerder")).first()
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": eigen.pk})
    client.post(url, {"rollen": [Rol.MEDEWERKER, Rol.BEHEERDER, Rol.ONDERTEKENAAR]})
    assert Rol.ONDERTEKENAAR not in set(
        Lidmaatschap.objects.filter(gebruiker=eigen.gebruiker).values_list("rol", flat=True)
    )
    aantal = Gebruiker.objects.count()
    response = client.post(
        reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk}),
        {
            "voornaam": "Nieuwe",
            "achternaam": "Tekenaar",
            "email": "tekenaar@example.org",
            "rollen": [Rol.MEDEWERKER, Rol.ONDERTEKENAAR],
        },
    )
    assert response.status_code == 200
    assert Gebruiker.objects.count() == aantal


def test_beheerder_inviting_with_a_role_field_invites_a_medewerker_only(mailoutbox):
    sc = bouw_scenario()
    client = Client()
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    response = client.post(
        reverse("gemeenten:uitnodigen"),
        {
            "organisatie": sc.c1.pk,
            "voornaam": "Nina",
            "achternaam": "Nieuw",
            "email": "nina@example.org",
            "rollen": [Rol.BEHEERDER, Rol.ONDERTEKENAAR],
            "rol": Rol.BEHEERDER,
        },
    )
    assert response.status_code == 302
    nina = Gebruiker.objects.get(email="nina@example.org")
    assert list(nina.lidmaatschappen.values_list("organisatie_id", "rol")) == [
        (sc.c1.pk, Rol.MEDEWERKER)
    ]
    assert len(mailoutbox) == 1


# --- Attacks the table cannot express: another organisation as POST payload -----------------
# The walk above posts no data. A gemeente that names another gemeente's organisation as a
# party, or anyone who names a foreign organisation in an invitation, is tried here.


def test_gemeente_cannot_add_another_gemeentes_organisation_as_party():
    sc = bouw_scenario()
    url = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": sc.a.overeenkomst.pk})
    for rol in ("gemeente_medewerker", "superuser"):
        client = Client()
        client.force_login(sc.gebruiker(rol))
        keuzes = client.get(url).context["form"].fields["organisatie"].queryset
        assert sc.b.gemeente_org not in keuzes and sc.c3 in keuzes, rol
        response = client.post(url, {"organisatie": sc.b.gemeente_org.pk})
        assert response.status_code == 200, rol
        assert "organisatie van een andere gemeente" in response.content.decode(), rol
    assert (
        not Partij.objects.filter(organisatie=sc.b.gemeente_org)
        .exclude(overeenkomst=sc.b.overeenkomst)
        .exists()
    )


def test_nobody_invites_into_a_foreign_organisation(mailoutbox):
    sc = bouw_scenario()
    gebruikers, leden = Gebruiker.objects.count(), Lidmaatschap.objects.count()
    vreemd = [sc.b.gemeente_org, sc.a.gemeente_org, sc.c2, sc.c3, sc.h1]
    for rol in ROLLEN:
        if rol in ("anoniem", "superuser"):
            continue
        client = Client()
        client.force_login(sc.gebruiker(rol))
        for organisatie in vreemd:
            persoon = {
                "voornaam": "Indringer",
                "achternaam": "Overname",
                "email": f"{rol}.{organisatie.pk}@example.org",
                "rollen": [Rol.MEDEWERKER],
            }
            uitnodigen = client.post(
                reverse("gemeenten:uitnodigen"), {**persoon, "organisatie": organisatie.pk}
            )
            assert uitnodigen.status_code in (200, 403), (rol, organisatie)
            toevoegen = client.post(
                reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": organisatie.pk}),
                persoon,
            )
            assert toevoegen.status_code == 403, (rol, organisatie)
    assert (Gebruiker.objects.count(), Lidmaatschap.objects.count()) == (gebruikers, leden)
    assert mailoutbox == []
