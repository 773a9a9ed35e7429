from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisatieType(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    HUURDERSORGANISATIE = "huurdersorganisatie", _("Huurdersorganisatie")
    OVERIG = "overig", _("Overig")


class Rol(models.TextChoices):
    """A person's role in their organisation; every role includes the rights of a medewerker."""

    MEDEWERKER = "medewerker", _("Medewerker")
    ONDERTEKENAAR = "ondertekenaar", _("Ondertekenaar")
    BEHEERDER = "beheerder", _("Beheerder")
