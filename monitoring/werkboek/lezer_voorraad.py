"""Reading the stock sheets: `voorraad` (mutations) and `voorraadstand` (levels)."""

from django.utils.translation import gettext as _

from gemeenten.constants import OrganisatieType
from monitoring.werkboek import formaat, waarden
from monitoring.werkboek.data import MutatieGegevens, StandGegevens
from monitoring.werkboek.partijen import PartijIndex
from monitoring.werkboek.rij import Rij, lengte
from monitoring.werkboek.voorraad_waarden import getekend_aantal
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment


def _corporatie(rij: Rij, index: PartijIndex, partijen):
    corporatie = rij.lees(
        "corporatie", lambda cel: index.partij(waarden.tekst(cel)), verplicht=True
    )
    if isinstance(corporatie, int) and (
        partijen[corporatie].type != OrganisatieType.WONINGCORPORATIE
    ):
        rij.fout(
            "corporatie",
            _("{partij} is geen woningcorporatie").format(
                partij=waarden.toon(rij.cellen.get("corporatie"))
            ),
        )
    return corporatie


def lees_voorraad(lezer, index: PartijIndex, partijen) -> list[MutatieGegevens]:
    mutaties, gezien = [], {}
    for rij in lezer._rijen(formaat.VOORRAAD):
        corporatie = _corporatie(rij, index, partijen)
        categorie = rij.tekst("categorie", True, lengte(Categorie, "naam"))
        periode = rij.lees("periode", waarden.jaren, verplicht=True)
        soort = rij.lees("soort", waarden.keuze, CijferSoort, CijferSoort.PROGNOSE)
        aantal = rij.lees("aantal", getekend_aantal)  # a mutation may carry a sign
        toelichting = rij.tekst("toelichting")
        if not rij.ok:
            continue
        sleutel = (corporatie, categorie.lower(), periode, soort)
        if sleutel in gezien:
            rij.fout("periode", _("dit cijfer staat ook in rij {rij}").format(rij=gezien[sleutel]))
            continue
        gezien[sleutel] = rij.nummer
        mutaties.append(
            MutatieGegevens(rij.nummer, corporatie, categorie, *periode, soort, aantal, toelichting)
        )
    return mutaties


def lees_voorraadstand(lezer, index: PartijIndex, partijen) -> list[StandGegevens]:
    standen, gezien = [], {}
    for rij in lezer._rijen(formaat.VOORRAADSTAND):
        corporatie = _corporatie(rij, index, partijen)
        segment = (
            rij.tekst("segment", max_lengte=lengte(Segment, "naam")) or formaat.STANDAARD_SEGMENT
        )
        jaar = rij.lees("jaar", waarden.jaar, verplicht=True)
        soort = rij.lees("soort", waarden.keuze, CijferSoort, CijferSoort.REALISATIE)
        aantal = rij.aantal("aantal")
        if not rij.ok:
            continue
        sleutel = (corporatie, segment.lower(), jaar, soort)
        if sleutel in gezien:
            rij.fout("jaar", _("dit cijfer staat ook in rij {rij}").format(rij=gezien[sleutel]))
            continue
        gezien[sleutel] = rij.nummer
        standen.append(StandGegevens(rij.nummer, corporatie, segment, jaar, soort, aantal))
    return standen
