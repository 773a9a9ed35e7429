"""The agenda of a jaarschijf (its content), the Woningwet cycle of a gemeente and the
personal calendar token."""

import datetime
from collections.abc import Iterable

from django.db import transaction

from afspraken.models import Jaarschijf
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan, opslaan_met_versie, volgende_volgorde
from gemeenten.models import Gebruiker, Gemeente, Organisatie
from gemeenten.services import Geweigerd
from gemeenten.systeem import geschiedenis_gebruiker
from monitoring.constants import AgendaSoort
from monitoring.kalender import datum_uit_tekst
from monitoring.models_voortgang import Agendapunt, Cyclusmoment, Kalendertoken


@transaction.atomic
def agendapunt_vastleggen(
    *,
    jaarschijf: Jaarschijf,
    wanneer: str,
    wat: str,
    door: Gebruiker,
    wie: Iterable[Organisatie] = (),
    soort: str = AgendaSoort.OVERIG,
    datum: datetime.date | None = None,
) -> Agendapunt:
    """A new agenda row; its date is read from `wanneer` unless given."""
    mag_handelen(door, "monitoring.change_agenda", jaarschijf)
    niet_bevroren(jaarschijf)
    punt = Agendapunt(
        jaarschijf=jaarschijf,
        wanneer=wanneer.strip(),
        wat=wat.strip(),
        soort=soort,
        datum=datum or datum_uit_tekst(wanneer, jaarschijf.jaar),
        volgorde=volgende_volgorde(Agendapunt.objects.filter(jaarschijf=jaarschijf)),
    )
    opslaan(punt, door)
    punt.wie.set(list(wie))
    return punt


@transaction.atomic
def agendapunt_verwijderen(*, agendapunt: Agendapunt, door: Gebruiker) -> None:
    mag_handelen(door, "monitoring.change_agenda", agendapunt)
    niet_bevroren(agendapunt.jaarschijf)
    agendapunt._history_user = geschiedenis_gebruiker(door)
    agendapunt.delete()


@transaction.atomic
def agendapunt_afronden(
    *, agendapunt: Agendapunt, versie: int, door: Gebruiker, afgerond: bool = True
) -> Agendapunt:
    """Tick an item off (or open it again): progress, also in a frozen jaarschijf."""
    mag_handelen(door, "monitoring.agenda_afronden", agendapunt)
    agendapunt.afgerond = afgerond
    opslaan_met_versie(agendapunt, versie=versie, door=door)
    return agendapunt


@transaction.atomic
def cyclusmoment_vastleggen(
    *, gemeente: Gemeente, wat: str, maand: int, dag: int, door: Gebruiker, soort: str = "overig"
) -> Cyclusmoment:
    """A yearly deadline of the gemeente's cycle; once it has any, the defaults give way."""
    mag_handelen(door, "monitoring.change_cyclus", gemeente)
    moment = Cyclusmoment(gemeente=gemeente, wat=wat.strip(), maand=maand, dag=dag, soort=soort)
    opslaan(moment, door)
    return moment


@transaction.atomic
def cyclusmoment_verwijderen(*, cyclusmoment: Cyclusmoment, door: Gebruiker) -> None:
    mag_handelen(door, "monitoring.change_cyclus", cyclusmoment.gemeente)
    cyclusmoment.delete()


def _eigen(door: Gebruiker) -> None:
    if door is None or not door.is_authenticated:
        raise Geweigerd()


@transaction.atomic
def kalendertoken_geven(*, door: Gebruiker) -> Kalendertoken:
    """The person's own token, made on first use."""
    _eigen(door)
    token, _ = Kalendertoken.objects.get_or_create(gebruiker=door)
    return token


@transaction.atomic
def kalendertoken_vernieuwen(*, door: Gebruiker) -> Kalendertoken:
    """A new secret: the old calendar address stops working at once."""
    _eigen(door)
    Kalendertoken.objects.filter(gebruiker=door).delete()
    return Kalendertoken.objects.create(gebruiker=door)
