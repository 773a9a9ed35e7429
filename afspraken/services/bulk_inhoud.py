"""Bulk variants of the services for the agreement's content: its themes and afspraken, with
their parents and trekkers (see services.bulk for what every bulk service shares). They
write the multi-year agreement, not a jaarschijf: a vastgesteld jaarschijf keeps its own
copy of them (afspraken.vastlegging), as with thema_bijwerken and afspraak_bijwerken.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken.constants import Soort
from afspraken.models import Afspraak, Overeenkomst, Thema
from afspraken.services.bulk import (
    BEHOUDEN,
    Bijgewerkt,
    RegelFout,
    aanmaken,
    bijwerken,
    valideer,
    zet,
)
from afspraken.services.grens import mag_handelen
from gemeenten.models import Gebruiker, Organisatie
from gemeenten.systeem import geschiedenis_gebruiker


@dataclass(frozen=True)
class ThemaRegel:
    """`bijwerken=False`: a theme only named by an afspraak, created when missing but never
    overwriting an existing theme's letter, order or text."""

    naam: str
    letter: str = ""
    volgorde: int = 0
    toelichting: str = ""
    bijwerken: bool = True
    doel: str = BEHOUDEN


@transaction.atomic
def themas_bijwerken_bulk(
    *, overeenkomst: Overeenkomst, themas: Sequence[ThemaRegel], door: Gebruiker
) -> Bijgewerkt[dict[str, Thema]]:
    """The agreement's themes by lower-case name (all of them, also those not named)."""
    mag_handelen(door, "afspraken.change_inhoud", overeenkomst)
    bestaand = {t.naam.lower(): t for t in overeenkomst.themas.all()}
    nieuw, gewijzigd = [], []
    for index, regel in enumerate(themas):
        thema = bestaand.get(regel.naam.lower())
        velden = {
            "letter": regel.letter,
            "volgorde": regel.volgorde,
            "toelichting": regel.toelichting,
            "doel": regel.doel,
        }
        if thema is None:
            thema = Thema(overeenkomst=overeenkomst, naam=regel.naam)
            zet(thema, **velden)
            bestaand[thema.naam.lower()] = thema
            nieuw.append(thema)
        elif regel.bijwerken and zet(thema, **velden):
            gewijzigd.append(thema)
        else:
            continue
        valideer(thema, index, ["overeenkomst"])
    aanmaken(Thema, nieuw, door)
    bijwerken(Thema, gewijzigd, ["letter", "volgorde", "toelichting", "doel"], door)
    return Bijgewerkt(bestaand, nieuw=len(nieuw), gewijzigd=len(gewijzigd))


@dataclass(frozen=True)
class AfspraakRegel:
    """`parent`: the code of the hoofdafspraak, named in the same call or already there."""

    code: str
    thema: Thema
    inhoud: str
    soort: str = Soort.PRESTATIEAFSPRAAK
    resultaat: str = ""
    periode: str = ""
    doel: str = ""
    parent: str | None = None
    trekkers: tuple[Organisatie, ...] = ()
    kop: str = BEHOUDEN
    betrokkenen: str = BEHOUDEN


AFSPRAAK_VELDEN = (
    "thema",
    "soort",
    "inhoud",
    "resultaat",
    "periode",
    "doel",
    "volgorde",
    "kop",
    "betrokkenen",
)


def _dieptes(afspraken: Sequence[AfspraakRegel], per_code: dict) -> dict[str, int]:
    """Each row's depth under its parents; refuses a code named twice, an unknown parent and
    a circle."""
    ouders: dict[str, str | None] = {}
    for index, regel in enumerate(afspraken):
        if regel.code in ouders:
            fout = _("nummer {code} staat er twee keer in").format(code=regel.code)
            raise RegelFout(index, ValidationError({"code": fout}))
        ouders[regel.code] = regel.parent
    dieptes = {}
    for index, regel in enumerate(afspraken):
        code, diepte = regel.code, 0
        while ouders.get(code):
            code = ouders[code]
            diepte += 1
            if code not in ouders and code not in per_code:
                fout = _("onbekende hoofdafspraak {code}").format(code=code)
                raise RegelFout(index, ValidationError({"parent": fout}))
            if diepte > len(ouders):
                fout = _("afspraak {code} valt (via andere) onder zichzelf").format(code=regel.code)
                raise RegelFout(index, ValidationError({"parent": fout}))
        dieptes[regel.code] = diepte
    return dieptes


def _andere_trekkers(overeenkomst, afspraken, per_code) -> set[int]:
    """The rows whose trekkers differ from the stored ones; refuses one who is no party."""
    huidig: dict[int, set[int]] = {}
    rijen = Afspraak.trekkers.through.objects.filter(
        afspraak_id__in=[a.pk for a in per_code.values()]
    )
    for afspraak_id, organisatie_id in rijen.values_list("afspraak_id", "organisatie_id"):
        huidig.setdefault(afspraak_id, set()).add(organisatie_id)
    anders = {
        index
        for index, regel in enumerate(afspraken)
        if huidig.get(getattr(per_code.get(regel.code), "pk", None), set())
        != {t.pk for t in regel.trekkers}
    }
    if anders:
        partijen = set(overeenkomst.partijrollen.values_list("organisatie_id", flat=True))
        for index in sorted(anders):
            vreemd = [t.naam for t in afspraken[index].trekkers if t.pk not in partijen]
            if vreemd:
                fout = _("Geen partij bij deze overeenkomst: %(namen)s.") % {
                    "namen": ", ".join(vreemd)
                }
                raise RegelFout(index, ValidationError({"trekkers": fout}))
    return anders


def _afspraak_velden(regel: AfspraakRegel, volgorde: int) -> dict:
    return {
        "soort": regel.soort,
        "inhoud": regel.inhoud,
        "resultaat": regel.resultaat,
        "periode": regel.periode,
        "doel": regel.doel,
        "volgorde": volgorde,
        "kop": regel.kop,
        "betrokkenen": regel.betrokkenen,
    }


# The foreign keys of an afspraak, set as objects (services.bulk.valideer).
_SLEUTELS = ("overeenkomst", "thema", "parent")


@transaction.atomic
def afspraken_bijwerken_bulk(
    *, overeenkomst: Overeenkomst, afspraken: Sequence[AfspraakRegel], door: Gebruiker
) -> Bijgewerkt[dict[str, Afspraak]]:
    """The agreement's afspraken by code (all of them, also those not named), created or
    updated in the order given (that is their volgorde), each under its parent and with
    exactly the trekkers given, who must be parties. A change of trekkers alone counts as
    a change (and raises the afspraak's versie)."""
    mag_handelen(door, "afspraken.change_inhoud", overeenkomst)
    per_code = {a.code: a for a in overeenkomst.afspraken.all()}
    dieptes = _dieptes(afspraken, per_code)
    andere_trekkers = _andere_trekkers(overeenkomst, afspraken, per_code)
    nieuw: list[int] = []
    gewijzigd: dict[int, Afspraak] = {}
    for index, regel in enumerate(afspraken):
        velden = _afspraak_velden(regel, volgorde=index + 1)
        afspraak = per_code.get(regel.code)
        if afspraak is None:
            afspraak = Afspraak(overeenkomst=overeenkomst, code=regel.code)
            zet(afspraak, **velden)
            per_code[regel.code] = afspraak
            nieuw.append(index)
        elif (
            zet(afspraak, **velden)
            | (afspraak.thema_id != regel.thema.pk)
            | (index in andere_trekkers)
        ):
            gewijzigd[index] = afspraak
        afspraak.thema = regel.thema  # the instance at hand: clean() reads it

    # New afspraken are created parents first, so every child can point at its parent.
    for diepte in sorted({dieptes[afspraken[index].code] for index in nieuw}):
        laag = [index for index in nieuw if dieptes[afspraken[index].code] == diepte]
        for index in laag:
            regel = afspraken[index]
            afspraak = per_code[regel.code]
            afspraak.parent = per_code[regel.parent] if regel.parent else None
            valideer(afspraak, index, _SLEUTELS)
        aanmaken(Afspraak, [per_code[afspraken[index].code] for index in laag], door)
    for index, regel in enumerate(afspraken):
        afspraak = per_code[regel.code]
        parent = per_code[regel.parent] if regel.parent else None
        if afspraak.parent_id != (parent.pk if parent else None):
            gewijzigd[index] = afspraak
        afspraak.parent = parent
    for index, afspraak in gewijzigd.items():
        valideer(afspraak, index, _SLEUTELS)
    bijwerken(Afspraak, list(gewijzigd.values()), [*AFSPRAAK_VELDEN, "parent"], door)
    for index in sorted(andere_trekkers):
        afspraak = per_code[afspraken[index].code]
        # Through the m2m signal, so simple_history records the new set of trekkers.
        afspraak._history_user = geschiedenis_gebruiker(door)
        afspraak.trekkers.set(afspraken[index].trekkers)
    return Bijgewerkt(per_code, nieuw=len(nieuw), gewijzigd=len(gewijzigd))
