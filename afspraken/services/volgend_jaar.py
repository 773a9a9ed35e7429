"""Next year's jaarschijf as a copy of this one (issue #15, point 2): which afspraken carry
over (by default those still running by their period, or the ones the gemeente ticks), the
year numbers in the copied title and introduction moved to the new year, and what the
confirm page shows before anything is written."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models.functions import Coalesce
from simple_history.utils import bulk_create_with_history

from afspraken.constants import Voortgang
from afspraken.models import Hoofdstuk, Jaarafspraak, Jaarschijf, Ondertekening, Stap
from afspraken.perioden import peildatum
from afspraken.services.grens import mag_handelen
from afspraken.services.jaarschijf import jaren_controleren
from afspraken.services.opslaan import opslaan
from gemeenten import generaties
from gemeenten.models import Gebruiker
from gemeenten.systeem import geschiedenis_gebruiker

_JAARTAL = re.compile(r"\b(19\d{2}|20\d{2})\b")
_AFGESLOTEN = {Voortgang.GEREALISEERD, Voortgang.VERVALLEN}


def periode_eindjaar(periode: str) -> int | None:
    """The last year named in a period text ('2021-2024' -> 2024, 'Q1 2023' -> 2023)."""
    jaren = [int(j) for j in _JAARTAL.findall(periode or "")]
    return max(jaren) if jaren else None


def loopt_door(jaarafspraak: Jaarafspraak, jaar: int) -> bool:
    """Still running in `jaar`: not finished or dropped, and its period has not ended."""
    if jaarafspraak.status in _AFGESLOTEN:
        return False
    eindjaar = periode_eindjaar(jaarafspraak.afspraak.periode)
    return eindjaar is None or eindjaar >= jaar


@dataclass
class Voorstel:
    """What the confirm page shows: the year the copy starts, a jaarschijf of the agreement
    that already covers it (linked instead of refused), and every jaarafspraak of this
    jaarschijf with whether it still runs in that year (ticked by default)."""

    jaar: int
    bestaand: Jaarschijf | None
    jaarafspraken: list[tuple[Jaarafspraak, bool]]


def bestaande_volgende(jaarschijf: Jaarschijf, jaar: int) -> Jaarschijf | None:
    """The agreement's jaarschijf covering `jaar`, if there is one."""
    return (
        jaarschijf.overeenkomst.jaarschijven.annotate(_laatste=Coalesce("tot_jaar", "jaar"))
        .filter(jaar__lte=jaar, _laatste__gte=jaar)
        .order_by("jaar")
        .first()
    )


def volgend_jaar_voorstel(jaarschijf: Jaarschijf) -> Voorstel:
    jaar = jaarschijf.laatste_jaar + 1
    jaarafspraken = jaarschijf.jaarafspraken.select_related("afspraak__thema").order_by(
        "afspraak__thema__volgorde", "afspraak__volgorde", "afspraak__code", "pk"
    )
    return Voorstel(
        jaar=jaar,
        bestaand=bestaande_volgende(jaarschijf, jaar),
        jaarafspraken=[(ja, loopt_door(ja, jaar)) for ja in jaarafspraken],
    )


@transaction.atomic
def jaarschijf_volgend_jaar_voorbereiden(
    *,
    jaarschijf: Jaarschijf,
    tot_jaar: int | None = None,
    jaarafspraken: Iterable[int] | None = None,
    jaartallen_bijwerken: bool = True,
    door: Gebruiker,
) -> Jaarschijf:
    """The next jaarschijf as a concept copy, starting the year after this one's last year
    (up to `tot_jaar` for a two-year one): the afspraken whose jaarafspraak pks are in
    `jaarafspraken` (None: those still running next year) with their year texts and open
    steps (joint steps with their parties), the hoofdstukken, the document fields that carry
    over and the signatories without signatures. With `jaartallen_bijwerken` this
    jaarschijf's years in the title and introduction become the new ones. Stock figures are
    not copied: the corporaties deliver new ones."""
    mag_handelen(door, "afspraken.change_overeenkomst", jaarschijf.overeenkomst)
    jaar = jaarschijf.laatste_jaar + 1
    overeenkomst = jaarschijf.overeenkomst
    jaren_controleren(overeenkomst, jaar, tot_jaar)
    nieuw = Jaarschijf(
        overeenkomst=overeenkomst,
        jaar=jaar,
        tot_jaar=tot_jaar,
        titel=jaarschijf.titel,
        inleiding=jaarschijf.inleiding,
        plaats=jaarschijf.plaats,
        nummering_tonen=jaarschijf.nummering_tonen,
        geldig_na_ondertekening=jaarschijf.geldig_na_ondertekening,
    )
    if jaartallen_bijwerken:
        nieuw.titel = jaartallen_verschoven(jaarschijf.titel, jaarschijf, nieuw)
        nieuw.inleiding = jaartallen_verschoven(jaarschijf.inleiding, jaarschijf, nieuw)
    nieuw.geldig_tot = _geldig_tot_verschoven(jaarschijf, nieuw)
    opslaan(nieuw, door)
    _afspraken_overnemen(jaarschijf, nieuw, jaarafspraken, door)
    _hoofdstukken_overnemen(jaarschijf, nieuw, door)
    for o in jaarschijf.ondertekeningen.all():
        opslaan(
            Ondertekening(
                jaarschijf=nieuw,
                organisatie_id=o.organisatie_id,
                naam=o.naam,
                functie=o.functie,
                volgorde=o.volgorde,
            ),
            door,
        )
    return nieuw


# A year or a span of years with a hyphen or an en dash ("2026", "2026-2027"); Western
# digits only, like every year the project reads (#14).
_JAREN = re.compile(r"\b([0-9]{4})(?:\s*[-\u2013]\s*([0-9]{4}))?\b")


def jaartallen_verschoven(tekst: str, oud: Jaarschijf, nieuw: Jaarschijf) -> str:
    """The old jaarschijf's own years in `tekst` moved to the new one's: its span (or its one
    year) becomes the new span, each year of a two-year span the new year as far on
    ('Jaarschijf 2026' -> 'Jaarschijf 2027'). Other years, and spans that merely contain
    its year (the agreement's period '2025-2028'), stay as written. One pass, so a year
    once moved (2026 -> 2027) is not moved again."""

    def verschuiven(m: re.Match) -> str:
        van, tot = int(m[1]), int(m[2]) if m[2] else None
        if (van, tot or van) == (oud.jaar, oud.laatste_jaar):
            return nieuw.jaren
        if tot is None and oud.jaar <= van <= oud.laatste_jaar:
            return str(min(nieuw.jaar + van - oud.jaar, nieuw.laatste_jaar))
        return m[0]

    return _JAREN.sub(verschuiven, tekst or "")


def _geldig_tot_verschoven(oud: Jaarschijf, nieuw: Jaarschijf):
    """The same day as many years later as the new jaarschijf ends after the old one; the
    end of its last year when the old date is unknown or a 29 February."""
    geldig_tot = oud.geldig_tot
    if geldig_tot is None or (geldig_tot.month, geldig_tot.day) == (2, 29):
        return peildatum(nieuw.laatste_jaar)
    return geldig_tot.replace(year=geldig_tot.year + nieuw.laatste_jaar - oud.laatste_jaar)


def _hoofdstukken_overnemen(oud: Jaarschijf, nieuw: Jaarschijf, door) -> None:
    kopieen = [
        Hoofdstuk(
            jaarschijf=nieuw,
            plek=h.plek,
            thema_id=h.thema_id,
            kop=h.kop,
            soort=h.soort,
            tekst=h.tekst,
            volgorde=h.volgorde,
        )
        for h in oud.hoofdstukken.order_by("volgorde", "id")
    ]
    _snel_valideren(kopieen, ["jaarschijf", "thema"])
    bulk_create_with_history(kopieen, Hoofdstuk, default_user=geschiedenis_gebruiker(door))


def _snel_valideren(objecten: list, vaste_sleutels: list[str]) -> None:
    """Many rows at once: uniqueness is given by the fresh jaarschijf and the foreign keys by
    the rows copied, so full_clean skips those per-row queries; the other checks still run."""
    for obj in objecten:
        obj.full_clean(exclude=vaste_sleutels, validate_unique=False, validate_constraints=False)


def _afspraken_overnemen(oud: Jaarschijf, nieuw: Jaarschijf, gekozen, door) -> None:
    """The chosen afspraken (None: those still running) with their year text and open
    steps. Pks of another jaarschijf's jaarafspraken are ignored, never copied."""
    gekozen = None if gekozen is None else {int(pk) for pk in gekozen}
    lopend = [
        ja
        for ja in oud.jaarafspraken.select_related("afspraak").prefetch_related(
            "stappen__mede_organisaties"
        )
        if (loopt_door(ja, nieuw.jaar) if gekozen is None else ja.pk in gekozen)
    ]
    gebruiker = geschiedenis_gebruiker(door)
    kopieen = [
        Jaarafspraak(jaarschijf=nieuw, afspraak=ja.afspraak, tekst=ja.tekst) for ja in lopend
    ]
    _snel_valideren(kopieen, ["jaarschijf", "afspraak"])
    kopieen = bulk_create_with_history(kopieen, Jaarafspraak, default_user=gebruiker)
    if not all(k.pk for k in kopieen):  # backends that return no ids (older SQLite)
        per_afspraak = dict(nieuw.jaarafspraken.values_list("afspraak_id", "pk"))
        for kopie in kopieen:
            kopie.pk = per_afspraak[kopie.afspraak_id]
    open_stappen = [
        (stap, kopie)
        for ja, kopie in zip(lopend, kopieen, strict=True)
        for stap in ja.stappen.all()
        if not stap.afgerond
    ]
    stappen = [
        Stap(
            jaarafspraak=kopie,
            organisatie_id=stap.organisatie_id,
            aanduiding=stap.aanduiding,
            tekst=stap.tekst,
            volgorde=stap.volgorde,
        )
        for stap, kopie in open_stappen
    ]
    _snel_valideren(stappen, ["jaarafspraak", "organisatie"])
    stappen = bulk_create_with_history(stappen, Stap, default_user=gebruiker)
    _mede_organisaties_overnemen([stap for stap, _kopie in open_stappen], stappen)


def _mede_organisaties_overnemen(oude: list[Stap], nieuwe: list[Stap]) -> None:
    """The parties of joint steps, in one insert (the steps' pks come back from the bulk
    insert on PostgreSQL and on SQLite 3.35 and later, which Django 6 requires)."""
    if any(s.pk is None for s in nieuwe):
        raise RuntimeError("De database gaf de nieuwe stappen geen id terug.")
    door_tabel = Stap.mede_organisaties.through
    # The copies are bulk inserts, which send no signal: the new year's pages renew here.
    generaties.geschreven(Stap, nieuwe)
    door_tabel.objects.bulk_create(
        door_tabel(stap_id=nieuw.pk, organisatie_id=organisatie.pk)
        for oud, nieuw in zip(oude, nieuwe, strict=True)
        for organisatie in oud.mede_organisaties.all()
    )
