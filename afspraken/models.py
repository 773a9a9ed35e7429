from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import (
    BevatBevrorenBewaking,
    BevrorenBewaking,
    JaarschijfBewaking,
)
from afspraken.constants import BEVROREN_STATUSSEN, JaarschijfStatus, Soort, Voortgang
from afspraken.perioden import looptijd_label
from afspraken.querysets import (
    JaarschijfQuerySet,
    OvereenkomstQuerySet,
    PerJaarschijfQuerySet,
    PerOvereenkomstQuerySet,
    StapQuerySet,
)
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

    def clean(self):
        if self.thema_id and self.thema.overeenkomst_id != self.overeenkomst_id:
            raise ValidationError({"thema": _("Het thema hoort bij een andere overeenkomst.")})
        if self.parent_id and self.parent.overeenkomst_id != self.overeenkomst_id:
            raise ValidationError(
                {"parent": _("De hoofdafspraak hoort bij een andere overeenkomst.")}
            )


class Jaarschijf(JaarschijfBewaking, models.Model):
    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        related_name="jaarschijven",
    )
    jaar = models.PositiveIntegerField(_("jaar"))
    titel = models.CharField(_("titel"), max_length=300, blank=True)
    inleiding = models.TextField(_("inleiding"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=JaarschijfStatus.choices,
        default=JaarschijfStatus.CONCEPT,
    )
    plaats = models.CharField(_("plaats van ondertekening"), max_length=100, blank=True)
    datum = models.DateField(_("datum van ondertekening"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    # At vaststelling the jaarschijf keeps its own copy of what it shares with the
    # multi-year agreement (afspraak texts, trekkers, themes, parties): see
    # afspraken.vastlegging. Later edits of the agreement then change later years only.
    vastgelegde_inhoud = models.JSONField(
        _("vastgelegde inhoud"), null=True, blank=True, editable=False
    )
    versie = versie_veld()
    objects = JaarschijfQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jaarschijf")
        verbose_name_plural = _("jaarschijven")
        ordering = ["overeenkomst_id", "-jaar"]
        constraints = [
            models.UniqueConstraint(fields=["overeenkomst", "jaar"], name="jaarschijf_jaar_uniek"),
        ]

    def __str__(self):
        return self.titel or f"Jaarschijf {self.jaar} — {self.overeenkomst.gemeente}"

    @property
    def is_bevroren(self):
        return self.status in BEVROREN_STATUSSEN


class Jaarafspraak(BevrorenBewaking, models.Model):
    """An afspraak as it stands in one jaarschijf: the year's text and its progress."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="jaarafspraken",
    )
    afspraak = models.ForeignKey(
        Afspraak, verbose_name=_("afspraak"), on_delete=models.CASCADE, related_name="jaarafspraken"
    )
    tekst = models.TextField(_("plan voor het jaar"), blank=True)
    status = models.CharField(_("voortgang"), max_length=20, choices=Voortgang.choices, blank=True)
    versie = versie_veld()
    objects = PerJaarschijfQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afspraak in jaarschijf")
        verbose_name_plural = _("afspraken in jaarschijf")
        ordering = ["jaarschijf_id", "afspraak__volgorde", "afspraak_id"]
        constraints = [
            models.UniqueConstraint(fields=["jaarschijf", "afspraak"], name="jaarafspraak_uniek"),
        ]

    def __str__(self):
        return f"{self.afspraak.code} in {self.jaarschijf.jaar}"

    def clean(self):
        if (
            self.jaarschijf_id
            and self.afspraak_id
            and self.afspraak.overeenkomst_id != self.jaarschijf.overeenkomst_id
        ):
            raise ValidationError({"afspraak": _("De afspraak hoort bij een andere overeenkomst.")})

    # The year's plan is content; its voortgang (status) is reported during the year.
    vrije_velden = frozenset({"status", "versie"})


class Stap(BevrorenBewaking, models.Model):
    """A concrete step one party takes this year for an afspraak."""

    jaarafspraak = models.ForeignKey(
        Jaarafspraak,
        verbose_name=_("afspraak in jaarschijf"),
        on_delete=models.CASCADE,
        related_name="stappen",
    )
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("partij"), on_delete=models.PROTECT, related_name="stappen"
    )
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    afgerond = models.BooleanField(_("afgerond"), default=False)
    versie = versie_veld()
    objects = StapQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["jaarafspraak_id", "volgorde", "id"]

    def __str__(self):
        return f"{self.organisatie}: {self.tekst[:60]}"

    jaarschijf_pad = "jaarafspraak__jaarschijf"
    # Marking a step afgerond is progress and stays possible in a frozen jaarschijf.
    vrije_velden = frozenset({"afgerond", "versie"})


class Ondertekening(BevrorenBewaking, models.Model):
    """A signatory of a jaarschijf for one party, and later their signature."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="ondertekeningen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("partij"),
        on_delete=models.PROTECT,
        related_name="ondertekeningen",
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    ondertekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ondertekend door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    ondertekend_op = models.DateTimeField(_("ondertekend op"), null=True, blank=True)
    versie = versie_veld()
    objects = PerJaarschijfQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ondertekening")
        verbose_name_plural = _("ondertekeningen")
        ordering = ["jaarschijf_id", "volgorde", "id"]

    def __str__(self):
        return f"{self.naam} ({self.organisatie})"

    # Signing is what a vastgesteld jaarschijf waits for.
    vrije_velden = frozenset({"ondertekend_door", "ondertekend_op", "versie"})


class JaarschijfStatuswijziging(models.Model):
    """One step in a jaarschijf's lifecycle: who moved it from which status to which, when."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
    )
    van = models.CharField(_("van"), max_length=20, choices=JaarschijfStatus.choices)
    naar = models.CharField(_("naar"), max_length=20, choices=JaarschijfStatus.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    op = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["jaarschijf_id", "op", "id"]

    def __str__(self):
        return f"{self.jaarschijf}: {self.get_van_display()} → {self.get_naar_display()}"
