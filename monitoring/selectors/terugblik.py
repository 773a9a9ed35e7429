"""The terugblik (issue #11, point 7): for a past year, per theme what was agreed, the status
reached with its explanation and the targets against what was realised; the stock's plan
against realisation comes from voorraad.overzicht. The start of next year's conversation.
A fixed number of queries (the progress rows and targets selectors)."""

from collections import Counter
from dataclasses import dataclass, field

from afspraken import vastlegging
from afspraken.models import Jaarschijf
from monitoring.selectors.doelen import doelen_per_afspraak
from monitoring.selectors.voortgang import GEEN, VOLGORDE, status_label, voortgangsrijen
from voorraad.overzicht import overzicht


@dataclass
class Terugbliktema:
    naam: str
    rijen: list = field(default_factory=list)  # Voortgangsrij, each with .doelstanden
    themadoelen: list = field(default_factory=list)

    @property
    def lichten(self) -> list[tuple[str, str, int]]:
        aantallen = Counter(r.jaarafspraak.status for r in self.rijen)
        return [(s, status_label(s), aantallen[s]) for s in [*VOLGORDE, GEEN] if aantallen[s]]


@dataclass
class Terugblik:
    jaarschijf: Jaarschijf
    overeenkomst: object
    themas: list
    voorraad: object


def terugblik(user, jaarschijf: Jaarschijf) -> Terugblik:
    vast = vastlegging.vastgelegd(jaarschijf)
    doelen = doelen_per_afspraak(jaarschijf)
    themas: dict[int, Terugbliktema] = {}
    for rij in voortgangsrijen(user, jaarschijf):
        thema = rij.jaarafspraak.afspraak.thema
        rij.doelstanden = doelen.get(rij.jaarafspraak.afspraak_id, [])
        themas.setdefault(thema.pk, Terugbliktema(str(thema))).rijen.append(rij)
    for stand in doelen.get(None, []):
        if stand.doel.thema_id in themas:
            themas[stand.doel.thema_id].themadoelen.append(stand)
    return Terugblik(
        jaarschijf=jaarschijf,
        overeenkomst=vast.overeenkomst if vast else jaarschijf.overeenkomst,
        themas=list(themas.values()),
        voorraad=overzicht(jaarschijf),
    )
