"""Jaarschijven: their texts, their lifecycle and next year's copy."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from afspraken import vastlegging
from afspraken.constants import BEVROREN_STATUSSEN, OVERGANGEN, JaarschijfStatus
from afspraken.models import (
    Jaarschijf,
    JaarschijfStatuswijziging,
    Overeenkomst,
)
from afspraken.perioden import jaren_label, peildatum
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan, opslaan_met_versie
from gemeenten.models import Gebruiker

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
