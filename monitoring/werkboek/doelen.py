"""The `doelen` sheet (WORKBOOK.md version 2): measurable targets in and out.

A row belongs to an afspraak (`code`) or to a theme as a whole (`thema`). `waarde` is a
number (`320`, `1.895`, `12,5`; `85%` is 85 with eenheid `%`) or a value that is none (`C`);
`gerealiseerd` with `gerealiseerd_op` is the latest realised value. The sheet is optional:
without it the agreement's targets stay as they are.
"""

import datetime
import re
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from afspraken import vastlegging
from afspraken.bevriezing import Bevroren
from afspraken.models import Jaarafspraak, Jaarschijf
from afspraken.services.bulk import RegelFout
from monitoring.constants import Richting
from monitoring.models_voortgang import Doel, Doelrealisatie
from monitoring.selectors.doelen import doelstanden
from monitoring.voortgang.bulk import DoelRegel, doelen_bijwerken_bulk
from monitoring.werkboek import formaat, keuzen, waarden
from monitoring.werkboek.meldingen import Melding, WerkboekFout
from monitoring.werkboek.rij import FOUT, lengte

_GETAL = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$", re.ASCII)
MAX_WAARDE = Decimal("999999999999")


@dataclass
class DoelGegevens:
    rij: int
    code: str
    thema: str
    omschrijving: str
    waarde: Decimal | None
    waarde_tekst: str = ""
    waarde_tot: Decimal | None = None
    circa: bool = False
    eenheid: str = ""
    richting: str = Richting.MINIMAAL
    basis: Decimal | None = None
    basisdatum: datetime.date | None = None
    peiljaar: int | None = None
    partij: int | None = None
    gerealiseerd: Decimal | None = None
    gerealiseerd_tekst: str = ""
    gerealiseerd_op: datetime.date | None = None


def getal_of_tekst(cel) -> tuple[Decimal | None, str, bool]:
    """(number, text, was a percentage): `1.895` -> 1895, `12,5` -> 12.5, `85%` -> 85 with
    True, `C` -> (None, 'C', False). An Excel number cell is taken as it is."""
    if isinstance(cel, bool):
        return None, waarden.tekst(cel), False
    if isinstance(cel, int | float):
        return Decimal(str(cel)), "", False
    inhoud = waarden.tekst(cel)
    procent = inhoud.endswith("%")
    kaal = inhoud.removesuffix("%").strip().replace(" ", "")
    if kaal and _GETAL.match(kaal):
        try:
            getal = Decimal(kaal.replace(".", "").replace(",", "."))
        except InvalidOperation:
            return None, inhoud, False
        if abs(getal) > MAX_WAARDE:
            raise waarden.Ongeldig(_("{waarde} is te groot").format(waarde=waarden.toon(cel)))
        return getal, "", procent
    return None, inhoud, False


def getal(cel) -> Decimal | None:
    waarde, tekst, _procent = getal_of_tekst(cel)
    if tekst:
        raise waarden.Ongeldig(_("{waarde} is geen getal").format(waarde=waarden.toon(cel)))
    return waarde


def _eigenaar(rij, codes: set[str], themas: dict[str, str]) -> tuple[str, str]:
    code, thema = rij.tekst("code"), rij.tekst("thema")
    if not code and not thema:
        rij.fout("code", _("vul een code (een afspraak) of een thema in"))
    elif code and code not in codes:
        rij.fout("code", _("onbekende afspraak '{code}'").format(code=code))
    elif not code and thema.lower() not in themas:
        rij.fout("thema", _("onbekend thema '{thema}'").format(thema=thema))
    return code, themas.get(thema.lower(), thema)


def _rij(rij, index, codes, themas) -> DoelGegevens:
    code, thema = _eigenaar(rij, codes, themas)
    waarde = rij.lees("waarde", getal_of_tekst, verplicht=True)
    waarde, tekst, procent = waarde if waarde is not FOUT else (None, "", False)
    eenheid = rij.tekst("eenheid", max_lengte=lengte(Doel, "eenheid")) or ("%" if procent else "")
    gerealiseerd = rij.lees("gerealiseerd", getal_of_tekst)
    gerealiseerd = gerealiseerd if gerealiseerd is not FOUT else (None, "", False)
    partij = waarden.tekst(rij.cellen.get("partij"))
    return DoelGegevens(
        rij=rij.nummer,
        code=code,
        thema=thema,
        omschrijving=rij.tekst("omschrijving", True, lengte(Doel, "omschrijving")),
        waarde=waarde,
        waarde_tekst=tekst[: lengte(Doel, "waarde_tekst")],
        waarde_tot=rij.lees("waarde_tot", getal),
        circa=bool(rij.lees("circa", keuzen.ja_nee)),
        eenheid=eenheid,
        richting=rij.lees("richting", waarden.keuze, Richting, Richting.MINIMAAL),
        basis=rij.lees("basis", getal),
        basisdatum=rij.lees("basisdatum", waarden.datum),
        peiljaar=rij.lees(
            "peiljaar", lambda cel: keuzen.jaartal(cel) if waarden.tekst(cel) else None
        ),
        partij=rij.lees("partij", lambda cel: index.partij(partij)) if partij else None,
        gerealiseerd=gerealiseerd[0],
        gerealiseerd_tekst=gerealiseerd[1],
        gerealiseerd_op=rij.lees("gerealiseerd_op", waarden.datum),
    )


def lees_doelen(lezer, index, themas, codes: set[str]) -> list[DoelGegevens] | None:
    """None without the sheet: the agreement's targets then stay as they are."""
    if formaat.DOELEN.naam not in lezer.bladen:
        return None
    namen = {thema.naam.lower(): thema.naam for thema in themas}
    doelen = []
    for rij in lezer._rijen(formaat.DOELEN):
        gegevens = _rij(rij, index, codes, namen)
        if rij.ok:
            doelen.append(gegevens)
    return doelen


# --- Import -------------------------------------------------------------------------------


@contextmanager
def op_blad(blad: formaat.Blad, rijen: list):
    """A row the bulk service refuses as a message on the sheet's Excel row (the importer's
    own `_op_blad` does the same for its sheets); a frozen jaarschijf passes through."""
    try:
        yield
    except Bevroren:
        raise
    except ValidationError as fout:
        rij = rijen[fout.index].rij if isinstance(fout, RegelFout) else None
        paren = fout.message_dict.items() if hasattr(fout, "error_dict") else [("", fout.messages)]
        raise WerkboekFout(
            [
                Melding(bericht, blad.naam, rij, veld if veld in blad.kolommen else "")
                for veld, berichten in paren
                for bericht in berichten
            ]
        ) from fout


def doel_regels(doelen: list[DoelGegevens], afspraken: dict, themas: dict, organisaties) -> list:
    """`afspraken`: code -> Afspraak; `themas`: lower-case name -> Thema."""
    velden = ("omschrijving", "waarde", "waarde_tekst", "waarde_tot", "circa", "eenheid")
    velden += ("richting", "basis", "basisdatum", "peiljaar")
    return [
        DoelRegel(
            afspraak=afspraken.get(g.code) if g.code else None,
            thema=None if g.code else themas.get(g.thema.lower()),
            velden={
                **{veld: getattr(g, veld) for veld in velden},
                "partij": organisaties[g.partij] if g.partij is not None else None,
            },
            gerealiseerd=g.gerealiseerd,
            gerealiseerd_tekst=g.gerealiseerd_tekst,
            gerealiseerd_op=g.gerealiseerd_op,
        )
        for g in doelen
    ]


def doelen_importeren(*, werkboek, overeenkomst, per_code: dict, organisaties, door) -> None:
    """After the afspraken: `per_code` maps code -> jaarafspraak (importer._afspraken)."""
    doelen = getattr(werkboek, "doelen", None)
    if not doelen:
        return  # no sheet, or no rows: no afspraak's targets are named, none change
    afspraken = {code: ja.afspraak for code, ja in per_code.items()}
    themas = {t.naam.lower(): t for t in overeenkomst.themas.all()}
    with op_blad(formaat.DOELEN, doelen):
        doelen_bijwerken_bulk(
            overeenkomst=overeenkomst,
            doelen=doel_regels(doelen, afspraken, themas, organisaties),
            door=door,
        )


# --- Export -------------------------------------------------------------------------------


def _uit(waarde: Decimal | None):
    if waarde is None:
        return None
    return int(waarde) if waarde == waarde.to_integral_value() else float(waarde)


def _ref(organisatie) -> str:
    return (organisatie.afkorting or organisatie.naam) if organisatie else ""


def _rij_uit(d: Doel, code: str, thema: str, realisatie) -> tuple:
    r = realisatie
    return (
        code,
        "" if d.afspraak_id else thema,
        d.omschrijving,
        _uit(d.waarde) if d.waarde is not None else d.waarde_tekst,
        _uit(d.waarde_tot),
        keuzen.ja_nee_tekst(True) if d.circa else "",
        d.eenheid,
        d.richting,
        _uit(d.basis),
        d.basisdatum,
        d.peiljaar,
        _ref(d.partij),
        (_uit(r.waarde) if r.waarde is not None else r.waarde_tekst) if r else None,
        r.peildatum if r else None,
    )


def _laatste(veld: str) -> Subquery:
    return Subquery(
        Doelrealisatie.objects.filter(doel=OuterRef("pk"))
        .order_by("-peildatum", "-gemeld_op", "-id")
        .values(veld)[:1]
    )


def _levende_rijen(jaarschijf: Jaarschijf) -> list[tuple]:
    """One query: the targets of the jaarschijf's afspraken and of their themes, each with
    its latest realised value."""
    in_jaarschijf = Exists(
        Jaarafspraak.objects.filter(jaarschijf=jaarschijf, afspraak_id=OuterRef("afspraak_id"))
    )
    thema_in_jaarschijf = Exists(
        Jaarafspraak.objects.filter(jaarschijf=jaarschijf, afspraak__thema_id=OuterRef("thema_id"))
    )
    doelen = (
        Doel.objects.filter(overeenkomst_id=jaarschijf.overeenkomst_id)
        .filter(in_jaarschijf | (Q(afspraak__isnull=True) & thema_in_jaarschijf))
        .select_related("afspraak", "thema", "partij")
        .annotate(r_waarde=_laatste("waarde"), r_tekst=_laatste("waarde_tekst"))
        .annotate(r_datum=_laatste("peildatum"))
        .order_by("volgorde", "id")
    )
    rijen = []
    for d in doelen:
        r = None
        if d.r_datum is not None:
            r = Doelrealisatie(waarde=d.r_waarde, waarde_tekst=d.r_tekst, peildatum=d.r_datum)
        code = d.afspraak.code if d.afspraak_id else ""
        rijen.append(_rij_uit(d, code, d.thema.naam if d.thema_id else "", r))
    return rijen


def doelen_rijen(jaarschijf: Jaarschijf) -> list[tuple]:
    """The targets of the jaarschijf's afspraken and of its themes, in the column order of
    formaat.DOELEN; a frozen jaarschijf's as they were fixed (monitoring.selectors.doelen)."""
    vast = vastlegging.vastgelegd(jaarschijf)
    if not vast:
        return _levende_rijen(jaarschijf)
    codes = {a.pk: a.code for a in vast.afspraken.values()}
    themas = {t.pk: t.naam for t in vast.themas}
    return [
        _rij_uit(
            s.doel, codes.get(s.doel.afspraak_id, ""), themas.get(s.doel.thema_id, ""), s.realisatie
        )
        for s in doelstanden(jaarschijf.overeenkomst_id, jaarschijf)
        if s.doel.afspraak_id in codes or (s.doel.afspraak_id is None and s.doel.thema_id in themas)
    ]
