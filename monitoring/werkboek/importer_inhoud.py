"""The agreement's content of a workbook as the bulk services take it: parties, themes and
afspraken (with their parents and trekkers). A version-2 column the file lacks is handed
over as BEHOUDEN, so the import keeps what is stored."""

from afspraken.models import Thema
from afspraken.services.bulk import BEHOUDEN, PARTIJ_VELDEN, PartijRegel
from afspraken.services.bulk_inhoud import AfspraakRegel, ThemaRegel
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat
from monitoring.werkboek.data import Werkboek


def _als_gegeven(werkboek: Werkboek, blad: formaat.Blad, gegevens, velden) -> dict:
    return {
        veld: getattr(gegevens, veld) if werkboek.heeft(blad.naam, veld) else BEHOUDEN
        for veld in velden
    }


def partij_regels(werkboek: Werkboek) -> list[PartijRegel]:
    return [
        PartijRegel(
            gegevens.naam,
            gegevens.type,
            gegevens.afkorting,
            **_als_gegeven(werkboek, formaat.PARTIJEN, gegevens, PARTIJ_VELDEN),
            kvk_nummer=gegevens.kvk_nummer,
            l_nummer=gegevens.l_nummer,
        )
        for gegevens in werkboek.partijen
    ]


def thema_regels(werkboek: Werkboek) -> list[ThemaRegel]:
    """A theme only named in `afspraken` (no row of its own) is created when new but never
    overwrites an existing theme's letter, order or text."""
    return [
        ThemaRegel(
            naam=gegevens.naam,
            letter=gegevens.letter,
            volgorde=gegevens.volgorde,
            toelichting=gegevens.toelichting,
            bijwerken=gegevens.rij is not None,
            **_als_gegeven(werkboek, formaat.THEMAS, gegevens, ("doel",)),
        )
        for gegevens in werkboek.themas
    ]


def afspraak_regels(
    werkboek: Werkboek, themas: dict[str, Thema], organisaties: list[Organisatie]
) -> list[AfspraakRegel]:
    return [
        AfspraakRegel(
            code=gegevens.code,
            thema=themas[gegevens.thema.lower()],
            soort=gegevens.soort,
            inhoud=gegevens.inhoud,
            resultaat=gegevens.resultaat,
            periode=gegevens.periode,
            doel=gegevens.doel,
            parent=gegevens.parent,
            trekkers=tuple(organisaties[index] for index in dict.fromkeys(gegevens.trekkers)),
            **_als_gegeven(werkboek, formaat.AFSPRAKEN, gegevens, ("kop", "betrokkenen")),
        )
        for gegevens in werkboek.afspraken
    ]
