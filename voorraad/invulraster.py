"""A corporatie's grid for one gemeente's jaarschijf: every row (categorie or segment) by
every column the agreement uses, each cell realisatie and prognose, edited in place.

Unlike voorraad.raster (the read tables, only where a figure exists) this grid shows every
cell, so a figure can be typed where none was. A cell's field name says what it is:
`<tabel>.<rij id>.<kolom>.<soort>`, e.g. `m.12.2026-2027.prognose` or
`s.4.2021-11-01.realisatie`; it never names a figure or a corporatie (voorraad.services.cel).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from afspraken.perioden import peildatum, periode_label
from voorraad.constants import CijferSoort
from voorraad.forms import AantalField
from voorraad.services.cel import MUTATIE, STAND, Cel

SOORTEN = (CijferSoort.REALISATIE, CijferSoort.PROGNOSE)
WAS = "~was"


def kolom_sleutel(tabel: str, kolom) -> str:
    """A column as text: a period (jaar_van, jaar_tot) as '2026' or '2026-2027', a
    peildatum as '2021-11-01'."""
    if tabel == STAND:
        return kolom.isoformat()
    van, tot = kolom
    return str(van) if van == tot else f"{van}-{tot}"


def kolom_label(tabel: str, kolom) -> str:
    return f"{kolom:%d-%m-%Y}" if tabel == STAND else periode_label(*kolom)


def kolom_jaar(tabel: str, kolom) -> int:
    return kolom.year if tabel == STAND else kolom[0]


def celnaam(tabel: str, rij_id: int, kolom, soort: str) -> str:
    return f"{tabel}.{rij_id}.{kolom_sleutel(tabel, kolom)}.{soort}"


# `m.<categorie>.<2026 or 2026-2027>.<soort>` / `s.<segment>.<yyyy-mm-dd>.<soort>`, ASCII
# digits only (int() would take '٣' or ' 12').
_CELNAAM = re.compile(
    r"(?:(?P<m>m)\.(?P<mrij>[0-9]{1,18})\.(?P<van>[0-9]{4})(?:-(?P<tot>[0-9]{4}))?"
    r"|(?P<s>s)\.(?P<srij>[0-9]{1,18})\.(?P<datum>[0-9]{4}-[0-9]{2}-[0-9]{2}))"
    r"\.(?P<soort>[a-z]+)",
    re.ASCII,
)


def lees_celnaam(naam: str) -> Cel | None:
    """The cell a field name names, or None for anything that is not a cell's name."""
    delen = _CELNAAM.fullmatch(naam)
    if delen is None or delen["soort"] not in SOORTEN:
        return None
    if delen["s"]:
        try:
            datum = datetime.date.fromisoformat(delen["datum"])
        except ValueError:
            return None
        if not 1900 <= datum.year <= 2200:
            return None
        return Cel(STAND, int(delen["srij"]), delen["soort"], peildatum=datum)
    van = int(delen["van"])
    tot = int(delen["tot"] or van)
    if not (1900 <= van <= tot <= 2200):
        return None
    return Cel(MUTATIE, int(delen["mrij"]), delen["soort"], jaar_van=van, jaar_tot=tot)


def lees_aantal(tabel: str, tekst: str) -> int | None:
    """Empty or '-' is unknown (None), '0' is zero; raises ValidationError in Dutch."""
    return AantalField(mag_negatief=tabel == MUTATIE).clean(tekst)


@dataclass
class Invulcel:
    naam: str
    soort: str
    label: str  # for screen readers: "nieuwbouw, 2026, prognose"
    waarde: str  # what the input shows: the stored figure, or what was typed
    was: str  # the stored figure as the editor saw it
    bewerkbaar: bool = True
    fout: str = ""
    heeft_cijfer: bool = False


@dataclass
class Invulrij:
    label: str
    toelichting: str
    cellen: list = field(default_factory=list)  # per column: [realisatie, prognose]


@dataclass
class Invulraster:
    tabel: str
    kolommen: list  # labels
    rijen: list = field(default_factory=list)


def tekst(aantal: int | None) -> str:
    return "" if aantal is None else str(aantal)


def mutatiekolommen(startjaar: int, eindjaar: int, gebruikt: set) -> list[tuple]:
    """Every year of the agreement, and the ranges its figures use, in order."""
    return sorted({(j, j) for j in range(startjaar, eindjaar + 1)} | set(gebruikt))


def standkolommen(startjaar: int, eindjaar: int, gebruikt: set) -> list[datetime.date]:
    """31 December of the year before the agreement up to its end, and every peildatum its
    figures use (1 November in some documents)."""
    return sorted({peildatum(j) for j in range(startjaar - 1, eindjaar + 1)} | set(gebruikt))


def bouw(tabel, rijen, kolommen, cijfers, *, actief_tot=None, invoer=None, fouten=None):
    """The grid: `rijen` categories or segments, `cijfers` the corporatie's own figures of
    the jaarschijf; `invoer`/`fouten` what the editor typed and its errors, by field name.
    Columns after the corporatie's last year (Partij.actief_tot) are not editable."""
    invoer, fouten = invoer or {}, fouten or {}
    opgeslagen = {_naam_van(tabel, c): c.aantal for c in cijfers}
    raster = Invulraster(tabel, [kolom_label(tabel, k) for k in kolommen])
    for rij in rijen:
        invulrij = Invulrij(rij.naam, rij.toelichting)
        for kolom in kolommen:
            bewerkbaar = actief_tot is None or kolom_jaar(tabel, kolom) <= actief_tot
            cel = []
            for soort in SOORTEN:
                naam = celnaam(tabel, rij.pk, kolom, soort)
                was = tekst(opgeslagen.get(naam))
                cel.append(
                    invulcel(
                        rij,
                        tabel,
                        kolom,
                        soort,
                        waarde=invoer.get(naam, was),
                        was=invoer.get(naam + WAS, was),
                        bewerkbaar=bewerkbaar,
                        fout=fouten.get(naam, ""),
                        heeft_cijfer=naam in opgeslagen,
                    )
                )
            invulrij.cellen.append(cel)
        raster.rijen.append(invulrij)
    return raster


def invulcel(rij, tabel: str, kolom, soort: str, **velden) -> Invulcel:
    plek = f"{rij.naam}, {kolom_label(tabel, kolom)}, {CijferSoort(soort).label.lower()}"
    return Invulcel(naam=celnaam(tabel, rij.pk, kolom, soort), soort=soort, label=plek, **velden)


def kolom_van(cel: Cel):
    return cel.peildatum if cel.tabel == STAND else (cel.jaar_van, cel.jaar_tot)


def _naam_van(tabel, cijfer) -> str:
    if tabel == MUTATIE:
        return celnaam(tabel, cijfer.categorie_id, (cijfer.jaar_van, cijfer.jaar_tot), cijfer.soort)
    return celnaam(tabel, cijfer.segment_id, cijfer.peildatum, cijfer.soort)


def ingevuld(post) -> list[tuple[str, Cel, str, str]]:
    """The cells a request carries: (name, cell, typed, as it was), names that are no cell
    skipped."""
    cellen = []
    for naam in post:
        if naam.endswith(WAS) or (cel := lees_celnaam(naam)) is None:
            continue
        cellen.append((naam, cel, post.get(naam, ""), post.get(naam + WAS, "")))
    return cellen


def fout_tekst(fout: ValidationError) -> str:
    if hasattr(fout, "message_dict"):
        return " ".join(m for berichten in fout.message_dict.values() for m in berichten)
    return " ".join(fout.messages)
