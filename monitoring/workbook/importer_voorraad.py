"""Importing stock figures: mutations and stock levels, matched on their unique keys."""

from django.db.models.functions import Lower

from monitoring.workbook.schrijver import Schrijver, zet
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand


def _namen(model, namen: set[str]) -> dict[str, object]:
    """Categories or segments by lower-case name; the missing ones are created."""
    gevonden = {
        obj.naam.lower(): obj
        for obj in model.objects.annotate(naam_lower=Lower("naam")).filter(
            naam_lower__in={naam.lower() for naam in namen}
        )
    }
    for naam in sorted(namen, key=str.lower):
        if naam.lower() not in gevonden:
            gevonden[naam.lower()] = model.objects.create(naam=naam)
    return gevonden


def schrijf_voorraad(mutaties, jaarschijf, organisaties, schrijver: Schrijver):
    categorieen = _namen(Categorie, {m.categorie for m in mutaties})
    bestaand = {
        (m.corporatie_id, m.categorie_id, m.jaar_van, m.jaar_tot, m.soort): m
        for m in Voorraadmutatie.objects.filter(jaarschijf=jaarschijf)
    }
    nieuw, gewijzigd = [], []
    for gegevens in mutaties:
        corporatie = organisaties[gegevens.corporatie]
        categorie = categorieen[gegevens.categorie.lower()]
        sleutel = (
            corporatie.pk,
            categorie.pk,
            gegevens.jaar_van,
            gegevens.jaar_tot,
            gegevens.soort,
        )
        mutatie = bestaand.get(sleutel)
        if mutatie is None:
            nieuw.append(
                Voorraadmutatie(
                    jaarschijf=jaarschijf,
                    corporatie=corporatie,
                    categorie=categorie,
                    jaar_van=gegevens.jaar_van,
                    jaar_tot=gegevens.jaar_tot,
                    soort=gegevens.soort,
                    aantal=gegevens.aantal,
                    toelichting=gegevens.toelichting,
                )
            )
        elif zet(mutatie, aantal=gegevens.aantal, toelichting=gegevens.toelichting):
            gewijzigd.append(mutatie)
    schrijver.maak(Voorraadmutatie, nieuw, "voorraad")
    schrijver.werk_bij(Voorraadmutatie, gewijzigd, ["aantal", "toelichting"], "voorraad")


def schrijf_voorraadstanden(standen, jaarschijf, organisaties, schrijver: Schrijver):
    segmenten = _namen(Segment, {s.segment for s in standen})
    bestaand = {
        (s.corporatie_id, s.segment_id, s.peildatum, s.soort): s
        for s in Voorraadstand.objects.filter(jaarschijf=jaarschijf)
    }
    nieuw, gewijzigd = [], []
    for gegevens in standen:
        corporatie = organisaties[gegevens.corporatie]
        segment = segmenten[gegevens.segment.lower()]
        peildatum = Voorraadstand.peildatum_voor_jaar(gegevens.jaar)
        stand = bestaand.get((corporatie.pk, segment.pk, peildatum, gegevens.soort))
        if stand is None:
            nieuw.append(
                Voorraadstand(
                    jaarschijf=jaarschijf,
                    corporatie=corporatie,
                    segment=segment,
                    peildatum=peildatum,
                    soort=gegevens.soort,
                    aantal=gegevens.aantal,
                )
            )
        elif zet(stand, aantal=gegevens.aantal):
            gewijzigd.append(stand)
    schrijver.maak(Voorraadstand, nieuw, "voorraadstand")
    schrijver.werk_bij(Voorraadstand, gewijzigd, ["aantal"], "voorraadstand")
