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

import pytest
from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.bevroren import (
    GEWEIGERD,
    LEZEN,
    OVEREENKOMST,
    ROLLEN,
    VOORTGANG,
    WEIGERINGEN,
    dump,
    eigen_xlsx,
)
from tests.paden import ingelogde_clients, objecten_per_soort, url_kwargs, url_patronen

pytestmark = pytest.mark.django_db

URLS = {
    "afspraken:afspraak-aanmaken": OVEREENKOMST,
    "afspraken:afspraak-bewerken": OVEREENKOMST,
    "afspraken:afspraak-export": LEZEN,
    "afspraken:afspraak-lijst": LEZEN,
    # A trekker's or the gemeente's voortgang; the year's text is disabled once frozen.
    "afspraken:jaarafspraak-bewerken": VOORTGANG,
    "afspraken:jaarschijf-aanmaken": OVEREENKOMST,
    "afspraken:jaarschijf-afspraak-aanmaken": GEWEIGERD,
    "afspraken:jaarschijf-bewerken": GEWEIGERD,
    "afspraken:jaarschijf-ter-bespreking": GEWEIGERD,
    "afspraken:jaarschijf-terug-naar-concept": VOORTGANG,
    "afspraken:jaarschijf-vaststellen": GEWEIGERD,
    "afspraken:jaarschijf-volgend-jaar": OVEREENKOMST,
    # A wijziging reopens a signed jaarschijf as its next version; the signed version's
    # content stays as it was (afspraken.services.wijziging keeps it, the dump proves it).
    "afspraken:jaarschijf-wijziging-starten": VOORTGANG,
    "afspraken:overeenkomst-aanmaken": OVEREENKOMST,
    "afspraken:overeenkomst-bewerken": OVEREENKOMST,
    "afspraken:overeenkomst-detail": LEZEN,
    "afspraken:partij-bewerken": OVEREENKOMST,
    "afspraken:partij-overzicht": LEZEN,
    "afspraken:partij-verwijderen": OVEREENKOMST,
    "afspraken:partijen": OVEREENKOMST,
    "afspraken:stap-afronden": VOORTGANG,
    "afspraken:stap-bewerken": GEWEIGERD,
    "afspraken:stap-toevoegen": GEWEIGERD,
    "afspraken:stap-verwijderen": GEWEIGERD,
    "afspraken:hoofdstuk-bewerken": GEWEIGERD,
    "afspraken:hoofdstuk-toevoegen": GEWEIGERD,
    "afspraken:hoofdstuk-verplaatsen": GEWEIGERD,
    "afspraken:hoofdstuk-verwijderen": GEWEIGERD,
    "afspraken:thema-aanmaken": OVEREENKOMST,
    "afspraken:thema-bewerken": OVEREENKOMST,
    "afspraken:thema-verplaatsen": OVEREENKOMST,
    # A corporatie's own figures as a file: refused with the freeze message, also the download.
    "monitoring:voorraad-download": GEWEIGERD,
    "monitoring:voorraad-upload": GEWEIGERD,
    "voorraad:cel": GEWEIGERD,
    "voorraad:cel-geschiedenis": GEWEIGERD,
    "voorraad:cijfers-bewerken": GEWEIGERD,
    "voorraad:noot-toevoegen": GEWEIGERD,
    "voorraad:overdracht-toevoegen": GEWEIGERD,
    "voorraad:overzicht": LEZEN,
    "voorraad:raster": GEWEIGERD,
    "monitoring:jaarafspraak-opmerking-plaatsen": VOORTGANG,
    "monitoring:jaarschijf": LEZEN,
    "monitoring:jaarschijf-opmerking-plaatsen": VOORTGANG,
    "monitoring:opmerking-afhandelen": VOORTGANG,
    "monitoring:opmerking-reageren": VOORTGANG,
    "monitoring:opmerking-verwijderen": VOORTGANG,
    "monitoring:reactie-verwijderen": VOORTGANG,
    "monitoring:smart-check": LEZEN,
    "monitoring:start": LEZEN,
    "monitoring:werkboek-export": LEZEN,
    "monitoring:werkboek-import": GEWEIGERD,
    "monitoring:werkboek-sjabloon": LEZEN,
    # Monitoring the year (#11): progress and realised values stay open; targets are the
    # agreement's; the agenda is the jaarschijf's content; dashboards and calendars read.
    "monitoring:voortgang": VOORTGANG,
    "monitoring:voortgang-afspraak": VOORTGANG,
    # The tenants' verdicts: review, like remarks; given only while ter bespreking.
    "monitoring:zienswijzen": VOORTGANG,
    "monitoring:jaarafspraak-zienswijze": VOORTGANG,
    "monitoring:terugblik": LEZEN,
    "monitoring:doelen": OVEREENKOMST,
    "monitoring:agenda": GEWEIGERD,
    "monitoring:dashboard-overeenkomst": LEZEN,
    "monitoring:dashboard-gemeente": LEZEN,
    "monitoring:dashboard-landelijk": LEZEN,
    "monitoring:kalender": LEZEN,
    # The gemeente's yearly deadlines: no part of any document.
    "monitoring:jaarcyclus": OVEREENKOMST,
    # Writes only the person's own calendar token.
    "monitoring:mijn-kalender": LEZEN,
    # Writes only the person's own e-mail choices.
    "monitoring:berichten": LEZEN,
    "monitoring:kalender-ics": LEZEN,
    # The jaarschijf as PDF (#10): reading; signing is what a frozen jaarschijf waits for
    # (only the signature fields of its lines change, never its content); a reminder mails.
    "monitoring:jaarschijf-pdf": LEZEN,
    "monitoring:ondertekenen": VOORTGANG,
    "monitoring:ondertekenen-herinneren": LEZEN,
    "monitoring:verificatie": LEZEN,
}
# Account pages name no agreement content; they are walked all the same.
ACCOUNT = "gemeenten:"


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
        # The document's own shape (issue #9).
        "tot_jaar": "2032",
        "documentdatum": "Gewijzigd",
        "geldig_vanaf": "2030-01-01",
        "geldig_na_ondertekening": "on",
        "kop": "Gewijzigd",
        "betrokkenen": "Gewijzigd",
        "plek": "na",
        "mede_organisaties": [ander.pk],
        "aanduiding": "Gewijzigd",
        "mandaat": "Gewijzigd",
        "rol": "Gewijzigd",
        "actief_tot": "2020",
    }
    for prefix, cijfer in (("m", objecten["voorraadmutatie"]), ("s", objecten["voorraadstand"])):
        data[f"{prefix}-{cijfer.pk}"] = "999"
        data[f"{prefix}-{cijfer.pk}-was"] = "" if cijfer.aantal is None else str(cijfer.aantal)
    # The grid's cells (voorraad.invulraster): the mutation's own cell, typed over.
    m = objecten["voorraadmutatie"]
    data[f"m.{m.categorie_id}.{m.jaar_van}.{m.soort}"] = "999"
    return data


# --- URLs -----------------------------------------------------------------------------------


def test_every_url_has_a_row():
    namen = {naam for naam, _kwargs, _n in url_patronen() if not naam.startswith(ACCOUNT)}
    assert sorted(namen - set(URLS)) == [], "nieuwe URL zonder regel in URLS"
    assert sorted(set(URLS) - namen) == [], "regel in URLS zonder URL"


def test_no_url_changes_a_frozen_jaarschijf(bevroren_wereld):
    objecten = objecten_per_soort(bevroren_wereld)["eigen"]
    clients = ingelogde_clients(bevroren_wereld)
    clients["gemeente_beheerder"] = _ingelogd(bevroren_wereld.gebruiker("gemeente_beheerder"))
    jaarschijf = bevroren_wereld.a.jaarschijf
    voor = dump(jaarschijf)
    data = vuile_invoer(objecten, bevroren_wereld.c2)
    fouten = []
    for url_name, kwarg_namen, _naam in url_patronen():
        verwacht = LEZEN if url_name.startswith(ACCOUNT) else URLS[url_name]
        url = reverse(url_name, kwargs=url_kwargs(kwarg_namen, objecten))
        for rol in ROLLEN:
            client, cookies = clients[rol]
            client.cookies = copy.deepcopy(cookies)
            invoer = dict(data)
            if url_name == "monitoring:werkboek-import":
                invoer["bestand"] = eigen_xlsx(jaarschijf)
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


def test_no_admin_page_changes_a_frozen_jaarschijf(bevroren_wereld, admin_client):
    objecten = objecten_per_soort(bevroren_wereld)["eigen"]
    jaarschijf = bevroren_wereld.a.jaarschijf
    voor = dump(jaarschijf)
    bevroren = [
        jaarschijf,
        objecten["jaarafspraak"],
        objecten["stap"],
        objecten["ondertekening"],
        objecten["voorraadmutatie"],
        objecten["voorraadstand"],
        objecten["hoofdstuk"],
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
                admin_client.post(
                    url, {"post": "yes", **vuile_invoer(objecten, bevroren_wereld.c2)}
                )
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
