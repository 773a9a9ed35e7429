from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import BevrorenBewaking
from afspraken.models import Jaarschijf
from afspraken.perioden import peildatum, periode_label
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from voorraad.constants import CijferSoort
from voorraad.querysets import CijferQuerySet


class Categorie(models.Model):
    """A kind of stock mutation (nieuwbouw, sloop, ...); new ones appear in real documents."""

    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=100)

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["volgorde", "naam"]
        constraints = [models.UniqueConstraint(Lower("naam"), name="categorie_naam_uniek")]

    def __str__(self):
        return self.naam


class Segment(models.Model):
    """A part of the stock counted at a peildatum (sociale huur, zorgwoningen, ...)."""

    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=100)

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segmenten")
        ordering = ["volgorde", "naam"]
        constraints = [models.UniqueConstraint(Lower("naam"), name="segment_naam_uniek")]

    def __str__(self):
        return self.naam


class CorporatieCijfer(BevrorenBewaking, models.Model):
    """What mutations and stock levels share: a corporatie's figure in a jaarschijf.

    `aantal` NULL means unknown ('-' in the documents), which is not the same as 0. The
    figures are the jaarschijf's own: frozen with it (BevrorenBewaking).
    """

    aantal = models.IntegerField(
        _("aantal"), null=True, blank=True, help_text=_("Leeg = onbekend.")
    )

    class Meta:
        abstract = True

    def clean(self):
        if self.corporatie_id and not self.corporatie.is_corporatie:
            raise ValidationError(
                {"corporatie": _("Alleen een woningcorporatie heeft voorraadcijfers.")}
            )

    @property
    def is_onbekend(self):
        return self.aantal is None


class Voorraadmutatie(CorporatieCijfer):
    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="voorraadmutaties",
    )
    corporatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("corporatie"),
        on_delete=models.PROTECT,
        limit_choices_to={"type": OrganisatieType.WONINGCORPORATIE},
        related_name="voorraadmutaties",
    )
    categorie = models.ForeignKey(
        Categorie, verbose_name=_("categorie"), on_delete=models.PROTECT, related_name="mutaties"
    )
    jaar_van = models.PositiveIntegerField(_("van jaar"))
    jaar_tot = models.PositiveIntegerField(_("tot en met jaar"))
    soort = models.CharField(
        _("soort"), max_length=20, choices=CijferSoort.choices, default=CijferSoort.PROGNOSE
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    objects = CijferQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voorraadmutatie")
        verbose_name_plural = _("voorraadmutaties")
        ordering = ["jaarschijf_id", "corporatie_id", "categorie__volgorde", "jaar_van", "jaar_tot"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jaar_van__lte=models.F("jaar_tot")),
                name="mutatie_periode_oplopend",
            ),
            models.UniqueConstraint(
                fields=["jaarschijf", "corporatie", "categorie", "jaar_van", "jaar_tot", "soort"],
                name="mutatie_uniek",
            ),
        ]

    def __str__(self):
        return f"{self.corporatie} {self.categorie} {self.periode}: {self.aantal_label}"

    @property
    def periode(self):
        return periode_label(self.jaar_van, self.jaar_tot)

    @property
    def aantal_label(self):
        return "-" if self.aantal is None else str(self.aantal)


class Voorraadstand(CorporatieCijfer):
    """Stock of one segment at a peildatum (in the documents: 31 December of a year)."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="voorraadstanden",
    )
    corporatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("corporatie"),
        on_delete=models.PROTECT,
        limit_choices_to={"type": OrganisatieType.WONINGCORPORATIE},
        related_name="voorraadstanden",
    )
    segment = models.ForeignKey(
        Segment, verbose_name=_("segment"), on_delete=models.PROTECT, related_name="standen"
    )
    peildatum = models.DateField(_("peildatum"))
    soort = models.CharField(
        _("soort"), max_length=20, choices=CijferSoort.choices, default=CijferSoort.REALISATIE
    )
    objects = CijferQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("voorraadstand")
        verbose_name_plural = _("voorraadstanden")
        ordering = ["jaarschijf_id", "corporatie_id", "segment__volgorde", "peildatum"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaarschijf", "corporatie", "segment", "peildatum", "soort"],
                name="voorraadstand_uniek",
            ),
        ]

    def __str__(self):
        aantal = "-" if self.aantal is None else self.aantal
        return f"{self.corporatie} {self.segment} {self.peildatum:%d-%m-%Y}: {aantal}"

    @staticmethod
    def peildatum_voor_jaar(jaar):
        return peildatum(jaar)
