"""A frozen jaarschijf keeps the organisations it was fixed with (docs/organisaties.md).

Merging organisations (gemeenten.services.samenvoegen) asks here first: the duplicate may
not be named by a vastgesteld or ondertekend jaarschijf, neither in its copy of the
agreement (`vastgelegde_inhoud`, which stores organisation ids) nor in rows the freeze
guards (steps, joint steps, signatories, stock figures, agenda items). The merge is then
refused rather than rewriting signed content; merging the other way round (keeping the one
the signed document names) usually works.
"""

from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext as _

from afspraken.bevriezing import BevrorenBewaking
from afspraken.constants import BEVROREN_STATUSSEN
from afspraken.models import Jaarschijf
from gemeenten.models import Organisatie
from gemeenten.services.samenvoegen import samenvoegen_controleren


def _bevroren_rijen(duplicaat: Organisatie) -> bool:
    """Whether a row a frozen jaarschijf guards refers to `duplicaat` (FK or M2M)."""
    for rel in Organisatie._meta.related_objects:
        model = rel.related_model
        if not issubclass(model, BevrorenBewaking) or not model.jaarschijf_pad:
            continue
        status = f"{model.jaarschijf_pad}__status__in"
        rijen = model._base_manager.filter(
            **{rel.field.name: duplicaat, status: list(BEVROREN_STATUSSEN)}
        )
        if rijen.exists():
            return True
    return False


def _in_kopie(duplicaat: Organisatie) -> Jaarschijf | None:
    kopieen = (
        Jaarschijf.objects.filter(status__in=BEVROREN_STATUSSEN)
        .filter(vastgelegde_inhoud__isnull=False)
        .select_related("overeenkomst")
    )
    for jaarschijf in kopieen:
        ids = {o.get("id") for o in jaarschijf.vastgelegde_inhoud.get("organisaties", [])}
        ids.update(
            p.get("organisatie_id") for p in jaarschijf.vastgelegde_inhoud.get("partijen", [])
        )
        if duplicaat.pk in ids:
            return jaarschijf
    return None


@receiver(samenvoegen_controleren, dispatch_uid="afspraken.bevroren_weigeren")
def bevroren_weigeren(sender, behouden: Organisatie, duplicaat: Organisatie, **kwargs):
    jaarschijf = _in_kopie(duplicaat)
    if jaarschijf is not None or _bevroren_rijen(duplicaat):
        plek = (
            _("jaarschijf {jaar} van {titel}").format(
                jaar=jaarschijf.jaar, titel=jaarschijf.overeenkomst.titel
            )
            if jaarschijf is not None
            else _("een vastgestelde of ondertekende jaarschijf")
        )
        raise ValidationError(
            _(
                "{duplicaat} staat in {plek}, die vastgesteld of ondertekend is; wat daar is "
                "vastgelegd verandert niet. Voeg andersom samen (houd {duplicaat}) of laat "
                "beide staan."
            ).format(duplicaat=duplicaat.naam, plek=plek)
        )
