from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.models import Jaarafspraak, Jaarschijf, versie_veld
from gemeenten.models import Organisatie
from monitoring.querysets import OpmerkingQuerySet


class Opmerking(models.Model):
    """A partner's remark on one afspraak of a jaarschijf, or (without jaarafspraak) on the
    jaarschijf as a whole: the review of DESIGN §4.

    Remarks may be placed in every status. Before vaststelling they are the review; after
    it they are monitoring remarks. They are no part of the jaarschijf's content: freezing
    and signing leave them open, and the signed PDF and its hash never include them.
    The author's organisation is stored as it was when writing, since people change jobs.

    The model came from afspraken (monitoring migration 0001): its tables kept their names,
    so moving it moved no row.
    """

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="opmerkingen",
    )
    jaarafspraak = models.ForeignKey(
        Jaarafspraak,
        verbose_name=_("afspraak in jaarschijf"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opmerkingen",
        help_text=_("Leeg: een opmerking over de jaarschijf als geheel."),
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        related_name="opmerkingen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opmerkingen",
    )
    tekst = models.TextField(_("tekst"))
    aangemaakt_op = models.DateTimeField(_("geplaatst op"), default=timezone.now)
    afgehandeld = models.BooleanField(_("afgehandeld"), default=False)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    versie = versie_veld()
    objects = OpmerkingQuerySet.as_manager()
    history = HistoricalRecords(table_name="afspraken_historicalopmerking")

    class Meta:
        db_table = "afspraken_opmerking"
        verbose_name = _("opmerking")
        verbose_name_plural = _("opmerkingen")
        ordering = ["jaarschijf_id", "aangemaakt_op", "id"]

    def __str__(self):
        return f"{self.auteur}: {self.tekst[:60]}"

    def clean(self):
        if (
            self.jaarschijf_id
            and self.jaarafspraak_id
            and self.jaarafspraak.jaarschijf_id != self.jaarschijf_id
        ):
            raise ValidationError(
                {"jaarafspraak": _("De afspraak hoort bij een andere jaarschijf.")}
            )
