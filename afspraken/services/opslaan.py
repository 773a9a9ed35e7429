"""Saving with validation, history attribution and optimistic locking."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from afspraken.constants import keuzelabels
from gemeenten.systeem import geschiedenis_gebruiker


class VersieConflict(ValidationError):
    """Someone else saved the object after the editor opened it.

    The message names who and when (from the history) and the other person's values of the
    fields where the two versions differ, so the editor can merge by hand.
    """

    def __init__(self, huidig: models.Model | None = None, eigen: models.Model | None = None):
        super().__init__(_conflict_melding(huidig, eigen), code="versieconflict")


def _weergave(obj, veld) -> str:
    waarde = getattr(obj, veld.attname)
    if veld.choices:
        return keuzelabels(veld.flatchoices).get(waarde, str(waarde))
    if veld.is_relation and waarde is not None:
        return str(getattr(obj, veld.name))
    if waarde in (None, ""):
        return "-"
    return str(formats.localize(waarde))


def _laatste_wijziging(obj) -> str:
    """'Jan Jansen op 29 november 2026 21:40' from the object's history, or ''."""
    history = getattr(obj, "history", None)
    laatste = history.select_related("history_user").first() if history is not None else None
    if laatste is None:
        return ""
    return _("%(wie)s op %(wanneer)s") % {
        "wie": laatste.history_user or _("een import"),
        "wanneer": formats.date_format(timezone.localtime(laatste.history_date), "j F Y H:i"),
    }


def _conflict_melding(huidig, eigen) -> str:
    opnieuw = _(
        "Uw invoer staat hieronder nog; vergelijk die met de nieuwe versie en sla opnieuw op."
    )
    if huidig is None or eigen is None:
        return _("Iemand anders heeft dit intussen gewijzigd.") + " " + opnieuw
    wie = _laatste_wijziging(huidig)
    verschillen = [
        f"{veld.verbose_name}: {_weergave(huidig, veld)}"
        for veld in huidig._meta.concrete_fields
        if veld.editable
        and not veld.primary_key
        and getattr(huidig, veld.attname) != getattr(eigen, veld.attname)
    ]
    delen = [
        _("Iemand anders (%(wie)s) heeft dit intussen gewijzigd.") % {"wie": wie}
        if wie
        else _("Iemand anders heeft dit intussen gewijzigd.")
    ]
    if verschillen:
        delen.append(_("Nu opgeslagen: %(velden)s.") % {"velden": "; ".join(verschillen)})
    delen.append(opnieuw)
    return " ".join(delen)


def opslaan(obj: models.Model, door, **kwargs) -> None:
    obj.full_clean(**kwargs)
    opslaan_zonder_validatie(obj, door)


def opslaan_zonder_validatie(obj: models.Model, door) -> None:
    """Save with history naming `door`, for objects a form has validated already."""
    obj._history_user = geschiedenis_gebruiker(door)
    obj.save()


def opslaan_met_versie(obj: models.Model, *, versie: int, door) -> None:
    """Validate, then claim the version in one conditional UPDATE, then save with history.

    The UPDATE ... WHERE versie = <what the editor saw> is the lock: of two concurrent
    editors exactly one matches the row, the other gets VersieConflict.
    """
    obj.full_clean()
    beheerder = type(obj)._default_manager
    geclaimd = beheerder.filter(pk=obj.pk, versie=versie).update(versie=versie + 1)
    if not geclaimd:
        raise VersieConflict(beheerder.filter(pk=obj.pk).first(), obj)
    obj.versie = versie + 1
    obj._history_user = geschiedenis_gebruiker(door)
    obj.save()


def volgende_volgorde(qs: models.QuerySet) -> int:
    hoogste = qs.aggregate(m=Max("volgorde"))["m"]
    return 0 if hoogste is None else hoogste + 1
