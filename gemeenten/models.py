from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from gemeenten.constants import OrganisatieType, Rol
from gemeenten.querysets import GemeenteQuerySet, LidmaatschapQuerySet, OrganisatieQuerySet


class Gemeente(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^GM\d{4}$", _("Een CBS-code is GM gevolgd door 4 cijfers."))],
        help_text=_("Bijvoorbeeld GM1681."),
    )
    # Optimistic locking, as on every edited object (afspraken.services.opslaan).
    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Organisatie(models.Model):
    """A party in the lokale driehoek; a corporatie can work in many gemeenten."""

    naam = models.CharField(_("naam"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=OrganisatieType.choices)
    afkorting = models.CharField(_("afkorting"), max_length=20, blank=True)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisaties",
        help_text=_("Alleen voor een organisatie van het type gemeente: welke gemeente zij is."),
    )
    kvk_nummer = models.CharField(
        _("KvK-nummer"),
        max_length=8,
        blank=True,
        default="",
        validators=[RegexValidator(r"^\d{8}$", _("Een KvK-nummer bestaat uit 8 cijfers."))],
        help_text=_("Het nummer in het Handelsregister, 8 cijfers."),
    )
    l_nummer = models.CharField(
        _("L-nummer"),
        max_length=5,
        blank=True,
        default="",
        validators=[
            RegexValidator(
                r"^L\d{4}$",
                _("Een L-nummer is een L gevolgd door 4 cijfers, bijvoorbeeld L1234."),
            )
        ],
        help_text=_(
            "Alleen voor een woningcorporatie: haar nummer bij de Autoriteit "
            "woningcorporaties, bijvoorbeeld L1234."
        ),
    )
    # The scope (docs/organisaties.md): null is shared, visible to everyone; otherwise
    # the gemeente whose import or staff brought it in, the only gemeente that sees it.
    aangemaakt_voor = models.ForeignKey(
        Gemeente,
        verbose_name=_("aangemaakt voor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eigen_organisaties",
        help_text=_(
            "Leeg: gedeeld, voor iedereen zichtbaar. Anders alleen zichtbaar voor deze "
            "gemeente, haar partners en de eigen leden."
        ),
    )
    versie = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    objects = OrganisatieQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            # One shared organisation per name and type, and one per name and type in each
            # gemeente's own scope (two gemeenten may each have their own "Woonservice").
            models.UniqueConstraint(
                Lower("naam"),
                "type",
                condition=models.Q(aangemaakt_voor__isnull=True),
                name="organisatie_naam_type_uniek",
                violation_error_message=_(
                    "Er is al een gedeelde organisatie van dit type met deze naam."
                ),
            ),
            models.UniqueConstraint(
                Lower("naam"),
                "type",
                "aangemaakt_voor",
                condition=models.Q(aangemaakt_voor__isnull=False),
                name="organisatie_naam_type_uniek_per_gemeente",
                violation_error_message=_(
                    "Deze gemeente heeft al een eigen organisatie van dit type met deze naam."
                ),
            ),
            models.UniqueConstraint(
                "kvk_nummer",
                condition=~models.Q(kvk_nummer=""),
                name="organisatie_kvk_uniek",
                violation_error_message=_("Er is al een organisatie met dit KvK-nummer."),
            ),
            models.UniqueConstraint(
                "l_nummer",
                condition=~models.Q(l_nummer=""),
                name="organisatie_l_nummer_uniek",
                violation_error_message=_("Er is al een organisatie met dit L-nummer."),
            ),
            models.CheckConstraint(
                condition=models.Q(l_nummer="") | models.Q(type=OrganisatieType.WONINGCORPORATIE),
                name="organisatie_l_nummer_corporatie",
            ),
            models.CheckConstraint(
                condition=~models.Q(type=OrganisatieType.GEMEENTE)
                | models.Q(gemeente__isnull=False),
                name="organisatie_gemeente_heeft_gemeente",
            ),
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        # The database refuses it too (organisatie_gemeente_heeft_gemeente); this says why.
        if self.is_gemeente and self.gemeente_id is None:
            raise ValidationError(
                {
                    "gemeente": _(
                        "Een organisatie van het type gemeente hoort bij precies één gemeente; "
                        "kies welke."
                    )
                }
            )
        if self.l_nummer and not self.is_corporatie:
            raise ValidationError(
                {"l_nummer": _("Alleen een woningcorporatie heeft een L-nummer.")}
            )

    @property
    def is_gemeente(self):
        return self.type == OrganisatieType.GEMEENTE

    @property
    def is_corporatie(self):
        return self.type == OrganisatieType.WONINGCORPORATIE

    @property
    def is_huurdersorganisatie(self):
        return self.type == OrganisatieType.HUURDERSORGANISATIE


class Gebruiker(AbstractUser):
    """A person. What they may do follows from their Lidmaatschap, never from logging in."""

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username


class Lidmaatschap(models.Model):
    """A person acts for one organisation; each role they hold there is one row."""

    gebruiker = models.ForeignKey(
        Gebruiker,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.MEDEWERKER)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    objects = LidmaatschapQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["organisatie__naam", "gebruiker__username", "rol"]
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "organisatie", "rol"], name="lidmaatschap_uniek"
            ),
        ]

    def __str__(self):
        return f"{self.gebruiker} — {self.get_rol_display()} bij {self.organisatie}"

    def clean(self):
        andere = (
            Lidmaatschap.objects.filter(gebruiker_id=self.gebruiker_id)
            .exclude(organisatie_id=self.organisatie_id)
            .exists()
        )
        if self.gebruiker_id and andere:
            raise ValidationError(
                _("Een persoon handelt namens één organisatie; deze is al lid van een andere.")
            )
