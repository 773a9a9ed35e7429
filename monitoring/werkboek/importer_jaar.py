"""What belongs to the jaarschijf itself, as the bulk services take it: the document's own
shape, the year's text per afspraak, the steps per party, the signatories and the
hoofdstukken."""

import datetime

from django.utils import timezone

from afspraken.models import Afspraak, Jaarafspraak, Thema
from afspraken.services.bulk_document import HoofdstukRegel
from afspraken.services.bulk_jaarschijf import JaarafspraakRegel, OndertekeningRegel, StapRegel
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat
from monitoring.werkboek.data import (
    AfspraakGegevens,
    HoofdstukGegevens,
    OndertekenaarGegevens,
    StapGegevens,
    Werkboek,
)


def documentvorm(werkboek: Werkboek) -> dict:
    """The jaarschijf's document fields the file names (a veld it lacks keeps its value)."""
    gegevens, velden = werkboek.jaarschijf, werkboek.kolommen.get(formaat.JAARSCHIJF.naam, ())
    vorm = {}
    if "documentdatum" in velden:
        vorm["documentdatum"] = gegevens.documentdatum
    if "geldig_vanaf" in velden:
        vorm["geldig_vanaf"] = gegevens.geldig_vanaf
        vorm["geldig_na_ondertekening"] = gegevens.geldig_na_ondertekening
    if "nummering_tonen" in velden:
        vorm["nummering_tonen"] = gegevens.nummering_tonen is not False
    return vorm


def jaarafspraak_regels(
    afspraken: list[AfspraakGegevens],
    per_code: dict[str, Afspraak],
    huidige: dict[int, str] | None = None,
) -> list[JaarafspraakRegel]:
    """The year's plan per afspraak. With `huidige` (the current status per afspraak pk) the
    status stays as it is: the file's status is progress, recorded on the timeline after
    (importer._voortgang)."""
    return [
        JaarafspraakRegel(
            afspraak=per_code[gegevens.code],
            tekst=gegevens.stappen,
            status=gegevens.status
            if huidige is None
            else huidige.get(per_code[gegevens.code].pk, ""),
        )
        for gegevens in afspraken
    ]


def stap_regels(
    stappen: list[StapGegevens],
    jaarafspraken: dict[str, Jaarafspraak],
    organisaties: list[Organisatie],
) -> list[StapRegel]:
    """The first party named leads the step; the others take it with it."""
    return [
        StapRegel(
            jaarafspraak=jaarafspraken[gegevens.code],
            organisatie=organisaties[gegevens.partijen[0]],
            mede_organisaties=tuple(organisaties[index] for index in gegevens.partijen[1:]),
            aanduiding=gegevens.aanduiding,
            tekst=gegevens.tekst,
        )
        for gegevens in stappen
    ]


def ondertekend_op(datum: datetime.date | None) -> datetime.datetime | None:
    """A day of signing as the moment Ondertekening keeps: the start of that day here."""
    if datum is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time()))


def ondertekening_regels(
    ondertekenaars: list[OndertekenaarGegevens], organisaties: list[Organisatie]
) -> list[OndertekeningRegel]:
    return [
        OndertekeningRegel(
            organisatie=organisaties[gegevens.partij],
            naam=gegevens.naam,
            functie=gegevens.functie,
            ondertekend_op=ondertekend_op(gegevens.ondertekend_op),
        )
        for gegevens in ondertekenaars
    ]


def hoofdstuk_regels(
    hoofdstukken: list[HoofdstukGegevens], themas: dict[str, Thema]
) -> list[HoofdstukRegel]:
    return [
        HoofdstukRegel(
            plek=gegevens.plek,
            thema=themas[gegevens.thema.lower()] if gegevens.thema else None,
            kop=gegevens.kop,
            soort=gegevens.soort,
            tekst=gegevens.tekst,
        )
        for gegevens in hoofdstukken
    ]
