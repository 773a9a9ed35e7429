"""Agreements, their parties and themes."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Q, QuerySet
from django.utils.translation import gettext as _

from afspraken.models import (
    Afspraak,
    Ondertekening,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan, opslaan_met_versie, volgende_volgorde
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gebruiker, Gemeente, Organisatie

# --- One gemeente party, its own (DESIGN §5) -----------------------------------------------
# An agreement has exactly one gemeente party: the organisation of its own gemeente. Whoever
# writes parties (partij_toevoegen, partij_verwijderen, overeenkomst_aanmaken, the admin,
# the workbook importer) asks these functions, so a membership of a gemeente's organisation
# never reaches into the agreements of another gemeente.


def gemeentepartij_controleren(
    *, gemeente: Gemeente, organisatie: Organisatie, naast: Iterable[Organisatie] = ()
) -> None:
    """Refuse `organisatie` as a party of an agreement of `gemeente` when it is the
    organisation of another gemeente, or a second gemeente next to the parties `naast`."""
    if not organisatie.is_gemeente:
        return
    if organisatie.gemeente_id != gemeente.pk:
        # A gemeente organisation always has its gemeente (organisatie_gemeente_heeft_gemeente).
        raise ValidationError(
            {
                "organisatie": _(
                    "%(naam)s is de gemeente %(andere)s. Bij een overeenkomst van gemeente "
                    "%(gemeente)s is alleen gemeente %(gemeente)s zelf partij."
                )
                % {
                    "naam": organisatie.naam,
                    "andere": organisatie.gemeente.naam,
                    "gemeente": gemeente.naam,
                }
            },
            code="andere_gemeente",
        )
    for andere in naast:
        if andere.is_gemeente and andere != organisatie:
            raise ValidationError(
                {
                    "organisatie": _(
                        "Een overeenkomst heeft één gemeente als partij, en dat is al "
                        "%(naam)s; %(nieuw)s kan er niet bij."
                    )
                    % {"naam": andere.naam, "nieuw": organisatie.naam}
                },
                code="tweede_gemeente",
            )


def gemeentepartij_blijft(*, gemeente: Gemeente, organisatie: Organisatie) -> None:
    """Refuse removing the agreement's own gemeente from its parties."""
    if organisatie.is_gemeente and organisatie.gemeente_id == gemeente.pk:
        raise ValidationError(
            _("%(naam)s is de gemeente van deze overeenkomst en blijft daarom partij.")
            % {"naam": organisatie.naam},
            code="eigen_gemeente",
        )


def eigen_gemeentepartij(gemeente: Gemeente) -> Organisatie:
    """The organisation of `gemeente`, which every agreement of it has as party."""
    eigen = Organisatie.objects.van_gemeente(gemeente)
    if eigen is None:
        raise ValidationError(
            _(
                "Gemeente %(gemeente)s heeft nog geen organisatie in Driehoek; een beheerder "
                "van Driehoek legt die eerst aan, want zij is partij bij elke overeenkomst."
            )
            % {"gemeente": gemeente.naam},
            code="geen_gemeente",
        )
    return eigen


def mogelijke_partijen(overeenkomst: Overeenkomst) -> QuerySet[Organisatie]:
    """The organisations that may still join `overeenkomst` (the add-party dropdown): those
    its gemeente sees (shared or its own, docs/organisaties.md), no party yet, and a
    gemeente only when it is the agreement's own and it has no gemeente party."""
    heeft_gemeente = Partij.objects.filter(
        overeenkomst=overeenkomst, organisatie__type=OrganisatieType.GEMEENTE
    )
    eigen_gemeente = Q(
        type=OrganisatieType.GEMEENTE, gemeente_id=overeenkomst.gemeente_id
    ) & ~Exists(heeft_gemeente)
    return (
        Organisatie.objects.zichtbaar_voor_gemeente(overeenkomst.gemeente_id)
        .exclude(partijrollen__overeenkomst=overeenkomst)
        .filter(~Q(type=OrganisatieType.GEMEENTE) | eigen_gemeente)
    )


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
    mag_handelen(door, "afspraken.add_overeenkomst", gemeente)
    overeenkomst = Overeenkomst(
        gemeente=gemeente,
        titel=titel,
        startdatum=startdatum,
        einddatum=einddatum,
        grondslag=grondslag,
    )
    opslaan(overeenkomst, door)
    eigen = eigen_gemeentepartij(gemeente)
    partij_toevoegen(overeenkomst=overeenkomst, organisatie=eigen, door=door)
    return overeenkomst


@transaction.atomic
def overeenkomst_bijwerken(
    *,
    overeenkomst: Overeenkomst,
    versie: int,
    titel: str,
    startdatum: datetime.date,
    einddatum: datetime.date,
    grondslag: str = "",
    door: Gebruiker,
) -> Overeenkomst:
    """The agreement's own fields; a vastgesteld jaarschijf keeps its copy of them."""
    mag_handelen(door, "afspraken.change_overeenkomst", overeenkomst)
    overeenkomst.titel = titel
    overeenkomst.startdatum = startdatum
    overeenkomst.einddatum = einddatum
    overeenkomst.grondslag = grondslag
    opslaan_met_versie(overeenkomst, versie=versie, door=door)
    return overeenkomst


# What the document says of a party beyond who signs for it (issue #9), with the value
# when not given.
PARTIJVELDEN = {"mandaat": "", "aanduiding": "", "rol": "", "actief_tot": None}


def _partijvelden_zetten(partij: Partij, waarden: dict) -> None:
    onbekend = set(waarden) - set(PARTIJVELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    for veld, standaard in PARTIJVELDEN.items():
        setattr(partij, veld, waarden.get(veld, standaard))


@transaction.atomic
def partij_toevoegen(
    *,
    overeenkomst: Overeenkomst,
    organisatie: Organisatie,
    vertegenwoordiger: str = "",
    functie: str = "",
    door: Gebruiker,
    **partijvelden,
) -> Partij:
    """A new party at the end; `partijvelden` are those of PARTIJVELDEN (mandate, defined
    term, role, last year)."""
    mag_handelen(door, "afspraken.change_overeenkomst", overeenkomst)
    # Another gemeente's own organisation stays out of sight, whatever is posted (#14).
    zichtbaar = Organisatie.objects.zichtbaar_voor_gemeente(overeenkomst.gemeente_id)
    if not zichtbaar.filter(pk=organisatie.pk).exists():
        raise ValidationError({"organisatie": _("Kies een organisatie uit de lijst.")})
    if overeenkomst.partijrollen.filter(organisatie=organisatie).exists():
        raise ValidationError(
            {
                "organisatie": _("%(naam)s is al partij bij deze overeenkomst.")
                % {"naam": organisatie.naam}
            }
        )
    gemeentepartij_controleren(
        gemeente=overeenkomst.gemeente,
        organisatie=organisatie,
        naast=Organisatie.objects.filter(partijrollen__overeenkomst=overeenkomst),
    )
    partij = Partij(
        overeenkomst=overeenkomst,
        organisatie=organisatie,
        vertegenwoordiger=vertegenwoordiger,
        functie=functie,
        volgorde=volgende_volgorde(overeenkomst.partijrollen.all()),
    )
    _partijvelden_zetten(partij, partijvelden)
    opslaan(partij, door)
    return partij


@transaction.atomic
def partij_bijwerken(
    *,
    partij: Partij,
    versie: int,
    vertegenwoordiger: str = "",
    functie: str = "",
    door: Gebruiker,
    **partijvelden,
) -> Partij:
    """The party's representative and the document's words about it; a vastgesteld
    jaarschijf keeps its own copy (afspraken.vastlegging)."""
    mag_handelen(door, "afspraken.change_overeenkomst", partij)
    partij.vertegenwoordiger = vertegenwoordiger
    partij.functie = functie
    _partijvelden_zetten(partij, partijvelden)
    opslaan_met_versie(partij, versie=versie, door=door)
    return partij


@transaction.atomic
def partij_verwijderen(*, partij: Partij, door: Gebruiker) -> None:
    """Refused while the party still carries afspraken, steps or signatures here."""
    mag_handelen(door, "afspraken.change_overeenkomst", partij)
    overeenkomst_id = partij.overeenkomst_id
    organisatie = partij.organisatie
    gemeentepartij_blijft(gemeente=partij.overeenkomst.gemeente, organisatie=organisatie)
    in_gebruik = (
        Afspraak.objects.filter(overeenkomst_id=overeenkomst_id, trekkers=organisatie).exists()
        or Stap.objects.filter(
            Q(organisatie=organisatie) | Q(mede_organisaties=organisatie),
            jaarafspraak__jaarschijf__overeenkomst_id=overeenkomst_id,
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
    partij.delete()


# --- Themes -------------------------------------------------------------------------------


@transaction.atomic
def thema_aanmaken(
    *,
    overeenkomst: Overeenkomst,
    naam: str,
    letter: str = "",
    doel: str = "",
    toelichting: str = "",
    door: Gebruiker,
) -> Thema:
    mag_handelen(door, "afspraken.change_inhoud", overeenkomst)
    thema = Thema(
        overeenkomst=overeenkomst,
        naam=naam,
        letter=letter,
        doel=doel,
        toelichting=toelichting,
        volgorde=volgende_volgorde(overeenkomst.themas.all()),
    )
    opslaan(thema, door)
    return thema


@transaction.atomic
def thema_bijwerken(
    *,
    thema: Thema,
    versie: int,
    naam: str,
    letter: str = "",
    doel: str = "",
    toelichting: str = "",
    door: Gebruiker,
) -> Thema:
    mag_handelen(door, "afspraken.change_inhoud", thema)
    thema.naam = naam
    thema.letter = letter
    thema.doel = doel
    thema.toelichting = toelichting
    opslaan_met_versie(thema, versie=versie, door=door)
    return thema


@transaction.atomic
def thema_verplaatsen(*, thema: Thema, omhoog: bool, door: Gebruiker) -> Thema:
    """Swap the theme with its neighbour; renumbers 0..n so equal volgorde values sort out."""
    mag_handelen(door, "afspraken.change_inhoud", thema)
    themas = list(Thema.objects.select_for_update().filter(overeenkomst_id=thema.overeenkomst_id))
    index = next(i for i, t in enumerate(themas) if t.pk == thema.pk)
    buur = index - 1 if omhoog else index + 1
    if 0 <= buur < len(themas):
        themas[index], themas[buur] = themas[buur], themas[index]
    for volgorde, t in enumerate(themas):
        if t.volgorde != volgorde:
            t.volgorde = volgorde
            t.versie += 1
            opslaan(t, door)
    thema.volgorde = next(t.volgorde for t in themas if t.pk == thema.pk)
    return thema
