"""Remarks of the partners on a jaarschijf and its afspraken (review and monitoring).

Placing a remark is possible in every status of the jaarschijf: before vaststelling it is
the review, afterwards a monitoring remark. Remarks are no content of the jaarschijf, so
freezing does not refuse them (see models.Opmerking). `monitoring.comment` places,
`monitoring.handle_opmerking` marks handled. Both go through afspraken's write boundary.
"""

from django.db import transaction
from django.utils import timezone

from afspraken.models import Jaarafspraak, Jaarschijf
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan
from gemeenten.models import Gebruiker
from gemeenten.rules import actor
from monitoring.models import Opmerking


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


@transaction.atomic
def opmerking_afhandelen(
    *, opmerking: Opmerking, door: Gebruiker, afgehandeld: bool = True
) -> Opmerking:
    """Mark a remark handled (or open it again); who did so and when is kept."""
    mag_handelen(door, "monitoring.handle_opmerking", opmerking)
    opmerking.afgehandeld = afgehandeld
    opmerking.afgehandeld_door = door if afgehandeld else None
    opmerking.afgehandeld_op = timezone.now() if afgehandeld else None
    opmerking.versie += 1
    opslaan(opmerking, door)
    return opmerking
