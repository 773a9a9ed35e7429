"""What belongs to the jaarschijf itself, as the bulk services take it: the year's text per
afspraak, the steps per party and the signatories."""

from afspraken.models import Afspraak, Jaarafspraak
from afspraken.services.bulk_jaarschijf import JaarafspraakRegel, OndertekeningRegel, StapRegel
from gemeenten.models import Organisatie
from monitoring.werkboek.data import AfspraakGegevens, OndertekenaarGegevens, StapGegevens


def jaarafspraak_regels(
    afspraken: list[AfspraakGegevens], per_code: dict[str, Afspraak]
) -> list[JaarafspraakRegel]:
    return [
        JaarafspraakRegel(
            afspraak=per_code[gegevens.code], tekst=gegevens.stappen, status=gegevens.status
        )
        for gegevens in afspraken
    ]


def stap_regels(
    stappen: list[StapGegevens],
    jaarafspraken: dict[str, Jaarafspraak],
    organisaties: list[Organisatie],
) -> list[StapRegel]:
    return [
        StapRegel(
            jaarafspraak=jaarafspraken[gegevens.code],
            organisatie=organisaties[gegevens.partij],
            tekst=gegevens.tekst,
        )
        for gegevens in stappen
    ]


def ondertekening_regels(
    ondertekenaars: list[OndertekenaarGegevens], organisaties: list[Organisatie]
) -> list[OndertekeningRegel]:
    return [
        OndertekeningRegel(
            organisatie=organisaties[gegevens.partij],
            naam=gegevens.naam,
            functie=gegevens.functie,
        )
        for gegevens in ondertekenaars
    ]
