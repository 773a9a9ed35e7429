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
from afspraken.services import bulk_document
from monitoring import services as monitoring_services
from monitoring import voortgang as monitoring_voortgang
from monitoring.models import Reactie
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from tests.bevroren import (
    GEWEIGERD,
    OVEREENKOMST,
    ROLLEN,
    VOORTGANG,
    WEIGERINGEN,
    dump,
    eigen_werkboek,
)
from tests.bevroren_bulk import (
    bulk_jaarschijf_aanroepen,
    bulk_overeenkomst_aanroepen,
    bulk_voorraad_aanroepen,
)
from tests.bevroren_hoofdstuk import hoofdstuk_aanroepen
from tests.bevroren_voortgang import voortgang_aanroepen
from voorraad import services as voorraad_services

pytestmark = pytest.mark.django_db

DATUM = datetime.date(2020, 1, 1)


def _service_aanroepen(bevroren_wereld, door) -> dict:
    """Every public service, called on the frozen jaarschijf's objects (or its agreement)."""
    return {
        naam: aanroep
        for per_gebied in (
            _afspraak_aanroepen,
            _jaarschijf_aanroepen,
            _overeenkomst_aanroepen,
            _stap_aanroepen,
            hoofdstuk_aanroepen,
            _voortgang_en_cijfer_aanroepen,
            _voorraad_extra_aanroepen,
            bulk_overeenkomst_aanroepen,
            bulk_jaarschijf_aanroepen,
            bulk_voorraad_aanroepen,
            voortgang_aanroepen,
            _bulk_document_aanroepen,
        )
        for naam, aanroep in per_gebied(bevroren_wereld, door).items()
    }


def _gewijzigd(stap):
    stap.tekst = "Gewijzigd"
    return stap


def _afspraak_aanroepen(w, door) -> dict:
    """The afspraak and jaarafspraak services."""
    a = w.a
    ja = w.a.jaarafspraken[0]
    afspraak = w.a.afspraken[0]
    js = w.a.jaarschijf
    tekst = {"code": "X99", "inhoud": "Gewijzigd"}
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
    }


def _jaarschijf_aanroepen(w, door) -> dict:
    """The jaarschijf's own services and its lifecycle."""
    a = w.a
    js = w.a.jaarschijf
    return {
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
        # A new version of a signed jaarschijf: its status moves, its content stays.
        "wijziging_starten": (
            VOORTGANG,
            lambda: afspraken_services.wijziging_starten(
                jaarschijf=js, reden="Gewijzigd", door=door
            ),
        ),
    }


def _overeenkomst_aanroepen(w, door) -> dict:
    """The agreement's services: itself, its parties and themes."""
    a = w.a
    partij = w.a.overeenkomst.partijrollen.get(organisatie=w.c1)
    datum = DATUM
    return {
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
                overeenkomst=a.overeenkomst, organisatie=w.c3, door=door
            ),
        ),
        "partij_verwijderen": (
            OVEREENKOMST,
            lambda: afspraken_services.partij_verwijderen(partij=partij, door=door),
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
    }


def _stap_aanroepen(w, door) -> dict:
    """The step services and the admin's writes (on a step)."""
    ja = w.a.jaarafspraken[0]
    stap = w.a.stappen[0]
    return {
        "stap_afronden": (
            VOORTGANG,
            lambda: afspraken_services.stap_afronden(stap=stap, door=door),
        ),
        "stap_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.stap_bijwerken(
                stap=stap,
                versie=stap.versie,
                organisatie=w.c1,
                tekst="Gewijzigd",
                door=door,
            ),
        ),
        "stap_toevoegen": (
            GEWEIGERD,
            lambda: afspraken_services.stap_toevoegen(
                jaarafspraak=ja, organisatie=w.c1, tekst="Gewijzigd", door=door
            ),
        ),
        "stap_verwijderen": (
            GEWEIGERD,
            lambda: afspraken_services.stap_verwijderen(stap=stap, door=door),
        ),
        "beheer_opslaan": (
            GEWEIGERD,
            lambda: afspraken_services.beheer_opslaan(obj=_gewijzigd(stap), door=door),
        ),
        "beheer_verwijderen": (
            GEWEIGERD,
            lambda: afspraken_services.beheer_verwijderen(obj=stap, door=door),
        ),
    }


def _voortgang_en_cijfer_aanroepen(w, door) -> dict:
    """Remarks, figures and the workbook import."""
    a = w.a
    ja = w.a.jaarafspraken[0]
    js = w.a.jaarschijf
    opmerking = w.a.opmerkingen[0]
    return {
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
        # Remark threads (#15 point 4): no content either, like the remark itself.
        "opmerking_reageren": (
            VOORTGANG,
            lambda: monitoring_services.opmerking_reageren(
                opmerking=opmerking, tekst="Gewijzigd", door=door
            ),
        ),
        "opmerking_verwijderen": (
            VOORTGANG,
            lambda: monitoring_services.opmerking_verwijderen(opmerking=opmerking, door=door),
        ),
        "reactie_verwijderen": (
            VOORTGANG,
            lambda: monitoring_services.reactie_verwijderen(
                reactie=Reactie.objects.create(
                    opmerking=opmerking, auteur=opmerking.auteur, tekst="Een reactie."
                ),
                door=door,
            ),
        ),
        "cijfers_bijwerken": (
            GEWEIGERD,
            lambda: voorraad_services.cijfers_bijwerken(
                jaarschijf=js,
                corporatie=w.c1,
                door=door,
                mutaties={a.mutaties[0].pk: voorraad_services.Aantal(nieuw=999, was=None)},
                mutaties_weg={a.mutaties[0].pk},
            ),
        ),
        "cel_bijwerken": (
            GEWEIGERD,
            lambda: voorraad_services.cel_bijwerken(
                jaarschijf=js,
                corporatie=w.c1,
                cel=voorraad_services.Cel(
                    tabel="m",
                    rij_id=a.mutaties[0].categorie_id,
                    soort=a.mutaties[0].soort,
                    jaar_van=a.mutaties[0].jaar_van,
                    jaar_tot=a.mutaties[0].jaar_tot,
                ),
                nieuw=999,
                was=a.mutaties[0].aantal,
                door=door,
            ),
        ),
        "werkboek_importeren": (
            GEWEIGERD,
            lambda: werkboek_importeren(werkboek=eigen_werkboek(js), door=door),
        ),
    }


def _voorraad_extra_aanroepen(w, door) -> dict:
    """Figures delivered as a whole, notes under tables and transfers (#12)."""
    js = w.a.jaarschijf
    return {
        "eigen_cijfers_aanleveren": (
            GEWEIGERD,
            lambda: voorraad_services.eigen_cijfers_aanleveren(
                jaarschijf=js,
                corporatie=w.c1,
                mutaties=[
                    voorraad_services.MutatieRegel(
                        w.c1, "nieuwbouw", js.jaar, js.jaar, "prognose", 999
                    )
                ],
                standen=[],
                door=door,
            ),
        ),
        "tabelnoot_toevoegen": (
            GEWEIGERD,
            lambda: voorraad_services.tabelnoot_toevoegen(
                jaarschijf=js, tabel="standen", tekst="Gewijzigd", corporatie=w.c1, door=door
            ),
        ),
        "overdracht_vastleggen": (
            GEWEIGERD,
            lambda: voorraad_services.overdracht_vastleggen(
                jaarschijf=js, van=w.c1, naar=w.c2, datum=DATUM, aantal=1, door=door
            ),
        ),
    }


def _bulk_document_aanroepen(w, door) -> dict:
    """The workbook's version-2 services: hoofdstukken and the imported status."""
    js = w.a.jaarschijf
    regel = bulk_document.HoofdstukRegel(kop="Gewijzigd", tekst="Gewijzigd")
    return {
        "hoofdstukken_vervangen": (
            GEWEIGERD,
            lambda: bulk_document.hoofdstukken_vervangen(
                jaarschijf=js, hoofdstukken=[regel], door=door
            ),
        ),
        "jaarschijf_status_importeren": (
            GEWEIGERD,
            lambda: bulk_document.jaarschijf_status_importeren(
                jaarschijf=js, status="concept", door=door
            ),
        ),
    }


def publieke_services() -> set[str]:
    namen = set(afspraken_services.__all__) - {"VersieConflict", "loopt_door", "periode_eindjaar"}
    namen |= {
        naam
        for naam, functie in inspect.getmembers(monitoring_services, inspect.isfunction)
        if functie.__module__ == monitoring_services.__name__ and not naam.startswith("_")
    }
    # voorraad.services is a package: its public services are the functions it exports.
    namen |= {
        naam
        for naam in voorraad_services.__all__
        if inspect.isfunction(getattr(voorraad_services, naam))
    }
    namen |= set(monitoring_voortgang.__all__) - {"Melding"}
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
