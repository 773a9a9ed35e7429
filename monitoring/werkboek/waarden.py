"""Turning cell values into Python values; each parser raises Ongeldig with a Dutch reason."""

import datetime
import re

from django.utils.translation import gettext as _

from gemeenten.getallen import MAX_AANTAL, MAX_JAAR, MIN_JAAR, duizendtallen, lees_geheel_getal


class Ongeldig(ValueError):
    pass


def tekst(waarde) -> str:
    """A cell as text: stripped, Windows line breaks normalised, numbers without '.0'."""
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    if isinstance(waarde, datetime.datetime):
        waarde = waarde.date() if waarde.time() == datetime.time() else waarde
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    return str(waarde).replace("\r\n", "\n").replace("\r", "\n").strip()


def toon(waarde) -> str:
    """A cell value quoted for an error message, shortened."""
    inhoud = tekst(waarde)
    return f"'{inhoud[:40]}…'" if len(inhoud) > 40 else f"'{inhoud}'"


def geheel_getal(waarde) -> int | None:
    """A whole number of at most a million either way; Dutch thousands separators allowed
    ('1.129'), Western digits only (not '٣'); empty or '-' is None."""
    if isinstance(waarde, bool):
        raise Ongeldig(_("{waarde} is geen geheel getal").format(waarde=toon(waarde)))
    if isinstance(waarde, int):
        getal = waarde
    elif isinstance(waarde, float):
        if not waarde.is_integer():
            raise Ongeldig(_("{waarde} is geen geheel getal").format(waarde=toon(waarde)))
        getal = int(waarde)
    else:
        inhoud = tekst(waarde).replace(" ", "")
        if inhoud in ("", "-"):
            return None
        getal = lees_geheel_getal(inhoud)
        if getal is None:
            raise Ongeldig(_("{waarde} is geen geheel getal").format(waarde=toon(waarde)))
    if abs(getal) > MAX_AANTAL:
        raise Ongeldig(
            _("{waarde} is te groot; een aantal is hoogstens {maximum}").format(
                waarde=toon(waarde), maximum=duizendtallen(MAX_AANTAL)
            )
        )
    return getal


def jaar(waarde) -> int:
    getal = geheel_getal(waarde)
    if getal is None or not MIN_JAAR <= getal <= MAX_JAAR:
        raise Ongeldig(_("{waarde} is geen jaartal").format(waarde=toon(waarde)))
    return getal


_BEREIK = re.compile(r"^\s*([0-9]{4})\s*(?:[/-]\s*([0-9]{4}))?\s*$")


def jaren(waarde) -> tuple[int, int]:
    """A year '2025' or a range '2026/2027' / '2026-2027' as (first, last)."""
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        eerste = jaar(waarde)
        return eerste, eerste
    match = _BEREIK.match(tekst(waarde))
    if not match:
        raise Ongeldig(
            _("{waarde} is geen jaar of periode (zoals 2025 of 2026/2027)").format(
                waarde=toon(waarde)
            )
        )
    eerste = jaar(match.group(1))
    laatste = jaar(match.group(2)) if match.group(2) else eerste
    if laatste < eerste:
        raise Ongeldig(
            _("de periode {waarde} loopt achteruit; schrijf het vroegste jaar eerst").format(
                waarde=toon(waarde)
            )
        )
    return eerste, laatste


_DATUM_NL = re.compile(r"^([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})$")


def datum(waarde) -> datetime.date | None:
    """An Excel date cell, ISO text '2025-11-20' or Dutch '20-11-2025'; empty is None."""
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    inhoud = tekst(waarde)
    if not inhoud:
        return None
    try:
        match = _DATUM_NL.match(inhoud)
        if match:
            dag, maand, jaartal = (int(deel) for deel in match.groups())
            return datetime.date(jaartal, maand, dag)
        return datetime.date.fromisoformat(inhoud)
    except ValueError as exc:
        raise Ongeldig(
            _("{waarde} is geen datum (schrijf bijvoorbeeld 2025-11-20)").format(
                waarde=toon(waarde)
            )
        ) from exc


def keuze(waarde, choices, standaard: str = "") -> str:
    """One of a TextChoices' values, also accepted by its label, case-insensitive."""
    inhoud = tekst(waarde).lower()
    if not inhoud:
        return standaard
    for value, label in choices.choices:
        if inhoud in (value.lower(), str(label).lower()):
            return value
    raise Ongeldig(
        _("onbekende waarde {waarde}; kies uit {opties}").format(
            waarde=toon(waarde), opties=", ".join(choices.values)
        )
    )
