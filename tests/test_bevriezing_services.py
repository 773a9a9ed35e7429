"""Proof over every service: each public write function of the project, called on a frozen
jaarschijf (or its agreement) by the most powerful roles, leaves the fixed document as it
was; see tests/test_bevriezing_paden.py for the rows' meaning. A new service without a row
fails the suite."""

import datetime
import inspect

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from afspraken import services as afspraken_services
from afspraken.services.bulk import PartijRegel
from afspraken.services.bulk_inhoud import AfspraakRegel, ThemaRegel
from afspraken.services.bulk_jaarschijf import (
    JaarafspraakRegel,
    OndertekeningRegel,
    StapRegel,
)
from monitoring import services as monitoring_services
from monitoring.workbook.importer import werkboek_importeren
from monitoring.workbook.meldingen import WerkboekFout
from tests.bevroren import (
    GEWEIGERD,
    OVEREENKOMST,
    ROLLEN,
    VOORTGANG,
    WEIGERINGEN,
    dump,
    eigen_werkboek,
)
from voorraad import services as voorraad_services

pytestmark = pytest.mark.django_db


def _service_aanroepen(bevroren_wereld, door) -> dict:
    """Every public service, called on the frozen jaarschijf's objects (or its agreement)."""
    a = bevroren_wereld.a
    ja, stap = a.jaarafspraken[0], a.stappen[0]
    afspraak, js = a.afspraken[0], a.jaarschijf
    opmerking = a.opmerkingen[0]
    partij = a.overeenkomst.partijrollen.get(organisatie=bevroren_wereld.c1)
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
            lambda: monitoring_services.opmerking_afhandelen(opmerking=opmerking, door=door),
        ),
        "opmerking_plaatsen": (
            VOORTGANG,
            lambda: monitoring_services.opmerking_plaatsen(
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
                overeenkomst=a.overeenkomst, organisatie=bevroren_wereld.c3, door=door
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
                stap=stap,
                versie=stap.versie,
                organisatie=bevroren_wereld.c1,
                tekst="Gewijzigd",
                door=door,
            ),
        ),
        "stap_toevoegen": (
            GEWEIGERD,
            lambda: afspraken_services.stap_toevoegen(
                jaarafspraak=ja, organisatie=bevroren_wereld.c1, tekst="Gewijzigd", door=door
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
        "beheer_opslaan": (
            GEWEIGERD,
            lambda: afspraken_services.beheer_opslaan(obj=_gewijzigd(stap), door=door),
        ),
        "beheer_verwijderen": (
            GEWEIGERD,
            lambda: afspraken_services.beheer_verwijderen(obj=stap, door=door),
        ),
        "cijfers_bijwerken": (
            GEWEIGERD,
            lambda: voorraad_services.cijfers_bijwerken(
                jaarschijf=js,
                corporatie=bevroren_wereld.c1,
                door=door,
                mutaties={a.mutaties[0].pk: voorraad_services.Aantal(nieuw=999, was=None)},
                mutaties_weg={a.mutaties[0].pk},
            ),
        ),
        "werkboek_importeren": (
            GEWEIGERD,
            lambda: werkboek_importeren(werkboek=eigen_werkboek(js), door=door),
        ),
        **_bulk_aanroepen(bevroren_wereld, door),
    }


def _gewijzigd(stap):
    stap.tekst = "Gewijzigd"
    return stap


def _bulk_aanroepen(bevroren_wereld, door) -> dict:
    """The importer's bulk services, each given one row of the frozen world."""
    a, c1 = bevroren_wereld.a, bevroren_wereld.c1
    js, afspraak = a.jaarschijf, a.afspraken[0]
    datum = datetime.date(2020, 1, 1)
    return {
        "gemeente_aanmaken_of_bijwerken": (
            OVEREENKOMST,
            lambda: afspraken_services.gemeente_aanmaken_of_bijwerken(
                naam=a.gemeente.naam, cbs_code=a.gemeente.cbs_code, door=door
            ),
        ),
        "overeenkomst_aanmaken_of_bijwerken": (
            OVEREENKOMST,
            lambda: afspraken_services.overeenkomst_aanmaken_of_bijwerken(
                gemeente=a.gemeente,
                titel=a.overeenkomst.titel,
                startdatum=datum,
                einddatum=datum,
                door=door,
            ),
        ),
        "partijen_bijwerken_bulk": (
            OVEREENKOMST,
            lambda: afspraken_services.partijen_bijwerken_bulk(
                overeenkomst=a.overeenkomst,
                partijen=[PartijRegel(naam="Nieuwe Corporatie", type="woningcorporatie")],
                door=door,
            ),
        ),
        "jaarschijf_aanmaken_of_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.jaarschijf_aanmaken_of_bijwerken(
                overeenkomst=a.overeenkomst, jaar=js.jaar, titel="Gewijzigd", door=door
            ),
        ),
        "themas_bijwerken_bulk": (
            OVEREENKOMST,
            lambda: afspraken_services.themas_bijwerken_bulk(
                overeenkomst=a.overeenkomst,
                themas=[ThemaRegel(naam=a.thema.naam, toelichting="Gewijzigd")],
                door=door,
            ),
        ),
        "afspraken_bijwerken_bulk": (
            OVEREENKOMST,
            lambda: afspraken_services.afspraken_bijwerken_bulk(
                overeenkomst=a.overeenkomst,
                afspraken=[AfspraakRegel(code=afspraak.code, thema=a.thema, inhoud="Gewijzigd")],
                door=door,
            ),
        ),
        "jaarafspraken_bijwerken_bulk": (
            GEWEIGERD,
            lambda: afspraken_services.jaarafspraken_bijwerken_bulk(
                jaarschijf=js,
                jaarafspraken=[JaarafspraakRegel(afspraak=afspraak, tekst="Gewijzigd")],
                door=door,
            ),
        ),
        "stappen_vervangen": (
            GEWEIGERD,
            lambda: afspraken_services.stappen_vervangen(
                jaarschijf=js,
                stappen=[StapRegel(a.jaarafspraken[0], organisatie=c1, tekst="Gewijzigd")],
                door=door,
            ),
        ),
        "ondertekeningen_vervangen": (
            GEWEIGERD,
            lambda: afspraken_services.ondertekeningen_vervangen(
                jaarschijf=js,
                ondertekeningen=[OndertekeningRegel(organisatie=c1, naam="Gewijzigd")],
                door=door,
            ),
        ),
        "voorraadmutaties_bijwerken_bulk": (
            GEWEIGERD,
            lambda: voorraad_services.voorraadmutaties_bijwerken_bulk(
                jaarschijf=js,
                mutaties=[
                    voorraad_services.MutatieRegel(
                        corporatie=c1,
                        categorie="Nieuwbouw",
                        jaar_van=js.jaar,
                        jaar_tot=js.jaar,
                        soort="prognose",
                        aantal=999,
                    )
                ],
                door=door,
            ),
        ),
        "voorraadstanden_bijwerken_bulk": (
            GEWEIGERD,
            lambda: voorraad_services.voorraadstanden_bijwerken_bulk(
                jaarschijf=js,
                standen=[
                    voorraad_services.StandRegel(
                        corporatie=c1,
                        segment="Sociale huur",
                        jaar=js.jaar,
                        soort="prognose",
                        aantal=9,
                    )
                ],
                door=door,
            ),
        ),
    }


def publieke_services() -> set[str]:
    namen = set(afspraken_services.__all__) - {"VersieConflict", "loopt_door", "periode_eindjaar"}
    namen |= {
        naam
        for module in (voorraad_services, monitoring_services)
        for naam, functie in inspect.getmembers(module, inspect.isfunction)
        if functie.__module__ == module.__name__ and not naam.startswith("_")
    }
    return namen | {"werkboek_importeren"}


def test_every_service_has_a_row(bevroren_wereld):
    rijen_ = _service_aanroepen(bevroren_wereld, bevroren_wereld.gebruiker("superuser"))
    assert sorted(publieke_services() - set(rijen_)) == [], "nieuwe service zonder regel"


@pytest.mark.parametrize("rol", ROLLEN)
def test_no_service_changes_a_frozen_jaarschijf(bevroren_wereld, rol):
    door = bevroren_wereld.gebruiker(rol)
    jaarschijf = bevroren_wereld.a.jaarschijf
    voor = dump(jaarschijf)
    fouten = []
    for naam, (verwacht, aanroep) in _service_aanroepen(bevroren_wereld, door).items():
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
