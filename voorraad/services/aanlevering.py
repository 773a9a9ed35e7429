"""A corporatie delivers its own figures as a file (the `voorraad` and `voorraadstand`
sheets, xlsx or CSV; monitoring.werkboek.voorraad_aanlevering reads them): all or nothing,
only its own rows, only in the years it takes part, never in a fixed jaarschijf."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf, Partij
from afspraken.services.bulk import RegelFout
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten.models import Gebruiker, Organisatie
from voorraad.models import Voorraadmutatie
from voorraad.services.bulk import MutatieRegel, StandRegel, mutaties_schrijven, standen_schrijven

MUTATIES, STANDEN = "mutaties", "standen"


def _jaar(regel, tabel: str) -> int:
    if tabel == MUTATIES:
        return regel.jaar_van
    return regel.peildatum.year if regel.peildatum else regel.jaar


def _eigen_rijen(regels: Sequence, corporatie: Organisatie, actief_tot, tabel: str) -> None:
    for index, regel in enumerate(regels):
        fout = None
        jaar = _jaar(regel, tabel)
        if regel.corporatie.pk != corporatie.pk:
            fout = {
                "corporatie": _("u levert alleen de cijfers van %(naam)s aan")
                % {"naam": corporatie.naam}
            }
        elif actief_tot is not None and jaar > actief_tot:
            fout = {
                "jaar_van" if tabel == MUTATIES else "peildatum": _(
                    "%(naam)s doet na %(jaar)s niet meer mee in deze gemeente"
                )
                % {"naam": corporatie.naam, "jaar": actief_tot}
            }
        if fout:
            regelfout = RegelFout(index, ValidationError(fout))
            regelfout.tabel = tabel
            raise regelfout


@transaction.atomic
def eigen_cijfers_aanleveren(
    *,
    jaarschijf: Jaarschijf,
    corporatie: Organisatie,
    mutaties: Sequence[MutatieRegel],
    standen: Sequence[StandRegel],
    door: Gebruiker,
):
    """Create or update the corporatie's figures named in the rows (others stay). A refused
    row raises RegelFout with `tabel` (MUTATIES or STANDEN) and its index there."""
    mag_handelen(door, "voorraad.change_cijfers_van_jaarschijf", jaarschijf)
    mag_handelen(
        door,
        "voorraad.change_cijfer",
        Voorraadmutatie(jaarschijf=jaarschijf, corporatie=corporatie),
    )
    vergrendeld = niet_bevroren(jaarschijf)
    actief_tot = (
        Partij.objects.filter(overeenkomst_id=vergrendeld.overeenkomst_id, organisatie=corporatie)
        .values_list("actief_tot", flat=True)
        .first()
    )
    _eigen_rijen(mutaties, corporatie, actief_tot, MUTATIES)
    _eigen_rijen(standen, corporatie, actief_tot, STANDEN)
    uitkomst = []
    for tabel, regels, schrijf in (
        (MUTATIES, mutaties, mutaties_schrijven),
        (STANDEN, standen, standen_schrijven),
    ):
        try:
            uitkomst.append(schrijf(vergrendeld, regels, door))
        except RegelFout as fout:
            fout.tabel = tabel
            raise
    return tuple(uitkomst)
