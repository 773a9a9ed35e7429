"""Hoofdstukken: the document's own texts beside the afspraken (context, roles, disclaimer,
validity, closing clauses, definitions, annexes), in the document's order. They belong to
the jaarschijf and freeze with it, so every write asks `niet_bevroren` first."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.constants import HoofdstukSoort, Plek
from afspraken.models import Hoofdstuk, Jaarschijf, Thema
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan, opslaan_met_versie, volgende_volgorde
from gemeenten.models import Gebruiker
from gemeenten.systeem import geschiedenis_gebruiker


def _thema_controleren(jaarschijf: Jaarschijf, plek: str, thema: Thema | None) -> Thema | None:
    """A text in a theme names the theme, of this agreement; elsewhere it names none."""
    if plek != Plek.THEMA:
        return None
    if thema is None:
        raise ValidationError({"thema": _("Kies het thema waarin deze tekst staat.")})
    if thema.overeenkomst_id != jaarschijf.overeenkomst_id:
        raise ValidationError({"thema": _("Het thema hoort bij een andere overeenkomst.")})
    return thema


@transaction.atomic
def hoofdstuk_toevoegen(
    *,
    jaarschijf: Jaarschijf,
    kop: str,
    tekst: str,
    plek: str = Plek.VOOR,
    thema: Thema | None = None,
    soort: str = HoofdstukSoort.OVERIG,
    door: Gebruiker,
) -> Hoofdstuk:
    """A new hoofdstuk at the end of its place in the document."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)
    hoofdstuk = Hoofdstuk(
        jaarschijf=jaarschijf,
        plek=plek,
        thema=_thema_controleren(jaarschijf, plek, thema),
        kop=kop,
        soort=soort,
        tekst=tekst,
        volgorde=volgende_volgorde(jaarschijf.hoofdstukken.all()),
    )
    opslaan(hoofdstuk, door)
    return hoofdstuk


@transaction.atomic
def hoofdstuk_bijwerken(
    *,
    hoofdstuk: Hoofdstuk,
    versie: int,
    kop: str,
    tekst: str,
    plek: str = Plek.VOOR,
    thema: Thema | None = None,
    soort: str = HoofdstukSoort.OVERIG,
    door: Gebruiker,
) -> Hoofdstuk:
    mag_handelen(door, "afspraken.change_inhoud", hoofdstuk)
    niet_bevroren(hoofdstuk.jaarschijf)
    hoofdstuk.plek = plek
    hoofdstuk.thema = _thema_controleren(hoofdstuk.jaarschijf, plek, thema)
    hoofdstuk.kop = kop
    hoofdstuk.soort = soort
    hoofdstuk.tekst = tekst
    opslaan_met_versie(hoofdstuk, versie=versie, door=door)
    return hoofdstuk


@transaction.atomic
def hoofdstuk_verwijderen(*, hoofdstuk: Hoofdstuk, door: Gebruiker) -> None:
    mag_handelen(door, "afspraken.change_inhoud", hoofdstuk)
    niet_bevroren(hoofdstuk.jaarschijf)
    hoofdstuk._history_user = geschiedenis_gebruiker(door)
    hoofdstuk.delete()


@transaction.atomic
def hoofdstuk_verplaatsen(*, hoofdstuk: Hoofdstuk, omhoog: bool, door: Gebruiker) -> Hoofdstuk:
    """Swap the hoofdstuk with its neighbour in the same place of the document (the same
    theme for texts in a theme); renumbers the jaarschijf's hoofdstukken 0..n."""
    mag_handelen(door, "afspraken.change_inhoud", hoofdstuk)
    niet_bevroren(hoofdstuk.jaarschijf)
    alle = list(Hoofdstuk.objects.filter(jaarschijf_id=hoofdstuk.jaarschijf_id))
    index = next(i for i, h in enumerate(alle) if h.pk == hoofdstuk.pk)
    zelfde = [
        i
        for i, h in enumerate(alle)
        if (h.plek, h.thema_id) == (hoofdstuk.plek, hoofdstuk.thema_id)
    ]
    positie = zelfde.index(index)
    buur = positie - 1 if omhoog else positie + 1
    if 0 <= buur < len(zelfde):
        j = zelfde[buur]
        alle[index], alle[j] = alle[j], alle[index]
    for volgorde, h in enumerate(alle):
        if h.volgorde != volgorde:
            h.volgorde = volgorde
            h.versie += 1
            opslaan(h, door)
    hoofdstuk.volgorde = next(h.volgorde for h in alle if h.pk == hoofdstuk.pk)
    hoofdstuk.versie = next(h.versie for h in alle if h.pk == hoofdstuk.pk)
    return hoofdstuk
