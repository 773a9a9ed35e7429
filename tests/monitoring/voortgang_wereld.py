"""The page world (tests/wereld.paginawereld) with issue #11's data in bulk: a target with a
realised value per afspraak, a theme target, progress reports, agenda rows (some overdue,
for the corporatie) and open remarks; for the dashboards' and calendar's query budgets."""

import datetime
from decimal import Decimal

from afspraken.constants import Voortgang
from afspraken.models import Jaarafspraak
from monitoring.models import Opmerking
from monitoring.models_voortgang import Agendapunt, Doel, Doelrealisatie, Voortgangsmelding
from tests.wereld import paginawereld

VERLEDEN = datetime.date(2020, 7, 1)


def _doelen(opbouw, jaarafspraken):
    doelen = Doel.objects.bulk_create(
        Doel(
            overeenkomst=opbouw.overeenkomst,
            afspraak=ja.afspraak,
            omschrijving=f"Doel {i}",
            waarde=Decimal(320),
            eenheid="woningen",
            partij=opbouw.corporatie if i % 2 else None,
        )
        for i, ja in enumerate(jaarafspraken)
    )
    doelen.append(
        Doel.objects.create(
            overeenkomst=opbouw.overeenkomst,
            thema=opbouw.overeenkomst.themas.first(),
            omschrijving="Thema-doel",
            waarde_tekst="C",
            eenheid="energielabel",
        )
    )
    Doelrealisatie.objects.bulk_create(
        Doelrealisatie(
            doel=d, waarde=Decimal(214), peildatum=VERLEDEN, gemeld_door=opbouw.corporatie_gebruiker
        )
        for d in doelen
    )


def _agenda(opbouw, aantal):
    punten = Agendapunt.objects.bulk_create(
        Agendapunt(
            jaarschijf=opbouw.jaarschijf,
            wanneer=f"voor {VERLEDEN}",
            datum=VERLEDEN,
            wat=f"Punt {i}",
        )
        for i in range(aantal)
    )
    Agendapunt.wie.through.objects.bulk_create(
        Agendapunt.wie.through(agendapunt=p, organisatie=org)
        for p in punten
        for org in (opbouw.corporatie, opbouw.huurders)
    )


def voortgangswereld(aantal: int):
    opbouw = paginawereld(aantal)
    jaarafspraken = list(
        Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).select_related("afspraak")
    )
    Jaarafspraak.objects.filter(pk__in=[ja.pk for ja in jaarafspraken[::3]]).update(
        status=Voortgang.AANDACHT
    )
    _doelen(opbouw, jaarafspraken)
    Voortgangsmelding.objects.bulk_create(
        Voortgangsmelding(
            jaarafspraak=ja,
            status=Voortgang.AANDACHT,
            toelichting=f"Melding {i}",
            door=opbouw.gemeente_gebruiker,
        )
        for i, ja in enumerate(jaarafspraken)
    )
    _agenda(opbouw, max(1, aantal // 10))
    Opmerking.objects.bulk_create(
        Opmerking(
            jaarschijf=opbouw.jaarschijf,
            jaarafspraak=ja,
            auteur=opbouw.huurders_gebruiker,
            organisatie=opbouw.huurders,
            tekst=f"Open opmerking {ja.pk}",
        )
        for ja in jaarafspraken
    )
    return opbouw
