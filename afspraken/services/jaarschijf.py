"""Jaarschijven: their texts, their lifecycle and next year's copy."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from afspraken import vastlegging
from afspraken.constants import BEVROREN_STATUSSEN, OVERGANGEN, JaarschijfStatus, Voortgang
from afspraken.models import (
    Hoofdstuk,
    Jaarafspraak,
    Jaarschijf,
    JaarschijfStatuswijziging,
    Ondertekening,
    Overeenkomst,
    Stap,
)
from afspraken.perioden import jaren_label, peildatum
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan, opslaan_met_versie
from gemeenten.models import Gebruiker
from gemeenten.systeem import geschiedenis_gebruiker

# --- Jaarschijf content -------------------------------------------------------------------


def jaren_controleren(
    overeenkomst: Overeenkomst, jaar: int, tot_jaar: int | None, behalve: Jaarschijf | None = None
) -> None:
    """Refuse a span of years that is backwards or overlaps another jaarschijf of the same
    agreement (a two-year jaarschijf covers both its years)."""
    if tot_jaar is not None and tot_jaar <= jaar:
        raise ValidationError(
            {
                "tot_jaar": _("Het laatste jaar moet na het eerste jaar (%(jaar)s) liggen.")
                % {"jaar": jaar}
            },
            code="tot_jaar_voor_jaar",
        )
    laatste = tot_jaar or jaar
    andere = overeenkomst.jaarschijven.annotate(_laatste=Coalesce("tot_jaar", "jaar")).filter(
        jaar__lte=laatste, _laatste__gte=jaar
    )
    if behalve is not None:
        andere = andere.exclude(pk=behalve.pk)
    bestaand = andere.order_by("jaar").first()
    if bestaand is not None:
        melding = _("Er is al een jaarschijf %(andere)s voor deze overeenkomst.") % {
            "andere": bestaand.jaren
        }
        if (bestaand.jaar, bestaand.laatste_jaar) != (jaar, laatste):
            melding += " " + _("Een jaarschijf %(jaren)s zou die overlappen.") % {
                "jaren": jaren_label(jaar, laatste)
            }
        raise ValidationError({"jaar": melding}, code="overlap")


@transaction.atomic
def jaarschijf_aanmaken(
    *,
    overeenkomst: Overeenkomst,
    jaar: int,
    tot_jaar: int | None = None,
    titel: str = "",
    inleiding: str = "",
    plaats: str = "",
    datum: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    door: Gebruiker,
    **documentvelden,
) -> Jaarschijf:
    """A new jaarschijf of one year, or of two with `tot_jaar`; `documentvelden` are the
    document's own fields of DOCUMENTVELDEN (documentdatum, validity, numbering)."""
    mag_handelen(door, "afspraken.change_inhoud", overeenkomst)
    jaren_controleren(overeenkomst, jaar, tot_jaar)
    jaarschijf = Jaarschijf(
        overeenkomst=overeenkomst,
        jaar=jaar,
        tot_jaar=tot_jaar,
        titel=titel,
        inleiding=inleiding,
        plaats=plaats,
        datum=datum,
        geldig_tot=geldig_tot or peildatum(tot_jaar or jaar),
    )
    _documentvelden_zetten(jaarschijf, documentvelden)
    opslaan(jaarschijf, door)
    return jaarschijf


# The document's own fields beside its texts (issue #9), each with its value when not given.
DOCUMENTVELDEN = {
    "documentdatum": "",
    "geldig_vanaf": None,
    "geldig_na_ondertekening": False,
    "nummering_tonen": True,
}


def _documentvelden_zetten(jaarschijf: Jaarschijf, waarden: dict) -> None:
    onbekend = set(waarden) - set(DOCUMENTVELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    for veld, standaard in DOCUMENTVELDEN.items():
        setattr(jaarschijf, veld, waarden.get(veld, standaard))


@transaction.atomic
def jaarschijf_bijwerken(
    *,
    jaarschijf: Jaarschijf,
    versie: int,
    tot_jaar: int | None = None,
    titel: str = "",
    inleiding: str = "",
    plaats: str = "",
    datum: datetime.date | None = None,
    geldig_tot: datetime.date | None = None,
    door: Gebruiker,
    **documentvelden,
) -> Jaarschijf:
    """The jaarschijf's texts and document fields (DOCUMENTVELDEN); its first year stays."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)
    jaren_controleren(jaarschijf.overeenkomst, jaarschijf.jaar, tot_jaar, behalve=jaarschijf)
    jaarschijf.tot_jaar = tot_jaar
    jaarschijf.titel = titel
    jaarschijf.inleiding = inleiding
    jaarschijf.plaats = plaats
    jaarschijf.datum = datum
    jaarschijf.geldig_tot = geldig_tot
    _documentvelden_zetten(jaarschijf, documentvelden)
    opslaan_met_versie(jaarschijf, versie=versie, door=door)
    return jaarschijf


# --- Lifecycle ----------------------------------------------------------------------------


def _overgang(
    jaarschijf: Jaarschijf, *, actie: str, door: Gebruiker, perm: str = "afspraken.change_status"
) -> Jaarschijf:
    """Move a jaarschijf along one row of OVERGANGEN when its current status (read under a
    row lock) allows it, and record who did it and when. Entering a frozen status keeps the
    jaarschijf's own copy of what it shares with the agreement (afspraken.vastlegging)."""
    mag_handelen(door, perm, jaarschijf)
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
    """Every signatory has signed. Called by the signing service (monitoring.ondertekening)
    as the last signatory, whichever party that is: hence its own permission."""
    ondertekeningen = list(jaarschijf.ondertekeningen.all())
    if not ondertekeningen or any(o.ondertekend_op is None for o in ondertekeningen):
        raise ValidationError(
            _("Nog niet alle ondertekenaars hebben getekend."), code="niet_ondertekend"
        )
    return _overgang(
        jaarschijf, actie="ondertekend_verklaren", door=door, perm="afspraken.complete_signing"
    )


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
def jaarschijf_volgend_jaar_voorbereiden(
    *, jaarschijf: Jaarschijf, tot_jaar: int | None = None, door: Gebruiker
) -> Jaarschijf:
    """The next jaarschijf as a concept copy, starting the year after this one's last year
    (up to `tot_jaar` for a two-year one): running afspraken with their year texts and open
    steps (joint steps with their parties), the hoofdstukken, the document fields that carry
    over and the signatories without signatures. Stock figures are not copied: the
    corporaties deliver new ones."""
    mag_handelen(door, "afspraken.change_overeenkomst", jaarschijf.overeenkomst)
    jaar = jaarschijf.laatste_jaar + 1
    overeenkomst = jaarschijf.overeenkomst
    jaren_controleren(overeenkomst, jaar, tot_jaar)
    nieuw = Jaarschijf(
        overeenkomst=overeenkomst,
        jaar=jaar,
        tot_jaar=tot_jaar,
        inleiding=jaarschijf.inleiding,
        plaats=jaarschijf.plaats,
        nummering_tonen=jaarschijf.nummering_tonen,
        geldig_na_ondertekening=jaarschijf.geldig_na_ondertekening,
    )
    nieuw.titel = _titel_verschoven(jaarschijf, nieuw)
    nieuw.geldig_tot = _geldig_tot_verschoven(jaarschijf, nieuw)
    opslaan(nieuw, door)
    _lopende_afspraken_overnemen(jaarschijf, nieuw, door)
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


def _titel_verschoven(oud: Jaarschijf, nieuw: Jaarschijf) -> str:
    """'Jaarschijf 2026' -> 'Jaarschijf 2027'; 'Jaarschijf 2026-2027' -> '... 2028-2029'."""
    if oud.jaren in oud.titel:
        return oud.titel.replace(oud.jaren, nieuw.jaren)
    return oud.titel.replace(str(oud.jaar), str(nieuw.jaar))


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


def _lopende_afspraken_overnemen(oud: Jaarschijf, nieuw: Jaarschijf, door) -> None:
    """The afspraken still running next year, with their year text and open steps."""
    lopend = [
        ja
        for ja in oud.jaarafspraken.select_related("afspraak").prefetch_related(
            "stappen__mede_organisaties"
        )
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
    door_tabel.objects.bulk_create(
        door_tabel(stap_id=nieuw.pk, organisatie_id=organisatie.pk)
        for oud, nieuw in zip(oude, nieuwe, strict=True)
        for organisatie in oud.mede_organisaties.all()
    )
