"""Bulk variants of the services, for the workbook importer: one call writes many rows,
matched on their natural keys, so writing the same rows twice changes nothing. This module
holds what they share and the agreement's own rows (overeenkomst, parties; the gemeente
and the organisations themselves are written by gemeenten.services);
bulk_inhoud has themes and afspraken, bulk_jaarschijf a jaarschijf and its content, and
voorraad.services the stock figures.

Each bulk service asks the write boundary (services.grens) once, on the container it writes
in (gemeente, overeenkomst or jaarschijf): the permission the single-object services ask
and, where a jaarschijf's content is written, `niet_bevroren`, which reads the jaarschijf
under a row lock. Rows are validated field by field before anything is written; foreign
keys are handed over as objects and uniqueness follows from the matching, so full_clean
skips the per-row queries for those (the database still enforces them). Rows are written
with bulk operations that keep one history record each in the name of `door`; a changed
row's `versie` goes up by one, so an editor who opened it before the import meets a
VersieConflict instead of overwriting it.

Each returns a `Bijgewerkt`: its objects and how many were new, changed or removed. A
refused row raises `RegelFout` with its position in the input, for the caller to name.
A field given as `BEHOUDEN` keeps what is stored (a version-1 workbook has no such column).
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from afspraken.models import Overeenkomst, Partij
from afspraken.services.grens import mag_handelen
from afspraken.services.overeenkomst import gemeentepartij_controleren
from gemeenten import generaties
from gemeenten import services as gemeenten_services
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gebruiker, Gemeente, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker

# --- What every bulk service shares -------------------------------------------------------


@dataclass
class Bijgewerkt[T]:
    """What a bulk service wrote: its objects (as the service documents) and the counts."""

    objecten: T
    nieuw: int = 0
    gewijzigd: int = 0
    verwijderd: int = 0


class RegelFout(ValidationError):
    """Row `index` (0-based, in the order the caller gave them) is refused; the error's
    fields are those of the row."""

    def __init__(self, index: int, fout: ValidationError):
        super().__init__(fout.error_dict if hasattr(fout, "error_dict") else fout.error_list)
        self.index = index


class _Behouden:
    def __repr__(self):
        return "BEHOUDEN"


# A field value meaning "keep what is stored": the caller does not know it.
BEHOUDEN = _Behouden()


def zet(obj, **waarden) -> bool:
    """Set the attributes that differ (not those given as BEHOUDEN); True when anything
    changed."""
    gewijzigd = False
    for naam, waarde in waarden.items():
        if waarde is BEHOUDEN:
            continue
        if getattr(obj, naam) != waarde:
            setattr(obj, naam, waarde)
            gewijzigd = True
    return gewijzigd


def valideer(obj: models.Model, index: int, sleutels: Sequence[str]) -> None:
    """Field validation and the model's clean() of one row, without the per-row queries of
    the foreign keys (`sleutels`, set as objects), uniqueness and constraints."""
    try:
        obj.full_clean(exclude=sleutels, validate_unique=False, validate_constraints=False)
    except ValidationError as fout:
        raise RegelFout(index, fout) from fout


def aanmaken(model: type[models.Model], objecten: list, door) -> list:
    """Insert `objecten` with one history record each, in the name of `door`."""
    if not objecten:
        return []
    gemaakt = bulk_create_with_history(objecten, model, default_user=geschiedenis_gebruiker(door))
    generaties.geschreven(model, gemaakt)
    return gemaakt


def bijwerken(model: type[models.Model], objecten: list, velden: Sequence[str], door) -> None:
    """Update `velden` of `objecten` with history; a `versie` column goes up by one."""
    if not objecten:
        return
    if any(f.name == "versie" for f in model._meta.concrete_fields):
        for obj in objecten:
            obj.versie += 1
        velden = [*velden, "versie"]
    bulk_update_with_history(objecten, model, velden, default_user=geschiedenis_gebruiker(door))
    generaties.geschreven(model, objecten)


def verwijderen(objecten: list, door) -> None:
    """One by one, so each removal is checked (afspraken.bevriezing) and recorded."""
    for obj in objecten:
        obj._history_user = geschiedenis_gebruiker(door)
        obj.delete()


def opslaan_met_geschiedenis(obj: models.Model, door) -> None:
    """Save one row that the caller has validated, with its history record."""
    obj._history_user = geschiedenis_gebruiker(door)
    obj.save()


# --- The gemeente, the agreement and its parties --------------------------------------------


def gemeente_aanmaken_of_bijwerken(
    *, naam: str, cbs_code: str = "", door: Gebruiker
) -> Bijgewerkt[Gemeente]:
    """The gemeente named `naam`, created or its CBS code filled in: the write is
    gemeenten's (gemeenten.services.gemeente_aanmaken_of_bijwerken, with its permissions)."""
    vastgelegd = gemeenten_services.gemeente_aanmaken_of_bijwerken(
        naam=naam, cbs_code=cbs_code, door=door
    )
    return _bijgewerkt(vastgelegd)


def _bijgewerkt(vastgelegd: gemeenten_services.Vastgelegd) -> Bijgewerkt:
    return Bijgewerkt(
        vastgelegd.obj, nieuw=int(vastgelegd.nieuw), gewijzigd=int(vastgelegd.gewijzigd)
    )


@transaction.atomic
def overeenkomst_aanmaken_of_bijwerken(
    *,
    gemeente: Gemeente,
    titel: str,
    startdatum: datetime.date,
    einddatum: datetime.date,
    grondslag: str = BEHOUDEN,
    door: Gebruiker,
) -> Bijgewerkt[Overeenkomst]:
    """The agreement of `gemeente` titled `titel`, created or given these dates and
    grondslag. Unlike overeenkomst_aanmaken it adds no party: partijen_bijwerken_bulk names
    them all."""
    overeenkomst = gemeente.overeenkomsten.filter(titel=titel).first()
    nieuw = overeenkomst is None
    if nieuw:
        mag_handelen(door, "afspraken.add_overeenkomst", gemeente)
        overeenkomst = Overeenkomst(gemeente=gemeente, titel=titel)
    else:
        mag_handelen(door, "afspraken.change_overeenkomst", overeenkomst)
    velden = {"startdatum": startdatum, "einddatum": einddatum, "grondslag": grondslag}
    if not zet(overeenkomst, **velden) and not nieuw:
        return Bijgewerkt(overeenkomst)
    overeenkomst.full_clean(exclude=["gemeente"], validate_unique=False)
    if not nieuw:
        overeenkomst.versie += 1
    opslaan_met_geschiedenis(overeenkomst, door)
    return Bijgewerkt(overeenkomst, nieuw=int(nieuw), gewijzigd=int(not nieuw))


@dataclass(frozen=True)
class PartijRegel:
    """The organisation (naam, type, afkorting) and its part in this agreement."""

    naam: str
    type: str
    afkorting: str = ""
    vertegenwoordiger: str = BEHOUDEN
    functie: str = BEHOUDEN
    mandaat: str = BEHOUDEN
    aanduiding: str = BEHOUDEN
    rol: str = BEHOUDEN
    actief_tot: int | None = BEHOUDEN
    # Registration numbers (docs/organisaties.md): filled in when missing, never cleared.
    kvk_nummer: str = ""
    l_nummer: str = ""

    def identiteit(self) -> gemeenten_services.Identiteit:
        return gemeenten_services.Identiteit(self.naam, self.type, self.kvk_nummer, self.l_nummer)

    def partijvelden(self) -> dict:
        return {veld: getattr(self, veld) for veld in PARTIJ_VELDEN}


PARTIJ_VELDEN = ("vertegenwoordiger", "functie", "mandaat", "aanduiding", "rol", "actief_tot")


def _organisatie(regel: PartijRegel, index: int, org, gemeente: Gemeente):
    """The organisation a row names, as found (`org`) or new (not yet saved)."""
    if org is not None:
        return org
    is_gemeente = regel.type == OrganisatieType.GEMEENTE
    if is_gemeente:
        eigen = Organisatie.objects.van_gemeente(gemeente)
        if eigen is not None:
            raise RegelFout(
                index,
                ValidationError(
                    {
                        "naam": _(
                            "gemeente {gemeente} heeft in Driehoek al een organisatie, {eigen}; "
                            "noem die als partij van het type gemeente"
                        ).format(gemeente=gemeente.naam, eigen=eigen.naam)
                    }
                ),
            )
    return Organisatie(
        naam=regel.naam,
        type=regel.type,
        afkorting=regel.afkorting,
        gemeente=gemeente if is_gemeente else None,
    )


@transaction.atomic
def partijen_bijwerken_bulk(
    *, overeenkomst: Overeenkomst, partijen: Sequence[PartijRegel], door: Gebruiker
) -> Bijgewerkt[list[Organisatie]]:
    """The agreement's parties in the order given: each organisation found on an exact
    identity (a registration number, or name and type among those the agreement's gemeente
    sees: gemeenten.services.organisaties_zoeken) or created, scoped to that gemeente;
    a missing afkorting or number filled in (gemeenten.services.organisaties_vastleggen;
    docs/organisaties.md). One gemeente party, the agreement's own
    (gemeentepartij_controleren). Parties not named stay. Returns the organisations in the
    order given; the counts are of organisations."""
    mag_handelen(door, "afspraken.change_overeenkomst", overeenkomst)
    gemeente = overeenkomst.gemeente
    try:
        # Reused only on an exact identity among what this gemeente sees (#14).
        gevonden = gemeenten_services.organisaties_zoeken(
            identiteiten=[p.identiteit() for p in partijen], gemeente=gemeente
        )
    except gemeenten_services.OrganisatieFout as fout:
        raise RegelFout(fout.index, fout) from fout
    organisaties = []
    for index, regel in enumerate(partijen):
        org = _organisatie(regel, index, gevonden[index], gemeente)
        try:
            gemeentepartij_controleren(gemeente=gemeente, organisatie=org, naast=organisaties)
        except ValidationError as fout:
            raise RegelFout(index, ValidationError({"naam": fout.messages})) from fout
        organisaties.append(org)
    try:
        vastgelegd = gemeenten_services.organisaties_vastleggen(
            organisaties=[
                (org, r.afkorting, r.kvk_nummer, r.l_nummer)
                for org, r in zip(organisaties, partijen, strict=True)
            ],
            namens=gemeente,
            door=door,
        )
    except gemeenten_services.OrganisatieFout as fout:
        raise RegelFout(fout.index, fout) from fout
    resultaat = Bijgewerkt(
        objecten=organisaties,
        nieuw=sum(v.nieuw for v in vastgelegd),
        gewijzigd=sum(v.gewijzigd for v in vastgelegd),
    )
    _partijrollen(overeenkomst, resultaat.objecten, partijen)
    return resultaat


def _partijrollen(
    overeenkomst: Overeenkomst, organisaties: list[Organisatie], regels: Sequence[PartijRegel]
) -> None:
    bestaand = {
        p.organisatie_id: p for p in overeenkomst.partijrollen.select_related("organisatie")
    }
    nieuw, gewijzigd = [], []
    for index, org in enumerate(organisaties):
        partij = bestaand.get(org.pk)
        if partij is None:
            try:
                # The parties the agreement has already count too (one gemeente party).
                gemeentepartij_controleren(
                    gemeente=overeenkomst.gemeente,
                    organisatie=org,
                    naast=[p.organisatie for p in bestaand.values()],
                )
            except ValidationError as fout:
                raise RegelFout(index, ValidationError({"naam": fout.messages})) from fout
            partij = Partij(overeenkomst=overeenkomst, organisatie=org, volgorde=index + 1)
            zet(partij, **regels[index].partijvelden())
            valideer(partij, index, ["overeenkomst", "organisatie"])
            nieuw.append(partij)
        elif zet(partij, volgorde=index + 1, **regels[index].partijvelden()):
            valideer(partij, index, ["overeenkomst", "organisatie"])
            partij.versie += 1
            gewijzigd.append(partij)
    # Partij has no history of its own: the agreement's parties are plain rows.
    Partij.objects.bulk_create(nieuw)
    Partij.objects.bulk_update(gewijzigd, ["volgorde", *PARTIJ_VELDEN, "versie"])
    generaties.vernieuwen([overeenkomst.gemeente_id])
