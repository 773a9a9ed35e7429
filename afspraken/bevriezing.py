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
    ("jaarschijf", "jaarafspraak__jaarschijf"), and optionally `vrije_velden`.
    """

    jaarschijf_pad: str = "jaarschijf"
    vrije_velden: frozenset[str] = frozenset({"versie"})

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.controleer_bevriezing()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.pk is not None and self._bewaar_bevroren_rij() is not None:
            raise Bevroren()
        return super().delete(*args, **kwargs)

    def _inhoud_velden(self) -> list[str]:
        return [
            f.attname
            for f in self._meta.concrete_fields
            if not f.primary_key and f.name not in self.vrije_velden
        ]

    def _ouder_is_bevroren(self) -> bool:
        """Whether the jaarschijf this object (new or moved) now points at is frozen."""
        veld, _sep, rest = self.jaarschijf_pad.partition("__")
        ouder_id = getattr(self, f"{veld}_id")
        if ouder_id is None:
            return False
        ouder_model = self._meta.get_field(veld).related_model
        pad = f"{rest}__" if rest else ""
        return ouder_model._base_manager.filter(pk=ouder_id, **_status_filter(pad)).exists()

    def _bewaar_bevroren_rij(self):
        """The stored row as a dict when it belongs to a frozen jaarschijf, else None."""
        if self.pk is None:
            return None
        return (
            type(self)
            ._base_manager.filter(pk=self.pk, **_status_filter(f"{self.jaarschijf_pad}__"))
            .values(*self._inhoud_velden())
            .first()
        )

    def controleer_bevriezing(self) -> None:
        opgeslagen = self._bewaar_bevroren_rij()
        if opgeslagen is not None:
            if any(opgeslagen[veld] != getattr(self, veld) for veld in opgeslagen):
                raise Bevroren()
            return
        veld = self.jaarschijf_pad.partition("__")[0]
        nieuw_of_verhuisd = (
            self.pk is None
            or not type(self)
            ._base_manager.filter(pk=self.pk, **{f"{veld}_id": getattr(self, f"{veld}_id")})
            .exists()
        )
        if nieuw_of_verhuisd and self._ouder_is_bevroren():
            raise Bevroren()


class JaarschijfBewaking(models.Model):
    """The jaarschijf itself: once vastgesteld its texts stay; once ondertekend nothing at
    all changes, its status included (a change after signing is a new version)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.controleer_bevriezing()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if (
            self.pk is not None
            and type(self)._base_manager.filter(pk=self.pk, **_status_filter("")).exists()
        ):
            raise Bevroren()
        return super().delete(*args, **kwargs)

    def controleer_bevriezing(self) -> None:
        if self.pk is None:
            return
        velden = [f.attname for f in self._meta.concrete_fields if not f.primary_key]
        opgeslagen = (
            type(self)._base_manager.filter(pk=self.pk, **_status_filter("")).values(*velden)
        ).first()
        if opgeslagen is None:
            return
        vrij = {"versie", "status"}
        if opgeslagen["status"] == JaarschijfStatus.ONDERTEKEND:
            vrij = {"versie"}
        if any(opgeslagen[v] != getattr(self, v) for v in velden if v not in vrij):
            raise Bevroren()


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
