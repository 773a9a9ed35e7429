"""The remarks of a jaarschijf, with what their block shows."""

from django.db.models import QuerySet

from afspraken.models import Jaarafspraak, Jaarschijf
from monitoring.models import Opmerking


def opmerkingen_met_auteur() -> QuerySet[Opmerking]:
    return Opmerking.objects.select_related("auteur", "organisatie").order_by("aangemaakt_op", "id")


def opmerkingen_van(jaarschijf: Jaarschijf, jaarafspraak: Jaarafspraak | None) -> list:
    """The remarks of one block: on `jaarafspraak`, or on the jaarschijf as a whole."""
    return list(opmerkingen_met_auteur().filter(jaarschijf=jaarschijf, jaarafspraak=jaarafspraak))
