"""Stock figures of a workbook as the bulk services take them: mutations and stock levels."""

from gemeenten.models import Organisatie
from monitoring.werkboek.data import MutatieGegevens, StandGegevens
from voorraad.services import MutatieRegel, StandRegel


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
        )
        for gegevens in standen
    ]
