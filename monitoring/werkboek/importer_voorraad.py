"""Stock figures of a workbook as the bulk services take them: mutations and stock levels."""

from gemeenten.models import Organisatie
from monitoring.werkboek.data import MutatieGegevens, StandGegevens
from monitoring.werkboek.voorraad_lezer import SegmentGegevens
from voorraad.services import MutatieRegel, SegmentRegel, StandRegel


def mutatie_regels(
    mutaties: list[MutatieGegevens], organisaties: list[Organisatie]
) -> list[MutatieRegel]:
    return [
        MutatieRegel(
            corporatie=organisaties[gegevens.corporatie],
            categorie=gegevens.categorie,
            jaar_van=gegevens.jaar_van,
            jaar_tot=gegevens.jaar_tot,
            soort=gegevens.soort,
            aantal=gegevens.aantal,
            toelichting=gegevens.toelichting,
        )
        for gegevens in mutaties
    ]


def stand_regels(standen: list[StandGegevens], organisaties: list[Organisatie]) -> list[StandRegel]:
    return [
        StandRegel(
            corporatie=organisaties[gegevens.corporatie],
            segment=gegevens.segment,
            jaar=gegevens.jaar,
            soort=gegevens.soort,
            aantal=gegevens.aantal,
            peildatum=gegevens.peildatum,
            toelichting=gegevens.toelichting,
        )
        for gegevens in standen
    ]


def segment_regels(segmenten: list[SegmentGegevens]) -> list[SegmentRegel]:
    return [SegmentRegel(s.naam, s.onderdeel_van, s.toelichting) for s in segmenten]
