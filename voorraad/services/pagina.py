"""A corporatie's figures page in one call (cijfers_bijwerken), all or nothing.

On a corporatie's page every figure is looked up through `for_user(door, "change")`, so ids
of another corporatie's figures (or of a frozen jaarschijf) in the input are ignored,
whatever the form let through.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_update_with_history

from afspraken.models import Jaarschijf
from afspraken.perioden import peildatum
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten import generaties
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker
from voorraad.models import Voorraadmutatie, Voorraadstand


@dataclass(frozen=True)
class Aantal:
    """A figure as the editor typed it, and as it was when they opened the page."""

    nieuw: int | None
    was: int | None


@dataclass(frozen=True)
class NieuweMutatie:
    categorie_id: int
    jaar_van: int
    jaar_tot: int
    soort: str
    aantal: int | None
    toelichting: str = ""


@dataclass(frozen=True)
class NieuweStand:
    segment_id: int
    jaar: int
    soort: str
    aantal: int | None
    # Any date; without one, 31 December of `jaar` (the documents' usual peildatum).
    peildatum: datetime.date | None = None


@dataclass
class Resultaat:
    gewijzigd: int = 0
    toegevoegd: int = 0
    verwijderd: int = 0


CONFLICT = gettext_lazy(
    "Iemand anders heeft dit cijfer intussen gewijzigd in %(aantal)s. Uw invoer staat er nog; "
    "kijk of die klopt en sla opnieuw op."
)


def _bijwerken(qs, aantallen: dict[int, Aantal], veld_voor, door, corporatie) -> int:
    """Write the figures the editor changed; refuse where someone else changed it meanwhile.

    A cell the editor left as it was is not written, so a colleague's change survives.
    """
    gewijzigd, conflicten = [], {}
    for cijfer in qs.filter(pk__in=aantallen).select_for_update(of=("self",)):
        aantal = aantallen[cijfer.pk]
        if aantal.nieuw == aantal.was:
            continue
        if cijfer.aantal != aantal.was and cijfer.aantal != aantal.nieuw:
            conflicten[veld_voor(cijfer.pk)] = ValidationError(
                CONFLICT % {"aantal": "-" if cijfer.aantal is None else cijfer.aantal},
                code="conflict",
            )
            continue
        cijfer.aantal = aantal.nieuw
        cijfer.corporatie = corporatie  # the one qs filtered on; spares a query per figure
        # Field validation only: the keys did not change, and checking every foreign key
        # and constraint would cost a query per figure.
        cijfer.full_clean(
            exclude=["jaarschijf", "corporatie", "categorie", "segment"],
            validate_unique=False,
            validate_constraints=False,
        )
        gewijzigd.append(cijfer)
    if conflicten:
        raise ValidationError(conflicten)
    if gewijzigd:
        bulk_update_with_history(
            gewijzigd, qs.model, ["aantal"], default_user=geschiedenis_gebruiker(door)
        )
        generaties.geschreven(qs.model, gewijzigd)
    return len(gewijzigd)


def _verwijderen(qs, ids: set[int], door) -> int:
    verwijderd = 0
    for cijfer in qs.filter(pk__in=ids):
        cijfer._history_user = geschiedenis_gebruiker(door)
        cijfer.delete()
        verwijderd += 1
    return verwijderd


def _toevoegen(objecten: list, label: str, door) -> int:
    for nummer, obj in enumerate(objecten, start=1):
        try:
            obj.full_clean()
        except ValidationError as fout:
            raise ValidationError(
                [f"{label} {nummer}: {bericht}" for bericht in fout.messages]
            ) from fout
        obj._history_user = geschiedenis_gebruiker(door)
        obj.save()
    return len(objecten)


def _nieuwe_toevoegen(
    jaarschijf: Jaarschijf,
    corporatie: Organisatie,
    nieuwe_mutaties: list[NieuweMutatie],
    nieuwe_standen: list[NieuweStand],
    door,
) -> int:
    mutaties = [
        Voorraadmutatie(jaarschijf=jaarschijf, corporatie=corporatie, **vars(m))
        for m in nieuwe_mutaties
    ]
    standen = [
        Voorraadstand(
            jaarschijf=jaarschijf,
            corporatie=corporatie,
            segment_id=s.segment_id,
            peildatum=s.peildatum or peildatum(s.jaar),
            soort=s.soort,
            aantal=s.aantal,
        )
        for s in nieuwe_standen
    ]
    try:
        return _toevoegen(mutaties, _("Nieuwe voorraadmutatie"), door) + _toevoegen(
            standen, _("Nieuwe voorraadstand"), door
        )
    except IntegrityError as fout:
        # A colleague added the same figure between our check and our insert.
        raise ValidationError(
            _("Iemand anders heeft intussen hetzelfde cijfer toegevoegd. Open de pagina opnieuw.")
        ) from fout


@transaction.atomic
def cijfers_bijwerken(
    *,
    jaarschijf: Jaarschijf,
    corporatie: Organisatie,
    door: Gebruiker,
    mutaties: dict[int, Aantal] | None = None,
    standen: dict[int, Aantal] | None = None,
    mutaties_weg: set[int] = frozenset(),
    standen_weg: set[int] = frozenset(),
    nieuwe_mutaties: list[NieuweMutatie] = (),
    nieuwe_standen: list[NieuweStand] = (),
) -> Resultaat:
    """Change, remove and add the corporatie's figures in the jaarschijf, all or nothing.

    Raises ValidationError keyed by the form's field names (`m-<pk>`, `s-<pk>`) on a
    conflict, and without key for a frozen jaarschijf or an invalid new figure.
    """
    mag_handelen(door, "voorraad.change_cijfers_van_jaarschijf", jaarschijf)
    # A corporatie writes its own figures only, the new ones included.
    mag_handelen(
        door,
        "voorraad.change_cijfer",
        Voorraadmutatie(jaarschijf=jaarschijf, corporatie=corporatie),
    )
    # Locked, so the jaarschijf cannot be vastgesteld halfway through this save.
    vergrendeld = niet_bevroren(jaarschijf)
    eigen_mutaties = Voorraadmutatie.objects.for_user(door, "change").filter(
        jaarschijf=vergrendeld, corporatie=corporatie
    )
    eigen_standen = Voorraadstand.objects.for_user(door, "change").filter(
        jaarschijf=vergrendeld, corporatie=corporatie
    )
    resultaat = Resultaat()
    resultaat.gewijzigd += _bijwerken(
        eigen_mutaties, mutaties or {}, lambda pk: f"m-{pk}", door, corporatie
    )
    resultaat.gewijzigd += _bijwerken(
        eigen_standen, standen or {}, lambda pk: f"s-{pk}", door, corporatie
    )
    resultaat.verwijderd += _verwijderen(eigen_mutaties, set(mutaties_weg), door)
    resultaat.verwijderd += _verwijderen(eigen_standen, set(standen_weg), door)
    resultaat.toegevoegd += _nieuwe_toevoegen(
        vergrendeld, corporatie, nieuwe_mutaties, nieuwe_standen, door
    )
    return resultaat
