"""An iCalendar file (RFC 5545) of calendar items, written by hand: all-day events only,
text escaped and lines folded as the standard asks, so no dependency is needed."""

import datetime

from django.urls import reverse
from django.utils import timezone

from monitoring.kalender import KalenderItem
from monitoring.links import absolute_url

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


def _link(item: KalenderItem) -> str:
    """Where the item is kept: the jaarschijf's agenda, or the gemeente's calendar."""
    if item.jaarschijf is not None:
        return absolute_url(reverse("monitoring:agenda", args=[item.jaarschijf.pk]))
    if item.gemeente is not None:
        return absolute_url(reverse("monitoring:kalender", args=[item.gemeente.pk]))
    return ""


def _event(item: KalenderItem, stempel: str, domein: str) -> list[str]:
    samenvatting = f"{item.wat} ({item.gemeente})" if item.gemeente else item.wat
    beschrijving = item.wanneer
    if item.wie:
        beschrijving += " · " + ", ".join(o.afkorting or o.naam for o in item.wie)
    link = _link(item)
    return [
        "BEGIN:VEVENT",
        f"UID:{item.uid}@{domein}",
        f"DTSTAMP:{stempel}",
        f"DTSTART;VALUE=DATE:{item.datum:%Y%m%d}",
        f"DTEND;VALUE=DATE:{item.datum + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_tekst(samenvatting)}",
        f"DESCRIPTION:{_tekst(beschrijving)}",
        # A URI value, not TEXT: no escaping (RFC 5545 §3.8.4.6).
        *([f"URL:{link}"] if link else []),
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
