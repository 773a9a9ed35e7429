from collections.abc import Iterable
from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _


def keuzelabels(keuzen: type[models.Choices] | Iterable[tuple]) -> dict:
    """Value -> label in the active language, for a choices class or (value, label) pairs
    (a field's `flatchoices`). Translated at call time: a dict built at import would hold
    the labels of whatever language was active then."""
    paren = keuzen.choices if isinstance(keuzen, type) else keuzen
    return {waarde: str(label) for waarde, label in paren}


class Soort(models.TextChoices):
    PRESTATIEAFSPRAAK = "prestatieafspraak", _("Prestatieafspraak")
    PROCESAFSPRAAK = "procesafspraak", _("Procesafspraak")
    AMBITIE = "ambitie", _("Ambitie")
    DOORKIJK = "doorkijk", _("Doorkijk")


class Voortgang(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("Niet gestart")
    OP_KOERS = "op_koers", _("Op koers")
    AANDACHT = "aandacht", _("Vraagt aandacht")
    GEREALISEERD = "gerealiseerd", _("Gerealiseerd")
    VERVALLEN = "vervallen", _("Vervallen")


class JaarschijfStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_BESPREKING = "ter_bespreking", _("Ter bespreking")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")
    ONDERTEKEND = "ondertekend", _("Ondertekend")


class Plek(models.TextChoices):
    """Where a hoofdstuk stands in the document."""

    VOOR = "voor", _("Vóór de thema's")
    THEMA = "thema", _("In een thema, vóór de afspraken")
    VOORRAAD = "voorraad", _("Onder de voorraadtabellen")
    NA = "na", _("Na de thema's, vóór de ondertekening")
    BIJLAGE = "bijlage", _("Bijlage")


class HoofdstukSoort(models.TextChoices):
    CONTEXT = "context", _("Context")
    ROLLEN = "rollen", _("Rollen en verantwoordelijkheden")
    VOORBEHOUD = "voorbehoud", _("Voorbehoud")
    GELDIGHEID = "geldigheid", _("Geldigheid")
    SLOTBEPALING = "slotbepaling", _("Slotbepaling")
    BEGRIPPEN = "begrippen", _("Begrippen")
    BIJLAGE = "bijlage", _("Bijlage")
    OVERIG = "overig", _("Overig")


# What an .xlsx file is, for downloads and upload fields alike.
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Content can no longer change once the parties have fixed or signed it.
BEVROREN_STATUSSEN = frozenset({JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND})


class Overgang(NamedTuple):
    """One allowed step in a jaarschijf's lifecycle (DESIGN §4)."""

    actie: str
    van: frozenset
    naar: str
    label: str


# The lifecycle, once: the services move a jaarschijf only along these rows, and the pages
# offer exactly the rows whose `van` holds the current status.
OVERGANGEN = {
    o.actie: o
    for o in (
        Overgang(
            "ter_bespreking",
            frozenset({JaarschijfStatus.CONCEPT}),
            JaarschijfStatus.TER_BESPREKING,
            _("Ter bespreking voorleggen"),
        ),
        Overgang(
            "vaststellen",
            frozenset({JaarschijfStatus.TER_BESPREKING}),
            JaarschijfStatus.VASTGESTELD,
            _("Vaststellen"),
        ),
        Overgang(
            "terug_naar_concept",
            frozenset({JaarschijfStatus.TER_BESPREKING, JaarschijfStatus.VASTGESTELD}),
            JaarschijfStatus.CONCEPT,
            _("Terug naar concept"),
        ),
        # A change after signing is a new version (afspraken.services.wijziging).
        Overgang(
            "wijziging_starten",
            frozenset({JaarschijfStatus.ONDERTEKEND}),
            JaarschijfStatus.CONCEPT,
            _("Wijziging starten"),
        ),
        Overgang(
            "ondertekend_verklaren",
            frozenset({JaarschijfStatus.VASTGESTELD}),
            JaarschijfStatus.ONDERTEKEND,
            _("Ondertekend verklaren"),
        ),
    )
}
