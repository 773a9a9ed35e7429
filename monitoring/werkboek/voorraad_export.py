"""The stock sheets' version-2 parts on export (WORKBOOK.md): a stock level's own peildatum
and note, and the agreement's segments with their whole and note."""

from afspraken.models import Jaarschijf
from afspraken.perioden import peildatum
from voorraad.models import Segment


def stand_versie2(stand) -> tuple:
    """`peildatum` (empty when it is 31 December of `jaar`, as version 1 reads it) and
    `toelichting`."""
    eigen = None if stand.peildatum == peildatum(stand.peildatum.year) else stand.peildatum
    return (eigen, stand.toelichting)


def segment_rijen(jaarschijf: Jaarschijf) -> list[tuple]:
    """The agreement's own segments that say more than a name: a whole or a note."""
    segmenten = (
        Segment.objects.filter(overeenkomst_id=jaarschijf.overeenkomst_id)
        .exclude(onderdeel_van__isnull=True, toelichting="")
        .select_related("onderdeel_van")
        .order_by("volgorde", "naam")
    )
    return [
        (s.naam, s.onderdeel_van.naam if s.onderdeel_van else "", s.toelichting) for s in segmenten
    ]
