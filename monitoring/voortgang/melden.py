"""Progress per afspraak per year: a report kept on the timeline, and the jaarafspraak's
current status set in the same transaction, so the two never disagree.

This is the only way progress is written (issue #15, point 3; #11, point 2): afspraken' row
form reaches `voortgang_melden` through afspraken.boven, the workbook's status column
`voortgang_vastleggen`. The year's plan (Jaarafspraak.tekst) is never touched here."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.constants import Voortgang
from afspraken.models import Jaarafspraak
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan, opslaan_met_versie
from gemeenten.models import Gebruiker
from gemeenten.rules import actor
from monitoring.models_voortgang import Voortgangsmelding


@dataclass(frozen=True)
class Melding:
    """One row of a bulk report: the afspraak, the version its reporter saw, the status."""

    jaarafspraak: Jaarafspraak
    versie: int
    status: str
    toelichting: str = ""


def _schrijf(melding: Melding, door: Gebruiker) -> Voortgangsmelding:
    if melding.status not in Voortgang.values:
        raise ValidationError(_("Kies een geldige voortgang."))
    ja = melding.jaarafspraak
    ja.status = melding.status
    # The status is progress (a vrij veld): a frozen jaarschijf accepts it.
    opslaan_met_versie(ja, versie=melding.versie, door=door)
    regel = Voortgangsmelding(
        jaarafspraak=ja,
        status=melding.status,
        toelichting=melding.toelichting.strip(),
        door=door,
        organisatie_id=actor(door).organisatie_id,
    )
    opslaan(regel, door)
    return regel


@transaction.atomic
def voortgang_melden(
    *, jaarafspraak: Jaarafspraak, versie: int, status: str, door: Gebruiker, toelichting: str = ""
) -> Voortgangsmelding:
    """Report progress (rule `afspraken.change_voortgang`: the gemeente, a trekker)."""
    mag_handelen(door, "afspraken.change_voortgang", jaarafspraak)
    return _schrijf(Melding(jaarafspraak, versie, status, toelichting), door)


@transaction.atomic
def voortgang_vastleggen(
    *, jaarafspraak: Jaarafspraak, status: str, door: Gebruiker, toelichting: str = ""
) -> Voortgangsmelding | None:
    """Record a status read from elsewhere (the workbook's `status` column) as a timeline
    entry, with who and when. Nothing is written when the status is the current one and no
    explanation comes with it, so importing the same workbook twice adds no entries. No
    version check against the caller: the source is a whole file the importer confirmed.
    The row is read afresh (locked), so a caller's instance that is older than the plan text
    it just wrote can never save that older text back."""
    mag_handelen(door, "afspraken.change_voortgang", jaarafspraak)
    vers = (
        Jaarafspraak.objects.select_for_update()
        .select_related("jaarschijf", "afspraak")
        .get(pk=jaarafspraak.pk)
    )
    if status == vers.status and not toelichting.strip():
        return None
    melding = _schrijf(Melding(vers, vers.versie, status, toelichting), door)
    jaarafspraak.status, jaarafspraak.versie = vers.status, vers.versie
    return melding


@transaction.atomic
def voortgang_melden_bulk(*, meldingen: list[Melding], door: Gebruiker) -> list[Voortgangsmelding]:
    """Several afspraken at once, all or nothing: every permission is asked before the first
    write, and one version conflict undoes the whole batch."""
    for melding in meldingen:
        mag_handelen(door, "afspraken.change_voortgang", melding.jaarafspraak)
    return [_schrijf(melding, door) for melding in meldingen]
