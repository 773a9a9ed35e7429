"""Reading the stock sheets of version 2 (WORKBOOK.md): `voorraadstand` with `peildatum`
(any date instead of `jaar`) and `toelichting`, and the optional sheet `segmenten` (`naam`,
`onderdeel_van`, `toelichting`). A version-1 file reads as before."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from afspraken.perioden import peildatum as jaareinde
from monitoring.werkboek import formaat, waarden
from monitoring.werkboek.data import StandGegevens
from monitoring.werkboek.lezer_voorraad import _corporatie
from monitoring.werkboek.partijen import PartijIndex
from monitoring.werkboek.rij import FOUT, lengte
from voorraad.constants import CijferSoort
from voorraad.models import Segment


@dataclass
class SegmentGegevens:
    rij: int
    naam: str
    onderdeel_van: str = ""
    toelichting: str = ""


def _peildatum(rij):
    """The row's peildatum: the `peildatum` column, else 31 December of `jaar`."""
    datum = rij.lees("peildatum", waarden.datum)
    ruw_jaar = waarden.tekst(rij.cellen.get("jaar"))
    jaar = rij.lees("jaar", waarden.jaar) if ruw_jaar else None
    if FOUT in (datum, jaar):
        return FOUT
    if datum is None and jaar is None:
        rij.fout("jaar", _("vul een jaar of een peildatum in"))
        return FOUT
    if datum is not None and jaar is not None and datum.year != jaar:
        rij.fout("peildatum", _("de peildatum ligt niet in het jaar {jaar}").format(jaar=jaar))
        return FOUT
    return datum or jaareinde(jaar)


def lees_voorraadstand(lezer, index: PartijIndex, partijen) -> list[StandGegevens]:
    standen, gezien = [], {}
    for rij in lezer._rijen(formaat.VOORRAADSTAND):
        corporatie = _corporatie(rij, index, partijen)
        segment = (
            rij.tekst("segment", max_lengte=lengte(Segment, "naam")) or formaat.STANDAARD_SEGMENT
        )
        datum = _peildatum(rij)
        soort = rij.lees("soort", waarden.keuze, CijferSoort, CijferSoort.REALISATIE)
        aantal = rij.aantal("aantal")
        toelichting = rij.tekst("toelichting")
        if not rij.ok:
            continue
        sleutel = (corporatie, segment.lower(), datum, soort)
        if sleutel in gezien:
            rij.fout("jaar", _("dit cijfer staat ook in rij {rij}").format(rij=gezien[sleutel]))
            continue
        gezien[sleutel] = rij.nummer
        standen.append(
            StandGegevens(
                rij.nummer, corporatie, segment, datum.year, soort, aantal, datum, toelichting
            )
        )
    return standen


def _kringen(segmenten: list[SegmentGegevens]) -> set[str]:
    """The names that are (through others) part of themselves."""
    ouder = {s.naam.lower(): s.onderdeel_van.lower() for s in segmenten if s.onderdeel_van}
    kring = set()
    for naam in ouder:
        gezien, huidig = {naam}, ouder.get(naam)
        while huidig:
            if huidig in gezien:
                kring.add(naam)
                break
            gezien.add(huidig)
            huidig = ouder.get(huidig)
    return kring


def lees_segmenten(lezer) -> list[SegmentGegevens]:
    segmenten, gezien, maximum = [], {}, lengte(Segment, "naam")
    for rij in lezer._rijen(formaat.SEGMENTEN):
        naam = rij.tekst("naam", True, maximum)
        onderdeel_van = rij.tekst("onderdeel_van", max_lengte=maximum)
        toelichting = rij.tekst("toelichting")
        if rij.ok and naam.lower() in gezien:
            rij.fout(
                "naam", _("dit segment staat ook in rij {rij}").format(rij=gezien[naam.lower()])
            )
        if rij.ok and onderdeel_van.lower() == naam.lower():
            rij.fout("onderdeel_van", _("een segment kan geen deel van zichzelf zijn"))
        if rij.ok:
            gezien[naam.lower()] = rij.nummer
            segmenten.append(SegmentGegevens(rij.nummer, naam, onderdeel_van, toelichting))
    kring = _kringen(segmenten)
    for s in segmenten:
        if s.naam.lower() in kring:
            lezer.meldingen.fout(
                _("een segment kan niet (via een ander) deel van zichzelf zijn"),
                formaat.SEGMENTEN.naam,
                s.rij,
                "onderdeel_van",
            )
    return segmenten
