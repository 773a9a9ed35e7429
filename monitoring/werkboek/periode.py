"""The period of an agreement: '2024-2028', one year '2026', or exact dates."""

import datetime
import re

from django.utils.translation import gettext as _

from afspraken.perioden import hele_jaren
from monitoring.werkboek import waarden

_DATUMS = re.compile(r"^(\S+)\s+t/m\s+(\S+)$")


def lees_periode(waarde) -> tuple[datetime.date, datetime.date]:
    """(startdatum, einddatum): whole years for '2024-2028' and '2026', or the dates of
    '02-10-2023 t/m 31-12-2027' (the form Overeenkomst.periode gives for other periods).
    """
    match = _DATUMS.match(waarden.tekst(waarde))
    if match:
        start, einde = (waarden.datum(deel) for deel in match.groups())
        if einde < start:
            raise waarden.Ongeldig(
                _("de periode {waarde} loopt achteruit").format(waarde=waarden.toon(waarde))
            )
        return start, einde
    eerste, laatste = waarden.jaren(waarde)
    return hele_jaren(eerste, laatste)
