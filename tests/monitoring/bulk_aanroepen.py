"""The bulk services as callables, each given one row of a world (a Partijwereld of
tests/wereld.py); for tests/monitoring/test_importer_services.py."""

import datetime

from afspraken.services import bulk, bulk_document, bulk_inhoud, bulk_jaarschijf
from afspraken.services.bulk import PartijRegel
from afspraken.services.bulk_inhoud import AfspraakRegel, ThemaRegel
from afspraken.services.bulk_jaarschijf import JaarafspraakRegel, OndertekeningRegel, StapRegel
from voorraad import services as voorraad_services
from voorraad.services import MutatieRegel, StandRegel


def aanroepen(wereld, door) -> dict:
    """Each bulk service with one row for `wereld` (a Partijwereld of tests/wereld.py)."""
    return {
        **_overeenkomst_aanroepen(wereld, door),
        **_jaarschijf_aanroepen(wereld, door),
        **_voorraad_aanroepen(wereld, door),
        **_document_aanroepen(wereld, door),
    }


def _document_aanroepen(wereld, door) -> dict:
    """Version 2's bulk services: the hoofdstukken and the status of an imported document."""
    regel = bulk_document.HoofdstukRegel(kop="Context", tekst="Waar het om gaat.")
    return {
        "hoofdstukken_vervangen": lambda: bulk_document.hoofdstukken_vervangen(
            jaarschijf=wereld.jaarschijf, hoofdstukken=[regel], door=door
        ),
        "jaarschijf_status_importeren": lambda: bulk_document.jaarschijf_status_importeren(
            jaarschijf=wereld.jaarschijf, status="ter_bespreking", door=door
        ),
    }


def _overeenkomst_aanroepen(wereld, door) -> dict:
    """The bulk services for the agreement: gemeente, agreement, parties, themes, afspraken."""
    afspraak = wereld.afspraken[0]
    datum = datetime.date(2020, 1, 1)
    return {
        "gemeente_aanmaken_of_bijwerken": lambda: bulk.gemeente_aanmaken_of_bijwerken(
            naam=wereld.gemeente.naam, cbs_code=wereld.gemeente.cbs_code, door=door
        ),
        "overeenkomst_aanmaken_of_bijwerken": lambda: bulk.overeenkomst_aanmaken_of_bijwerken(
            gemeente=wereld.gemeente,
            titel=wereld.overeenkomst.titel,
            startdatum=datum,
            einddatum=datum,
            door=door,
        ),
        "partijen_bijwerken_bulk": lambda: bulk.partijen_bijwerken_bulk(
            overeenkomst=wereld.overeenkomst,
            partijen=[PartijRegel(naam="Nieuwe Corporatie", type="woningcorporatie")],
            door=door,
        ),
        "themas_bijwerken_bulk": lambda: bulk_inhoud.themas_bijwerken_bulk(
            overeenkomst=wereld.overeenkomst,
            themas=[ThemaRegel(naam="Nieuw thema")],
            door=door,
        ),
        "afspraken_bijwerken_bulk": lambda: bulk_inhoud.afspraken_bijwerken_bulk(
            overeenkomst=wereld.overeenkomst,
            afspraken=[AfspraakRegel(code=afspraak.code, thema=wereld.thema, inhoud="Gewijzigd")],
            door=door,
        ),
    }


def _jaarschijf_aanroepen(wereld, door) -> dict:
    """The bulk services for the jaarschijf: itself, year texts, steps, signatories."""
    js = wereld.jaarschijf
    afspraak = wereld.afspraken[0]
    corporatie = wereld.corporaties[0]
    return {
        "jaarschijf_aanmaken_of_bijwerken": lambda: (
            bulk_jaarschijf.jaarschijf_aanmaken_of_bijwerken(
                overeenkomst=wereld.overeenkomst, jaar=js.jaar, titel="Gewijzigd", door=door
            )
        ),
        "jaarafspraken_bijwerken_bulk": lambda: bulk_jaarschijf.jaarafspraken_bijwerken_bulk(
            jaarschijf=js,
            jaarafspraken=[JaarafspraakRegel(afspraak=afspraak, tekst="Gewijzigd")],
            door=door,
        ),
        "stappen_vervangen": lambda: bulk_jaarschijf.stappen_vervangen(
            jaarschijf=js,
            stappen=[StapRegel(wereld.jaarafspraken[0], organisatie=corporatie, tekst="Nieuw")],
            door=door,
        ),
        "ondertekeningen_vervangen": lambda: bulk_jaarschijf.ondertekeningen_vervangen(
            jaarschijf=js,
            ondertekeningen=[OndertekeningRegel(organisatie=corporatie, naam="Gewijzigd")],
            door=door,
        ),
    }


def _voorraad_aanroepen(wereld, door) -> dict:
    """The bulk services for the figures."""
    js = wereld.jaarschijf
    corporatie = wereld.corporaties[0]
    return {
        "voorraadmutaties_bijwerken_bulk": lambda: (
            voorraad_services.voorraadmutaties_bijwerken_bulk(
                jaarschijf=js,
                mutaties=[
                    MutatieRegel(
                        corporatie=corporatie,
                        categorie="Nieuwe categorie",
                        jaar_van=js.jaar,
                        jaar_tot=js.jaar,
                        soort="prognose",
                        aantal=999,
                    )
                ],
                door=door,
            )
        ),
        "voorraadstanden_bijwerken_bulk": lambda: voorraad_services.voorraadstanden_bijwerken_bulk(
            jaarschijf=js,
            standen=[
                StandRegel(
                    corporatie=corporatie,
                    segment="Nieuw segment",
                    jaar=js.jaar,
                    soort="prognose",
                    aantal=9,
                )
            ],
            door=door,
        ),
    }
