"""One cell of a corporatie's grid, written in place (the grid page, htmx).

The cell names its row (a categorie or segment id), its column (a period, or a peildatum)
and prognose or realisatie; never a figure's id or a corporatie. The corporatie is the
acting person's own (the view's), the figure is looked up through
`for_user(door, "change")` within that corporatie and the jaarschijf: a crafted request can
name a row or a column, but only ever reaches the user's own figures.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf, Partij
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand
from voorraad.services.pagina import CONFLICT

MUTATIE, STAND = "m", "s"


@dataclass(frozen=True)
class Cel:
    """A cell: `tabel` MUTATIE (row a categorie, column jaar_van..jaar_tot) or STAND (row a
    segment, column a peildatum), and `soort` prognose or realisatie."""

    tabel: str
    rij_id: int
    soort: str
    jaar_van: int = 0
    jaar_tot: int = 0
    peildatum: datetime.date | None = None

    @property
    def model(self):
        return Voorraadmutatie if self.tabel == MUTATIE else Voorraadstand

    @property
    def jaar(self) -> int:
        return self.jaar_van if self.tabel == MUTATIE else self.peildatum.year

    def sleutel(self, rij) -> dict:
        if self.tabel == MUTATIE:
            return {"categorie": rij, "jaar_van": self.jaar_van, "jaar_tot": self.jaar_tot}
        return {"segment": rij, "peildatum": self.peildatum}


def _rij(cel: Cel, overeenkomst_id: int):
    """The agreement's own row or a default one; another agreement's is no row here."""
    model = Categorie if cel.tabel == MUTATIE else Segment
    rij = (
        model.objects.filter(Q(overeenkomst_id=overeenkomst_id) | Q(overeenkomst__isnull=True))
        .filter(pk=cel.rij_id)
        .first()
    )
    if rij is None:
        raise ValidationError({"aantal": _("Deze rij hoort niet bij deze overeenkomst.")})
    return rij


def _actief(jaarschijf: Jaarschijf, corporatie: Organisatie, jaar: int) -> None:
    """A corporatie that left the gemeente (Partij.actief_tot) has no figures after."""
    partij = Partij.objects.filter(
        overeenkomst_id=jaarschijf.overeenkomst_id, organisatie=corporatie
    ).first()
    if partij is not None and not partij.actief_in(jaar):
        raise ValidationError(
            {
                "aantal": _("%(naam)s doet na %(jaar)s niet meer mee in deze gemeente.")
                % {"naam": corporatie.naam, "jaar": partij.actief_tot}
            }
        )


def _nieuw_cijfer(cel, rij, jaarschijf, corporatie, nieuw, door):
    cijfer = cel.model(jaarschijf=jaarschijf, corporatie=corporatie, soort=cel.soort, aantal=nieuw)
    for veld, waarde in cel.sleutel(rij).items():
        setattr(cijfer, veld, waarde)
    cijfer.full_clean()
    cijfer._history_user = geschiedenis_gebruiker(door)
    cijfer.save()
    return cijfer


@transaction.atomic
def cel_bijwerken(
    *,
    jaarschijf: Jaarschijf,
    corporatie: Organisatie,
    cel: Cel,
    nieuw: int | None,
    was: int | None,
    door: Gebruiker,
):
    """Set one cell of the corporatie's grid to `nieuw` (None: unknown), refusing it when
    someone changed it since the editor saw `was`. Returns the figure, or None for a cell
    that had none and stays unknown. ValidationError keyed `aantal` for the cell."""
    if cel.soort not in CijferSoort.values:
        raise ValidationError({"aantal": _("Onbekende soort cijfer.")})
    mag_handelen(door, "voorraad.change_cijfers_van_jaarschijf", jaarschijf)
    mag_handelen(
        door, "voorraad.change_cijfer", cel.model(jaarschijf=jaarschijf, corporatie=corporatie)
    )
    vergrendeld = niet_bevroren(jaarschijf)
    _actief(vergrendeld, corporatie, cel.jaar)
    rij = _rij(cel, vergrendeld.overeenkomst_id)
    cijfer = (
        cel.model.objects.for_user(door, "change")
        .filter(jaarschijf=vergrendeld, corporatie=corporatie, soort=cel.soort, **cel.sleutel(rij))
        .select_for_update(of=("self",))
        .first()
    )
    if cijfer is None:
        if nieuw is None or nieuw == was:
            return None
        return _nieuw_cijfer(cel, rij, vergrendeld, corporatie, nieuw, door)
    if cijfer.aantal == nieuw or nieuw == was:
        # Nothing to write, or a cell the editor left as it was: a colleague's change stays.
        return cijfer
    if cijfer.aantal != was:
        onbekend = "-" if cijfer.aantal is None else cijfer.aantal
        raise ValidationError({"aantal": CONFLICT % {"aantal": onbekend}}, code="conflict")
    cijfer.aantal = nieuw
    cijfer.full_clean(exclude=["jaarschijf", "corporatie"], validate_unique=False)
    cijfer._history_user = geschiedenis_gebruiker(door)
    cijfer.save(update_fields=["aantal"])
    return cijfer
