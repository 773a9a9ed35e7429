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
    kop: str = "",
    betrokkenen: str = "",
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
        kop=kop,
        betrokkenen=betrokkenen,
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
    kop: str = "",
    betrokkenen: str = "",
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
    afspraak.kop = kop
    afspraak.betrokkenen = betrokkenen
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
        kop=afspraak.kop,
        betrokkenen=afspraak.betrokkenen,
        parent=afspraak.parent,
        trekkers=afspraak.trekkers.all(),
        door=door,
    )


@transaction.atomic
def jaarafspraak_bijwerken(
    *,
    jaarafspraak: Jaarafspraak,
    versie: int,
    tekst: str,
    door: Gebruiker,
) -> Jaarafspraak:
    """The year's plan ("Plan voor het jaar"): agreed content, written by who may edit the
    content and frozen with the jaarschijf. Progress is no part of it: the status with its
    explanation is reported on monitoring's timeline (monitoring.voortgang.voortgang_melden),
    so a report never replaces the plan (issue #15, point 3)."""
    mag_handelen(door, "afspraken.change_inhoud", jaarafspraak)
    niet_bevroren(jaarafspraak.jaarschijf)
    jaarafspraak.tekst = tekst
    opslaan_met_versie(jaarafspraak, versie=versie, door=door)
    return jaarafspraak


# The afspraak's fields a row of the jaarschijf page may change beside its main text.
REGELVELDEN = ("soort", "kop", "betrokkenen")


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
    door: Gebruiker,
    **afspraakvelden,
) -> Jaarafspraak:
    """One row of the jaarschijf page: the afspraak's main fields and the year's plan (no
    progress: see jaarafspraak_bijwerken). `afspraakvelden` (soort, kop, betrokkenen) that are
    not given keep their value."""
    mag_handelen(door, "afspraken.change_inhoud", jaarafspraak)
    niet_bevroren(jaarafspraak.jaarschijf)
    afspraak = jaarafspraak.afspraak
    afspraak_bijwerken(
        afspraak=afspraak,
        versie=afspraak_versie,
        thema=afspraak.thema,
        code=code,
        inhoud=inhoud,
        resultaat=afspraak.resultaat,
        periode=periode,
        doel=afspraak.doel,
        parent=afspraak.parent,
        trekkers=trekkers,
        door=door,
        **{veld: afspraakvelden.pop(veld, getattr(afspraak, veld)) for veld in REGELVELDEN},
    )
    if afspraakvelden:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(afspraakvelden))}")
    return jaarafspraak_bijwerken(jaarafspraak=jaarafspraak, versie=versie, tekst=tekst, door=door)


# --- Steps --------------------------------------------------------------------------------


def _controleer_stap_partij(stap: Stap, mede_organisaties: list[Organisatie] = ()) -> None:
    """The step's parties, the leading one and those that take it together, are parties."""
    overeenkomst_id = stap.jaarafspraak.jaarschijf.overeenkomst_id
    partijen = set(
        Partij.objects.filter(overeenkomst_id=overeenkomst_id).values_list(
            "organisatie_id", flat=True
        )
    )
    if stap.organisatie_id not in partijen:
        raise ValidationError({"organisatie": _("Deze organisatie is geen partij.")})
    vreemd = [o.naam for o in mede_organisaties if o.pk not in partijen]
    if vreemd:
        raise ValidationError(
            {
                "mede_organisaties": _("Geen partij bij deze overeenkomst: %(namen)s.")
                % {"namen": ", ".join(vreemd)}
            }
        )


def _mede(stap: Stap, mede_organisaties: Iterable[Organisatie]) -> list[Organisatie]:
    """The other parties of a joint step, without the leading one."""
    return [o for o in mede_organisaties if o.pk != stap.organisatie_id]


@transaction.atomic
def stap_toevoegen(
    *,
    jaarafspraak: Jaarafspraak,
    organisatie: Organisatie,
    tekst: str,
    mede_organisaties: Iterable[Organisatie] = (),
    aanduiding: str = "",
    door: Gebruiker,
) -> Stap:
    """A step of one party, or with `mede_organisaties` a step the parties take together
    (`organisatie` leads; `aanduiding` is the document's own name for them)."""
    mag_handelen(door, "afspraken.change_inhoud", jaarafspraak)
    niet_bevroren(jaarafspraak.jaarschijf)
    stap = Stap(
        jaarafspraak=jaarafspraak,
        organisatie=organisatie,
        aanduiding=aanduiding,
        tekst=tekst,
        volgorde=volgende_volgorde(jaarafspraak.stappen.all()),
    )
    mede = _mede(stap, mede_organisaties)
    _controleer_stap_partij(stap, mede)
    opslaan(stap, door)
    stap.mede_organisaties.set(mede)
    return stap


@transaction.atomic
def stap_bijwerken(
    *,
    stap: Stap,
    versie: int,
    organisatie: Organisatie,
    tekst: str,
    afgerond: bool = False,
    mede_organisaties: Iterable[Organisatie] = (),
    aanduiding: str = "",
    door: Gebruiker,
) -> Stap:
    mag_handelen(door, "afspraken.change_inhoud", stap)
    niet_bevroren(stap.jaarafspraak.jaarschijf)
    stap.organisatie = organisatie
    stap.aanduiding = aanduiding
    stap.tekst = tekst
    stap.afgerond = afgerond
    mede = _mede(stap, mede_organisaties)
    _controleer_stap_partij(stap, mede)
    opslaan_met_versie(stap, versie=versie, door=door)
    stap.mede_organisaties.set(mede)
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
