"""The tenants' formal verdict per afspraak (issue #11, point 5): given while the jaarschijf
is ter bespreking, by a huurdersorganisatie that is party (rule monitoring.give_zienswijze);
one per organisation and afspraak, a new one replacing it (the history keeps the old)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarafspraak
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan
from gemeenten.models import Gebruiker
from gemeenten.rules import actor
from monitoring.constants import Oordeel
from monitoring.models_voortgang import Zienswijze


@dataclass(frozen=True)
class Oordeelregel:
    jaarafspraak: Jaarafspraak
    oordeel: str
    tekst: str = ""


def _geven(regel: Oordeelregel, door: Gebruiker, organisatie_id: int) -> Zienswijze:
    if regel.oordeel not in Oordeel.values:
        raise ValidationError(
            {"oordeel": _("Kies akkoord, akkoord met kanttekening of niet akkoord.")}
        )
    zienswijze = Zienswijze.objects.filter(
        jaarafspraak=regel.jaarafspraak, organisatie_id=organisatie_id
    ).first() or Zienswijze(jaarafspraak=regel.jaarafspraak, organisatie_id=organisatie_id)
    zienswijze.oordeel, zienswijze.tekst = regel.oordeel, regel.tekst.strip()
    zienswijze.door, zienswijze.op = door, timezone.now()
    if zienswijze.pk:
        zienswijze.versie += 1
    opslaan(zienswijze, door)
    return zienswijze


@transaction.atomic
def zienswijzen_geven(*, regels: Sequence[Oordeelregel], door: Gebruiker) -> list[Zienswijze]:
    """Verdicts on several afspraken at once, all or nothing; every permission first."""
    for regel in regels:
        mag_handelen(door, "monitoring.give_zienswijze", regel.jaarafspraak)
        # Also for whom the rules let through regardless (a superuser): review time only.
        if regel.jaarafspraak.jaarschijf.status != JaarschijfStatus.TER_BESPREKING:
            raise ValidationError(
                _(
                    "Een zienswijze kan alleen worden gegeven zolang de jaarschijf ter "
                    "bespreking ligt."
                )
            )
    organisatie_id = actor(door).organisatie_id
    if organisatie_id is None:
        raise ValidationError(_("Alleen een huurdersorganisatie geeft een zienswijze."))
    return [_geven(regel, door, organisatie_id) for regel in regels]
