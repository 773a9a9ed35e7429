"""An iCalendar file (RFC 5545) of calendar items, written by hand: all-day events only,
text escaped and lines folded as the standard asks, so no dependency is needed."""

import datetime

from django.utils import timezone

from monitoring.kalender import KalenderItem

PRODID = "-//Driehoek//Prestatieafspraken//NL"


def _tekst(waarde: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        str(waarde)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _vouwen(regel: str) -> str:
    """Lines of at most 75 octets; continuation lines start with a space (§3.1)."""
    delen = []
    huidig = ""
    for teken in regel:
        if len((huidig + teken).encode()) > (75 if not delen else 74):
            delen.append(huidig)
            huidig = ""
        huidig += teken
    delen.append(huidig)
    return "\r\n ".join(delen)


def _event(item: KalenderItem, stempel: str, domein: str) -> list[str]:
    samenvatting = f"{item.wat} ({item.gemeente})" if item.gemeente else item.wat
    beschrijving = item.wanneer
    if item.wie:
        beschrijving += " · " + ", ".join(o.afkorting or o.naam for o in item.wie)
    return [
        "BEGIN:VEVENT",
        f"UID:{item.uid}@{domein}",
        f"DTSTAMP:{stempel}",
        f"DTSTART;VALUE=DATE:{item.datum:%Y%m%d}",
        f"DTEND;VALUE=DATE:{item.datum + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_tekst(samenvatting)}",
        f"DESCRIPTION:{_tekst(beschrijving)}",
        "END:VEVENT",
    ]


def ical(items: list[KalenderItem], *, naam: str, domein: str = "driehoek") -> bytes:
    """The calendar of the dated items (an undated agenda row has no place in it)."""
    stempel = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    regels = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_tekst(naam)}",
    ]
    for item in items:
        if item.datum is not None:
            regels += _event(item, stempel, domein)
    regels.append("END:VCALENDAR")
    return ("\r\n".join(_vouwen(r) for r in regels) + "\r\n").encode()
