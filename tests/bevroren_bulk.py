"""The importer's bulk services as rows of the freeze proof over every service
(tests/test_bevriezing_services.py): each called with one row of the frozen world."""

import datetime

from afspraken import services as afspraken_services
from afspraken.services.bulk import PartijRegel
from afspraken.services.bulk_inhoud import AfspraakRegel, ThemaRegel
from afspraken.services.bulk_jaarschijf import JaarafspraakRegel, OndertekeningRegel, StapRegel
from tests.bevroren import GEWEIGERD, OVEREENKOMST
from voorraad import services as voorraad_services

DATUM = datetime.date(2020, 1, 1)


def bulk_overeenkomst_aanroepen(w, door) -> dict:
    """The importer's bulk services for the agreement, each given one row."""
    a = w.a
    afspraak = w.a.afspraken[0]
    datum = DATUM
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
    }


def bulk_jaarschijf_aanroepen(w, door) -> dict:
    """The importer's bulk services for the jaarschijf, each given one row."""
    a = w.a
    afspraak = w.a.afspraken[0]
    js = w.a.jaarschijf
    c1 = w.c1
    return {
        "jaarschijf_aanmaken_of_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.jaarschijf_aanmaken_of_bijwerken(
                overeenkomst=a.overeenkomst, jaar=js.jaar, titel="Gewijzigd", door=door
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
    }


def bulk_voorraad_aanroepen(w, door) -> dict:
    """The importer's bulk services for the figures, each given one row."""
    js = w.a.jaarschijf
    c1 = w.c1
    return {
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
        "segmenten_bijwerken_bulk": (
            GEWEIGERD,
            lambda: voorraad_services.segmenten_bijwerken_bulk(
                jaarschijf=js,
                segmenten=[
                    voorraad_services.SegmentRegel(
                        naam="Sociale huur < aftoppingsgrens",
                        onderdeel_van="sociale huur (DAEB)",
                        toelichting="Gewijzigd",
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
