"""One data row of a workbook sheet, as the reader checks it: cell access by column name,
every error noted with its sheet, row and column."""

from django.utils.translation import gettext as _

from monitoring.werkboek import waarden

MAX_GETAL = 2**31 - 1
# What `Rij.lees` returns for a cell it could not read (the reason is noted already).
FOUT = object()


def lengte(model, veld) -> int:
    return model._meta.get_field(veld).max_length


class Rij:
    """One data row of a sheet: cell access by column name, errors noted with their place."""

    def __init__(self, lezer, blad: str, nummer: int, cellen: dict):
        self.lezer, self.blad, self.nummer, self.cellen = lezer, blad, nummer, cellen
        self.ok = True

    def fout(self, kolom, reden):
        self.ok = False
        self.lezer.meldingen.fout(reden, self.blad, self.nummer, kolom)

    def tekst(self, kolom, verplicht=False, max_lengte=None) -> str:
        inhoud = waarden.tekst(self.cellen.get(kolom))
        if verplicht and not inhoud:
            self.fout(kolom, _("verplicht, maar leeg"))
        elif max_lengte and len(inhoud) > max_lengte:
            self.fout(
                kolom,
                _("te lang ({lengte} tekens, hoogstens {max})").format(
                    lengte=len(inhoud), max=max_lengte
                ),
            )
        return inhoud

    def lees(self, kolom, parser, *args, verplicht=False):
        """The cell parsed by `parser`, or FOUT after noting why it failed."""
        ruw = self.cellen.get(kolom)
        if verplicht and not waarden.tekst(ruw):
            self.fout(kolom, _("verplicht, maar leeg"))
            return FOUT
        try:
            return parser(ruw, *args)
        except waarden.Ongeldig as exc:
            self.fout(kolom, str(exc))
            return FOUT

    def aantal(self, kolom):
        getal = self.lees(kolom, waarden.geheel_getal)
        if getal is not FOUT and getal is not None and abs(getal) > MAX_GETAL:
            self.fout(kolom, _("het getal is te groot"))
            return FOUT
        return getal
