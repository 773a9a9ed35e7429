"""The freeze proof's rows for monitoring.voortgang (issue #11): targets and the cycle belong
to the agreement or the gemeente, realised values, progress and ticking off the agenda are
progress, the agenda itself is the frozen jaarschijf's content. See
tests/test_bevriezing_services.py for what the outcomes mean."""

import datetime
from decimal import Decimal

from monitoring import voortgang
from monitoring.models_voortgang import Agendapunt, Cyclusmoment, Doel
from monitoring.voortgang.bulk import AgendaRegel, DoelRegel
from monitoring.voortgang.zienswijzen import Oordeelregel
from tests.bevroren import GEWEIGERD, LEZEN, OVEREENKOMST, VOORTGANG

DATUM = datetime.date(2026, 6, 30)


def _doel(w) -> Doel:
    doel, _ = Doel.objects.get_or_create(
        overeenkomst=w.a.overeenkomst,
        afspraak=w.a.afspraken[0],
        omschrijving="Bevroren doel",
        defaults={"waarde": Decimal(320)},
    )
    return doel


def _agendapunt(w) -> Agendapunt:
    punt = Agendapunt.objects.filter(jaarschijf=w.a.jaarschijf).first()
    if punt is None:
        # bulk_create: the world is frozen already, and a test world starts where it starts.
        punt = Agendapunt.objects.bulk_create(
            [Agendapunt(jaarschijf=w.a.jaarschijf, wanneer="Q1", wat="Bevroren punt")]
        )[0]
    return Agendapunt.objects.get(pk=punt.pk)


def _doel_en_voortgang_aanroepen(w, door) -> dict:
    ja = w.a.jaarafspraken[0]
    doel = _doel(w)
    v = voortgang
    return {
        "doel_vastleggen": (
            OVEREENKOMST,
            lambda: v.doel_vastleggen(
                overeenkomst=w.a.overeenkomst,
                afspraak=ja.afspraak,
                door=door,
                omschrijving="Nieuw",
                waarde=Decimal(1),
            ),
        ),
        "doel_bijwerken": (
            OVEREENKOMST,
            lambda: v.doel_bijwerken(doel=doel, versie=doel.versie, door=door, waarde=Decimal(2)),
        ),
        "doel_verwijderen": (OVEREENKOMST, lambda: v.doel_verwijderen(doel=doel, door=door)),
        "realisatie_melden": (
            VOORTGANG,
            lambda: v.realisatie_melden(doel=doel, door=door, peildatum=DATUM, waarde=Decimal(9)),
        ),
        "voortgang_melden": (
            VOORTGANG,
            lambda: v.voortgang_melden(
                jaarafspraak=ja, versie=ja.versie, status="gerealiseerd", door=door
            ),
        ),
        "voortgang_vastleggen": (
            VOORTGANG,
            lambda: v.voortgang_vastleggen(
                jaarafspraak=ja, status="vervallen", toelichting="Uit het werkboek", door=door
            ),
        ),
        "voortgang_melden_bulk": (
            VOORTGANG,
            lambda: v.voortgang_melden_bulk(
                meldingen=[v.Melding(ja, ja.versie, "aandacht")], door=door
            ),
        ),
    }


def _kalender_aanroepen(w, door) -> dict:
    punt = _agendapunt(w)
    moment, _ = Cyclusmoment.objects.get_or_create(gemeente=w.a.gemeente, wat="Bod", maand=7, dag=1)
    v = voortgang
    return {
        "agendapunt_vastleggen": (
            GEWEIGERD,
            lambda: v.agendapunt_vastleggen(
                jaarschijf=w.a.jaarschijf, wanneer="Q2", wat="Gewijzigd", door=door
            ),
        ),
        "agendapunt_verwijderen": (
            GEWEIGERD,
            lambda: v.agendapunt_verwijderen(agendapunt=punt, door=door),
        ),
        "agendapunt_afronden": (
            VOORTGANG,
            lambda: v.agendapunt_afronden(agendapunt=punt, versie=punt.versie, door=door),
        ),
        # The gemeente's yearly deadlines: no part of any document.
        "cyclusmoment_vastleggen": (
            OVEREENKOMST,
            lambda: v.cyclusmoment_vastleggen(
                gemeente=w.a.gemeente, wat="Termijn", maand=4, dag=1, door=door
            ),
        ),
        "cyclusmoment_verwijderen": (
            OVEREENKOMST,
            lambda: v.cyclusmoment_verwijderen(cyclusmoment=moment, door=door),
        ),
        # The person's own calendar secret: no agreement content at all.
        "kalendertoken_geven": (LEZEN, lambda: v.kalendertoken_geven(door=door)),
        "kalendertoken_vernieuwen": (LEZEN, lambda: v.kalendertoken_vernieuwen(door=door)),
        "berichtinstelling_bijwerken": (
            LEZEN,
            lambda: v.berichtinstelling_bijwerken(door=door, uit=["termijn"]),
        ),
    }


def _bulk_aanroepen(w, door) -> dict:
    """The workbook's bulk variants: targets are the agreement's, the agenda the document's."""
    ja = w.a.jaarafspraken[0]
    regel = DoelRegel(
        afspraak=ja.afspraak, thema=None, velden={"omschrijving": "Bulk", "waarde": 1}
    )
    return {
        "doelen_bijwerken_bulk": (
            OVEREENKOMST,
            lambda: voortgang.doelen_bijwerken_bulk(
                overeenkomst=w.a.overeenkomst, doelen=[regel], door=door
            ),
        ),
        # Review, not content: refused outside ter bespreking, never in the dump.
        "zienswijzen_geven": (
            VOORTGANG,
            lambda: voortgang.zienswijzen_geven(
                regels=[Oordeelregel(ja, "niet_akkoord", "Gewijzigd")], door=door
            ),
        ),
        "agenda_vervangen": (
            GEWEIGERD,
            lambda: voortgang.agenda_vervangen(
                jaarschijf=w.a.jaarschijf, punten=[AgendaRegel("Q3", "Gewijzigd")], door=door
            ),
        ),
    }


def voortgang_aanroepen(w, door) -> dict:
    return {
        **_doel_en_voortgang_aanroepen(w, door),
        **_kalender_aanroepen(w, door),
        **_bulk_aanroepen(w, door),
    }
