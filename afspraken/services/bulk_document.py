"""Bulk services for what version 2 of the workbook adds to a jaarschijf as a document: its
hoofdstukken (the texts beside the afspraken) and the status of a document the parties
agreed or signed before it came into Driehoek (see services.bulk for what every bulk
service shares).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from afspraken import vastlegging
from afspraken.constants import BEVROREN_STATUSSEN, HoofdstukSoort, JaarschijfStatus, Plek
from afspraken.models import Hoofdstuk, Jaarschijf, JaarschijfStatuswijziging, Thema
from afspraken.services.bulk import (
    Bijgewerkt,
    RegelFout,
    aanmaken,
    opslaan_met_geschiedenis,
    valideer,
    verwijderen,
)
from afspraken.services.grens import mag_handelen, niet_bevroren
from gemeenten.models import Gebruiker
from gemeenten.systeem import geschiedenis_gebruiker


@dataclass(frozen=True)
class HoofdstukRegel:
    kop: str
    tekst: str
    plek: str = Plek.VOOR
    thema: Thema | None = None
    soort: str = HoofdstukSoort.OVERIG


@transaction.atomic
def hoofdstukken_vervangen(
    *, jaarschijf: Jaarschijf, hoofdstukken: Sequence[HoofdstukRegel], door: Gebruiker
) -> Bijgewerkt[list[Hoofdstuk]]:
    """The jaarschijf's hoofdstukken become exactly `hoofdstukken`, in that order (their
    volgorde); nothing is written when they are already so. A text in a theme names a theme
    of the jaarschijf's agreement."""
    mag_handelen(door, "afspraken.change_inhoud", jaarschijf)
    niet_bevroren(jaarschijf)
    gewenst = [
        Hoofdstuk(
            jaarschijf=jaarschijf,
            plek=regel.plek,
            thema=regel.thema if regel.plek == Plek.THEMA else None,
            kop=regel.kop,
            soort=regel.soort,
            tekst=regel.tekst,
            volgorde=volgorde,
        )
        for volgorde, regel in enumerate(hoofdstukken, start=1)
    ]
    bestaand = list(jaarschijf.hoofdstukken.order_by("volgorde", "id"))
    velden = ("plek", "thema_id", "kop", "soort", "tekst", "volgorde")

    def sleutels(objecten):
        return [tuple(getattr(obj, veld) for veld in velden) for obj in objecten]

    if sleutels(bestaand) == sleutels(gewenst):
        return Bijgewerkt(bestaand)
    for index, hoofdstuk in enumerate(gewenst):
        if hoofdstuk.plek == Plek.THEMA and (
            hoofdstuk.thema is None or hoofdstuk.thema.overeenkomst_id != jaarschijf.overeenkomst_id
        ):
            fout = _("Kies een thema van deze overeenkomst.")
            raise RegelFout(index, ValidationError({"thema": fout}))
        valideer(hoofdstuk, index, ["jaarschijf", "thema"])
    verwijderen(bestaand, door)
    gemaakt = aanmaken(Hoofdstuk, gewenst, door)
    return Bijgewerkt(gemaakt, nieuw=len(gemaakt), verwijderd=len(bestaand))


@transaction.atomic
def jaarschijf_status_importeren(
    *, jaarschijf: Jaarschijf, status: str, door: Gebruiker
) -> Bijgewerkt[Jaarschijf]:
    """Give a jaarschijf that is not frozen the status of the document it was imported
    from. `vastgesteld` and `ondertekend` freeze it at once, as the lifecycle does (its own
    copy of the agreement, afspraken.vastlegging) and with a JaarschijfStatuswijziging by
    `door` (none for the system, which is no user). `ondertekend` is a document signed
    outside Driehoek: every signatory must carry the day they signed."""
    mag_handelen(door, "afspraken.change_status", jaarschijf)
    vers = niet_bevroren(jaarschijf)
    if vers.status == status:
        return Bijgewerkt(jaarschijf)
    if status == JaarschijfStatus.ONDERTEKEND:
        if vers.ondertekeningen.filter(ondertekend_op__isnull=True).exists():
            raise ValidationError(
                _("Bij een ondertekend document hoort bij iedere ondertekenaar een datum."),
                code="niet_ondertekend",
            )
        vers.ondertekend_buiten_driehoek = True
    oud = vers.status
    if status in BEVROREN_STATUSSEN:
        vers.vastgelegde_inhoud = vastlegging.vastleggen(vers)
    vers.status = status
    vers.full_clean(exclude=["overeenkomst"], validate_unique=False)
    vers.versie += 1
    opslaan_met_geschiedenis(vers, door)
    gebruiker = geschiedenis_gebruiker(door)
    if gebruiker is not None:
        JaarschijfStatuswijziging.objects.create(
            jaarschijf=vers, van=oud, naar=status, door=gebruiker
        )
    # The caller's instance reads as saved, as after the lifecycle's _overgang.
    for veld in ("status", "versie", "vastgelegde_inhoud", "ondertekend_buiten_driehoek"):
        setattr(jaarschijf, veld, getattr(vers, veld))
    return Bijgewerkt(jaarschijf, gewijzigd=1)
