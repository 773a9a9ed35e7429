"""The remarks of a jaarschijf as threads, with what their block shows."""

from django.db.models import Prefetch, QuerySet

from afspraken.models import Jaarafspraak, Jaarschijf
from monitoring.models import Opmerking, Reactie


def opmerkingen_met_auteur() -> QuerySet[Opmerking]:
    """Remarks with their author and their replies (one query more, whatever their number).
    The jaarschijf and agreement come along so the per-remark permissions (reply, delete)
    resolve without a query of their own."""
    reacties = Reactie.objects.select_related("auteur", "organisatie", "verwijderd_door")
    return (
        Opmerking.objects.select_related(
            "auteur", "organisatie", "verwijderd_door", "jaarschijf__overeenkomst"
        )
        .prefetch_related(Prefetch("reacties", queryset=reacties))
        .order_by("aangemaakt_op", "id")
    )


def opmerkingen_van(jaarschijf: Jaarschijf, jaarafspraak: Jaarafspraak | None) -> list:
    """The remarks of one block: on `jaarafspraak`, or on the jaarschijf as a whole."""
    return list(opmerkingen_met_auteur().filter(jaarschijf=jaarschijf, jaarafspraak=jaarafspraak))


def open_opmerkingen(jaarschijf: Jaarschijf) -> list[Opmerking]:
    """The remarks still waiting for the gemeente, oldest first, in one query: for the list
    at the top of the jaarschijf page. A deleted remark waits for nothing."""
    return list(
        Opmerking.objects.filter(
            jaarschijf=jaarschijf, afgehandeld=False, verwijderd_op__isnull=True
        )
        .select_related("auteur", "organisatie", "jaarafspraak__afspraak")
        .order_by("aangemaakt_op", "id")
    )
