"""Agreements, their parties and themes."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.models import (
    Afspraak,
    Ondertekening,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from afspraken.services.opslaan import (
    opslaan,
    volgende_volgorde,
)
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gebruiker, Gemeente, Organisatie

# --- Overeenkomst and parties -------------------------------------------------------------


@transaction.atomic
def overeenkomst_aanmaken(
    *,
    gemeente: Gemeente,
    titel: str,
    startdatum: datetime.date,
    einddatum: datetime.date,
    grondslag: str = "",
    door: Gebruiker,
) -> Overeenkomst:
    """A new agreement of `gemeente`; the gemeente's own organisation becomes its first party."""
    overeenkomst = Overeenkomst(
        gemeente=gemeente,
        titel=titel,
        startdatum=startdatum,
        einddatum=einddatum,
        grondslag=grondslag,
    )
    opslaan(overeenkomst, door)
    eigen = Organisatie.objects.filter(type=OrganisatieType.GEMEENTE, gemeente=gemeente).first()
    if eigen is not None:
        partij_toevoegen(overeenkomst=overeenkomst, organisatie=eigen, door=door)
    return overeenkomst


@transaction.atomic
def overeenkomst_bijwerken(
    *,
    overeenkomst: Overeenkomst,
    titel: str,
    startdatum: datetime.date,
    einddatum: datetime.date,
    grondslag: str = "",
    door: Gebruiker,
) -> Overeenkomst:
    overeenkomst.titel = titel
    overeenkomst.startdatum = startdatum
    overeenkomst.einddatum = einddatum
    overeenkomst.grondslag = grondslag
    opslaan(overeenkomst, door)
    return overeenkomst


@transaction.atomic
def partij_toevoegen(
    *,
    overeenkomst: Overeenkomst,
    organisatie: Organisatie,
    vertegenwoordiger: str = "",
    functie: str = "",
    door: Gebruiker,
) -> Partij:
    if overeenkomst.partijrollen.filter(organisatie=organisatie).exists():
        raise ValidationError(
            {
                "organisatie": _("%(naam)s is al partij bij deze overeenkomst.")
                % {"naam": organisatie.naam}
            }
        )
    partij = Partij(
        overeenkomst=overeenkomst,
        organisatie=organisatie,
        vertegenwoordiger=vertegenwoordiger,
        functie=functie,
        volgorde=volgende_volgorde(overeenkomst.partijrollen.all()),
    )
    opslaan(partij, door)
    return partij


@transaction.atomic
def partij_bijwerken(
    *, partij: Partij, vertegenwoordiger: str = "", functie: str = "", door: Gebruiker
) -> Partij:
    partij.vertegenwoordiger = vertegenwoordiger
    partij.functie = functie
    opslaan(partij, door)
    return partij


@transaction.atomic
def partij_verwijderen(*, partij: Partij, door: Gebruiker) -> None:
    """Refused while the party still carries afspraken, steps or signatures here."""
    overeenkomst_id = partij.overeenkomst_id
    organisatie = partij.organisatie
    in_gebruik = (
        Afspraak.objects.filter(overeenkomst_id=overeenkomst_id, trekkers=organisatie).exists()
        or Stap.objects.filter(
            jaarafspraak__jaarschijf__overeenkomst_id=overeenkomst_id, organisatie=organisatie
        ).exists()
        or Ondertekening.objects.filter(
            jaarschijf__overeenkomst_id=overeenkomst_id, organisatie=organisatie
        ).exists()
    )
    if in_gebruik:
        raise ValidationError(
            _(
                "%(naam)s is nog trekker, heeft stappen of ondertekent in deze overeenkomst; "
                "haal die eerst weg."
            )
            % {"naam": organisatie.naam}
        )
    partij._history_user = door
    partij.delete()


# --- Themes -------------------------------------------------------------------------------


@transaction.atomic
def thema_aanmaken(
    *,
    overeenkomst: Overeenkomst,
    naam: str,
    letter: str = "",
    toelichting: str = "",
    door: Gebruiker,
) -> Thema:
    thema = Thema(
        overeenkomst=overeenkomst,
        naam=naam,
        letter=letter,
        toelichting=toelichting,
        volgorde=volgende_volgorde(overeenkomst.themas.all()),
    )
    opslaan(thema, door)
    return thema


@transaction.atomic
def thema_bijwerken(
    *, thema: Thema, naam: str, letter: str = "", toelichting: str = "", door: Gebruiker
) -> Thema:
    thema.naam = naam
    thema.letter = letter
    thema.toelichting = toelichting
    opslaan(thema, door)
    return thema


@transaction.atomic
def thema_verplaatsen(*, thema: Thema, omhoog: bool, door: Gebruiker) -> Thema:
    """Swap the theme with its neighbour; renumbers 0..n so equal volgorde values sort out."""
    themas = list(Thema.objects.select_for_update().filter(overeenkomst_id=thema.overeenkomst_id))
    index = next(i for i, t in enumerate(themas) if t.pk == thema.pk)
    buur = index - 1 if omhoog else index + 1
    if 0 <= buur < len(themas):
        themas[index], themas[buur] = themas[buur], themas[index]
    for volgorde, t in enumerate(themas):
        if t.volgorde != volgorde:
            t.volgorde = volgorde
            opslaan(t, door)
    thema.volgorde = next(t.volgorde for t in themas if t.pk == thema.pk)
    return thema
