"""Cell values of the stock sheets that the general parsers (monitoring.werkboek.waarden) do
not read: a mutation's explicit sign (WORKBOOK.md version 2: `+200`, `-17`)."""

from django.utils.translation import gettext as _

from monitoring.werkboek import waarden


def getekend_aantal(waarde) -> int | None:
    """A whole number that may carry a sign, `+200` as 200; otherwise as
    `waarden.geheel_getal` (empty or '-' unknown, Dutch thousands separators, bounds)."""
    if isinstance(waarde, str) and waarde.strip().startswith("+"):
        rest = waarde.strip()[1:].strip()
        if not rest or rest[0] in "+-":
            raise waarden.Ongeldig(
                _("{waarde} is geen geheel getal").format(waarde=waarden.toon(waarde))
            )
        return waarden.geheel_getal(rest)
    return waarden.geheel_getal(waarde)
