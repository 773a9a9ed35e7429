"""The figures of a gemeente's workbook in bulk (see afspraken.services.bulk), each call all
or nothing: mutations, stock levels and the agreement's segments.

Names resolve within the jaarschijf's agreement: its own row first, then the default list;
a name neither knows becomes the agreement's own row, so it never shows up in another
gemeente.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from afspraken.constants import BEVROREN_STATUSSEN
from afspraken.models import Jaarschijf
from afspraken.services.bulk import Bijgewerkt, RegelFout, aanmaken, bijwerken, valideer, zet
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten import generaties
from gemeenten.models import Gebruiker, Organisatie
from voorraad.models import (
    Categorie,
    Segment,
    Voorraadmutatie,
    Voorraadoverdracht,
    Voorraadstand,
)


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
    # Any date (1 November in some documents); without one, 31 December of `jaar`.
    peildatum: datetime.date | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class SegmentRegel:
    naam: str
    onderdeel_van: str = ""
    toelichting: str = ""


def _cijfers_schrijven(door: Gebruiker, jaarschijf: Jaarschijf) -> None:
    """The guards of the bulk services below. The gemeente's workbook carries every
    corporatie's figures, so they ask the jaarschijf's content permission, not a
    corporatie's own (`voorraad.change_cijfer`, as cijfers_bijwerken does)."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)


def _per_naam(
    model: type[Categorie] | type[Segment], overeenkomst_id: int, namen: set[str]
) -> dict[str, models.Model]:
    """Categories or segments by lower-case name: the agreement's own, else the default
    list's; the missing ones are created as the agreement's own."""
    gevonden = {}
    kandidaten = model.objects.filter(
        Q(overeenkomst_id=overeenkomst_id) | Q(overeenkomst__isnull=True)
    ).order_by(F("overeenkomst_id").asc(nulls_first=True))  # the agreement's own row wins
    for obj in kandidaten:
        gevonden[obj.naam.lower()] = obj
    for naam in sorted(namen, key=str.lower):
        if naam.lower() not in gevonden:
            obj = model(naam=naam, overeenkomst_id=overeenkomst_id)
            obj.full_clean(validate_constraints=False)
            obj.save()  # a list of names, without history of its own
            gevonden[naam.lower()] = obj
    return {naam.lower(): gevonden[naam.lower()] for naam in namen}


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
    return mutaties_schrijven(jaarschijf, mutaties, door)


def mutaties_schrijven(jaarschijf: Jaarschijf, mutaties: Sequence[MutatieRegel], door):
    """The write of voorraadmutaties_bijwerken_bulk, for callers that asked their own
    permission (voorraad.services.aanlevering: a corporatie's own rows)."""
    categorieen = _per_naam(Categorie, jaarschijf.overeenkomst_id, {m.categorie for m in mutaties})
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
    *,
    jaarschijf: Jaarschijf,
    standen: Sequence[StandRegel],
    door: Gebruiker,
    segmenten: Sequence[SegmentRegel] = (),
) -> Bijgewerkt[list[Voorraadstand]]:
    """The jaarschijf's stock levels of every corporatie, matched on corporatie, segment,
    peildatum (the row's, else 31 December of its year) and soort: created, or given the
    row's aantal and toelichting. Levels not named stay; segments not known yet are
    created. `segmenten` (the workbook's `segmenten` sheet) are laid down first, so the
    levels find the agreement's own segments with their wholes and notes."""
    _cijfers_schrijven(door, jaarschijf)
    if segmenten:
        try:
            _segmenten_vastleggen(jaarschijf, segmenten)
        except RegelFout as fout:
            # Not a row of the levels: named by the segment, without a row index.
            naam = segmenten[fout.index].naam
            raise ValidationError(
                [f"{_('Segment')} '{naam}': {bericht}" for bericht in fout.messages]
            ) from fout
    return standen_schrijven(jaarschijf, standen, door)


def standen_schrijven(jaarschijf: Jaarschijf, standen: Sequence[StandRegel], door):
    """The write of voorraadstanden_bijwerken_bulk (see mutaties_schrijven)."""
    segmenten = _per_naam(Segment, jaarschijf.overeenkomst_id, {s.segment for s in standen})
    gewenst = [
        Voorraadstand(
            jaarschijf=jaarschijf,
            corporatie=regel.corporatie,
            segment=segmenten[regel.segment.lower()],
            peildatum=regel.peildatum or Voorraadstand.peildatum_voor_jaar(regel.jaar),
            soort=regel.soort,
            aantal=regel.aantal,
            toelichting=regel.toelichting,
        )
        for regel in standen
    ]
    return _bulk_bijwerken(
        Voorraadstand,
        jaarschijf=jaarschijf,
        gewenst=gewenst,
        sleutel=lambda s: (s.corporatie_id, s.segment_id, s.peildatum, s.soort),
        velden=["aantal", "toelichting"],
        door=door,
    )


def _segment_delen(regels: Sequence[SegmentRegel], segmenten: dict) -> list[Segment]:
    """Give each segment its whole and note; refuse a whole that is not in the list."""
    gewijzigd = []
    for index, regel in enumerate(regels):
        segment = segmenten[regel.naam.lower()]
        geheel = segmenten.get(regel.onderdeel_van.lower()) if regel.onderdeel_van else None
        if regel.onderdeel_van and geheel is None:
            raise RegelFout(
                index,
                ValidationError(
                    {
                        "onderdeel_van": _("Onbekend segment '%(naam)s'.")
                        % {"naam": regel.onderdeel_van}
                    }
                ),
            )
        if zet(segment, onderdeel_van=geheel, toelichting=regel.toelichting):
            try:
                segment.full_clean(validate_constraints=False)
            except ValidationError as fout:
                raise RegelFout(index, fout) from fout
            gewijzigd.append(segment)
    return gewijzigd


def _overnemen(overeenkomst_id: int, standaard: Segment, eigen: Segment) -> None:
    """The agreement's own copy of a default segment takes its place: the figures of the
    agreement's open jaarschijven move to it, so one name is one row (a fixed jaarschijf
    keeps its figures as they were signed)."""
    open_ = Q(jaarschijf__overeenkomst_id=overeenkomst_id) & ~Q(
        jaarschijf__status__in=BEVROREN_STATUSSEN
    )
    Voorraadstand.objects.filter(open_, segment=standaard).update(segment=eigen)
    Voorraadoverdracht.objects.filter(open_, segment=standaard).update(segment=eigen)
    generaties.geschreven(Segment, [eigen])


def _segmenten_vastleggen(jaarschijf: Jaarschijf, segmenten: Sequence[SegmentRegel]):
    overeenkomst_id = jaarschijf.overeenkomst_id
    namen = {r.naam for r in segmenten} | {r.onderdeel_van for r in segmenten if r.onderdeel_van}
    eigen = {
        s.naam.lower(): s
        for s in Segment.objects.filter(overeenkomst_id=overeenkomst_id).select_related(
            "onderdeel_van"
        )
    }
    nieuw = []
    for naam in sorted(namen, key=str.lower):
        if naam.lower() not in eigen:
            standaard = Segment.objects.filter(overeenkomst__isnull=True, naam__iexact=naam).first()
            segment = Segment(
                naam=naam,
                overeenkomst_id=overeenkomst_id,
                volgorde=standaard.volgorde if standaard else 100,
            )
            segment.full_clean(validate_constraints=False)
            segment.save()
            eigen[naam.lower()] = segment
            nieuw.append(segment)
            if standaard is not None:
                _overnemen(jaarschijf.overeenkomst_id, standaard, segment)
    gewijzigd = _segment_delen(segmenten, eigen)
    for segment in gewijzigd:
        segment.save(update_fields=["onderdeel_van", "toelichting"])
    return Bijgewerkt(
        [eigen[r.naam.lower()] for r in segmenten], nieuw=len(nieuw), gewijzigd=len(gewijzigd)
    )


@transaction.atomic
def segmenten_bijwerken_bulk(
    *, jaarschijf: Jaarschijf, segmenten: Sequence[SegmentRegel], door: Gebruiker
) -> Bijgewerkt[list[Segment]]:
    """The agreement's own segments, with the segment each is part of and its note (the
    workbook's `segmenten` sheet). A name of the default list gets the agreement's own row
    first: a note or a whole is this agreement's, never every gemeente's. Asked on the
    jaarschijf being imported, and refused when it is frozen: its tables print the notes."""
    _cijfers_schrijven(door, jaarschijf)
    return _segmenten_vastleggen(jaarschijf, segmenten)
