"""Jaarschijven: their texts, their lifecycle and next year's copy."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from afspraken import vastlegging
from afspraken.constants import BEVROREN_STATUSSEN, OVERGANGEN, JaarschijfStatus, Voortgang
from afspraken.models import (
    Jaarafspraak,
    Jaarschijf,
    JaarschijfStatuswijziging,
    Ondertekening,
    Overeenkomst,
    Stap,
)
from afspraken.perioden import peildatum
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan, opslaan_met_versie
from gemeenten.models import Gebruiker
from gemeenten.systeem import geschiedenis_gebruiker

# --- Jaarschijf content -------------------------------------------------------------------


@transaction.atomic
def jaarschijf_aanmaken(
    *,
    overeenkomst: Overeenkomst,
    jaar: int,
    titel: str = "",
    inleiding: str = "",
    plaats: str = "",
    datum: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    door: Gebruiker,
) -> Jaarschijf:
    mag_handelen(door, "afspraken.change_inhoud", overeenkomst)
    if overeenkomst.jaarschijven.filter(jaar=jaar).exists():
        raise ValidationError(
            {"jaar": _("Er is al een jaarschijf %(jaar)s voor deze overeenkomst.") % {"jaar": jaar}}
        )
    jaarschijf = Jaarschijf(
        overeenkomst=overeenkomst,
        jaar=jaar,
        titel=titel,
        inleiding=inleiding,
        plaats=plaats,
        datum=datum,
        geldig_tot=geldig_tot or peildatum(jaar),
    )
    opslaan(jaarschijf, door)
    return jaarschijf


@transaction.atomic
def jaarschijf_bijwerken(
    *,
    jaarschijf: Jaarschijf,
    versie: int,
    titel: str = "",
    inleiding: str = "",
    plaats: str = "",
    datum: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    door: Gebruiker,
) -> Jaarschijf:
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)
    jaarschijf.titel = titel
    jaarschijf.inleiding = inleiding
    jaarschijf.plaats = plaats
    jaarschijf.datum = datum
    jaarschijf.geldig_tot = geldig_tot
    opslaan_met_versie(jaarschijf, versie=versie, door=door)
    return jaarschijf


# --- Lifecycle ----------------------------------------------------------------------------


def _overgang(jaarschijf: Jaarschijf, *, actie: str, door: Gebruiker) -> Jaarschijf:
    """Move a jaarschijf along one row of OVERGANGEN when its current status (read under a
    row lock) allows it, and record who did it and when. Entering a frozen status keeps the
    jaarschijf's own copy of what it shares with the agreement (afspraken.vastlegging)."""
    mag_handelen(door, "afspraken.change_status", jaarschijf)
    overgang = OVERGANGEN[actie]
    vers = Jaarschijf.objects.select_for_update().get(pk=jaarschijf.pk)
    if vers.status not in overgang.van:
        raise ValidationError(
            _("Een jaarschijf met status %(van)s kan niet naar %(naar)s.")
            % {"van": vers.get_status_display(), "naar": JaarschijfStatus(overgang.naar).label},
            code="ongeldige_overgang",
        )
    oud = vers.status
    if not vers.is_bevroren and overgang.naar in BEVROREN_STATUSSEN:
        vers.vastgelegde_inhoud = vastlegging.vastleggen(vers)
    vers.status = overgang.naar
    vers.versie += 1
    opslaan(vers, door)
    JaarschijfStatuswijziging.objects.create(
        jaarschijf=vers, van=oud, naar=overgang.naar, door=door
    )
    jaarschijf.status = vers.status
    jaarschijf.versie = vers.versie
    jaarschijf.vastgelegde_inhoud = vers.vastgelegde_inhoud
    return jaarschijf


@transaction.atomic
def jaarschijf_ter_bespreking(*, jaarschijf: Jaarschijf, door: Gebruiker) -> Jaarschijf:
    """The partners review and comment on the concept."""
    return _overgang(jaarschijf, actie="ter_bespreking", door=door)


@transaction.atomic
def jaarschijf_vaststellen(*, jaarschijf: Jaarschijf, door: Gebruiker) -> Jaarschijf:
    """The content is final and frozen; the jaarschijf is ready to be signed."""
    return _overgang(jaarschijf, actie="vaststellen", door=door)


@transaction.atomic
def jaarschijf_terug_naar_concept(*, jaarschijf: Jaarschijf, door: Gebruiker) -> Jaarschijf:
    """Reopen for editing; from vastgesteld only until the first party has signed."""
    if jaarschijf.ondertekeningen.filter(ondertekend_op__isnull=False).exists():
        raise ValidationError(
            _("Er is al ondertekend; deze jaarschijf kan niet meer terug naar concept."),
            code="al_ondertekend",
        )
    return _overgang(jaarschijf, actie="terug_naar_concept", door=door)


@transaction.atomic
def jaarschijf_ondertekend_verklaren(*, jaarschijf: Jaarschijf, door: Gebruiker) -> Jaarschijf:
    """Every signatory has signed (the signing itself is a later issue)."""
    ondertekeningen = list(jaarschijf.ondertekeningen.all())
    if not ondertekeningen or any(o.ondertekend_op is None for o in ondertekeningen):
        raise ValidationError(
            _("Nog niet alle ondertekenaars hebben getekend."), code="niet_ondertekend"
        )
    return _overgang(jaarschijf, actie="ondertekend_verklaren", door=door)


# --- Next year ----------------------------------------------------------------------------

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


@transaction.atomic
def jaarschijf_volgend_jaar_voorbereiden(*, jaarschijf: Jaarschijf, door: Gebruiker) -> Jaarschijf:
    """Next year's jaarschijf as a concept copy: running afspraken with their year texts and
    open steps, and the signatories without signatures. Stock figures are not copied: the
    corporaties deliver new ones."""
    mag_handelen(door, "afspraken.change_overeenkomst", jaarschijf.overeenkomst)
    jaar = jaarschijf.jaar + 1
    overeenkomst = jaarschijf.overeenkomst
    if overeenkomst.jaarschijven.filter(jaar=jaar).exists():
        raise ValidationError(
            _("Er is al een jaarschijf %(jaar)s voor deze overeenkomst.") % {"jaar": jaar},
            code="bestaat_al",
        )
    nieuw = Jaarschijf(
        overeenkomst=overeenkomst,
        jaar=jaar,
        titel=jaarschijf.titel.replace(str(jaarschijf.jaar), str(jaar)),
        inleiding=jaarschijf.inleiding,
        plaats=jaarschijf.plaats,
        geldig_tot=_een_jaar_later(jaarschijf.geldig_tot, jaar),
    )
    opslaan(nieuw, door)
    _lopende_afspraken_overnemen(jaarschijf, nieuw, door)
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


def _een_jaar_later(geldig_tot, jaar: int):
    if geldig_tot is None or (geldig_tot.month, geldig_tot.day) == (2, 29):
        return peildatum(jaar)
    return geldig_tot.replace(year=geldig_tot.year + 1)


def _snel_valideren(objecten: list, vaste_sleutels: list[str]) -> None:
    """Many rows at once: uniqueness is given by the fresh jaarschijf and the foreign keys by
    the rows copied, so full_clean skips those per-row queries; the other checks still run."""
    for obj in objecten:
        obj.full_clean(exclude=vaste_sleutels, validate_unique=False, validate_constraints=False)


def _lopende_afspraken_overnemen(oud: Jaarschijf, nieuw: Jaarschijf, door) -> None:
    """The afspraken still running next year, with their year text and open steps."""
    lopend = [
        ja
        for ja in oud.jaarafspraken.select_related("afspraak").prefetch_related("stappen")
        if loopt_door(ja, nieuw.jaar)
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
    stappen = [
        Stap(
            jaarafspraak=kopie,
            organisatie_id=stap.organisatie_id,
            tekst=stap.tekst,
            volgorde=stap.volgorde,
        )
        for ja, kopie in zip(lopend, kopieen, strict=True)
        for stap in ja.stappen.all()
        if not stap.afgerond
    ]
    _snel_valideren(stappen, ["jaarafspraak", "organisatie"])
    bulk_create_with_history(stappen, Stap, default_user=gebruiker)
