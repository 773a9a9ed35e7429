"""Bulk variants of the services for a jaarschijf and its content: the year's plan per
afspraak, the steps and the signatories (see services.bulk for what every bulk service
shares). Each asks `afspraken.change_inhoud` on the jaarschijf and `niet_bevroren`.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Ondertekening,
    Overeenkomst,
    Partij,
    Stap,
)
from afspraken.services.bulk import (
    Bijgewerkt,
    RegelFout,
    aanmaken,
    bijwerken,
    opslaan_met_geschiedenis,
    valideer,
    verwijderen,
    zet,
)
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten.models import Gebruiker, Organisatie


@transaction.atomic
def jaarschijf_aanmaken_of_bijwerken(
    *,
    overeenkomst: Overeenkomst,
    jaar: int,
    titel: str = "",
    inleiding: str = "",
    plaats: str = "",
    datum: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    door: Gebruiker,
) -> Bijgewerkt[Jaarschijf]:
    """The agreement's jaarschijf of `jaar`, created or given these texts. A vastgesteld or
    ondertekend one is refused (Bevroren) even when nothing would change, and the one
    returned is locked for the rest of the transaction: the rows written into it next
    cannot meet a vaststelling halfway."""
    jaarschijf = overeenkomst.jaarschijven.filter(jaar=jaar).first()
    nieuw = jaarschijf is None
    if nieuw:
        mag_handelen(door, "afspraken.change_inhoud", overeenkomst)
        jaarschijf = Jaarschijf(overeenkomst=overeenkomst, jaar=jaar)
    else:
        mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
        jaarschijf = niet_bevroren(jaarschijf)
        jaarschijf.overeenkomst = overeenkomst
    gewijzigd = zet(
        jaarschijf,
        titel=titel,
        inleiding=inleiding,
        plaats=plaats,
        datum=datum,
        geldig_tot=geldig_tot,
    )
    if not (gewijzigd or nieuw):
        return Bijgewerkt(jaarschijf)
    jaarschijf.full_clean(exclude=["overeenkomst"], validate_unique=False)
    if not nieuw:
        jaarschijf.versie += 1
    opslaan_met_geschiedenis(jaarschijf, door)
    return Bijgewerkt(jaarschijf, nieuw=int(nieuw), gewijzigd=int(not nieuw))


def _jaarschijf_inhoud_schrijven(door, jaarschijf: Jaarschijf) -> None:
    """The two guards of every service below: the content permission and the freeze."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)


@dataclass(frozen=True)
class JaarafspraakRegel:
    afspraak: Afspraak
    tekst: str = ""
    status: str = ""


@transaction.atomic
def jaarafspraken_bijwerken_bulk(
    *, jaarschijf: Jaarschijf, jaarafspraken: Sequence[JaarafspraakRegel], door: Gebruiker
) -> Bijgewerkt[list[Jaarafspraak]]:
    """The year's plan and voortgang per afspraak, created or updated; returns them in the
    order given. Afspraken of the jaarschijf not named stay in it."""
    _jaarschijf_inhoud_schrijven(door, jaarschijf)
    bestaand = {j.afspraak_id: j for j in jaarschijf.jaarafspraken.all()}
    nieuw, gewijzigd, resultaat = [], [], []
    for index, regel in enumerate(jaarafspraken):
        jaarafspraak = bestaand.get(regel.afspraak.pk)
        if jaarafspraak is None:
            jaarafspraak = Jaarafspraak(
                jaarschijf=jaarschijf, afspraak=regel.afspraak, tekst=regel.tekst
            )
            jaarafspraak.status = regel.status
            nieuw.append(jaarafspraak)
            valideer(jaarafspraak, index, ["jaarschijf", "afspraak"])
        else:
            jaarafspraak.afspraak = regel.afspraak  # the instance at hand: a query per row less
            if zet(jaarafspraak, tekst=regel.tekst, status=regel.status):
                gewijzigd.append(jaarafspraak)
                valideer(jaarafspraak, index, ["jaarschijf", "afspraak"])
        resultaat.append(jaarafspraak)
    aanmaken(Jaarafspraak, nieuw, door)
    bijwerken(Jaarafspraak, gewijzigd, ["tekst", "status"], door)
    return Bijgewerkt(resultaat, nieuw=len(nieuw), gewijzigd=len(gewijzigd))


def _vervangen(model, bestaand: list, gewenst: list, velden: Sequence[str], door, controleer):
    """Replace `bestaand` by `gewenst` unless they hold the same rows in the same order;
    `controleer()` validates `gewenst` first."""

    def sleutels(objecten):
        return [tuple(getattr(obj, veld) for veld in velden) for obj in objecten]

    if sleutels(bestaand) == sleutels(gewenst):
        return Bijgewerkt(bestaand)
    controleer()
    verwijderen(bestaand, door)
    gemaakt = aanmaken(model, gewenst, door)
    return Bijgewerkt(gemaakt, nieuw=len(gemaakt), verwijderd=len(bestaand))


def _controleer_partijen(jaarschijf: Jaarschijf, organisaties: list[Organisatie]) -> None:
    partijen = set(
        Partij.objects.filter(overeenkomst_id=jaarschijf.overeenkomst_id).values_list(
            "organisatie_id", flat=True
        )
    )
    for index, org in enumerate(organisaties):
        if org.pk not in partijen:
            raise RegelFout(
                index, ValidationError({"organisatie": _("Deze organisatie is geen partij.")})
            )


@dataclass(frozen=True)
class StapRegel:
    jaarafspraak: Jaarafspraak
    organisatie: Organisatie
    tekst: str


@transaction.atomic
def stappen_vervangen(
    *, jaarschijf: Jaarschijf, stappen: Sequence[StapRegel], door: Gebruiker
) -> Bijgewerkt[list[Stap]]:
    """The jaarschijf's steps become exactly `stappen`, numbered in the order given, each by
    a party of the agreement; nothing is written when they are already so."""
    _jaarschijf_inhoud_schrijven(door, jaarschijf)
    gewenst = [
        Stap(
            jaarafspraak=regel.jaarafspraak,
            organisatie=regel.organisatie,
            tekst=regel.tekst,
            volgorde=volgorde,
        )
        for volgorde, regel in enumerate(stappen, start=1)
    ]
    bestaand = list(
        Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf).order_by(
            "jaarafspraak__afspraak__volgorde", "volgorde", "id"
        )
    )

    def controleer():
        _controleer_partijen(jaarschijf, [stap.organisatie for stap in gewenst])
        for index, stap in enumerate(gewenst):
            # A step under another jaarschijf would pass by that jaarschijf's guards.
            if stap.jaarafspraak.jaarschijf_id != jaarschijf.pk:
                fout = _("Deze afspraak hoort bij een andere jaarschijf.")
                raise RegelFout(index, ValidationError({"jaarafspraak": fout}))
            valideer(stap, index, ["jaarafspraak", "organisatie"])

    # In the order the database gives them back, to compare.
    op_volgorde = sorted(gewenst, key=lambda s: (s.jaarafspraak.afspraak.volgorde, s.volgorde))
    velden = ("jaarafspraak_id", "organisatie_id", "tekst", "volgorde")
    return _vervangen(Stap, bestaand, op_volgorde, velden, door, controleer)


@dataclass(frozen=True)
class OndertekeningRegel:
    organisatie: Organisatie
    naam: str
    functie: str = ""


@transaction.atomic
def ondertekeningen_vervangen(
    *, jaarschijf: Jaarschijf, ondertekeningen: Sequence[OndertekeningRegel], door: Gebruiker
) -> Bijgewerkt[list[Ondertekening]]:
    """The jaarschijf's signatories become exactly `ondertekeningen`, in that order, each for
    a party; nothing is written when they are already so (replacing drops signatures, which
    a jaarschijf that is not vastgesteld does not have)."""
    _jaarschijf_inhoud_schrijven(door, jaarschijf)
    gewenst = [
        Ondertekening(
            jaarschijf=jaarschijf,
            organisatie=regel.organisatie,
            naam=regel.naam,
            functie=regel.functie,
            volgorde=volgorde,
        )
        for volgorde, regel in enumerate(ondertekeningen, start=1)
    ]
    bestaand = list(jaarschijf.ondertekeningen.order_by("volgorde", "id"))

    def controleer():
        _controleer_partijen(jaarschijf, [o.organisatie for o in gewenst])
        for index, ondertekening in enumerate(gewenst):
            valideer(ondertekening, index, ["jaarschijf", "organisatie", "ondertekend_door"])

    velden = ("organisatie_id", "naam", "functie", "volgorde")
    return _vervangen(Ondertekening, bestaand, gewenst, velden, door, controleer)
