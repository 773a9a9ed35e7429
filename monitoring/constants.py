"""Choices of monitoring's own models (targets, the calendar)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Richting(models.TextChoices):
    MINIMAAL = "minimaal", _("minimaal")
    MAXIMAAL = "maximaal", _("maximaal")
    PRECIES = "precies", _("precies")


class AgendaSoort(models.TextChoices):
    BOD = "bod", _("Bod")
    ACTIVITEITENOVERZICHT = "activiteitenoverzicht", _("Activiteitenoverzicht")
    OVERLEG = "overleg", _("Overleg")
    EVALUATIE = "evaluatie", _("Evaluatie")
    ONDERTEKENING = "ondertekening", _("Ondertekening")
    INDIENEN = "indienen", _("Indienen")
    OVERIG = "overig", _("Overig")


class Oordeel(models.TextChoices):
    """A huurdersorganisatie's formal zienswijze on an afspraak (issue #11, point 5)."""

    AKKOORD = "akkoord", _("Akkoord")
    KANTTEKENING = "kanttekening", _("Akkoord met kanttekening")
    NIET_AKKOORD = "niet_akkoord", _("Niet akkoord")


class Berichtsoort(models.TextChoices):
    """The e-mails Driehoek sends (issue #11, point 6); each person can switch each off."""

    TER_BESPREKING = "ter_bespreking", _("Een jaarschijf ligt ter bespreking")
    TE_ONDERTEKENEN = "te_ondertekenen", _("Een jaarschijf is klaar om te ondertekenen")
    TERMIJN = "termijn", _("Een termijn uit de agenda nadert")
    REACTIE = "reactie", _("Iemand reageert op uw opmerking of in een gesprek waaraan u deelnam")
