"""Saving with validation, history attribution and optimistic locking."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext as _

from afspraken.models import (
    BEVROREN_MELDING,
    Jaarschijf,
)
from gemeenten.models import Gebruiker


class VersieConflict(ValidationError):
    """Someone else saved the object after the editor opened it."""

    def __init__(self):
        super().__init__(
            _(
                "Iemand anders heeft dit intussen gewijzigd. Uw invoer staat hieronder nog; "
                "open de pagina opnieuw om de nieuwe versie te zien en voer uw wijziging "
                "dan opnieuw in."
            ),
            code="versieconflict",
        )


def opslaan(obj: models.Model, door: Gebruiker, **kwargs) -> None:
    obj.full_clean(**kwargs)
    obj._history_user = door
    obj.save()


def opslaan_met_versie(obj: models.Model, *, versie: int, door: Gebruiker) -> None:
    """Validate, then claim the version in one conditional UPDATE, then save with history.

    The UPDATE ... WHERE versie = <what the editor saw> is the lock: of two concurrent
    editors exactly one matches the row, the other gets VersieConflict.
    """
    obj.full_clean()
    geclaimd = type(obj)._default_manager.filter(pk=obj.pk, versie=versie).update(versie=versie + 1)
    if not geclaimd:
        raise VersieConflict()
    obj.versie = versie + 1
    obj._history_user = door
    obj.save()


def weiger_bevroren(jaarschijf: Jaarschijf) -> None:
    if jaarschijf.is_bevroren:
        raise ValidationError(BEVROREN_MELDING, code="bevroren")


def volgende_volgorde(qs: models.QuerySet) -> int:
    hoogste = qs.aggregate(m=Max("volgorde"))["m"]
    return 0 if hoogste is None else hoogste + 1
