from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import BevrorenBewaking, JaarschijfBewaking
from afspraken.constants import (
    BEVROREN_STATUSSEN,
    HoofdstukSoort,
    JaarschijfStatus,
    Plek,
    Voortgang,
)
from afspraken.models.overeenkomst import Afspraak, Overeenkomst, Thema, versie_veld
from afspraken.perioden import jaren_label
from afspraken.querysets import JaarschijfQuerySet, PerJaarschijfQuerySet, StapQuerySet
from gemeenten.models import Organisatie


class Jaarschijf(JaarschijfBewaking, models.Model):
    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        related_name="jaarschijven",
    )
    jaar = models.PositiveIntegerField(_("jaar"))
    # A jaarschijf may cover two years (Het Hogeland moves to one): `tot_jaar` is its
    # last year, empty for the usual single year.
    tot_jaar = models.PositiveIntegerField(_("tot en met jaar"), null=True, blank=True)
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
    geldig_vanaf = models.DateField(_("geldig vanaf"), null=True, blank=True)
    geldig_na_ondertekening = models.BooleanField(
        _("geldig na ondertekening door alle partijen"), default=False
    )
    documentdatum = models.CharField(
        _("documentdatum"),
        max_length=100,
        blank=True,
        help_text=_("De versiedatum op het voorblad, bijvoorbeeld: november 2025."),
    )
    nummering_tonen = models.BooleanField(
        _("nummering tonen"),
        default=True,
        help_text=_(
            "Uit voor een document zonder nummers: de nummers blijven intern en worden niet "
            "getoond of afgedrukt."
        ),
    )
    ondertekend_buiten_driehoek = models.BooleanField(
        _("ondertekend buiten Driehoek"), default=False, editable=False
    )
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
            models.CheckConstraint(
                condition=models.Q(tot_jaar__isnull=True) | models.Q(tot_jaar__gt=models.F("jaar")),
                name="jaarschijf_tot_jaar_na_jaar",
            ),
        ]

    def __str__(self):
        return self.titel or f"Jaarschijf {self.jaren} — {self.overeenkomst.gemeente}"

    @property
    def laatste_jaar(self) -> int:
        return self.tot_jaar or self.jaar

    @property
    def jaren(self) -> str:
        """'2026', or '2026-2027' for a two-year jaarschijf."""
        return jaren_label(self.jaar, self.laatste_jaar)

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
    # A step the parties take together: `organisatie` leads, these take part; the
    # document's own words for them ("Gemeente + corporaties") are kept in `aanduiding`.
    mede_organisaties = models.ManyToManyField(
        Organisatie, verbose_name=_("samen met"), related_name="gezamenlijke_stappen", blank=True
    )
    aanduiding = models.CharField(
        _("aanduiding"),
        max_length=200,
        blank=True,
        help_text=_("Hoe het document de partijen van de stap noemt: Gemeente + corporaties."),
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

    def organisatie_ids(self) -> set[int]:
        """Every party that takes this step (uses prefetched `mede_organisaties`)."""
        return {self.organisatie_id, *(o.pk for o in self.mede_organisaties.all())}

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


class Hoofdstuk(BevrorenBewaking, models.Model):
    """One of the document's own texts beside the afspraken: context, roles, disclaimer,
    validity, closing clauses, definitions, annexes, in the document's order."""

    jaarschijf = models.ForeignKey(
        Jaarschijf,
        verbose_name=_("jaarschijf"),
        on_delete=models.CASCADE,
        related_name="hoofdstukken",
    )
    plek = models.CharField(_("plek"), max_length=20, choices=Plek.choices, default=Plek.VOOR)
    thema = models.ForeignKey(
        Thema,
        verbose_name=_("thema"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hoofdstukken",
    )
    kop = models.CharField(_("kop"), max_length=300)
    soort = models.CharField(
        _("soort"), max_length=20, choices=HoofdstukSoort.choices, default=HoofdstukSoort.OVERIG
    )
    tekst = models.TextField(_("tekst"))
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    versie = versie_veld()
    objects = PerJaarschijfQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hoofdstuk")
        verbose_name_plural = _("hoofdstukken")
        ordering = ["jaarschijf_id", "volgorde", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plek="thema", thema__isnull=False)
                | (~models.Q(plek="thema") & models.Q(thema__isnull=True)),
                name="hoofdstuk_thema_alleen_bij_plek_thema",
            ),
        ]

    def __str__(self):
        return self.kop

    def clean(self):
        if self.plek == Plek.THEMA and not self.thema_id:
            raise ValidationError({"thema": _("Kies het thema waarin deze tekst staat.")})
        if self.plek != Plek.THEMA:
            self.thema = None
        if (
            self.thema_id
            and self.jaarschijf_id
            and self.thema.overeenkomst_id != self.jaarschijf.overeenkomst_id
        ):
            raise ValidationError({"thema": _("Het thema hoort bij een andere overeenkomst.")})
