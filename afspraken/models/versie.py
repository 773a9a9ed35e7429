from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from afspraken.models.jaarschijf import Jaarschijf
from afspraken.querysets import PerJaarschijfQuerySet


class JaarschijfVersie(models.Model):
    """A signed version of a jaarschijf, closed when a wijziging began (issue #10, point 5).

    The jaarschijf itself goes on as the next version (concept again, through review and
    signing); this row keeps what the closed version was: its number, when and where it was
    signed (in Driehoek or on paper), why it is being changed and by whom, and `inhoud`, a
    copy of the whole document as it was signed (afspraken.services.wijziging.momentopname).
    A version signed in Driehoek also has its stored PDF in monitoring (OndertekendDocument),
    which never changes; one signed on paper has none.
    """

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.PROTECT,
        related_name="versies",
    )
    volgnummer = models.PositiveIntegerField(_("versie"))
    reden = models.TextField(_("reden van de wijziging"))
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("wijziging gestart door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    gestart_op = models.DateTimeField(_("wijziging gestart op"), default=timezone.now)
    ondertekend_buiten_driehoek = models.BooleanField(
        _("ondertekend buiten Driehoek"), default=False
    )
    ondertekend_op = models.DateField(_("ondertekend op"), null=True, blank=True)
    plaats = models.CharField(_("plaats van ondertekening"), max_length=100, blank=True)
    inhoud = models.JSONField(_("inhoud van de versie"), editable=False)
    objects = PerJaarschijfQuerySet.as_manager()

    class Meta:
        verbose_name = _("versie van een jaarschijf")
        verbose_name_plural = _("versies van jaarschijven")
        ordering = ["jaarschijf_id", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaarschijf", "volgnummer"], name="jaarschijf_versie_uniek"
            )
        ]

    def __str__(self):
        return f"{self.jaarschijf} (versie {self.volgnummer})"
