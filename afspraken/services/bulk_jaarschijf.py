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
    BEHOUDEN,
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
from gemeenten import generaties
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
    tot_jaar: int | None = None,
    documentvorm: dict | None = None,
    door: Gebruiker,
) -> Bijgewerkt[Jaarschijf]:
    """The agreement's jaarschijf of `jaar` (through `tot_jaar` for a two-year one), created
    or given these texts and `documentvorm`, the document's own shape (DOCUMENTVORM: those
    not named keep what is stored). A vastgesteld or ondertekend one is refused (Bevroren)
    even when nothing would change, and the one returned is locked for the rest of the
    transaction: the rows written into it next cannot meet a vaststelling halfway."""
    vorm = {veld: (documentvorm or {}).get(veld, BEHOUDEN) for veld in DOCUMENTVORM}
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
        tot_jaar=tot_jaar,
        **vorm,
    )
    if not (gewijzigd or nieuw):
        return Bijgewerkt(jaarschijf)
    jaarschijf.full_clean(exclude=["overeenkomst"], validate_unique=False)
    _geen_overlap(jaarschijf)
    if not nieuw:
        jaarschijf.versie += 1
    opslaan_met_geschiedenis(jaarschijf, door)
    return Bijgewerkt(jaarschijf, nieuw=int(nieuw), gewijzigd=int(not nieuw))


# What a jaarschijf's document holds beside its texts (issue #9), settable by a workbook.
DOCUMENTVORM = ("documentdatum", "geldig_vanaf", "geldig_na_ondertekening", "nummering_tonen")


def _geen_overlap(jaarschijf: Jaarschijf) -> None:
    """Two jaarschijven of one agreement never cover the same year."""
    andere = jaarschijf.overeenkomst.jaarschijven.exclude(pk=jaarschijf.pk)
    for ander in andere.filter(jaar__lte=jaarschijf.laatste_jaar):
        if ander.laatste_jaar >= jaarschijf.jaar:
            raise ValidationError(
                {
                    "tot_jaar": _(
                        "Jaarschijf %(ander)s van deze overeenkomst valt al in deze jaren."
                    )
                    % {"ander": ander.jaren}
                }
            )


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


def _controleer_partijen(
    jaarschijf: Jaarschijf, organisaties: list[Organisatie | tuple[Organisatie, ...]]
) -> None:
    """Every organisation is a party; an entry may name several (a joint step)."""
    partijen = set(
        Partij.objects.filter(overeenkomst_id=jaarschijf.overeenkomst_id).values_list(
            "organisatie_id", flat=True
        )
    )
    for index, orgs in enumerate(organisaties):
        groep = orgs if isinstance(orgs, tuple) else (orgs,)
        if any(org.pk not in partijen for org in groep):
            raise RegelFout(
                index, ValidationError({"organisatie": _("Deze organisatie is geen partij.")})
            )


@dataclass(frozen=True)
class StapRegel:
    """`organisatie` leads the step; `mede_organisaties` take it with them."""

    jaarafspraak: Jaarafspraak
    organisatie: Organisatie
    tekst: str
    mede_organisaties: tuple[Organisatie, ...] = ()
    aanduiding: str = ""


@transaction.atomic
def stappen_vervangen(
    *, jaarschijf: Jaarschijf, stappen: Sequence[StapRegel], door: Gebruiker
) -> Bijgewerkt[list[Stap]]:
    """The jaarschijf's steps become exactly `stappen`, numbered in the order given, each by
    parties of the agreement; nothing is written when they are already so."""
    _jaarschijf_inhoud_schrijven(door, jaarschijf)
    gewenst = []
    for volgorde, regel in enumerate(stappen, start=1):
        stap = Stap(
            jaarafspraak=regel.jaarafspraak,
            organisatie=regel.organisatie,
            tekst=regel.tekst,
            aanduiding=regel.aanduiding,
            volgorde=volgorde,
        )
        stap.mede = tuple(sorted({o.pk for o in regel.mede_organisaties} - {regel.organisatie.pk}))
        stap.mede_regel = regel.mede_organisaties
        gewenst.append(stap)
    bestaand = list(
        Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf)
        .prefetch_related("mede_organisaties")
        .order_by("jaarafspraak__afspraak__volgorde", "volgorde", "id")
    )
    for stap in bestaand:
        stap.mede = tuple(sorted(o.pk for o in stap.mede_organisaties.all()))

    def controleer():
        _controleer_partijen(jaarschijf, [(stap.organisatie, *stap.mede_regel) for stap in gewenst])
        for index, stap in enumerate(gewenst):
            # A step under another jaarschijf would pass by that jaarschijf's guards.
            if stap.jaarafspraak.jaarschijf_id != jaarschijf.pk:
                fout = _("Deze afspraak hoort bij een andere jaarschijf.")
                raise RegelFout(index, ValidationError({"jaarafspraak": fout}))
            valideer(stap, index, ["jaarafspraak", "organisatie"])

    # In the order the database gives them back, to compare.
    op_volgorde = sorted(gewenst, key=lambda s: (s.jaarafspraak.afspraak.volgorde, s.volgorde))
    velden = ("jaarafspraak_id", "organisatie_id", "mede", "aanduiding", "tekst", "volgorde")
    resultaat = _vervangen(Stap, bestaand, op_volgorde, velden, door, controleer)
    if resultaat.nieuw:
        _mede_organisaties(resultaat.objecten, op_volgorde)
    return resultaat


def _mede_organisaties(gemaakt: list[Stap], gewenst: list[Stap]) -> None:
    """The joint steps' other parties, in one insert (the step's own history record holds
    its lead party and words; these rows are written with it)."""
    rijen = [
        Stap.mede_organisaties.through(stap_id=stap.pk, organisatie_id=org_id)
        for stap, wens in zip(gemaakt, gewenst, strict=True)
        for org_id in dict.fromkeys(wens.mede)
        if org_id != stap.organisatie_id
    ]
    Stap.mede_organisaties.through.objects.bulk_create(rijen)
    generaties.geschreven(Stap, gemaakt)


@dataclass(frozen=True)
class OndertekeningRegel:
    """`ondertekend_op`: when a document signed outside Driehoek was signed (on paper)."""

    organisatie: Organisatie
    naam: str
    functie: str = ""
    ondertekend_op: datetime.datetime | None = None


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
            ondertekend_op=regel.ondertekend_op,
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
    if any(regel.ondertekend_op for regel in ondertekeningen):
        # Only a document signed outside Driehoek brings its days of signing.
        velden = (*velden, "ondertekend_op")
    return _vervangen(Ondertekening, bestaand, gewenst, velden, door, controleer)
