from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import BevrorenBewaking
from afspraken.models import Jaarschijf
from afspraken.perioden import peildatum, periode_label
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from voorraad.constants import CijferSoort
from voorraad.models.lijsten import Categorie, Segment
from voorraad.querysets import CijferQuerySet


class CorporatieCijfer(BevrorenBewaking, models.Model):
    """What mutations and stock levels share: a corporatie's figure in a jaarschijf.

    `aantal` NULL means unknown ('-' in the documents), which is not the same as 0. The
    figures are the jaarschijf's own: frozen with it (BevrorenBewaking). Whether an aantal
    may be negative depends on the kind of figure (`mag_negatief`): a mutation is a change
    and carries a sign (`+200`, `-17`), a stock level is a count and never negative.
    """

    mag_negatief = False
    # The category or segment field: it must be the agreement's own or a default one.
    lijstveld = ""

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
        if self.aantal is not None and self.aantal < 0 and not self.mag_negatief:
            raise ValidationError({"aantal": _("Een voorraadstand kan niet negatief zijn.")})
        self._clean_lijst()

    def _clean_lijst(self):
        """The category or segment is the agreement's own or a default. Checked where it is
        set (a new figure, or the row loaded with it): a changed aantal of a stored figure
        costs no query for it."""
        geladen = self.lijstveld in self._state.fields_cache
        if not (self._state.adding or geladen) or not getattr(self, f"{self.lijstveld}_id"):
            return
        if self.jaarschijf_id and not getattr(self, self.lijstveld).hoort_bij(
            self.jaarschijf.overeenkomst_id
        ):
            raise ValidationError({self.lijstveld: _("Kies uit de lijst van deze overeenkomst.")})

    @property
    def is_onbekend(self):
        return self.aantal is None


class Voorraadmutatie(CorporatieCijfer):
    """A change of stock in a year or range of years; signed (`-17` for sloop)."""

    mag_negatief = True
    lijstveld = "categorie"

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
    """Stock of one segment at a peildatum: any date (31 December in most documents,
    1 November in some); never negative."""

    lijstveld = "segment"

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
    toelichting = models.TextField(_("toelichting"), blank=True)
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
            models.CheckConstraint(
                condition=models.Q(aantal__isnull=True) | models.Q(aantal__gte=0),
                name="voorraadstand_niet_negatief",
            ),
        ]

    def __str__(self):
        aantal = "-" if self.aantal is None else self.aantal
        return f"{self.corporatie} {self.segment} {self.peildatum:%d-%m-%Y}: {aantal}"

    @staticmethod
    def peildatum_voor_jaar(jaar):
        """The default peildatum when only a year is given (31 December)."""
        return peildatum(jaar)
