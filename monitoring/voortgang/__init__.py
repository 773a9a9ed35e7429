"""Monitoring's services for issue #11: targets and their realised values, progress reports,
the agenda, the Woningwet cycle and the calendar token. Every function takes `door` and goes
through afspraken' write boundary (`mag_handelen`, and `niet_bevroren` for content of a
jaarschijf); realised values, progress and ticking an agenda item off are progress, which a
frozen jaarschijf allows."""

from monitoring.voortgang.berichten import berichtinstelling_bijwerken
from monitoring.voortgang.bulk import agenda_vervangen, doelen_bijwerken_bulk
from monitoring.voortgang.doelen import (
    doel_bijwerken,
    doel_vastleggen,
    doel_verwijderen,
    realisatie_melden,
)
from monitoring.voortgang.kalender import (
    agendapunt_afronden,
    agendapunt_vastleggen,
    agendapunt_verwijderen,
    cyclusmoment_vastleggen,
    cyclusmoment_verwijderen,
    kalendertoken_geven,
    kalendertoken_vernieuwen,
)
from monitoring.voortgang.melden import (
    Melding,
    voortgang_melden,
    voortgang_melden_bulk,
    voortgang_vastleggen,
)
from monitoring.voortgang.zienswijzen import zienswijzen_geven

__all__ = [
    "Melding",
    "agenda_vervangen",
    "agendapunt_afronden",
    "agendapunt_vastleggen",
    "agendapunt_verwijderen",
    "berichtinstelling_bijwerken",
    "cyclusmoment_vastleggen",
    "cyclusmoment_verwijderen",
    "doel_bijwerken",
    "doel_vastleggen",
    "doel_verwijderen",
    "doelen_bijwerken_bulk",
    "kalendertoken_geven",
    "kalendertoken_vernieuwen",
    "realisatie_melden",
    "voortgang_melden",
    "voortgang_melden_bulk",
    "voortgang_vastleggen",
    "zienswijzen_geven",
]
