"""The SMART check: which afspraken of an agreement are not specific, measurable or
time-bound enough to monitor."""

import re

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from afspraken.models import Afspraak, Overeenkomst
from afspraken.selectors import afspraken_van_overeenkomst
from monitoring.models_voortgang import Doel

_CIJFER = re.compile(r"\d")


def smart_gebreken(afspraak: Afspraak) -> list[str]:
    """What makes an afspraak not SMART enough to monitor, as Dutch reasons (empty: fine).

    The rule, deliberately simple so every party can predict it:
    * Specifiek/Toewijsbaar: at least one trekker;
    * Tijdgebonden: a periode is filled in;
    * Meetbaar: a `doel` is filled in, or the inhoud or beoogd resultaat contains a digit
      (a number, percentage, year or date: "320 woningen", "90%", "voor 1 juli").
    * A target as data (monitoring's Doel, annotated `heeft_doelen` by smart_check) makes it
      measurable, and timed too when it names its peiljaar (`heeft_peiljaar`).
    Applies to every soort; `trekkers` must be prefetched to keep this query-free.
    """
    gebreken = []
    heeft_doelen = getattr(afspraak, "heeft_doelen", False)
    if not afspraak.trekkers.all():
        gebreken.append(_("geen trekker"))
    if not afspraak.periode.strip() and not getattr(afspraak, "heeft_peiljaar", False):
        gebreken.append(_("geen periode"))
    if (
        not heeft_doelen
        and not afspraak.doel.strip()
        and not _CIJFER.search(f"{afspraak.inhoud} {afspraak.resultaat}")
    ):
        gebreken.append(_("niets meetbaars (geen doel en geen getal)"))
    return gebreken


def _smart_kandidaten() -> Q:
    """A database filter that keeps every afspraak smart_gebreken() could fault (and maybe a
    few more), so a national-size overeenkomst does not load its sound afspraken at all.

    Plain ASCII classes on purpose: whatever SQLite's and PostgreSQL's regex make of Unicode,
    a row with an ASCII letter or digit is certainly not blank, and with an ASCII digit
    certainly measurable; smart_gebreken() stays the judge of what is left.
    """
    heeft_trekker = Exists(Afspraak.trekkers.through.objects.filter(afspraak_id=OuterRef("pk")))
    niet_leeg = r"[0-9A-Za-z]"
    getal = r"[0-9]"
    return (
        ~heeft_trekker
        | (~Q(periode__regex=niet_leeg) & Q(heeft_peiljaar=False))
        | (
            ~Q(doel__regex=niet_leeg)
            & ~Q(inhoud__regex=getal)
            & ~Q(resultaat__regex=getal)
            & Q(heeft_doelen=False)
        )
    )


def smart_check(user, overeenkomst: Overeenkomst) -> list[tuple[Afspraak, list[str]]]:
    afspraken = (
        afspraken_van_overeenkomst(user, overeenkomst)
        .annotate(
            heeft_doelen=Exists(Doel.objects.filter(afspraak_id=OuterRef("pk"))),
            heeft_peiljaar=Exists(
                Doel.objects.filter(afspraak_id=OuterRef("pk"), peiljaar__isnull=False)
            ),
        )
        .filter(_smart_kandidaten())
        .order_by("thema__volgorde", "volgorde", "code")
    )
    result = []
    for afspraak in afspraken:
        gebreken = smart_gebreken(afspraak)
        if gebreken:
            result.append((afspraak, gebreken))
    return result
