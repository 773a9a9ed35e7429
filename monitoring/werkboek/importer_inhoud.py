"""The agreement's content of a workbook as the bulk services take it: themes and afspraken
(with their parents and trekkers)."""

from afspraken.models import Thema
from afspraken.services.bulk_inhoud import AfspraakRegel, ThemaRegel
from gemeenten.models import Organisatie
from monitoring.werkboek.data import AfspraakGegevens, ThemaGegevens


def thema_regels(themas: list[ThemaGegevens]) -> list[ThemaRegel]:
    """A theme only named in `afspraken` (no row of its own) is created when new but never
    overwrites an existing theme's letter, order or text."""
    return [
        ThemaRegel(
            naam=gegevens.naam,
            letter=gegevens.letter,
            volgorde=gegevens.volgorde,
            toelichting=gegevens.toelichting,
            bijwerken=gegevens.rij is not None,
        )
        for gegevens in themas
    ]


def afspraak_regels(
    afspraken: list[AfspraakGegevens], themas: dict[str, Thema], organisaties: list[Organisatie]
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
        )
        for gegevens in afspraken
    ]
