"""Proof over every path: a vastgesteld or ondertekend jaarschijf does not change, whoever
tries and however (DESIGN §5: "A signed jaarschijf cannot be edited by anyone, through any
path").

Every URL pattern of the project (views, htmx endpoints), the admin's add, change and delete
pages of every registered model, every public service and the workbook importer are driven
against agreement A with its jaarschijf frozen, by the most powerful roles: a gemeente
beheerder, a corporatie medewerker and the superuser. Each POST carries input that would
change everything it could. After every attempt a dump of the jaarschijf's content (its own
rows and its copy of the agreement) must be byte-identical to the dump before.

Each URL and service has a row in `URLS` / `SERVICES` saying what must happen:
- GEWEIGERD: the attempt is refused with the Dutch freeze message (403 page or form error);
- OVEREENKOMST: the multi-year agreement may change, for later jaarschijven (DESIGN §4);
  the frozen jaarschijf keeps its own copy, which the dump proves;
- VOORTGANG: progress or remarks, which stay open after vaststelling but are no content;
- LEZEN: no write at all (pages, exports, account pages).
A new URL pattern or service without a row fails the suite.
"""

import copy
import datetime
import inspect
import io
import json

import openpyxl
import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse

from afspraken import services as afspraken_services
from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarafspraak, Jaarschijf, Ondertekening, Stap
from gemeenten.constants import Rol
from monitoring.workbook.exporter import werkboek_exporteren
from monitoring.workbook.importer import werkboek_importeren
from monitoring.workbook.meldingen import WerkboekFout
from monitoring.workbook.reader import lees_werkboek
from tests import factories
from tests.scenario import bouw_scenario, lid
from tests.test_autorisatie import ingelogde_clients, objecten_per_soort, url_kwargs, url_patronen
from voorraad import services as voorraad_services
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db

GEWEIGERD, OVEREENKOMST, VOORTGANG, LEZEN = "geweigerd", "overeenkomst", "voortgang", "lezen"

URLS = {
    "afspraken:afspraak-aanmaken": OVEREENKOMST,
    "afspraken:afspraak-bewerken": OVEREENKOMST,
    "afspraken:afspraak-export": LEZEN,
    "afspraken:afspraak-lijst": LEZEN,
    # A trekker's or the gemeente's voortgang; the year's text is disabled once frozen.
    "afspraken:jaarafspraak-bewerken": VOORTGANG,
    "afspraken:jaarafspraak-opmerking-plaatsen": VOORTGANG,
    "afspraken:jaarschijf-aanmaken": OVEREENKOMST,
    "afspraken:jaarschijf-afspraak-aanmaken": GEWEIGERD,
    "afspraken:jaarschijf-bewerken": GEWEIGERD,
    "afspraken:jaarschijf-detail": LEZEN,
    "afspraken:jaarschijf-opmerking-plaatsen": VOORTGANG,
    "afspraken:jaarschijf-ter-bespreking": GEWEIGERD,
    "afspraken:jaarschijf-terug-naar-concept": VOORTGANG,
    "afspraken:jaarschijf-vaststellen": GEWEIGERD,
    "afspraken:jaarschijf-volgend-jaar": OVEREENKOMST,
    "afspraken:opmerking-afhandelen": VOORTGANG,
    "afspraken:overeenkomst-aanmaken": OVEREENKOMST,
    "afspraken:overeenkomst-bewerken": OVEREENKOMST,
    "afspraken:overeenkomst-detail": LEZEN,
    "afspraken:partij-bewerken": OVEREENKOMST,
    "afspraken:partij-overzicht": LEZEN,
    "afspraken:partij-verwijderen": OVEREENKOMST,
    "afspraken:partijen": OVEREENKOMST,
    "afspraken:smart-check": LEZEN,
    "afspraken:stap-afronden": VOORTGANG,
    "afspraken:stap-bewerken": GEWEIGERD,
    "afspraken:stap-toevoegen": GEWEIGERD,
    "afspraken:stap-verwijderen": GEWEIGERD,
    "afspraken:thema-aanmaken": OVEREENKOMST,
    "afspraken:thema-bewerken": OVEREENKOMST,
    "afspraken:thema-verplaatsen": OVEREENKOMST,
    "voorraad:cijfers-bewerken": GEWEIGERD,
    "monitoring:start": LEZEN,
    "monitoring:werkboek-export": LEZEN,
    "monitoring:werkboek-import": GEWEIGERD,
    "monitoring:werkboek-sjabloon": LEZEN,
}
# Account pages name no agreement content; they are walked all the same.
ACCOUNT = "gemeenten:"

ROLLEN = ["gemeente_beheerder", "corporatie_medewerker", "superuser"]
# What a refusal says: the freeze itself, or a lifecycle step the status does not allow.
WEIGERINGEN = (str(BEVROREN_MELDING), "kan niet meer worden gewijzigd", "kan niet naar")


# --- The world and the dump -----------------------------------------------------------------


@pytest.fixture(params=[JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def wereld(request, settings):
    settings.TWEESTAPS_VERPLICHT = False
    sc = bouw_scenario()
    sc.gebruikers["gemeente_beheerder"] = lid(
        sc.a.gemeente_org, Rol.MEDEWERKER, Rol.BEHEERDER, username="ga.beheerder"
    )
    factories.zet_status(sc.a.jaarschijf, request.param)
    return sc


def rijen(qs, zonder=()) -> list:
    return [
        {k: v for k, v in rij.items() if k not in zonder and k != "versie"}
        for rij in qs.order_by("pk").values()
    ]


def dump(jaarschijf: Jaarschijf) -> str:
    """Everything the fixed document consists of, as one string. Progress (voortgang, a
    step done, signatures being placed) and remarks are no content and stay out."""
    vers = Jaarschijf.objects.filter(pk=jaarschijf.pk)
    inhoud = {
        "jaarschijf": rijen(vers, zonder={"status"}),
        "jaarafspraken": rijen(Jaarafspraak.objects.filter(jaarschijf=jaarschijf), {"status"}),
        "stappen": rijen(Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf), {"afgerond"}),
        "ondertekeningen": rijen(
            Ondertekening.objects.filter(jaarschijf=jaarschijf),
            {"ondertekend_op", "ondertekend_door_id"},
        ),
        "mutaties": rijen(Voorraadmutatie.objects.filter(jaarschijf=jaarschijf)),
        "standen": rijen(Voorraadstand.objects.filter(jaarschijf=jaarschijf)),
    }
    return json.dumps(inhoud, sort_keys=True, default=str)


def vuile_invoer(objecten, ander) -> dict:
    """A POST body that would change whatever field any form of the project has."""
    data = {
        "titel": "Gewijzigd",
        "inleiding": "Gewijzigd",
        "plaats": "Elders",
        "datum": "2030-01-01",
        "geldig_tot": "2030-12-31",
        "jaar": "2031",
        "code": "X99",
        "inhoud": "Gewijzigd",
        "resultaat": "Gewijzigd",
        "periode": "2030",
        "doel": "Gewijzigd",
        "soort": "procesafspraak",
        "thema": objecten["thema"].pk,
        "trekkers": [ander.pk],
        "tekst": "Gewijzigd",
        "status": "gerealiseerd",
        "organisatie": ander.pk,
        "naam": "Gewijzigd",
        "letter": "Z",
        "toelichting": "Gewijzigd",
        "vertegenwoordiger": "Gewijzigd",
        "functie": "Gewijzigd",
        "startdatum": "2020-01-01",
        "einddatum": "2020-12-31",
        "grondslag": "Gewijzigd",
        "versie": "1",
        "afspraak_versie": "1",
        "richting": "omlaag",
        "afgerond": "1",
        "opmerking": "Gewijzigd",
    }
    for prefix, cijfer in (("m", objecten["voorraadmutatie"]), ("s", objecten["voorraadstand"])):
        data[f"{prefix}-{cijfer.pk}"] = "999"
        data[f"{prefix}-{cijfer.pk}-was"] = "" if cijfer.aantal is None else str(cijfer.aantal)
    return data


# --- URLs -----------------------------------------------------------------------------------


def test_every_url_has_a_row():
    namen = {naam for naam, _kwargs, _n in url_patronen() if not naam.startswith(ACCOUNT)}
    assert sorted(namen - set(URLS)) == [], "nieuwe URL zonder regel in URLS"
    assert sorted(set(URLS) - namen) == [], "regel in URLS zonder URL"


def test_no_url_changes_a_frozen_jaarschijf(wereld):
    objecten = objecten_per_soort(wereld)["eigen"]
    clients = ingelogde_clients(wereld)
    clients["gemeente_beheerder"] = _ingelogd(wereld.gebruiker("gemeente_beheerder"))
    jaarschijf = wereld.a.jaarschijf
    voor = dump(jaarschijf)
    data = vuile_invoer(objecten, wereld.c2)
    fouten = []
    for url_name, kwarg_namen, _naam in url_patronen():
        verwacht = LEZEN if url_name.startswith(ACCOUNT) else URLS[url_name]
        url = reverse(url_name, kwargs=url_kwargs(kwarg_namen, objecten))
        for rol in ROLLEN:
            client, cookies = clients[rol]
            client.cookies = copy.deepcopy(cookies)
            invoer = dict(data)
            if url_name == "monitoring:werkboek-import":
                invoer["bestand"] = _eigen_xlsx(jaarschijf)
            with transaction.atomic():
                response = client.post(url, invoer)
                html = response.content.decode(errors="replace")
                gewijzigd = dump(jaarschijf) != voor
                transaction.set_rollback(True)
            if gewijzigd:
                fouten.append(f"{url_name} als {rol}: de jaarschijf is veranderd")
            # Refused in Dutch: the freeze or lifecycle reason, or the 403 page's own words.
            geweigerd = any(m in html for m in WEIGERINGEN) or (
                response.status_code == 403 and "Geen toegang" in html
            )
            if verwacht == GEWEIGERD and not geweigerd:
                fouten.append(
                    f"{url_name} als {rol}: {response.status_code} zonder weigering: "
                    + html[html.find("utrecht-form-field-error") :][:300]
                )
    assert fouten == [], "\n".join(fouten)


def _ingelogd(gebruiker):
    client = Client()
    client.force_login(gebruiker)
    return client, copy.deepcopy(client.cookies)


# --- Admin ----------------------------------------------------------------------------------


def test_no_admin_page_changes_a_frozen_jaarschijf(wereld, admin_client):
    objecten = objecten_per_soort(wereld)["eigen"]
    jaarschijf = wereld.a.jaarschijf
    voor = dump(jaarschijf)
    bevroren = [
        jaarschijf,
        objecten["jaarafspraak"],
        objecten["stap"],
        objecten["ondertekening"],
        objecten["voorraadmutatie"],
        objecten["voorraadstand"],
    ]
    fouten = []
    for model in admin.site._registry:
        meta = model._meta
        doelen = [obj for obj in bevroren if isinstance(obj, model)]
        urls = [reverse(f"admin:{meta.app_label}_{meta.model_name}_add")]
        for obj in doelen:
            for actie in ("change", "delete"):
                urls.append(
                    reverse(f"admin:{meta.app_label}_{meta.model_name}_{actie}", args=[obj.pk])
                )
        for url in urls:
            with transaction.atomic():
                admin_client.post(url, {"post": "yes", **vuile_invoer(objecten, wereld.c2)})
                gewijzigd = dump(jaarschijf) != voor
                transaction.set_rollback(True)
            if gewijzigd:
                fouten.append(f"{url}: de jaarschijf is veranderd")
        for obj in doelen:
            # The change page opens read-only: no save button to press.
            html = admin_client.get(
                reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
            ).content.decode()
            if 'name="_save"' in html:
                fouten.append(f"{meta.label} {obj.pk}: het beheer biedt Opslaan aan")
    assert fouten == [], "\n".join(fouten)


# --- Services -------------------------------------------------------------------------------


def _service_aanroepen(wereld, door) -> dict:
    """Every public service, called on the frozen jaarschijf's objects (or its agreement)."""
    a = wereld.a
    ja, stap = a.jaarafspraken[0], a.stappen[0]
    afspraak, js = a.afspraken[0], a.jaarschijf
    opmerking = a.opmerkingen[0]
    partij = a.overeenkomst.partijrollen.get(organisatie=wereld.c1)
    tekst = {"code": "X99", "inhoud": "Gewijzigd"}
    datum = datetime.date(2020, 1, 1)
    return {
        "afspraak_aanmaken": (
            OVEREENKOMST,
            lambda: afspraken_services.afspraak_aanmaken(
                overeenkomst=a.overeenkomst, thema=a.thema, jaarschijf=js, door=door, **tekst
            ),
        ),
        "afspraak_bijwerken": (
            OVEREENKOMST,
            lambda: afspraken_services.afspraak_bijwerken(
                afspraak=afspraak, versie=afspraak.versie, thema=a.thema, door=door, **tekst
            ),
        ),
        "afspraak_verplaatsen": (
            OVEREENKOMST,
            lambda: afspraken_services.afspraak_verplaatsen(
                afspraak=afspraak, versie=afspraak.versie, thema=a.thema, door=door
            ),
        ),
        "jaarafspraak_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.jaarafspraak_bijwerken(
                jaarafspraak=ja, versie=ja.versie, tekst="Gewijzigd", door=door
            ),
        ),
        "jaarafspraak_regel_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.jaarafspraak_regel_bijwerken(
                jaarafspraak=ja, versie=ja.versie, afspraak_versie=1, door=door, **tekst
            ),
        ),
        "jaarschijf_aanmaken": (
            OVEREENKOMST,
            lambda: afspraken_services.jaarschijf_aanmaken(
                overeenkomst=a.overeenkomst, jaar=js.jaar, door=door
            ),
        ),
        "jaarschijf_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.jaarschijf_bijwerken(
                jaarschijf=js, versie=js.versie, titel="Gewijzigd", door=door
            ),
        ),
        "jaarschijf_ondertekend_verklaren": (
            VOORTGANG,
            lambda: afspraken_services.jaarschijf_ondertekend_verklaren(jaarschijf=js, door=door),
        ),
        "jaarschijf_ter_bespreking": (
            GEWEIGERD,
            lambda: afspraken_services.jaarschijf_ter_bespreking(jaarschijf=js, door=door),
        ),
        "jaarschijf_terug_naar_concept": (
            VOORTGANG,
            lambda: afspraken_services.jaarschijf_terug_naar_concept(jaarschijf=js, door=door),
        ),
        "jaarschijf_vaststellen": (
            GEWEIGERD,
            lambda: afspraken_services.jaarschijf_vaststellen(jaarschijf=js, door=door),
        ),
        "jaarschijf_volgend_jaar_voorbereiden": (
            OVEREENKOMST,
            lambda: afspraken_services.jaarschijf_volgend_jaar_voorbereiden(
                jaarschijf=js, door=door
            ),
        ),
        "opmerking_afhandelen": (
            VOORTGANG,
            lambda: afspraken_services.opmerking_afhandelen(opmerking=opmerking, door=door),
        ),
        "opmerking_plaatsen": (
            VOORTGANG,
            lambda: afspraken_services.opmerking_plaatsen(
                jaarschijf=js, jaarafspraak=ja, tekst="Gewijzigd", door=door
            ),
        ),
        "overeenkomst_aanmaken": (
            OVEREENKOMST,
            lambda: afspraken_services.overeenkomst_aanmaken(
                gemeente=a.gemeente, titel="Nieuw", startdatum=datum, einddatum=datum, door=door
            ),
        ),
        "overeenkomst_bijwerken": (
            OVEREENKOMST,
            lambda: afspraken_services.overeenkomst_bijwerken(
                overeenkomst=a.overeenkomst,
                versie=a.overeenkomst.versie,
                titel="Gewijzigd",
                startdatum=datum,
                einddatum=datum,
                door=door,
            ),
        ),
        "partij_bijwerken": (
            OVEREENKOMST,
            lambda: afspraken_services.partij_bijwerken(
                partij=partij, versie=partij.versie, vertegenwoordiger="Gewijzigd", door=door
            ),
        ),
        "partij_toevoegen": (
            OVEREENKOMST,
            lambda: afspraken_services.partij_toevoegen(
                overeenkomst=a.overeenkomst, organisatie=wereld.c3, door=door
            ),
        ),
        "partij_verwijderen": (
            OVEREENKOMST,
            lambda: afspraken_services.partij_verwijderen(partij=partij, door=door),
        ),
        "stap_afronden": (
            VOORTGANG,
            lambda: afspraken_services.stap_afronden(stap=stap, door=door),
        ),
        "stap_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.stap_bijwerken(
                stap=stap, versie=stap.versie, organisatie=wereld.c1, tekst="Gewijzigd", door=door
            ),
        ),
        "stap_toevoegen": (
            GEWEIGERD,
            lambda: afspraken_services.stap_toevoegen(
                jaarafspraak=ja, organisatie=wereld.c1, tekst="Gewijzigd", door=door
            ),
        ),
        "stap_verwijderen": (
            GEWEIGERD,
            lambda: afspraken_services.stap_verwijderen(stap=stap, door=door),
        ),
        "thema_aanmaken": (
            OVEREENKOMST,
            lambda: afspraken_services.thema_aanmaken(
                overeenkomst=a.overeenkomst, naam="Nieuw", door=door
            ),
        ),
        "thema_bijwerken": (
            OVEREENKOMST,
            lambda: afspraken_services.thema_bijwerken(
                thema=a.thema, versie=a.thema.versie, naam="Gewijzigd", door=door
            ),
        ),
        "thema_verplaatsen": (
            OVEREENKOMST,
            lambda: afspraken_services.thema_verplaatsen(thema=a.thema, omhoog=False, door=door),
        ),
        "cijfers_bijwerken": (
            GEWEIGERD,
            lambda: voorraad_services.cijfers_bijwerken(
                jaarschijf=js,
                corporatie=wereld.c1,
                door=door,
                mutaties={a.mutaties[0].pk: voorraad_services.Aantal(nieuw=999, was=None)},
                mutaties_weg={a.mutaties[0].pk},
            ),
        ),
        "werkboek_importeren": (
            GEWEIGERD,
            lambda: werkboek_importeren(werkboek=_eigen_werkboek(js), door=door),
        ),
    }


def _eigen_xlsx(jaarschijf):
    """The frozen jaarschijf's own workbook with a changed introduction, as an upload."""
    werkboek = openpyxl.load_workbook(io.BytesIO(werkboek_exporteren(jaarschijf=jaarschijf)))
    blad = werkboek["jaarschijf"]
    for rij in blad.iter_rows():
        if rij[0].value == "inleiding":
            rij[1].value = "Gewijzigd"
    uit = io.BytesIO()
    werkboek.save(uit)
    return SimpleUploadedFile(
        "werkboek.xlsx",
        uit.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def _eigen_werkboek(jaarschijf):
    return lees_werkboek(_eigen_xlsx(jaarschijf))


def publieke_services() -> set[str]:
    namen = set(afspraken_services.__all__) - {"VersieConflict", "loopt_door", "periode_eindjaar"}
    namen |= {
        naam
        for naam, functie in inspect.getmembers(voorraad_services, inspect.isfunction)
        if functie.__module__ == voorraad_services.__name__ and not naam.startswith("_")
    }
    return namen | {"werkboek_importeren"}


def test_every_service_has_a_row(wereld):
    rijen_ = _service_aanroepen(wereld, wereld.gebruiker("superuser"))
    assert sorted(publieke_services() - set(rijen_)) == [], "nieuwe service zonder regel"


@pytest.mark.parametrize("rol", ROLLEN)
def test_no_service_changes_a_frozen_jaarschijf(wereld, rol):
    door = wereld.gebruiker(rol)
    jaarschijf = wereld.a.jaarschijf
    voor = dump(jaarschijf)
    fouten = []
    for naam, (verwacht, aanroep) in _service_aanroepen(wereld, door).items():
        melding = ""
        with transaction.atomic():
            try:
                aanroep()
            except (ValidationError, PermissionDenied, WerkboekFout) as fout:
                melding = str(fout)
            gewijzigd = dump(jaarschijf) != voor
            transaction.set_rollback(True)
        if gewijzigd:
            fouten.append(f"{naam} als {rol}: de jaarschijf is veranderd")
        geweigerd = any(m in melding for m in (*WEIGERINGEN, "mag dit niet"))
        if verwacht == GEWEIGERD and not geweigerd:
            fouten.append(f"{naam} als {rol}: niet geweigerd met een Nederlandse melding")
    assert fouten == [], "\n".join(fouten)
