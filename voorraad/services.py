"""Writing stock figures: a corporatie's page in one call (cijfers_bijwerken), and the
figures of a gemeente's workbook in bulk (voorraadmutaties_bijwerken_bulk and
voorraadstanden_bijwerken_bulk, see afspraken.services.bulk); each all or nothing.

On a corporatie's page every figure is looked up through `for_user(door, "change")`, so ids
of another corporatie's figures (or of a frozen jaarschijf) in the input are ignored,
whatever the form let through.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_update_with_history

from afspraken.models import Jaarschijf
from afspraken.perioden import peildatum
from afspraken.services.bulk import Bijgewerkt, aanmaken, bijwerken, valideer, zet
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand


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
            peildatum=peildatum(s.jaar),
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


# --- In bulk, for the workbook importer ---------------------------------------------------


@dataclass(frozen=True)
class MutatieRegel:
    corporatie: Organisatie
    categorie: str
    jaar_van: int
    jaar_tot: int
    soort: str
    aantal: int | None
    toelichting: str = ""


@dataclass(frozen=True)
class StandRegel:
    corporatie: Organisatie
    segment: str
    jaar: int
    soort: str
    aantal: int | None


def _cijfers_schrijven(door: Gebruiker, jaarschijf: Jaarschijf) -> None:
    """The guards of the bulk services below. The gemeente's workbook carries every
    corporatie's figures, so they ask the jaarschijf's content permission, not a
    corporatie's own (`voorraad.change_cijfer`, as cijfers_bijwerken does)."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)


def _per_naam(model: type[Categorie] | type[Segment], namen: set[str]) -> dict[str, models.Model]:
    """Categories or segments by lower-case name; the missing ones are created."""
    gevonden = {
        obj.naam.lower(): obj
        for obj in model.objects.annotate(naam_lower=Lower("naam")).filter(
            naam_lower__in={naam.lower() for naam in namen}
        )
    }
    for naam in sorted(namen, key=str.lower):
        if naam.lower() not in gevonden:
            obj = model(naam=naam)
            obj.full_clean(validate_constraints=False)
            obj.save()  # a list of names, without history of its own
            gevonden[naam.lower()] = obj
    return gevonden


def _bulk_bijwerken(
    model: type[Voorraadmutatie] | type[Voorraadstand],
    *,
    jaarschijf: Jaarschijf,
    gewenst: list,
    sleutel: Callable,
    velden: list[str],
    door: Gebruiker,
) -> Bijgewerkt[list]:
    """Match each figure of `gewenst` (unsaved, in the caller's order) on `sleutel` with the
    jaarschijf's stored ones: new ones are created, stored ones given the `velden`."""
    bestaand = {sleutel(cijfer): cijfer for cijfer in model.objects.filter(jaarschijf=jaarschijf)}
    nieuw, gewijzigd, resultaat = [], [], []
    for index, cijfer in enumerate(gewenst):
        opgeslagen = bestaand.get(sleutel(cijfer))
        if opgeslagen is None:
            nieuw.append(cijfer)
        else:
            opgeslagen.corporatie = cijfer.corporatie  # the instance at hand: clean() reads it
            if not zet(opgeslagen, **{veld: getattr(cijfer, veld) for veld in velden}):
                resultaat.append(opgeslagen)
                continue
            gewijzigd.append(opgeslagen)
            cijfer = opgeslagen
        valideer(cijfer, index, ["jaarschijf", "corporatie", "categorie", "segment"])
        resultaat.append(cijfer)
    aanmaken(model, nieuw, door)
    bijwerken(model, gewijzigd, velden, door)
    return Bijgewerkt(resultaat, nieuw=len(nieuw), gewijzigd=len(gewijzigd))


@transaction.atomic
def voorraadmutaties_bijwerken_bulk(
    *, jaarschijf: Jaarschijf, mutaties: Sequence[MutatieRegel], door: Gebruiker
) -> Bijgewerkt[list[Voorraadmutatie]]:
    """The jaarschijf's mutations of every corporatie, matched on corporatie, categorie,
    period and soort: created, or given the row's aantal and toelichting. Mutations not
    named stay; categories not known yet are created."""
    _cijfers_schrijven(door, jaarschijf)
    categorieen = _per_naam(Categorie, {m.categorie for m in mutaties})
    gewenst = [
        Voorraadmutatie(
            jaarschijf=jaarschijf,
            corporatie=regel.corporatie,
            categorie=categorieen[regel.categorie.lower()],
            jaar_van=regel.jaar_van,
            jaar_tot=regel.jaar_tot,
            soort=regel.soort,
            aantal=regel.aantal,
            toelichting=regel.toelichting,
        )
        for regel in mutaties
    ]
    return _bulk_bijwerken(
        Voorraadmutatie,
        jaarschijf=jaarschijf,
        gewenst=gewenst,
        sleutel=lambda m: (m.corporatie_id, m.categorie_id, m.jaar_van, m.jaar_tot, m.soort),
        velden=["aantal", "toelichting"],
        door=door,
    )


@transaction.atomic
def voorraadstanden_bijwerken_bulk(
    *, jaarschijf: Jaarschijf, standen: Sequence[StandRegel], door: Gebruiker
) -> Bijgewerkt[list[Voorraadstand]]:
    """The jaarschijf's stock levels of every corporatie, matched on corporatie, segment,
    peildatum (31 December of the row's year) and soort: created, or given the row's
    aantal. Levels not named stay; segments not known yet are created."""
    _cijfers_schrijven(door, jaarschijf)
    segmenten = _per_naam(Segment, {s.segment for s in standen})
    gewenst = [
        Voorraadstand(
            jaarschijf=jaarschijf,
            corporatie=regel.corporatie,
            segment=segmenten[regel.segment.lower()],
            peildatum=Voorraadstand.peildatum_voor_jaar(regel.jaar),
            soort=regel.soort,
            aantal=regel.aantal,
        )
        for regel in standen
    ]
    return _bulk_bijwerken(
        Voorraadstand,
        jaarschijf=jaarschijf,
        gewenst=gewenst,
        sleutel=lambda s: (s.corporatie_id, s.segment_id, s.peildatum, s.soort),
        velden=["aantal"],
        door=door,
    )
