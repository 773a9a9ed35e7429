"""The Django admin's writes: a superuser correcting data. They pass the same two guards as
every other service (afspraken.services.grens), so the admin cannot change what a frozen
jaarschijf holds, and they raise `versie` so a web editor holding the old version gets a
conflict instead of overwriting the correction.
"""

from django.db import models, transaction

from afspraken.bevriezing import BevrorenBewaking
from afspraken.rules import jaarschijf_van
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import VersieConflict, opslaan_zonder_validatie
from gemeenten.systeem import geschiedenis_gebruiker

BEHEER = "afspraken.beheer"


def _bewaakt(obj: models.Model, door) -> None:
    mag_handelen(door, BEHEER, obj)
    # Content of a jaarschijf freezes with it; remarks and the like do not.
    jaarschijf = jaarschijf_van(obj) if isinstance(obj, BevrorenBewaking) else None
    if jaarschijf is not None and jaarschijf.pk is not None:
        niet_bevroren(jaarschijf)


@transaction.atomic
def beheer_opslaan(*, obj: models.Model, door, versie: int | None = None) -> models.Model:
    """Save an object as the admin's form validated it. With `versie`, the version the
    editor opened, the save claims it in one UPDATE like every edit (VersieConflict)."""
    _bewaakt(obj, door)
    if obj.pk is not None and hasattr(obj, "versie"):
        gezien = obj.versie if versie is None else versie
        beheerder = type(obj)._default_manager
        if not beheerder.filter(pk=obj.pk, versie=gezien).update(versie=gezien + 1):
            raise VersieConflict(beheerder.filter(pk=obj.pk).first(), obj)
        obj.versie = gezien + 1
    opslaan_zonder_validatie(obj, door)
    return obj


@transaction.atomic
def beheer_verwijderen(*, obj: models.Model, door) -> None:
    _bewaakt(obj, door)
    obj._history_user = geschiedenis_gebruiker(door)
    obj.delete()
