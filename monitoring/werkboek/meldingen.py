"""Errors and warnings about a workbook, each pointing at a sheet, an Excel row and a column."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Melding:
    reden: str
    blad: str = ""
    rij: int | None = None
    kolom: str = ""

    def __str__(self):
        plaats = [self.blad] if self.blad else []
        if self.rij is not None:
            plaats.append(f"rij {self.rij}")
        if self.kolom:
            plaats.append(f"kolom {self.kolom}")
        return f"{', '.join(plaats)}: {self.reden}" if plaats else self.reden


class WerkboekFout(Exception):
    """The workbook cannot be imported; `fouten` holds every problem found in it."""

    def __init__(self, fouten: list[Melding], waarschuwingen: list[Melding] | None = None):
        self.fouten = list(fouten)
        self.waarschuwingen = list(waarschuwingen or [])
        super().__init__("\n".join(str(f) for f in self.fouten))


class Meldingen:
    """Collects errors and warnings while a file is read."""

    def __init__(self):
        self.fouten: list[Melding] = []
        self.waarschuwingen: list[Melding] = []

    def fout(self, reden, blad="", rij=None, kolom=""):
        self.fouten.append(Melding(reden, blad, rij, kolom))

    def waarschuwing(self, reden, blad="", rij=None, kolom=""):
        self.waarschuwingen.append(Melding(reden, blad, rij, kolom))

    def controleer(self):
        if self.fouten:
            raise WerkboekFout(self.fouten, self.waarschuwingen)
