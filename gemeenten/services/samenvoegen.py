"""Merging a duplicate organisation into the one that stays (docs/organisaties.md).

Every reference to the duplicate moves to the kept organisation: found generically through
`Organisatie._meta.related_objects`, so the upper apps' references (parties, trekkers,
steps and joint steps, signatures, memberships, stock figures, comments, goals, agenda
items) move without this floor naming them. Upper apps refuse what they guard through
`samenvoegen_controleren` (afspraken: a frozen jaarschijf that names the duplicate).
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils.translation import gettext as _

from gemeenten.models import Gebruiker, Organisatie
from gemeenten.services.grens import Geweigerd
from gemeenten.systeem import geschiedenis_gebruiker

# Sent before anything moves, with `behouden` and `duplicaat`; a receiver refuses the merge
# by raising ValidationError with a Dutch message.
samenvoegen_controleren = Signal()

_AANVULLEN = ("afkorting", "kvk_nummer", "l_nummer")


def _relaties():
    """(model, field name, many-to-many) of every reference to an organisation. An M2M
    with a through model of its own (an agreement's parties) moves with that model's FK."""
    for rel in Organisatie._meta.related_objects:
        if rel.many_to_many:
            if rel.through._meta.auto_created:
                yield rel.through, rel.field.m2m_reverse_field_name(), True
        else:
            yield rel.related_model, rel.field.name, False


def _uniek(model, veld: str):
    """The other fields of each unique rule of `model` that includes `veld`."""
    regels = [tuple(samen) for samen in model._meta.unique_together]
    regels += [
        c.fields
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields and c.condition is None
    ]
    if model._meta.get_field(veld).unique:
        regels.append((veld,))
    return [[f for f in regel if f != veld] for regel in regels if veld in regel]


def _botsingen(behouden: Organisatie, duplicaat: Organisatie) -> list[str]:
    """Why moving the duplicate's rows would break a unique rule, one line per rule."""
    fouten = []
    for model, veld, m2m in _relaties():
        # An M2M is a set: a row the kept organisation has already is dropped, not moved.
        for andere in [] if m2m else _uniek(model, veld):
            rijen = model._base_manager.filter(**{veld: duplicaat})
            bezet = model._base_manager.filter(**{veld: behouden})
            if andere:
                bezet = bezet.filter(
                    models.Q(*[models.Q(**w) for w in rijen.values(*andere)], _connector="OR")
                )
            if rijen.exists() and bezet.exists():
                fouten.append(
                    _(
                        "{behouden} en {duplicaat} hebben allebei een {soort} dat maar één "
                        "keer mag bestaan ({velden}); los dat eerst op."
                    ).format(
                        behouden=behouden.naam,
                        duplicaat=duplicaat.naam,
                        soort=model._meta.verbose_name,
                        velden=", ".join(str(model._meta.get_field(f).verbose_name) for f in andere)
                        or str(model._meta.get_field(veld).verbose_name),
                    )
                )
    return fouten


def _controleren(behouden: Organisatie, duplicaat: Organisatie) -> None:
    if behouden.pk == duplicaat.pk:
        raise ValidationError(_("Kies twee verschillende organisaties."))
    if behouden.type != duplicaat.type:
        raise ValidationError(
            _("{a} en {b} zijn van een ander type; alleen gelijke typen voeg je samen.").format(
                a=behouden.naam, b=duplicaat.naam
            )
        )
    if behouden.is_gemeente and behouden.gemeente_id != duplicaat.gemeente_id:
        raise ValidationError(_("Twee organisaties van verschillende gemeenten blijven twee."))
    for veld in _AANVULLEN[1:]:
        a, b = getattr(behouden, veld), getattr(duplicaat, veld)
        if a and b and a != b:
            raise ValidationError(
                _("{a} en {b} hebben een ander {veld}; dan zijn het twee organisaties.").format(
                    a=behouden.naam,
                    b=duplicaat.naam,
                    veld=Organisatie._meta.get_field(veld).verbose_name,
                )
            )
    samenvoegen_controleren.send(sender=Organisatie, behouden=behouden, duplicaat=duplicaat)
    fouten = _botsingen(behouden, duplicaat)
    if fouten:
        raise ValidationError(fouten)


def _verplaatsen(behouden: Organisatie, duplicaat: Organisatie, door) -> dict[str, int]:
    """Move every reference; each row saved on its own so its history and its model's
    freeze guard (afspraken.bevriezing) see the change. Per model label: rows moved."""
    telling = {}
    for model, veld, m2m in _relaties():
        rijen = list(model._base_manager.filter(**{veld: duplicaat}))
        for rij in rijen:
            if (
                m2m
                and model._base_manager.filter(
                    **{veld: behouden}, **_andere_kant(model, veld, rij)
                ).exists()
            ):
                rij.delete()  # the kept organisation is there already: a set, not a list
                continue
            setattr(rij, veld, behouden)
            rij._history_user = geschiedenis_gebruiker(door)
            rij.save(update_fields=[veld])
        if rijen:
            telling[model._meta.label] = telling.get(model._meta.label, 0) + len(rijen)
    return telling


def _andere_kant(through, veld: str, rij) -> dict:
    ander = next(
        f
        for f in through._meta.concrete_fields
        if f.is_relation and f.name != veld and f.related_model is not None
    )
    return {ander.attname: getattr(rij, ander.attname)}


@transaction.atomic
def organisaties_samenvoegen(
    *, behouden: Organisatie, duplicaat: Organisatie, door: Gebruiker
) -> dict[str, int]:
    """Merge `duplicaat` into `behouden` (a superuser only): every reference moves, what the
    kept one misses (afkorting, KvK-nummer, L-nummer) is taken over, and the duplicate is
    deleted. The kept one stays scoped only when both were scoped to the same gemeente;
    otherwise it is now part of several gemeenten's work and becomes shared. Refused
    (ValidationError, Dutch) when a unique rule would break or an upper app refuses;
    then nothing changes. Returns the rows moved per model."""
    if door is None or not (door.is_active and door.is_superuser):
        raise Geweigerd(_("Alleen een beheerder van Driehoek voegt organisaties samen."))
    vergrendeld = Organisatie.objects.select_for_update().in_bulk([behouden.pk, duplicaat.pk])
    behouden, duplicaat = vergrendeld[behouden.pk], vergrendeld[duplicaat.pk]
    _controleren(behouden, duplicaat)
    if behouden.aangemaakt_voor_id != duplicaat.aangemaakt_voor_id:
        behouden.aangemaakt_voor = None
        andere = Organisatie.objects.filter(
            aangemaakt_voor__isnull=True, naam__iexact=behouden.naam, type=behouden.type
        ).exclude(pk__in=[behouden.pk, duplicaat.pk])
        if andere.exists():
            raise ValidationError(
                _("Er is al een gedeelde organisatie {naam}; voeg die eerst samen.").format(
                    naam=behouden.naam
                )
            )
    telling = _verplaatsen(behouden, duplicaat, door)
    for veld in _AANVULLEN:
        if not getattr(behouden, veld):
            setattr(behouden, veld, getattr(duplicaat, veld))
    duplicaat._history_user = geschiedenis_gebruiker(door)
    duplicaat.delete()
    behouden.versie += 1
    behouden._history_user = geschiedenis_gebruiker(door)
    behouden.save()
    return telling
