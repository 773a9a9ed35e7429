"""Finding the parties a cell names, by abbreviation or name (WORKBOOK.md, `trekkers`)."""

import re

from django.utils.translation import gettext as _

from gemeenten.constants import OrganisatieType
from monitoring.werkboek import waarden
from monitoring.werkboek.formaat import ALLEN
from monitoring.werkboek.waarden import Ongeldig


class PartijIndex:
    """Looks up parties of one workbook; results are indexes into its list of parties."""

    def __init__(self, partijen):
        self.aantal = len(partijen)
        self._sleutels: dict[str, int] = {}
        for index, partij in enumerate(partijen):
            for sleutel in (partij.naam, partij.afkorting):
                if sleutel:
                    self._sleutels.setdefault(sleutel.strip().lower(), index)

    def zoek(self, naam: str) -> int | None:
        return self._sleutels.get(naam.strip().lower())

    def partij(self, naam: str) -> int:
        """The one party `naam` names (abbreviation or name)."""
        index = self.zoek(naam)
        if index is None:
            raise Ongeldig(_("onbekende partij '{naam}'").format(naam=naam.strip()))
        return index

    def trekkers(self, cel: str) -> list[int]:
        """Parties in a trekkers cell: 'allen'; exactly one party; a list split by commas or
        '/'; otherwise abbreviations separated by spaces ('LF WS'). Order kept, no doubles.
        """
        cel = cel.strip()
        if not cel:
            return []
        if cel.lower() == ALLEN:
            return list(range(self.aantal))
        enkel = self.zoek(cel)
        if enkel is not None:
            return [enkel]
        delen = re.split(r"[,/]", cel) if re.search(r"[,/]", cel) else cel.split()
        gevonden, onbekend = [], []
        for deel in (d.strip() for d in delen):
            if not deel:
                continue
            if deel.lower() == ALLEN:
                gevonden.extend(range(self.aantal))
                continue
            index = self.zoek(deel)
            if index is None:
                onbekend.append(deel)
            elif index not in gevonden:
                gevonden.append(index)
        if onbekend:
            raise Ongeldig(
                _("onbekende partij {namen}").format(
                    namen=", ".join(f"'{naam}'" for naam in onbekend)
                )
            )
        return list(dict.fromkeys(gevonden))


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
