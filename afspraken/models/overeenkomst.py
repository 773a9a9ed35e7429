from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import BevatBevrorenBewaking
from afspraken.constants import Soort
from afspraken.perioden import looptijd_label
from afspraken.querysets import OvereenkomstQuerySet, PerOvereenkomstQuerySet
from gemeenten.models import Gemeente, Organisatie


def versie_veld():
    """Optimistic locking: every save through a service raises it by one, in the same UPDATE
    that checks it (afspraken.services.opslaan)."""
    return models.PositiveIntegerField(_("versie"), default=1, editable=False)


class Overeenkomst(BevatBevrorenBewaking, models.Model):
    """Meerjarige prestatieafspraken of one gemeente; a one-year agreement has start = end year."""

    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="overeenkomsten",
    )
    titel = models.CharField(_("titel"), max_length=300)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    grondslag = models.TextField(
        _("grondslag"),
        blank=True,
        help_text=_("Bijvoorbeeld de woonvisie waarop de afspraken rusten."),
    )
    partijen = models.ManyToManyField(
        Organisatie, through="Partij", related_name="overeenkomsten", verbose_name=_("partijen")
    )
    versie = versie_veld()
    objects = OvereenkomstQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("overeenkomst")
        verbose_name_plural = _("overeenkomsten")
        ordering = ["gemeente__naam", "-startdatum", "titel"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "titel"], name="overeenkomst_titel_uniek"),
            models.CheckConstraint(
                condition=models.Q(startdatum__lte=models.F("einddatum")),
                name="overeenkomst_start_voor_einde",
            ),
        ]

    def __str__(self):
        return f"{self.titel} ({self.gemeente})"

    @property
    def periode(self):
        return looptijd_label(self.startdatum, self.einddatum)


class Partij(models.Model):
    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        related_name="partijrollen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="partijrollen",
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    vertegenwoordiger = models.CharField(_("vertegenwoordiger"), max_length=200, blank=True)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    mandaat = models.CharField(
        _("mandaat"),
        max_length=300,
        blank=True,
        help_text=_(
            "Bijvoorbeeld: gemachtigd door de burgemeester, handelend namens het College van B&W."
        ),
    )
    aanduiding = models.CharField(
        _("aanduiding"),
        max_length=100,
        blank=True,
        help_text=_("Hoe het document de partij noemt, bijvoorbeeld: de gemeente."),
    )
    rol = models.TextField(_("rollen en verantwoordelijkheden"), blank=True)
    actief_tot = models.PositiveIntegerField(
        _("doet mee tot en met"),
        null=True,
        blank=True,
        help_text=_("Het laatste jaar waarin de partij meedoet; leeg is de hele looptijd."),
    )
    versie = versie_veld()

    class Meta:
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        ordering = ["overeenkomst_id", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["overeenkomst", "organisatie"], name="partij_uniek"),
        ]

    def __str__(self):
        return f"{self.organisatie} in {self.overeenkomst.titel}"

    def actief_in(self, jaar: int) -> bool:
        return self.actief_tot is None or jaar <= self.actief_tot


class Thema(models.Model):
    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        related_name="themas",
    )
    naam = models.CharField(_("naam"), max_length=200)
    letter = models.CharField(_("letter"), max_length=3, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    doel = models.TextField(
        _("doel"), blank=True, help_text=_("Het doel van het thema, vóór de afspraken.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    versie = versie_veld()
    objects = PerOvereenkomstQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["overeenkomst_id", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["overeenkomst", "naam"], name="thema_naam_uniek"),
        ]

    def __str__(self):
        return f"{self.letter}. {self.naam}" if self.letter else self.naam


class Afspraak(BevatBevrorenBewaking, models.Model):
    bevroren_pad = "jaarafspraken__jaarschijf"

    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        related_name="afspraken",
    )
    thema = models.ForeignKey(
        Thema, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="afspraken"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subafspraken",
    )
    code = models.CharField(_("nummer"), max_length=20)
    kop = models.CharField(
        _("kop"),
        max_length=300,
        blank=True,
        help_text=_(
            "Een tussenkop binnen het thema, bijvoorbeeld: Doorkijk naar 2023 en verder. "
            "Opeenvolgende afspraken met dezelfde kop vormen één groep."
        ),
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    soort = models.CharField(
        _("soort"), max_length=20, choices=Soort.choices, default=Soort.PRESTATIEAFSPRAAK
    )
    inhoud = models.TextField(_("inhoud"))
    resultaat = models.TextField(_("beoogd resultaat"), blank=True)
    periode = models.CharField(
        _("periode"),
        max_length=100,
        blank=True,
        help_text=_("Bijvoorbeeld 2021-2024, 2023 of Q1 2023."),
    )
    doel = models.CharField(
        _("meetbaar doel"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld 320 woningen of 90%."),
    )
    trekkers = models.ManyToManyField(
        Organisatie, verbose_name=_("trekkers"), related_name="getrokken_afspraken", blank=True
    )
    betrokkenen = models.CharField(
        _("betrokkenen"),
        max_length=500,
        blank=True,
        help_text=_("Wie verder meedoet maar geen partij is, bijvoorbeeld: zorgpartijen."),
    )
    versie = versie_veld()
    objects = PerOvereenkomstQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[trekkers])

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["overeenkomst_id", "volgorde", "id"]
        constraints = [
            models.UniqueConstraint(fields=["overeenkomst", "code"], name="afspraak_code_uniek"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="afspraak_niet_eigen_parent"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.inhoud[:60]}"

    @property
    def betrokkenen_lijst(self) -> list[str]:
        return [naam.strip() for naam in self.betrokkenen.split(",") if naam.strip()]

    def clean(self):
        if self.thema_id and self.thema.overeenkomst_id != self.overeenkomst_id:
            raise ValidationError({"thema": _("Het thema hoort bij een andere overeenkomst.")})
        if self.parent_id and self.parent.overeenkomst_id != self.overeenkomst_id:
            raise ValidationError(
                {"parent": _("De hoofdafspraak hoort bij een andere overeenkomst.")}
            )
