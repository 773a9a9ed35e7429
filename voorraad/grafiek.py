"""Charts as SVG, drawn on the server (issue 12, point 4): the same markup on the page and
in the PDF, no JavaScript. This module computes the geometry; the templates
`voorraad/_lijngrafiek.html` and `voorraad/_staafgrafiek.html` draw it inside a <figure>
whose table is the text alternative.

Realisatie is a solid line (a filled bar), prognose a dashed one (an outlined bar): told
apart by the stroke, not by colour alone; every line carries its name at its end.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

BREEDTE, HOOGTE = 640, 280
LINKS, RECHTS, BOVEN, ONDER = 56, 150, 16, 32
# Colours with enough contrast on white; the series are also named, never colour alone.
KLEUREN = ("#01689b", "#a90061", "#39870c", "#d52b1e", "#42145f", "#e17000", "#007bc7")
TOTAAL_KLEUR = "#000000"


@dataclass
class Lijn:
    naam: str
    kleur: str
    punten: str  # "x,y x,y ..." for <polyline>
    gestreept: bool
    label_x: float = 0
    label_y: float = 0
    dik: bool = False
    # Every point also as a marker: a line of one point is no line (filled: realisatie).
    markers: list = field(default_factory=list)


@dataclass
class Staaf:
    x: float
    y: float
    breedte: float
    hoogte: float
    gevuld: bool
    titel: str


@dataclass
class Grafiek:
    titel: str
    breedte: int = BREEDTE
    hoogte: int = HOOGTE
    lijnen: list = field(default_factory=list)
    staven: list = field(default_factory=list)
    x_labels: list = field(default_factory=list)  # [(x, text)]
    y_labels: list = field(default_factory=list)  # [(y, text)]
    nullijn: float = 0
    leeg: bool = True


def _dutch(getal: int) -> str:
    return f"{getal:,}".replace(",", ".")


def _schaal(laagste: float, hoogste: float):
    """A y-axis from below the lowest to above the highest value, with 4 gridlines."""
    laagste, hoogste = min(laagste, 0), max(hoogste, 0)
    if hoogste == laagste:
        hoogste = laagste + 1
    binnen = HOOGTE - BOVEN - ONDER

    def y(waarde):
        return round(BOVEN + binnen * (hoogste - waarde) / (hoogste - laagste), 1)

    stap = (hoogste - laagste) / 4
    labels = [(y(laagste + i * stap), _dutch(round(laagste + i * stap))) for i in range(5)]
    return y, labels


def _x_posities(aantal: int) -> list[float]:
    binnen = BREEDTE - LINKS - RECHTS
    if aantal == 1:
        return [LINKS + binnen / 2]
    return [round(LINKS + binnen * i / (aantal - 1), 1) for i in range(aantal)]


def lijngrafiek(titel: str, kolommen: list[str], reeksen: list[tuple]) -> Grafiek:
    """`reeksen`: [(name, {column index: (realisatie, prognose)}, is_total)]; a value None
    is unknown and leaves a gap-free line through the known points."""
    grafiek = Grafiek(titel)
    waarden = [
        w
        for _naam, punten, _t in reeksen
        for paar in punten.values()
        for w in paar
        if w is not None
    ]
    if not waarden or not kolommen:
        return grafiek
    grafiek.leeg = False
    y, grafiek.y_labels = _schaal(min(waarden), max(waarden))
    xs = _x_posities(len(kolommen))
    grafiek.x_labels = list(zip(xs, kolommen, strict=True))
    grafiek.nullijn = y(0)
    for nummer, (naam, punten, is_totaal) in enumerate(reeksen):
        kleur = TOTAAL_KLEUR if is_totaal else KLEUREN[nummer % len(KLEUREN)]
        for index_soort, gestreept in ((0, False), (1, True)):
            lijst = [
                (xs[i], y(p[index_soort]))
                for i, p in sorted(punten.items())
                if p[index_soort] is not None
            ]
            if not lijst:
                continue
            grafiek.lijnen.append(
                Lijn(
                    naam=naam,
                    kleur=kleur,
                    punten=" ".join(f"{a},{b}" for a, b in lijst),
                    gestreept=gestreept,
                    label_x=lijst[-1][0] + 8,
                    label_y=lijst[-1][1] + 4,
                    dik=is_totaal,
                    markers=lijst,
                )
            )
    _labels_uit_elkaar(grafiek.lijnen)
    return grafiek


def _labels_uit_elkaar(lijnen: list[Lijn], afstand: float = 12) -> None:
    """The names at the lines' ends, at least `afstand` apart (close values would overlap)."""
    vorige = None
    for lijn in sorted(
        (lijn for lijn in lijnen if not lijn.gestreept), key=lambda lijn: lijn.label_y
    ):
        if vorige is not None and lijn.label_y - vorige < afstand:
            lijn.label_y = round(vorige + afstand, 1)
        vorige = lijn.label_y


def staafgrafiek(titel: str, kolommen: list[str], waarden: list[tuple]) -> Grafiek:
    """Per column (realisatie, prognose); realisatie filled, prognose outlined and dashed.
    Negative values (sloop as -17) go below the zero line."""
    grafiek = Grafiek(titel)
    bekend = [w for paar in waarden for w in paar if w is not None]
    if not bekend:
        return grafiek
    grafiek.leeg = False
    y, grafiek.y_labels = _schaal(min(bekend), max(bekend))
    grafiek.nullijn = y(0)
    vak = (BREEDTE - LINKS - RECHTS) / len(kolommen)
    staaf = max(min(vak / 3, 28), 3)
    for i, (kolom, paar) in enumerate(zip(kolommen, waarden, strict=True)):
        midden = LINKS + vak * (i + 0.5)
        grafiek.x_labels.append((round(midden, 1), kolom))
        for j, waarde in enumerate(paar):
            if waarde is None:
                continue
            boven, onder = sorted((y(waarde), y(0)))
            grafiek.staven.append(
                Staaf(
                    x=round(midden - staaf + j * staaf, 1),
                    y=boven,
                    breedte=round(staaf - 1, 1),
                    hoogte=max(round(onder - boven, 1), 0.5),
                    gevuld=j == 0,
                    titel=f"{kolom} {_('realisatie') if j == 0 else _('prognose')}: "
                    f"{_dutch(waarde)}",
                )
            )
    return grafiek
