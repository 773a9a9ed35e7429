"""The freeze of a vastgesteld or ondertekend jaarschijf, enforced by the models themselves.

Services refuse such edits first, with the user's own words (afspraken.services.grens); this
is the floor below them: `save()` and `delete()` of anything a frozen jaarschijf holds raise
`Bevroren`, so code that forgets the services (a shell, an admin action, a new importer)
cannot change a fixed document either. Progress fields (`vrije_velden`: a jaarafspraak's
voortgang, a step marked done, a signature being placed) stay writable.

Checking costs one query per save or delete; bulk writes bypass save() and are the bulk
services' own responsibility (they call the same guard).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.translation import gettext_lazy as _

from afspraken.constants import BEVROREN_STATUSSEN, JaarschijfStatus

BEVROREN_MELDING = _(
    "Deze jaarschijf is vastgesteld of ondertekend; de inhoud kan niet meer worden gewijzigd."
)


class Bevroren(ValidationError):
    """A write on the content of a vastgesteld or ondertekend jaarschijf."""

    def __init__(self, message=BEVROREN_MELDING):
        super().__init__(message, code="bevroren")


def _status_filter(pad: str) -> dict:
    return {f"{pad}status__in": list(BEVROREN_STATUSSEN)}


class BevrorenBewaking(models.Model):
    """Refuses save() and delete() of content held by a frozen jaarschijf.

    Subclasses name `jaarschijf_pad`, the lookup from the model to its Jaarschijf
    ("jaarschijf", "jaarafspraak__jaarschijf"; "" for the jaarschijf itself), and the
    `vrije_velden` that stay writable. One query per save; one more for a new or moved row.
    """

    jaarschijf_pad: str = "jaarschijf"
    vrije_velden: frozenset[str] = frozenset({"versie"})

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.controleer_bevriezing()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        opgeslagen = self._opgeslagen()
        if opgeslagen is not None and opgeslagen["_bevroren"]:
            raise Bevroren()
        return super().delete(*args, **kwargs)

    def vrij_na(self, opgeslagen: dict) -> frozenset[str]:
        """The fields that may still change, given the row as stored."""
        return self.vrije_velden

    def _opgeslagen(self) -> dict | None:
        """The stored row, with `_bevroren`: whether its jaarschijf is frozen now."""
        if self.pk is None:
            return None
        pad = f"{self.jaarschijf_pad}__" if self.jaarschijf_pad else ""
        bevroren = ExpressionWrapper(Q(**_status_filter(pad)), output_field=BooleanField())
        velden = [f.attname for f in self._meta.concrete_fields if not f.primary_key]
        return (
            type(self)
            ._base_manager.filter(pk=self.pk)
            .annotate(_bevroren=bevroren)
            .values("_bevroren", *velden)
            .first()
        )

    def _ouder_is_bevroren(self, veld: str) -> bool:
        """Whether the jaarschijf this object (new or moved) now points at is frozen."""
        ouder_id = getattr(self, f"{veld}_id")
        if ouder_id is None:
            return False
        rest = self.jaarschijf_pad.partition("__")[2]
        ouder_model = self._meta.get_field(veld).related_model
        pad = f"{rest}__" if rest else ""
        return ouder_model._base_manager.filter(pk=ouder_id, **_status_filter(pad)).exists()

    def controleer_bevriezing(self) -> None:
        opgeslagen = self._opgeslagen()
        if opgeslagen is not None and opgeslagen.pop("_bevroren"):
            vrij = self.vrij_na(opgeslagen)
            vrij = {f.attname for f in self._meta.concrete_fields if f.name in vrij}
            if any(
                waarde != getattr(self, veld)
                for veld, waarde in opgeslagen.items()
                if veld not in vrij
            ):
                raise Bevroren()
            return
        veld = self.jaarschijf_pad.partition("__")[0]
        if not veld:
            return
        verhuisd = opgeslagen is None or opgeslagen[f"{veld}_id"] != getattr(self, f"{veld}_id")
        if verhuisd and self._ouder_is_bevroren(veld):
            raise Bevroren()


class JaarschijfBewaking(BevrorenBewaking):
    """The jaarschijf itself: once vastgesteld its texts stay (its status may still move on
    along the lifecycle); once ondertekend nothing at all changes, its status included (a
    change after signing is a new version)."""

    jaarschijf_pad = ""
    vrije_velden = frozenset({"versie", "status"})

    class Meta:
        abstract = True

    # A wijziging (afspraken.services.wijziging) reopens a signed jaarschijf as its next
    # version, once it has kept the signed one: its status and paper mark move, nothing else.
    wijziging_gestart = False

    def vrij_na(self, opgeslagen: dict) -> frozenset[str]:
        if opgeslagen["status"] == JaarschijfStatus.ONDERTEKEND:
            if self.wijziging_gestart:
                return frozenset({"versie", "status", "ondertekend_buiten_driehoek"})
            return frozenset({"versie"})
        return self.vrije_velden


class BevatBevrorenBewaking(models.Model):
    """Objects whose deletion would cascade into a frozen jaarschijf (an overeenkomst, an
    afspraak): `bevroren_pad` is the lookup from the model to such a jaarschijf."""

    bevroren_pad: str = "jaarschijven"

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        if (
            self.pk is not None
            and type(self)
            ._base_manager.filter(pk=self.pk, **_status_filter(f"{self.bevroren_pad}__"))
            .exists()
        ):
            raise Bevroren(
                _(
                    "Dit hoort bij een vastgestelde of ondertekende jaarschijf en kan niet "
                    "worden verwijderd."
                )
            )
        return super().delete(*args, **kwargs)
