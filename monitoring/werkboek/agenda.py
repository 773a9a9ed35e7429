"""The `agenda` sheet (WORKBOOK.md version 2): the yearly cycle and meetings of the
agreement, in and out. `wanneer` keeps the document's words; the date is read from them
where it can be (monitoring.kalender.datum_uit_tekst). Without the sheet the jaarschijf's
agenda stays as it is."""

import datetime
from dataclasses import dataclass, field

from afspraken.models import Jaarschijf
from monitoring.constants import AgendaSoort
from monitoring.kalender import datum_uit_tekst
from monitoring.models_voortgang import Agendapunt
from monitoring.voortgang.bulk import AgendaRegel, agenda_vervangen
from monitoring.werkboek import formaat, waarden
from monitoring.werkboek.doelen import op_blad
from monitoring.werkboek.rij import lengte


@dataclass
class AgendaGegevens:
    rij: int
    wanneer: str
    wat: str
    datum: datetime.date | None = None
    soort: str = AgendaSoort.OVERIG
    wie: list[int] = field(default_factory=list)


def lees_agenda(lezer, index, jaar: int | None) -> list[AgendaGegevens] | None:
    if formaat.AGENDA.naam not in lezer.bladen:
        return None
    punten = []
    for rij in lezer._rijen(formaat.AGENDA):
        cel = rij.cellen.get("wanneer")
        wanneer = rij.tekst("wanneer", True, lengte(Agendapunt, "wanneer"))
        # A real date cell is a date; otherwise the words, with the date they name.
        datum = cel if isinstance(cel, datetime.date) else datum_uit_tekst(wanneer, jaar)
        if isinstance(datum, datetime.datetime):
            datum = datum.date()
        wie = rij.lees("wie", lambda c: index.trekkers(waarden.tekst(c)))
        gegevens = AgendaGegevens(
            rij=rij.nummer,
            wanneer=wanneer,
            wat=rij.tekst("wat", True, lengte(Agendapunt, "wat")),
            datum=datum,
            soort=rij.lees("soort", waarden.keuze, AgendaSoort, AgendaSoort.OVERIG),
            wie=wie if isinstance(wie, list) else [],
        )
        if rij.ok:
            punten.append(gegevens)
    return punten


def agenda_importeren(*, werkboek, jaarschijf, organisaties, door) -> None:
    punten = getattr(werkboek, "agenda", None)
    if not punten:
        return  # no sheet, or an empty one: the agenda stays as it is (as for `doelen`)
    with op_blad(formaat.AGENDA, punten):
        _vervangen(jaarschijf, punten, organisaties, door)


def _vervangen(jaarschijf, punten, organisaties, door):
    agenda_vervangen(
        jaarschijf=jaarschijf,
        punten=[
            AgendaRegel(
                wanneer=p.wanneer,
                wat=p.wat,
                datum=p.datum,
                soort=p.soort,
                wie=[organisaties[i] for i in dict.fromkeys(p.wie)],
            )
            for p in punten
        ],
        door=door,
    )


def agenda_rijen(jaarschijf: Jaarschijf) -> list[tuple]:
    """In the column order of formaat.AGENDA. One query: a row per item and party (the
    join leaves an item without parties one row with none), folded per item."""
    rijen: dict[int, list] = {}
    for pk, wanneer, wat, soort, afkorting, naam in (
        Agendapunt.objects.filter(jaarschijf=jaarschijf)
        .order_by("volgorde", "id", "wie__naam")
        .values_list("pk", "wanneer", "wat", "soort", "wie__afkorting", "wie__naam")
    ):
        rij = rijen.setdefault(pk, [wanneer, wat, [], soort])
        if naam is not None:
            rij[2].append(afkorting or naam)
    return [(wanneer, wat, ", ".join(wie), soort) for wanneer, wat, wie, soort in rijen.values()]
