"""Monitoring's own models (issue #11): measurable targets with their realised values, the
progress reports per afspraak per year, the agreement's agenda, the Woningwet cycle per
gemeente and the personal calendar feed.

Where each lives, and what freezes:
* A target (`Doel`) belongs to the multi-year agreement, like its afspraak: editing it is
  editing the agreement. A frozen jaarschijf shows its targets as they stood when it was
  vastgesteld, read from their history (monitoring.doelen.doelen_per_afspraak), so nothing
  has to be copied into afspraken' own copy (afspraken may not import monitoring).
* A realised value (`Doelrealisatie`) and a progress report (`Voortgangsmelding`) are
  progress: allowed in every status, never content.
* An agenda row (`Agendapunt`) is the jaarschijf's own content and freezes with it; only
  `afgerond` stays open.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from afspraken.bevriezing import BevrorenBewaking
from afspraken.constants import Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Overeenkomst, Thema, versie_veld
from afspraken.querysets import PerJaarschijfQuerySet, PerOvereenkomstQuerySet, ScopedQuerySet
from gemeenten.models import Gemeente, Organisatie
from monitoring.constants import AgendaSoort, Oordeel, Richting

_GETAL = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class Doel(models.Model):
    """A measurable target of an afspraak, or of a theme as a whole: '320 sociale
    huurwoningen erbij t.o.v. 1-1-2023', 'minimaal 85% onder de aftoppingsgrens', label C.

    Several rows with a `partij` split one target over parties. `waarde` holds a number;
    `waarde_tekst` a value that is none ('C'); `waarde_tot` the top of a range.
    """

    overeenkomst = models.ForeignKey(
        Overeenkomst,
        verbose_name=_("overeenkomst"),
        on_delete=models.CASCADE,
        related_name="doelen",
    )
    afspraak = models.ForeignKey(
        Afspraak,
        verbose_name=_("afspraak"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="doelen",
    )
    thema = models.ForeignKey(
        Thema,
        verbose_name=_("thema"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="doelen",
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    waarde = models.DecimalField(_("waarde"), **_GETAL)
    waarde_tekst = models.CharField(
        _("waarde (geen getal)"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: C.")
    )
    waarde_tot = models.DecimalField(_("tot"), **_GETAL)
    circa = models.BooleanField(_("circa"), default=False)
    eenheid = models.CharField(_("eenheid"), max_length=50, blank=True)
    richting = models.CharField(
        _("richting"), max_length=10, choices=Richting.choices, default=Richting.MINIMAAL
    )
    basis = models.DecimalField(_("basiswaarde"), **_GETAL)
    basisdatum = models.DateField(_("basisdatum"), null=True, blank=True)
    peiljaar = models.PositiveIntegerField(_("peiljaar"), null=True, blank=True)
    partij = models.ForeignKey(
        Organisatie,
        verbose_name=_("partij"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="doelen",
        help_text=_("Het aandeel van deze partij; leeg: het doel als geheel."),
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    versie = versie_veld()
    objects = PerOvereenkomstQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["overeenkomst_id", "volgorde", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(afspraak__isnull=False) | models.Q(thema__isnull=False),
                name="doel_van_afspraak_of_thema",
            ),
        ]

    def __str__(self):
        return self.omschrijving

    def clean(self):
        if self.afspraak_id is None and self.thema_id is None:
            raise ValidationError(_("Een doel hoort bij een afspraak of bij een thema."))
        if self.waarde is None and not self.waarde_tekst.strip():
            raise ValidationError({"waarde": _("Vul een waarde in: een getal of een tekst.")})
        for veld in ("afspraak", "thema"):
            ouder = getattr(self, veld) if getattr(self, f"{veld}_id") else None
            if ouder is not None and ouder.overeenkomst_id != self.overeenkomst_id:
                raise ValidationError({veld: _("Dit hoort bij een andere overeenkomst.")})
        if (
            self.waarde_tot is not None
            and self.waarde is not None
            and self.waarde_tot < self.waarde
        ):
            raise ValidationError({"waarde_tot": _("De bovengrens ligt onder de waarde.")})


class DoelrealisatieQuerySet(ScopedQuerySet):
    overeenkomst_pad = "doel__overeenkomst__"


class Doelrealisatie(models.Model):
    """A realised value of a target at a date, and who reported it: progress, never content."""

    doel = models.ForeignKey(
        Doel, verbose_name=_("doel"), on_delete=models.CASCADE, related_name="realisaties"
    )
    waarde = models.DecimalField(_("gerealiseerd"), **_GETAL)
    waarde_tekst = models.CharField(_("gerealiseerd (geen getal)"), max_length=100, blank=True)
    peildatum = models.DateField(_("peildatum"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    gemeld_op = models.DateTimeField(_("gemeld op"), default=timezone.now)
    objects = DoelrealisatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("realisatie van een doel")
        verbose_name_plural = _("realisaties van doelen")
        ordering = ["doel_id", "peildatum", "gemeld_op", "id"]

    def __str__(self):
        return f"{self.doel}: {self.waarde if self.waarde is not None else self.waarde_tekst}"


class Voortgangsmelding(models.Model):
    """One report of an afspraak's progress in a jaarschijf: the timeline behind
    `Jaarafspraak.status`, which holds the latest (set by the same service)."""

    jaarafspraak = models.ForeignKey(
        Jaarafspraak,
        verbose_name=_("afspraak in jaarschijf"),
        on_delete=models.CASCADE,
        related_name="voortgangsmeldingen",
    )
    status = models.CharField(_("voortgang"), max_length=20, choices=Voortgang.choices)
    toelichting = models.CharField(_("toelichting"), max_length=1000, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    op = models.DateTimeField(_("op"), default=timezone.now)
    objects = PerJaarschijfQuerySet.as_manager()

    class Meta:
        verbose_name = _("voortgangsmelding")
        verbose_name_plural = _("voortgangsmeldingen")
        ordering = ["jaarafspraak_id", "op", "id"]

    def __str__(self):
        return f"{self.jaarafspraak_id}: {self.get_status_display()}"


class Agendapunt(BevrorenBewaking, models.Model):
    """A row of the agreement's own agenda for the year ('voor 1 juli 2022: aanleveren
    activiteitenoverzicht'). `wanneer` keeps the document's words; `datum` the date read
    from them where one can be (monitoring.kalender.datum_uit_tekst)."""

    jaarschijf = models.ForeignKey(
        Jaarschijf, verbose_name=_("jaarschijf"), on_delete=models.CASCADE, related_name="agenda"
    )
    wanneer = models.CharField(_("wanneer"), max_length=100)
    datum = models.DateField(_("datum"), null=True, blank=True)
    wat = models.CharField(_("wat"), max_length=300)
    wie = models.ManyToManyField(
        Organisatie, verbose_name=_("wie"), related_name="agendapunten", blank=True
    )
    soort = models.CharField(
        _("soort"), max_length=30, choices=AgendaSoort.choices, default=AgendaSoort.OVERIG
    )
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    afgerond = models.BooleanField(_("afgerond"), default=False)
    versie = versie_veld()
    objects = PerJaarschijfQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[wie])

    # Marking an item done is progress; the agenda itself is the document's.
    vrije_velden = frozenset({"afgerond", "versie"})

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["jaarschijf_id", "volgorde", "id"]

    def __str__(self):
        return f"{self.wanneer}: {self.wat}"


class Cyclusmoment(models.Model):
    """A deadline of the Woningwet cycle in one gemeente, each year on the same day.

    A gemeente without rows follows the law's defaults (monitoring.kalender.STANDAARD_CYCLUS:
    bod / activiteitenoverzicht 1 July, signing before 15 December).
    """

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.CASCADE, related_name="cyclus"
    )
    soort = models.CharField(
        _("soort"), max_length=30, choices=AgendaSoort.choices, default=AgendaSoort.OVERIG
    )
    wat = models.CharField(_("wat"), max_length=300)
    maand = models.PositiveSmallIntegerField(_("maand"))
    dag = models.PositiveSmallIntegerField(_("dag"))
    versie = versie_veld()

    class Meta:
        verbose_name = _("moment in de jaarcyclus")
        verbose_name_plural = _("jaarcyclus")
        ordering = ["gemeente_id", "maand", "dag", "id"]

    def __str__(self):
        return f"{self.dag}-{self.maand}: {self.wat}"

    def clean(self):
        try:
            datetime.date(2024, self.maand or 0, self.dag or 0)  # a leap year allows 29-2
        except ValueError:
            raise ValidationError({"dag": _("Deze dag bestaat niet in die maand.")}) from None


class Zienswijze(models.Model):
    """A huurdersorganisatie's formal verdict on one afspraak of a jaarschijf, given while
    the jaarschijf is ter bespreking; one per organisation and afspraak (a later verdict
    replaces it, its history keeps the earlier). Review, not content: freezing keeps it."""

    jaarafspraak = models.ForeignKey(
        Jaarafspraak,
        verbose_name=_("afspraak in jaarschijf"),
        on_delete=models.CASCADE,
        related_name="zienswijzen",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("huurdersorganisatie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    oordeel = models.CharField(_("oordeel"), max_length=20, choices=Oordeel.choices)
    tekst = models.TextField(_("toelichting"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField(_("op"), default=timezone.now)
    versie = versie_veld()
    objects = PerJaarschijfQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("zienswijze")
        verbose_name_plural = _("zienswijzen")
        ordering = ["jaarafspraak_id", "organisatie_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaarafspraak", "organisatie"], name="zienswijze_per_organisatie"
            ),
        ]

    def __str__(self):
        return f"{self.organisatie}: {self.get_oordeel_display()}"


class Berichtinstelling(models.Model):
    """Which kinds of e-mail (constants.Berichtsoort) a person switched off; no row: all on."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="berichtinstelling",
    )
    uit = models.JSONField(_("uitgezet"), default=list, blank=True)

    class Meta:
        verbose_name = _("berichtinstelling")
        verbose_name_plural = _("berichtinstellingen")

    def __str__(self):
        return str(self.gebruiker)


def _nieuw_token() -> str:
    return secrets.token_urlsafe(32)


class Kalendertoken(models.Model):
    """The secret in a person's iCalendar address: whoever has it reads that person's
    deadlines without logging in, so it can be replaced (the old address stops working)."""

    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="kalendertoken",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_nieuw_token)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("kalendertoken")
        verbose_name_plural = _("kalendertokens")

    def __str__(self):
        return str(self.gebruiker)


__all__ = [
    "Agendapunt",
    "Berichtinstelling",
    "Cyclusmoment",
    "Doel",
    "Doelrealisatie",
    "Kalendertoken",
    "Voortgangsmelding",
    "Zienswijze",
]
