"""Errors and warnings about a workbook, each pointing at a sheet, an Excel row and a column.

Code names a column by its technical name (WORKBOOK.md); before a message leaves the reader
or the importer, `koppen.Kolomnamen` renames it to what the uploaded file calls it, so the
person finds the column the message talks about.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Melding:
    reden: str
    blad: str = ""
    rij: int | None = None
    kolom: str = ""
    # On the jaarschijf sheet `kolom` names a veld (column A of the row), not a column.
    veld: bool = False

    def __str__(self):
        plaats = [self.blad] if self.blad else []
        if self.rij is not None:
            plaats.append(_("rij {rij}").format(rij=self.rij))
        if self.kolom:
            soort = _("veld {naam}") if self.veld else _("kolom {naam}")
            plaats.append(soort.format(naam=self.kolom))
        return f"{', '.join(plaats)}: {self.reden}" if plaats else self.reden


class WerkboekFout(Exception):
    """The workbook cannot be imported; `fouten` holds every problem found in it."""

    def __init__(self, fouten: list[Melding], waarschuwingen: list[Melding] | None = None):
        self.fouten = list(fouten)
        self.waarschuwingen = list(waarschuwingen or [])
        super().__init__("\n".join(str(f) for f in self.fouten))

    def benoemd(self, namen) -> "WerkboekFout":
        """The same messages, each column named as the file names it (koppen.Kolomnamen)."""
        return WerkboekFout(
            [namen.benoem(m) for m in self.fouten],
            [namen.benoem(m) for m in self.waarschuwingen],
        )


class Meldingen:
    """Collects errors and warnings while a file is read; `namen` (koppen.Kolomnamen) names
    their columns on the way out."""

    def __init__(self, namen):
        self.namen = namen
        self.fouten: list[Melding] = []
        self.waarschuwingen: list[Melding] = []

    def fout(self, reden, blad="", rij=None, kolom=""):
        self.fouten.append(Melding(reden, blad, rij, kolom))

    def waarschuwing(self, reden, blad="", rij=None, kolom=""):
        self.waarschuwingen.append(Melding(reden, blad, rij, kolom))

    def benoemde_waarschuwingen(self) -> list[Melding]:
        return [self.namen.benoem(m) for m in self.waarschuwingen]

    def controleer(self):
        if self.fouten:
            raise WerkboekFout(self.fouten, self.waarschuwingen).benoemd(self.namen)
