"""What the stock tables carry besides figures: a note under a table, and stock that moves
from one corporatie to another."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import BevrorenBewaking
from afspraken.models import Jaarschijf
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from voorraad.models.lijsten import Segment


class Tabel(models.TextChoices):
    MUTATIES = "mutaties", _("Voorraadmutaties")
    STANDEN = "standen", _("Voorraad per segment")


class Tabelnoot(BevrorenBewaking, models.Model):
    """A note printed under a table of the jaarschijf ("* Afgerond op vijftallen",
    "prognoses o.v.v. vaststelling begroting 2026"): under one corporatie's table, or,
    without corporatie, under the gemeente's totals."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="tabelnoten",
    )
    corporatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("corporatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"type": OrganisatieType.WONINGCORPORATIE},
        related_name="tabelnoten",
    )
    tabel = models.CharField(_("tabel"), max_length=20, choices=Tabel.choices)
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("noot onder een tabel")
        verbose_name_plural = _("noten onder tabellen")
        ordering = ["jaarschijf_id", "tabel", "corporatie_id", "volgorde", "id"]

    def __str__(self):
        return self.tekst[:60]


class Voorraadoverdracht(BevrorenBewaking, models.Model):
    """Stock one corporatie takes over from another on a date (a corporatie leaving the
    gemeente, a swap). The gemeente's total does not change; both corporaties' stock levels
    do, and this row says why."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="voorraadoverdrachten",
    )
    van = models.ForeignKey(
        Organisatie,
        verbose_name=_("van corporatie"),
        on_delete=models.PROTECT,
        limit_choices_to={"type": OrganisatieType.WONINGCORPORATIE},
        related_name="overdrachten_weg",
    )
    naar = models.ForeignKey(
        Organisatie,
        verbose_name=_("naar corporatie"),
        on_delete=models.PROTECT,
        limit_choices_to={"type": OrganisatieType.WONINGCORPORATIE},
        related_name="overdrachten_erbij",
    )
    datum = models.DateField(_("datum"))
    aantal = models.PositiveIntegerField(_("aantal woningen"))
    segment = models.ForeignKey(
        Segment,
        verbose_name=_("segment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="overdrachten",
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("overdracht van voorraad")
        verbose_name_plural = _("overdrachten van voorraad")
        ordering = ["jaarschijf_id", "datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(van=models.F("naar")), name="overdracht_tussen_twee"
            ),
        ]

    def __str__(self):
        return f"{self.van} → {self.naar} {self.datum:%d-%m-%Y}: {self.aantal}"

    def clean(self):
        fouten = {}
        if self.van_id and self.van_id == self.naar_id:
            fouten["naar"] = _("Een overdracht gaat van de ene corporatie naar een andere.")
        for veld in ("van", "naar"):
            if getattr(self, f"{veld}_id") and not getattr(self, veld).is_corporatie:
                fouten[veld] = _("Alleen een woningcorporatie draagt voorraad over.")
        if (
            self.segment_id
            and self.jaarschijf_id
            and not self.segment.hoort_bij(self.jaarschijf.overeenkomst_id)
        ):
            fouten["segment"] = _("Kies uit de lijst van deze overeenkomst.")
        if fouten:
            raise ValidationError(fouten)
