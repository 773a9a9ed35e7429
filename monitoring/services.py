"""Remarks of the partners on a jaarschijf and its afspraken (review and monitoring).

Placing a remark is possible in every status of the jaarschijf: before vaststelling it is
the review, afterwards a monitoring remark. Remarks are no content of the jaarschijf, so
freezing does not refuse them (see models.Opmerking). `monitoring.comment` places,
`monitoring.reply` answers in the remark's thread, `monitoring.handle_opmerking` marks handled
(optionally with an answer, kept as a reply), `monitoring.delete_opmerking` deletes, leaving a
placeholder. All go through afspraken's write boundary. A reply mails the thread's earlier
participants (monitoring.berichten) once the transaction commits.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from afspraken.models import Jaarafspraak, Jaarschijf
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan
from gemeenten.models import Gebruiker
from gemeenten.rules import actor
from monitoring import berichten
from monitoring.models import Opmerking, Reactie


@transaction.atomic
def opmerking_plaatsen(
    *,
    jaarschijf: Jaarschijf,
    tekst: str,
    door: Gebruiker,
    jaarafspraak: Jaarafspraak | None = None,
) -> Opmerking:
    """A remark on `jaarafspraak`, or on the jaarschijf as a whole when it is None.

    The author's organisation is stored now: a later move to another organisation must not
    change whose remark this was.
    """
    mag_handelen(door, "monitoring.comment", jaarafspraak or jaarschijf)
    opmerking = Opmerking(
        jaarschijf=jaarschijf,
        jaarafspraak=jaarafspraak,
        auteur=door,
        organisatie_id=actor(door).organisatie_id,
        tekst=tekst.strip(),
    )
    opslaan(opmerking, door)
    return opmerking


def _reactie(opmerking: Opmerking, tekst: str, door: Gebruiker, afhandeling=False) -> Reactie:
    reactie = Reactie(
        opmerking=opmerking,
        auteur=door,
        organisatie_id=actor(door).organisatie_id,
        tekst=tekst.strip(),
        afhandeling=afhandeling,
    )
    opslaan(reactie, door)
    reactie_id = reactie.pk
    transaction.on_commit(lambda: berichten.reactie_melden(reactie_id))
    return reactie


@transaction.atomic
def opmerking_reageren(*, opmerking: Opmerking, tekst: str, door: Gebruiker) -> Reactie:
    """A reply in the remark's thread; the remark itself stays as it was written."""
    mag_handelen(door, "monitoring.reply", opmerking)
    return _reactie(opmerking, tekst, door)


@transaction.atomic
def opmerking_afhandelen(
    *, opmerking: Opmerking, door: Gebruiker, afgehandeld: bool = True, antwoord: str = ""
) -> Opmerking:
    """Mark a remark handled (or open it again); who did so and when is kept. An answer
    given with it is kept as a reply in the thread, so the author reads why."""
    mag_handelen(door, "monitoring.handle_opmerking", opmerking)
    if opmerking.verwijderd_op is not None:
        # A deleted remark waits for nothing; opening it again would list it as open.
        raise ValidationError(_("Deze opmerking is verwijderd; er valt niets af te handelen."))
    opmerking.afgehandeld = afgehandeld
    opmerking.afgehandeld_door = door if afgehandeld else None
    opmerking.afgehandeld_op = timezone.now() if afgehandeld else None
    opmerking.versie += 1
    opslaan(opmerking, door)
    if afgehandeld and antwoord.strip():
        _reactie(opmerking, antwoord, door, afhandeling=True)
    return opmerking


@transaction.atomic
def opmerking_verwijderen(*, opmerking: Opmerking, door: Gebruiker) -> Opmerking:
    """Delete a remark, leaving a placeholder that names who and when; its replies stay.
    The text is emptied (the history keeps it) and the remark no longer waits for handling."""
    mag_handelen(door, "monitoring.delete_opmerking", opmerking)
    if opmerking.verwijderd_op is not None:
        return opmerking
    nu = timezone.now()
    opmerking.tekst = ""
    opmerking.verwijderd_door, opmerking.verwijderd_op = door, nu
    if not opmerking.afgehandeld:
        opmerking.afgehandeld, opmerking.afgehandeld_door, opmerking.afgehandeld_op = True, door, nu
    opmerking.versie += 1
    opslaan(opmerking, door, exclude=["tekst"])
    return opmerking


@transaction.atomic
def reactie_verwijderen(*, reactie: Reactie, door: Gebruiker) -> Reactie:
    """Delete a reply, leaving a placeholder like a remark's."""
    mag_handelen(door, "monitoring.delete_opmerking", reactie)
    if reactie.verwijderd_op is not None:
        return reactie
    reactie.tekst = ""
    reactie.verwijderd_door, reactie.verwijderd_op = door, timezone.now()
    opslaan(reactie, door, exclude=["tekst"])
    return reactie
