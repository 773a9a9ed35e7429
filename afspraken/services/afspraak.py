"""Afspraken, their text and progress in a jaarschijf, and the year's steps."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.constants import Soort
from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from afspraken.services.grens import mag_handelen, niet_bevroren
from afspraken.services.opslaan import opslaan, opslaan_met_versie, volgende_volgorde
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker

# --- Afspraken ----------------------------------------------------------------------------


def _controleer_afspraak(afspraak: Afspraak) -> None:
    fouten = {}
    dubbel = Afspraak.objects.filter(overeenkomst_id=afspraak.overeenkomst_id, code=afspraak.code)
    if afspraak.pk:
        dubbel = dubbel.exclude(pk=afspraak.pk)
    if dubbel.exists():
        fouten["code"] = _("Nummer %(code)s bestaat al in deze overeenkomst.") % {
            "code": afspraak.code
        }
    ouder = afspraak.parent
    while ouder is not None and afspraak.pk:
        if ouder.pk == afspraak.pk:
            fouten["parent"] = _(
                "Een afspraak kan niet onder zichzelf of een eigen subafspraak vallen."
            )
            break
        ouder = ouder.parent
    if fouten:
        raise ValidationError(fouten)


def _controleer_trekkers(overeenkomst: Overeenkomst, trekkers: Iterable[Organisatie]) -> None:
    partijen = set(overeenkomst.partijrollen.values_list("organisatie_id", flat=True))
    vreemd = [t.naam for t in trekkers if t.pk not in partijen]
    if vreemd:
        raise ValidationError(
            {
                "trekkers": _("Geen partij bij deze overeenkomst: %(namen)s.")
                % {"namen": ", ".join(vreemd)}
            }
        )


@transaction.atomic
def afspraak_aanmaken(
    *,
    overeenkomst: Overeenkomst,
    thema: Thema,
    code: str,
    inhoud: str,
    soort: str = Soort.PRESTATIEAFSPRAAK,
    resultaat: str = "",
    periode: str = "",
    doel: str = "",
    parent: Afspraak | None = None,
    trekkers: Iterable[Organisatie] = (),
    jaarschijf: Jaarschijf | None = None,
    tekst: str = "",
    door: Gebruiker,
) -> Afspraak:
    """A new afspraak at the end of the agreement; with `jaarschijf` it is also taken up in
    that year, with `tekst` as the year's plan."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf or overeenkomst)
    if jaarschijf is not None:
        niet_bevroren(jaarschijf)
    trekkers = list(trekkers)
    afspraak = Afspraak(
        overeenkomst=overeenkomst,
        thema=thema,
        parent=parent,
        code=code,
        soort=soort,
        inhoud=inhoud,
        resultaat=resultaat,
        periode=periode,
        doel=doel,
        volgorde=volgende_volgorde(overeenkomst.afspraken.all()),
    )
    _controleer_afspraak(afspraak)
    _controleer_trekkers(overeenkomst, trekkers)
    opslaan(afspraak, door)
    afspraak.trekkers.set(trekkers)
    if jaarschijf is not None:
        opslaan(Jaarafspraak(jaarschijf=jaarschijf, afspraak=afspraak, tekst=tekst), door)
    return afspraak


@transaction.atomic
def afspraak_bijwerken(
    *,
    afspraak: Afspraak,
    versie: int,
    thema: Thema,
    code: str,
    inhoud: str,
    soort: str = Soort.PRESTATIEAFSPRAAK,
    resultaat: str = "",
    periode: str = "",
    doel: str = "",
    parent: Afspraak | None = None,
    trekkers: Iterable[Organisatie] = (),
    door: Gebruiker,
) -> Afspraak:
    """Change an afspraak; moving it to another theme takes its sub-afspraken along.

    The afspraak belongs to the multi-year agreement: a vastgesteld or ondertekend jaarschijf
    keeps its own copy (afspraken.vastlegging), so this changes later years only."""
    mag_handelen(door, "afspraken.change_inhoud", afspraak)
    trekkers = list(trekkers)
    # Compared with the stored row: a ModelForm has already set the new thema on the object.
    oud_thema_id = (
        Afspraak.objects.filter(pk=afspraak.pk).values_list("thema_id", flat=True).first()
    )
    ander_thema = thema.pk != oud_thema_id
    afspraak.thema = thema
    afspraak.code = code
    afspraak.inhoud = inhoud
    afspraak.soort = soort
    afspraak.resultaat = resultaat
    afspraak.periode = periode
    afspraak.doel = doel
    afspraak.parent = parent
    _controleer_afspraak(afspraak)
    _controleer_trekkers(afspraak.overeenkomst, trekkers)
    opslaan_met_versie(afspraak, versie=versie, door=door)
    afspraak.trekkers.set(trekkers)
    if ander_thema:
        _subafspraken_meeverhuizen(afspraak, thema, door)
    return afspraak


def _subafspraken_meeverhuizen(afspraak: Afspraak, thema: Thema, door: Gebruiker) -> None:
    """Sub-afspraken (at any depth) follow their parent to its new theme."""
    ouders = [afspraak.pk]
    while ouders:
        subs = list(Afspraak.objects.filter(parent_id__in=ouders))
        for sub in subs:
            if sub.thema_id != thema.pk:
                sub.thema = thema
                sub.versie += 1
                opslaan(sub, door)
        ouders = [sub.pk for sub in subs]


@transaction.atomic
def afspraak_verplaatsen(
    *, afspraak: Afspraak, versie: int, thema: Thema, door: Gebruiker
) -> Afspraak:
    """Move an afspraak (and its sub-afspraken) to another theme of the same agreement."""
    return afspraak_bijwerken(
        afspraak=afspraak,
        versie=versie,
        thema=thema,
        code=afspraak.code,
        inhoud=afspraak.inhoud,
        soort=afspraak.soort,
        resultaat=afspraak.resultaat,
        periode=afspraak.periode,
        doel=afspraak.doel,
        parent=afspraak.parent,
        trekkers=afspraak.trekkers.all(),
        door=door,
    )


@transaction.atomic
def jaarafspraak_bijwerken(
    *,
    jaarafspraak: Jaarafspraak,
    versie: int,
    tekst: str | None = None,
    status: str | None = None,
    door: Gebruiker,
) -> Jaarafspraak:
    """The year's plan (content, frozen with the jaarschijf) and voortgang (reported all
    year). None leaves a field as it is."""
    mag_handelen(door, "afspraken.change_voortgang", jaarafspraak)
    if tekst is not None and tekst != jaarafspraak.tekst:
        niet_bevroren(jaarafspraak.jaarschijf)
        jaarafspraak.tekst = tekst
    if status is not None:
        jaarafspraak.status = status
    opslaan_met_versie(jaarafspraak, versie=versie, door=door)
    return jaarafspraak


@transaction.atomic
def jaarafspraak_regel_bijwerken(
    *,
    jaarafspraak: Jaarafspraak,
    versie: int,
    afspraak_versie: int,
    code: str,
    inhoud: str,
    periode: str = "",
    trekkers: Iterable[Organisatie] = (),
    tekst: str = "",
    status: str = "",
    door: Gebruiker,
) -> Jaarafspraak:
    """One row of the jaarschijf page: the afspraak's main fields and the year's text."""
    mag_handelen(door, "afspraken.change_inhoud", jaarafspraak)
    niet_bevroren(jaarafspraak.jaarschijf)
    afspraak = jaarafspraak.afspraak
    afspraak_bijwerken(
        afspraak=afspraak,
        versie=afspraak_versie,
        thema=afspraak.thema,
        code=code,
        inhoud=inhoud,
        soort=afspraak.soort,
        resultaat=afspraak.resultaat,
        periode=periode,
        doel=afspraak.doel,
        parent=afspraak.parent,
        trekkers=trekkers,
        door=door,
    )
    return jaarafspraak_bijwerken(
        jaarafspraak=jaarafspraak, versie=versie, tekst=tekst, status=status, door=door
    )


# --- Steps --------------------------------------------------------------------------------


def _controleer_stap_partij(stap: Stap) -> None:
    overeenkomst_id = stap.jaarafspraak.jaarschijf.overeenkomst_id
    if not Partij.objects.filter(
        overeenkomst_id=overeenkomst_id, organisatie_id=stap.organisatie_id
    ).exists():
        raise ValidationError({"organisatie": _("Deze organisatie is geen partij.")})


@transaction.atomic
def stap_toevoegen(
    *, jaarafspraak: Jaarafspraak, organisatie: Organisatie, tekst: str, door: Gebruiker
) -> Stap:
    mag_handelen(door, "afspraken.change_inhoud", jaarafspraak)
    niet_bevroren(jaarafspraak.jaarschijf)
    stap = Stap(
        jaarafspraak=jaarafspraak,
        organisatie=organisatie,
        tekst=tekst,
        volgorde=volgende_volgorde(jaarafspraak.stappen.all()),
    )
    _controleer_stap_partij(stap)
    opslaan(stap, door)
    return stap


@transaction.atomic
def stap_bijwerken(
    *,
    stap: Stap,
    versie: int,
    organisatie: Organisatie,
    tekst: str,
    afgerond: bool = False,
    door: Gebruiker,
) -> Stap:
    mag_handelen(door, "afspraken.change_inhoud", stap)
    niet_bevroren(stap.jaarafspraak.jaarschijf)
    stap.organisatie = organisatie
    stap.tekst = tekst
    stap.afgerond = afgerond
    _controleer_stap_partij(stap)
    opslaan_met_versie(stap, versie=versie, door=door)
    return stap


@transaction.atomic
def stap_verwijderen(*, stap: Stap, door: Gebruiker) -> None:
    mag_handelen(door, "afspraken.change_inhoud", stap)
    niet_bevroren(stap.jaarafspraak.jaarschijf)
    stap._history_user = geschiedenis_gebruiker(door)
    stap.delete()


@transaction.atomic
def stap_afronden(*, stap: Stap, afgerond: bool = True, door: Gebruiker) -> Stap:
    """Progress, not content: also possible once the jaarschijf is vastgesteld."""
    mag_handelen(door, "afspraken.change_voortgang", stap)
    stap.afgerond = afgerond
    stap.versie += 1
    opslaan(stap, door)
    return stap
