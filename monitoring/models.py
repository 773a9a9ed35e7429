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
    # Deleting leaves the row as a placeholder ("Opmerking verwijderd door … op …") so the
    # replies keep their context; the text is emptied, the history keeps it.
    verwijderd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwijderd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verwijderd_op = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
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


class Reactie(models.Model):
    """A reply in the thread of one remark (one level: a reply answers the remark, not
    another reply). Replying never changes the remark itself. `afhandeling` marks the answer
    the gemeente gave when it marked the remark handled.

    Its jaarschijf is its remark's, so afspraken' rules resolve a reply to its agreement."""

    opmerking = models.ForeignKey(
        Opmerking,
        verbose_name=_("opmerking"),
        on_delete=models.CASCADE,
        related_name="reacties",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        related_name="opmerking_reacties",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tekst = models.TextField(_("tekst"))
    aangemaakt_op = models.DateTimeField(_("geplaatst op"), default=timezone.now)
    afhandeling = models.BooleanField(_("antwoord bij afhandelen"), default=False)
    verwijderd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwijderd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verwijderd_op = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["opmerking_id", "aangemaakt_op", "id"]

    def __str__(self):
        return f"{self.auteur}: {self.tekst[:60]}"

    @property
    def jaarschijf(self):
        return self.opmerking.jaarschijf


def _document_pad(document, bestandsnaam: str) -> str:
    """Where a signed PDF is stored: per jaarschijf and document version; each signature
    stores a new file, since an incremental signature appends to the bytes before it."""
    return f"jaarschijven/{document.jaarschijf_id}/v{document.volgnummer}/{bestandsnaam}"


class OndertekendDocument(models.Model):
    """The PDF of one version of a vastgesteld jaarschijf, as the parties sign it.

    Rendered once when the first signatory signs; every signature is then appended to these
    bytes (an incremental PAdES signature), so the stored file is always the latest signed
    state and `sha256` the hash of exactly those bytes. Once the last party has signed it is
    `definitief` and served as it is from then on: never rendered again.
    """

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.PROTECT,
        related_name="ondertekende_documenten",
    )
    volgnummer = models.PositiveIntegerField(_("versie van het document"), default=1)
    bestand = models.FileField(_("bestand"), upload_to=_document_pad, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    # The hash of the unsigned rendering: the fixed content every signature covers.
    sha256_ongetekend = models.CharField(_("SHA-256 zonder handtekeningen"), max_length=64)
    # Signature boxes on the ondertekening page, by Ondertekening pk: [pagina, x1, y1, x2, y2]
    # in PDF points, measured from the rendered layout.
    velden = models.JSONField(_("handtekeningvelden"), default=dict, editable=False)
    definitief = models.BooleanField(_("door alle partijen ondertekend"), default=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    definitief_op = models.DateTimeField(_("definitief op"), null=True, blank=True)

    class Meta:
        verbose_name = _("ondertekend document")
        verbose_name_plural = _("ondertekende documenten")
        ordering = ["jaarschijf_id", "-volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaarschijf", "volgnummer"], name="ondertekend_document_volgnummer_uniek"
            )
        ]

    def __str__(self):
        return f"{self.jaarschijf} (versie {self.volgnummer})"


class Handtekening(models.Model):
    """The evidence of one signature: who signed which Ondertekening line, when, from where,
    with which second factor and certificate, and what the validator said right after."""

    document = models.ForeignKey(
        OndertekendDocument,
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="handtekeningen",
    )
    # Kept when a later version (a wijziging) replaces the signatory line: the evidence
    # names signer and organisation itself.
    ondertekening = models.ForeignKey(
        "afspraken.Ondertekening",
        verbose_name=_("ondertekening"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handtekeningen",
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ondertekend door"),
        on_delete=models.PROTECT,
        related_name="handtekeningen",
    )
    # Names as they were at signing: people change jobs and names, the evidence does not.
    naam = models.CharField(_("naam"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        related_name="handtekeningen",
    )
    organisatie_naam = models.CharField(_("naam van de organisatie"), max_length=200)
    op = models.DateTimeField(_("ondertekend op"), default=timezone.now)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    tweede_factor = models.CharField(_("tweede factor"), max_length=100)
    veldnaam = models.CharField(_("handtekeningveld"), max_length=100)
    certificaat_vingerafdruk = models.CharField(
        _("vingerafdruk certificaat (SHA-256)"), max_length=64
    )
    certificaat_onderwerp = models.CharField(_("certificaat"), max_length=300)
    geldig = models.BooleanField(_("handtekening geldig"), default=False)
    validatie = models.TextField(_("validatie"), blank=True)
    # The hash of the PDF right after this signature: an intermediate copy is verifiable too.
    sha256_na = models.CharField(_("SHA-256 na ondertekening"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("handtekening")
        verbose_name_plural = _("handtekeningen")
        ordering = ["document_id", "op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "ondertekening"], name="handtekening_eenmaal_per_regel"
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.organisatie_naam}), {self.op:%Y-%m-%d %H:%M}"


# Targets, progress, agenda and calendar (issue #11) live in their own module.
from monitoring.models_voortgang import *  # noqa: E402, F403
