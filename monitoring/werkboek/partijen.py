"""Finding the parties a cell names, by abbreviation or name (WORKBOOK.md, `trekkers` and
`stappen.partij`), and the group words of version 2: `allen`, `corporaties`, ..."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from monitoring.werkboek import waarden
from monitoring.werkboek.formaat import ALLEN
from monitoring.werkboek.waarden import Ongeldig

_DOEN_MEE = (
    OrganisatieType.GEMEENTE,
    OrganisatieType.WONINGCORPORATIE,
    OrganisatieType.HUURDERSORGANISATIE,
)
# A group word names every party of these types that takes part in the jaarschijf's year;
# never an `overig` party (WORKBOOK.md, version 2).
GROEPEN = {
    ALLEN: _DOEN_MEE,
    "partijen": _DOEN_MEE,
    "gemeente": (OrganisatieType.GEMEENTE,),
    "corporaties": (OrganisatieType.WONINGCORPORATIE,),
    "woningcorporaties": (OrganisatieType.WONINGCORPORATIE,),
    "huurdersorganisaties": (OrganisatieType.HUURDERSORGANISATIE,),
    "huurders": (OrganisatieType.HUURDERSORGANISATIE,),
}
_SCHEIDING = re.compile(r"[,/+&]")
_EN = re.compile(r"\s+en\s+", re.IGNORECASE)


class PartijIndex:
    """Looks up parties of one workbook; results are indexes into its list of parties.
    `jaar`: the jaarschijf's (first) year, for which parties a group word names."""

    def __init__(self, partijen, jaar: int | None = None):
        self.partijen = partijen
        self.jaar = jaar
        self._sleutels: dict[str, int] = {}
        for index, partij in enumerate(partijen):
            for sleutel in (partij.naam, partij.afkorting):
                if sleutel:
                    self._sleutels.setdefault(sleutel.strip().lower(), index)

    @property
    def allen(self) -> list[int]:
        return self.groep(ALLEN)

    def groep(self, woord: str) -> list[int]:
        soorten = GROEPEN[woord]
        return [
            index
            for index, partij in enumerate(self.partijen)
            if partij.type in soorten and partij.actief_in(self.jaar)
        ]

    def zoek(self, naam: str) -> int | None:
        return self._sleutels.get(naam.strip().lower())

    def partij(self, naam: str) -> int:
        """The one party `naam` names (abbreviation or name)."""
        index = self.zoek(naam)
        if index is None:
            raise Ongeldig(_("onbekende partij '{naam}'").format(naam=naam.strip()))
        return index

    def _deel(self, deel: str) -> tuple[list[int] | None, bool]:
        """(parties, by a group word) of one part of a cell; None when unknown."""
        index = self.zoek(deel)
        if index is not None:
            return [index], False
        if deel.lower() in GROEPEN:
            return self.groep(deel.lower()), True
        return None, False

    def partijen_in(self, cel: str) -> tuple[list[int], bool]:
        """(parties, whether a group word named some) in a cell: exactly one party or group
        word; a list split by commas, '/', '+' or '&' (or ' en '); otherwise abbreviations
        separated by spaces ('LF WS'). Order kept, no doubles."""
        cel = cel.strip()
        if not cel:
            return [], False
        enkel, groep = self._deel(cel)
        if enkel is not None:
            return enkel, groep
        if _SCHEIDING.search(cel):
            delen = _SCHEIDING.split(cel)
        elif _EN.search(cel):
            delen = _EN.split(cel)
        else:
            delen = cel.split()
        gevonden, onbekend, via_groep = [], [], False
        for deel in (d.strip() for d in delen):
            if not deel:
                continue
            indexen, groep = self._deel(deel)
            if indexen is None:
                onbekend.append(deel)
            else:
                gevonden.extend(indexen)
                via_groep |= groep
        if onbekend:
            raise Ongeldig(
                _("onbekende partij {namen}").format(
                    namen=", ".join(f"'{naam}'" for naam in onbekend)
                )
            )
        return list(dict.fromkeys(gevonden)), via_groep

    def trekkers(self, cel: str) -> list[int]:
        """Parties in a trekkers cell (`allen`: every party that takes part this year)."""
        return self.partijen_in(cel)[0]

    def stap_partijen(self, cel: str) -> tuple[list[int], str]:
        """(parties, aanduiding) of a step's `partij` cell: one party, or several that take
        the step together. The cell's own words are kept when they say more than the
        parties' names (`Gemeente + corporaties`)."""
        gevonden, via_groep = self.partijen_in(cel)
        if not gevonden:
            raise Ongeldig(
                _("{cel} noemt geen partij die in dit jaar meedoet").format(cel=waarden.toon(cel))
            )
        return gevonden, waarden.tekst(cel) if via_groep else ""


def partijtype(waarde) -> str:
    """The partijen sheet's `type` cell as an OrganisatieType value."""
    try:
        return waarden.keuze(waarde, OrganisatieType)
    except waarden.Ongeldig as exc:
        raise waarden.Ongeldig(
            _("onbekend partijtype {type}; kies uit {opties}").format(
                type=waarden.toon(waarde), opties=", ".join(OrganisatieType.values)
            )
        ) from exc


# The partijen sheet's columns for the registration numbers, and Organisatie's fields.
_NUMMERKOLOMMEN = {"kvk": "kvk_nummer", "l_nummer": "l_nummer"}


def registratienummers(rij, soort) -> dict:
    """The row's registration numbers as Organisatie's fields, checked as the model checks
    them (8 digits; L and 4 digits, for a corporatie only); an error is noted on the row."""
    nummers = {}
    for kolom, veld in _NUMMERKOLOMMEN.items():
        waarde = rij.tekst(kolom).replace(" ", "").upper()
        # A spreadsheet drops a KvK-nummer's leading zero when the cell is a number.
        if kolom == "kvk" and isinstance(rij.cellen.get(kolom), int | float) and waarde.isdigit():
            waarde = waarde.zfill(8)
        try:
            for validator in Organisatie._meta.get_field(veld).validators:
                if waarde:
                    validator(waarde)
        except ValidationError as fout:
            rij.fout(kolom, " ".join(fout.messages))
            waarde = ""
        if waarde and veld == "l_nummer" and soort != OrganisatieType.WONINGCORPORATIE:
            rij.fout(kolom, _("alleen een woningcorporatie heeft een L-nummer"))
            waarde = ""
        nummers[veld] = waarde
    return nummers
