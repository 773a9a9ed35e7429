"""What the stock tables carry besides figures: a note under a table (Tabelnoot) and stock
moving from one corporatie to another (Voorraadoverdracht), both the jaarschijf's content.

The gemeente writes them (`afspraken.change_inhoud`, as for the rest of the jaarschijf); a
corporatie may add a note under its own table (`voorraad.change_cijfer`, as its figures)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf, Partij
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker
from voorraad.models import Segment, Tabelnoot, Voorraadmutatie, Voorraadoverdracht


def _partij(jaarschijf: Jaarschijf, organisatie: Organisatie | None, veld: str) -> None:
    if organisatie is None:
        return
    if not Partij.objects.filter(
        overeenkomst_id=jaarschijf.overeenkomst_id, organisatie=organisatie
    ).exists():
        raise ValidationError({veld: _("Deze corporatie is geen partij bij deze afspraken.")})


def _opslaan(obj, door):
    obj.full_clean()
    obj._history_user = geschiedenis_gebruiker(door)
    obj.save()
    return obj


@transaction.atomic
def tabelnoot_toevoegen(
    *,
    jaarschijf: Jaarschijf,
    tabel: str,
    tekst: str,
    door: Gebruiker,
    corporatie: Organisatie | None = None,
) -> Tabelnoot:
    """A note under a corporatie's table, or without corporatie under the gemeente's."""
    eigen = (
        corporatie is not None
        and door is not None
        and door.has_perm(
            "voorraad.change_cijfer", Voorraadmutatie(jaarschijf=jaarschijf, corporatie=corporatie)
        )
    )
    if not eigen:  # the gemeente's notes, under any table
        mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    vergrendeld = niet_bevroren(jaarschijf)
    _partij(vergrendeld, corporatie, "corporatie")
    volgorde = Tabelnoot.objects.filter(jaarschijf=vergrendeld, tabel=tabel).count()
    noot = Tabelnoot(
        jaarschijf=vergrendeld, corporatie=corporatie, tabel=tabel, tekst=tekst, volgorde=volgorde
    )
    return _opslaan(noot, door)


@transaction.atomic
def overdracht_vastleggen(
    *,
    jaarschijf: Jaarschijf,
    van: Organisatie,
    naar: Organisatie,
    datum: datetime.date,
    aantal: int,
    door: Gebruiker,
    segment: Segment | None = None,
    toelichting: str = "",
) -> Voorraadoverdracht:
    """Stock `van` hands to `naar` on `datum` (both parties of the agreement)."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    vergrendeld = niet_bevroren(jaarschijf)
    _partij(vergrendeld, van, "van")
    _partij(vergrendeld, naar, "naar")
    overdracht = Voorraadoverdracht(
        jaarschijf=vergrendeld,
        van=van,
        naar=naar,
        datum=datum,
        aantal=aantal,
        segment=segment,
        toelichting=toelichting,
    )
    return _opslaan(overdracht, door)
