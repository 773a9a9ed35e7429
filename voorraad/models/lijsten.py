"""Categories (kinds of mutation) and segments (parts of the stock), per agreement.

A row without overeenkomst belongs to the default list (voorraad.constants) every agreement
picks from; a row with one is that agreement's own, so a name one gemeente's workbook brings
never shows up in another gemeente. Figures may point at a default row or at their own
agreement's rows, never at another agreement's (CorporatieCijfer.clean).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from afspraken.models import Overeenkomst


class Lijstnaam(models.Model):
    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=100)
    toelichting = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Gedrukt als noot onder de tabel, bijvoorbeeld: * Afgerond op vijftallen."),
    )

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam

    @property
    def is_standaard(self) -> bool:
        return self.overeenkomst_id is None

    def hoort_bij(self, overeenkomst_id: int) -> bool:
        """Usable in that agreement: its own row or one of the default list."""
        return self.overeenkomst_id in (None, overeenkomst_id)


def _uniek(naam: str) -> list:
    """A name once per agreement, and once in the default list."""
    return [
        models.UniqueConstraint(
            Lower("naam"),
            "overeenkomst",
            name=f"{naam}_naam_uniek_per_overeenkomst",
            condition=models.Q(overeenkomst__isnull=False),
        ),
        models.UniqueConstraint(
            Lower("naam"),
            name=f"{naam}_naam_uniek_standaard",
            condition=models.Q(overeenkomst__isnull=True),
        ),
    ]


class Categorie(Lijstnaam):
    """A kind of stock mutation (nieuwbouw, sloop, ...); new ones appear in real documents."""

    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="categorieen",
        help_text=_("Leeg: de standaardlijst waar elke overeenkomst uit kiest."),
    )

    class Meta(Lijstnaam.Meta):
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        constraints = _uniek("categorie")


class Segment(Lijstnaam):
    """A part of the stock counted at a peildatum (sociale huur, zorgwoningen, ...).

    `onderdeel_van`: a segment that is part of another (`sociale huur < aftoppingsgrens` in
    `sociale huur (DAEB)`); totals count a part only where its whole has no figure
    (voorraad.totalen), so nothing is counted twice.
    """

    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="segmenten",
        help_text=_("Leeg: de standaardlijst waar elke overeenkomst uit kiest."),
    )
    onderdeel_van = models.ForeignKey(
        "self",
        verbose_name=_("onderdeel van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delen",
    )

    class Meta(Lijstnaam.Meta):
        verbose_name = _("segment")
        verbose_name_plural = _("segmenten")
        constraints = _uniek("segment")

    def clean(self):
        geheel = self.onderdeel_van
        if geheel is None:
            return
        if not geheel.hoort_bij(self.overeenkomst_id) or (
            self.overeenkomst_id is None and geheel.overeenkomst_id is not None
        ):
            raise ValidationError(
                {
                    "onderdeel_van": _(
                        "Een segment kan alleen deel zijn van een segment van dezelfde "
                        "overeenkomst."
                    )
                }
            )
        gezien = {self.pk} if self.pk else set()
        while geheel is not None:
            if geheel.pk in gezien:
                raise ValidationError(
                    {
                        "onderdeel_van": _(
                            "Een segment kan niet (via een ander) deel van zichzelf zijn."
                        )
                    }
                )
            gezien.add(geheel.pk)
            geheel = geheel.onderdeel_van
