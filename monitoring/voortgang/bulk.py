"""Bulk variants for the workbook import (sheets `doelen` and `agenda`): one permission
check, then every row, all or nothing. A refused row raises afspraken' RegelFout with its
position, so the importer names the sheet's row."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from afspraken.models import Afspraak, Jaarschijf, Overeenkomst, Thema
from afspraken.services.bulk import RegelFout
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.rules import actor
from gemeenten.systeem import geschiedenis_gebruiker
from monitoring.constants import AgendaSoort
from monitoring.models_voortgang import Agendapunt, Doel, Doelrealisatie
from monitoring.voortgang.doelen import DOEL_VELDEN


@dataclass
class DoelRegel:
    """A target as the workbook holds it; `afspraak` or `thema` owns it. `gerealiseerd`
    (with `gerealiseerd_op`) is the latest realised value, added when it is new."""

    afspraak: Afspraak | None
    thema: Thema | None
    velden: dict
    gerealiseerd: Decimal | None = None
    gerealiseerd_tekst: str = ""
    gerealiseerd_op: datetime.date | None = None


@dataclass
class AgendaRegel:
    wanneer: str
    wat: str
    datum: datetime.date | None = None
    soort: str = AgendaSoort.OVERIG
    wie: list[Organisatie] = field(default_factory=list)


def _sleutel(afspraak_id, thema_id, omschrijving, partij_id) -> tuple:
    return (afspraak_id, thema_id, omschrijving.strip().lower(), partij_id)


def _realisatie(doel: Doel, regel: DoelRegel, laatste, door) -> None:
    if regel.gerealiseerd is None and not regel.gerealiseerd_tekst:
        return
    peildatum = regel.gerealiseerd_op or datetime.date.today()
    if laatste is not None and (laatste.waarde, laatste.waarde_tekst, laatste.peildatum) == (
        regel.gerealiseerd,
        regel.gerealiseerd_tekst,
        peildatum,
    ):
        return  # importing the same file twice writes nothing
    opslaan(
        Doelrealisatie(
            doel=doel,
            waarde=regel.gerealiseerd,
            waarde_tekst=regel.gerealiseerd_tekst,
            peildatum=peildatum,
            gemeld_door=door if isinstance(door, Gebruiker) else None,
            organisatie_id=actor(door).organisatie_id if isinstance(door, Gebruiker) else None,
        ),
        door,
    )


def _doel_schrijven(doel: Doel, regel: DoelRegel, door) -> None:
    gewijzigd = doel.pk is None
    for veld in DOEL_VELDEN:
        if veld in regel.velden and getattr(doel, veld) != regel.velden[veld]:
            setattr(doel, veld, regel.velden[veld])
            gewijzigd = True
    if gewijzigd:
        if doel.pk is not None:
            doel.versie += 1
        opslaan(doel, door)


@transaction.atomic
def doelen_bijwerken_bulk(
    *, overeenkomst: Overeenkomst, doelen: Sequence[DoelRegel], door: Gebruiker
) -> list[Doel]:
    """The targets of the afspraken and themes the rows name, as the rows say: a target
    with the same owner, omschrijving and party is updated (its realised values kept), a new
    one created, and one of those owners the rows no longer hold is removed."""
    mag_handelen(door, "monitoring.change_doel", overeenkomst)
    afspraak_ids = {r.afspraak.pk for r in doelen if r.afspraak}
    thema_ids = {r.thema.pk for r in doelen if r.thema and not r.afspraak}
    bestaand = {
        _sleutel(d.afspraak_id, d.thema_id, d.omschrijving, d.partij_id): d
        for d in Doel.objects.filter(overeenkomst=overeenkomst).select_for_update()
        if d.afspraak_id in afspraak_ids or (d.afspraak_id is None and d.thema_id in thema_ids)
    }
    laatste = {r.doel_id: r for r in Doelrealisatie.objects.filter(doel__in=bestaand.values())}
    resultaat = []
    for index, regel in enumerate(doelen):
        partij = regel.velden.get("partij")
        thema = None if regel.afspraak else regel.thema
        sleutel = _sleutel(
            regel.afspraak and regel.afspraak.pk,
            thema and thema.pk,
            regel.velden.get("omschrijving", ""),
            partij and partij.pk,
        )
        doel = bestaand.pop(sleutel, None) or Doel(
            overeenkomst=overeenkomst, afspraak=regel.afspraak, thema=thema, volgorde=index
        )
        try:
            _doel_schrijven(doel, regel, door)
            _realisatie(doel, regel, laatste.get(doel.pk), door)
        except ValidationError as fout:
            raise RegelFout(index, fout) from fout
        resultaat.append(doel)
    for weg in bestaand.values():
        weg._history_user = geschiedenis_gebruiker(door)
        weg.delete()
    return resultaat


@transaction.atomic
def agenda_vervangen(
    *, jaarschijf: Jaarschijf, punten: Sequence[AgendaRegel], door: Gebruiker
) -> list[Agendapunt]:
    """The jaarschijf's agenda replaced by `punten` (its content: refused once frozen)."""
    mag_handelen(door, "monitoring.change_agenda", jaarschijf)
    niet_bevroren(jaarschijf)
    for oud in Agendapunt.objects.filter(jaarschijf=jaarschijf):
        oud._history_user = geschiedenis_gebruiker(door)
        oud.delete()
    resultaat = []
    for index, regel in enumerate(punten):
        punt = Agendapunt(
            jaarschijf=jaarschijf,
            wanneer=regel.wanneer,
            wat=regel.wat,
            datum=regel.datum,
            soort=regel.soort,
            volgorde=index,
        )
        try:
            opslaan(punt, door)
        except ValidationError as fout:
            raise RegelFout(index, fout) from fout
        punt.wie.set(regel.wie)
        resultaat.append(punt)
    return resultaat
