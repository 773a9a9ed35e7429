"""Targets (content of the agreement, the gemeente's) and their realised values (progress)."""

import datetime
from decimal import Decimal

from django.db import transaction

from afspraken.models import Afspraak, Overeenkomst, Thema
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan, opslaan_met_versie, volgende_volgorde
from gemeenten.models import Gebruiker
from gemeenten.rules import actor
from gemeenten.systeem import geschiedenis_gebruiker
from monitoring.models_voortgang import Doel, Doelrealisatie

# What a form or the workbook may set on a target; the owner (afspraak or theme) stays.
DOEL_VELDEN = (
    "omschrijving",
    "waarde",
    "waarde_tekst",
    "waarde_tot",
    "circa",
    "eenheid",
    "richting",
    "basis",
    "basisdatum",
    "peiljaar",
    "partij",
)


def _zet(doel: Doel, velden: dict) -> None:
    if onbekend := set(velden) - set(DOEL_VELDEN):
        raise TypeError(f"Onbekende velden voor een doel: {sorted(onbekend)}")
    for veld, waarde in velden.items():
        setattr(doel, veld, waarde.strip() if isinstance(waarde, str) else waarde)


@transaction.atomic
def doel_vastleggen(
    *,
    overeenkomst: Overeenkomst,
    door: Gebruiker,
    afspraak: Afspraak | None = None,
    thema: Thema | None = None,
    **velden,
) -> Doel:
    """A new target of `afspraak`, or of `thema` as a whole when no afspraak is given."""
    mag_handelen(door, "monitoring.change_doel", afspraak or thema or overeenkomst)
    doel = Doel(overeenkomst=overeenkomst, afspraak=afspraak, thema=None if afspraak else thema)
    _zet(doel, velden)
    doel.volgorde = volgende_volgorde(Doel.objects.filter(overeenkomst=overeenkomst))
    opslaan(doel, door)
    return doel


@transaction.atomic
def doel_bijwerken(*, doel: Doel, versie: int, door: Gebruiker, **velden) -> Doel:
    mag_handelen(door, "monitoring.change_doel", doel)
    _zet(doel, velden)
    opslaan_met_versie(doel, versie=versie, door=door)
    return doel


@transaction.atomic
def doel_verwijderen(*, doel: Doel, door: Gebruiker) -> None:
    """Remove a target with its realised values; a frozen jaarschijf still shows it as it
    stood at vaststelling (monitoring.doelen reads the history)."""
    mag_handelen(door, "monitoring.change_doel", doel)
    doel._history_user = geschiedenis_gebruiker(door)
    doel.delete()


@transaction.atomic
def realisatie_melden(
    *,
    doel: Doel,
    door: Gebruiker,
    peildatum: datetime.date,
    waarde: Decimal | None = None,
    waarde_tekst: str = "",
    toelichting: str = "",
) -> Doelrealisatie:
    """A realised value at `peildatum`; earlier ones stay as the target's timeline."""
    mag_handelen(door, "monitoring.report_realisatie", doel)
    realisatie = Doelrealisatie(
        doel=doel,
        waarde=waarde,
        waarde_tekst=waarde_tekst.strip(),
        peildatum=peildatum,
        toelichting=toelichting.strip(),
        gemeld_door=door,
        organisatie_id=actor(door).organisatie_id,
    )
    opslaan(realisatie, door)
    return realisatie
