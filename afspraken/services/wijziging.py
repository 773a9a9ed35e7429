"""A wijziging: changing a signed jaarschijf means a new version (issue #10, point 5).

The signed version is closed, not edited: a JaarschijfVersie row keeps its number, when and
where it was signed, why it is being changed and a copy of the whole document as signed
(`momentopname`). The jaarschijf itself then becomes a concept again as the next version and
goes through review, vaststelling and signing like any other; monitoring stores the next
signed PDF beside the earlier one, which stays byte for byte as it was signed.
"""

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from afspraken import vastlegging
from afspraken.constants import JaarschijfStatus
from afspraken.models import (
    Hoofdstuk,
    Jaarschijf,
    JaarschijfStatuswijziging,
    JaarschijfVersie,
    Ondertekening,
    Stap,
)
from afspraken.services.grens import mag_handelen
from afspraken.services.opslaan import opslaan
from gemeenten.models import Gebruiker

# The jaarschijf's own fields a version keeps beside its copy of the agreement.
JAARSCHIJF_VELDEN = (
    "jaar",
    "tot_jaar",
    "titel",
    "inleiding",
    "plaats",
    "datum",
    "geldig_tot",
    "geldig_vanaf",
    "geldig_na_ondertekening",
    "documentdatum",
    "nummering_tonen",
    "ondertekend_buiten_driehoek",
)


def huidige_versie(jaarschijf: Jaarschijf) -> int:
    """The number of the version the jaarschijf is now: one more than its closed versions."""
    laatste = jaarschijf.versies.aggregate(m=Max("volgnummer"))["m"]
    return (laatste or 0) + 1


def momentopname(jaarschijf: Jaarschijf) -> dict:
    """The whole document as it stands: its copy of the agreement (afspraken.vastlegging)
    and what it owns itself (texts, year texts, steps, hoofdstukken, signatories), as plain
    JSON that still reads when the rows have moved on. Stock figures and the agenda are the
    upper floors' and stay in the signed PDF."""
    stappen: dict[int, list] = {}
    for stap in (
        Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf)
        .prefetch_related("mede_organisaties")
        .order_by("jaarafspraak_id", "volgorde", "id")
    ):
        stappen.setdefault(stap.jaarafspraak_id, []).append(
            {
                "organisatie_id": stap.organisatie_id,
                "mede_organisaties": sorted(o.pk for o in stap.mede_organisaties.all()),
                "aanduiding": stap.aanduiding,
                "tekst": stap.tekst,
                "volgorde": stap.volgorde,
            }
        )
    inhoud = {
        "vorm": 1,
        "vastgelegde_inhoud": jaarschijf.vastgelegde_inhoud or vastlegging.vastleggen(jaarschijf),
        "jaarschijf": {veld: getattr(jaarschijf, veld) for veld in JAARSCHIJF_VELDEN},
        "jaarafspraken": {
            str(ja["id"]): {**ja, "stappen": stappen.get(ja["id"], [])}
            for ja in jaarschijf.jaarafspraken.order_by("id").values("id", "afspraak_id", "tekst")
        },
        "hoofdstukken": list(
            Hoofdstuk.objects.filter(jaarschijf=jaarschijf)
            .order_by("volgorde", "id")
            .values("plek", "thema_id", "kop", "soort", "tekst", "volgorde")
        ),
        "ondertekeningen": list(
            Ondertekening.objects.filter(jaarschijf=jaarschijf)
            .order_by("volgorde", "id")
            .values(
                "id",
                "organisatie_id",
                "naam",
                "functie",
                "volgorde",
                "ondertekend_door_id",
                "ondertekend_op",
            )
        ),
    }
    return json.loads(json.dumps(inhoud, cls=DjangoJSONEncoder))


def _ondertekend_op(jaarschijf: Jaarschijf, regels: list[Ondertekening]):
    """The day the version was signed: by the last signatory, or on paper the document's
    date of signing (its signatories' days where that is missing)."""
    dagen = [r.ondertekend_op for r in regels if r.ondertekend_op is not None]
    if jaarschijf.ondertekend_buiten_driehoek and jaarschijf.datum:
        return jaarschijf.datum
    return max(dagen).date() if dagen else jaarschijf.datum


@transaction.atomic
def wijziging_starten(*, jaarschijf: Jaarschijf, reden: str, door: Gebruiker) -> JaarschijfVersie:
    """Close the signed version of `jaarschijf` (kept as a JaarschijfVersie) and reopen the
    jaarschijf as a concept for the next version, its signatories unsigned again. Also for
    a document signed on paper (ondertekend buiten Driehoek): its version has no PDF here,
    the next one is signed in Driehoek."""
    mag_handelen(door, "afspraken.start_wijziging", jaarschijf)
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(
            {"reden": _("Geef de reden van de wijziging.")}, code="reden_ontbreekt"
        )
    vers = Jaarschijf.objects.select_for_update().get(pk=jaarschijf.pk)
    if vers.status != JaarschijfStatus.ONDERTEKEND:
        raise ValidationError(
            _(
                "Een jaarschijf met status %(van)s kan niet naar een wijziging: alleen een "
                "ondertekende jaarschijf krijgt een nieuwe versie."
            )
            % {"van": vers.get_status_display()},
            code="ongeldige_overgang",
        )
    regels = list(vers.ondertekeningen.order_by("volgorde", "id"))
    versie = JaarschijfVersie(
        jaarschijf=vers,
        volgnummer=huidige_versie(vers),
        reden=reden,
        gestart_door=door,
        ondertekend_buiten_driehoek=vers.ondertekend_buiten_driehoek,
        ondertekend_op=_ondertekend_op(vers, regels),
        plaats=vers.plaats,
        inhoud=momentopname(vers),
    )
    versie.full_clean()
    versie.save()
    _heropenen(vers, regels, door)
    for veld in ("status", "versie", "ondertekend_buiten_driehoek"):
        setattr(jaarschijf, veld, getattr(vers, veld))
    return versie


def _heropenen(vers: Jaarschijf, regels: list[Ondertekening], door: Gebruiker) -> None:
    oud = vers.status
    vers.status = JaarschijfStatus.CONCEPT
    vers.ondertekend_buiten_driehoek = False
    vers.versie += 1
    # The one save the freeze lets through on a signed jaarschijf (afspraken.bevriezing):
    # its status and paper mark, never its content, and only after the version is kept.
    vers.wijziging_gestart = True
    opslaan(vers, door)
    JaarschijfStatuswijziging.objects.create(jaarschijf=vers, van=oud, naar=vers.status, door=door)
    for regel in regels:
        regel.ondertekend_door = None
        regel.ondertekend_op = None
        regel.versie += 1
        opslaan(regel, door)
