"""Writing a jaarschijf out as a workbook in the format the reader takes (WORKBOOK.md), so
export → import into an empty database → export gives the same workbook back.

`werkboek_rijen` selects the data (a fixed number of queries, whatever the size);
`maak_xlsx` turns rows per sheet into an .xlsx file and is shared with the template and the
benchmark.
"""

import datetime
import io

from django.db.models import Prefetch
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from afspraken import vastlegging
from afspraken.models import Jaarafspraak, Jaarschijf, Ondertekening, Partij, Stap
from afspraken.perioden import periode_label
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat
from voorraad.models import Voorraadmutatie, Voorraadstand

ONBEKEND = "-"

# Columns holding running text get a wide, wrapping column; the rest a narrow one.
_LANGE_KOLOMMEN = {"inhoud", "resultaat", "stappen", "tekst", "toelichting", "waarde"}
_MIDDEN_KOLOMMEN = {"naam", "thema", "overeenkomst", "doel", "categorie", "segment", "functie"}


def _periode(van: int, tot: int) -> int | str:
    # A single year stays a number in the sheet; a range is text.
    return van if van == tot else periode_label(van, tot)


def _aantal(aantal: int | None) -> int | str:
    # Unknown is not 0 (WORKBOOK.md): the documents write '-'.
    return ONBEKEND if aantal is None else aantal


class _Partijen:
    """The workbook's parties: the agreement's own, then any organisation the jaarschijf
    refers to without being a party, so the file always imports again.
    """

    def __init__(self, overeenkomst, partijen: list[Partij]):
        self.organisaties: list[Organisatie] = []
        self._refs: dict[int | None, str] = {}
        self._namen = {p.organisatie.naam.lower() for p in partijen}
        if not any(p.organisatie.is_gemeente for p in partijen):
            self._neem(_gemeente_organisatie(overeenkomst.gemeente))
        for partij in partijen:
            self._neem(partij.organisatie)

    def _neem(self, org: Organisatie):
        # An abbreviation that clashes with another party's name or abbreviation would make
        # the reader refuse the file; such a party goes by its name instead.
        self.organisaties.append(org)
        self._namen.add(org.naam.lower())
        afkorting = org.afkorting.strip()
        bezet = {ref.lower() for ref in self._refs.values()} | (self._namen - {org.naam.lower()})
        self._refs[org.pk] = afkorting if afkorting and afkorting.lower() not in bezet else ""

    def ref(self, org: Organisatie) -> str:
        """How the sheets refer to `org`: its abbreviation, or its name."""
        if org.pk not in self._refs:
            self._neem(org)
        return self._refs[org.pk] or org.naam

    def rijen(self) -> list[tuple]:
        return [(org.naam, org.type, self._refs[org.pk]) for org in self.organisaties]


def _gemeente_organisatie(gemeente) -> Organisatie:
    return Organisatie.objects.van_gemeente(gemeente) or Organisatie(
        naam=f"Gemeente {gemeente.naam}", type=OrganisatieType.GEMEENTE, gemeente=gemeente
    )


class _Document:
    """What the workbook of one jaarschijf shows: the agreement as it is now, or for a
    vastgesteld or ondertekend jaarschijf as it was fixed, like its page shows it."""

    def __init__(self, jaarschijf: Jaarschijf):
        self.jaarschijf = jaarschijf
        self.vast = vastlegging.vastgelegd(jaarschijf)
        self.overeenkomst = self.vast.overeenkomst if self.vast else jaarschijf.overeenkomst
        self.gemeente = jaarschijf.overeenkomst.gemeente
        if self.vast:
            self.themas, partijen = self.vast.themas, self.vast.partijen
        else:
            self.themas = list(self.overeenkomst.themas.order_by("volgorde", "id"))
            partijen = list(
                Partij.objects.filter(overeenkomst=self.overeenkomst)
                .select_related("organisatie")
                .order_by("volgorde", "id")
            )
        self.partijen = _Partijen(self.overeenkomst, partijen)
        self._volgorde = {org.pk: i for i, org in enumerate(self.partijen.organisaties)}

    def organisatie(self, org: Organisatie) -> Organisatie:
        return self.vast.organisatie(org) if self.vast else org

    def ref(self, org: Organisatie) -> str:
        return self.partijen.ref(self.organisatie(org))

    def partij_volgorde(self, org: Organisatie) -> tuple:
        org = self.organisatie(org)
        return (self._volgorde.get(org.pk, len(self._volgorde)), org.naam.lower())

    def afspraken_en_stappen(self) -> tuple[list[tuple], list[tuple]]:
        jaarafspraken = (
            Jaarafspraak.objects.filter(jaarschijf=self.jaarschijf)
            .select_related("afspraak")
            .prefetch_related(
                "afspraak__trekkers",
                Prefetch(
                    "stappen",
                    queryset=Stap.objects.select_related("organisatie").order_by("volgorde", "id"),
                    to_attr="stappen_op_volgorde",
                ),
            )
            .order_by("afspraak__volgorde", "afspraak__id")
        )
        thema_namen = {thema.pk: thema.naam for thema in self.themas}
        afspraken, stappen = [], []
        for ja in jaarafspraken:
            afspraak = self.vast.afspraken[ja.pk] if self.vast else ja.afspraak
            trekkers = sorted(afspraak.trekkers.all(), key=self.partij_volgorde)
            afspraken.append(
                (
                    afspraak.code,
                    thema_namen[afspraak.thema_id],
                    afspraak.soort,
                    afspraak.inhoud,
                    afspraak.resultaat,
                    afspraak.periode,
                    [self.ref(org) for org in trekkers],
                    ja.tekst,
                    ja.status,
                    afspraak.doel,
                )
            )
            stappen.extend(
                (afspraak.code, self.ref(stap.organisatie), stap.tekst)
                for stap in ja.stappen_op_volgorde
            )
        return afspraken, stappen

    def mutaties(self) -> list[tuple]:
        # Per corporatie in the parties' order, within one in the order they were entered
        # (the import keeps a file's row order).
        mutaties = Voorraadmutatie.objects.filter(jaarschijf=self.jaarschijf).select_related(
            "corporatie", "categorie"
        )
        return [
            (
                self.ref(m.corporatie),
                m.categorie.naam,
                _periode(m.jaar_van, m.jaar_tot),
                m.soort,
                _aantal(m.aantal),
                m.toelichting,
            )
            for m in sorted(mutaties, key=lambda m: (self.partij_volgorde(m.corporatie), m.pk))
        ]

    def standen(self) -> list[tuple]:
        standen = Voorraadstand.objects.filter(jaarschijf=self.jaarschijf).select_related(
            "corporatie", "segment"
        )
        return [
            (self.ref(s.corporatie), s.segment.naam, s.peildatum.year, s.soort, _aantal(s.aantal))
            for s in sorted(standen, key=lambda s: (self.partij_volgorde(s.corporatie), s.pk))
        ]

    def ondertekenaars(self) -> list[tuple]:
        ondertekeningen = (
            Ondertekening.objects.filter(jaarschijf=self.jaarschijf)
            .select_related("organisatie")
            .order_by("volgorde", "id")
        )
        return [(self.ref(o.organisatie), o.naam, o.functie) for o in ondertekeningen]

    def jaarschijf_velden(self) -> list[tuple]:
        js = self.jaarschijf
        velden = {
            "gemeente": self.gemeente.naam,
            "cbs_code": self.gemeente.cbs_code or "",
            "overeenkomst": self.overeenkomst.titel,
            "periode": self.overeenkomst.periode,
            "jaar": js.jaar,
            "titel": js.titel,
            "inleiding": js.inleiding,
            "plaats": js.plaats,
            "datum": js.datum,
            "geldig_tot": js.geldig_tot,
        }
        return [(veld, velden[veld]) for veld in formaat.JAARSCHIJF_VELDEN]

    def met_allen(self, afspraken: list[tuple]) -> list[tuple]:
        """Trekkers as text; every party at once as 'allen'. Only after all other sheets:
        every reference may have added a party."""
        alle_refs = [self.partijen.ref(org) for org in self.partijen.organisaties]
        return [
            (
                *rij[:6],
                formaat.ALLEN if len(alle_refs) > 2 and rij[6] == alle_refs else ", ".join(rij[6]),
                *rij[7:],
            )
            for rij in afspraken
        ]


def werkboek_rijen(jaarschijf: Jaarschijf) -> dict[str, list[tuple]]:
    """The data rows of every sheet, in the column order of `formaat`. Reads only what hangs
    under this jaarschijf and its overeenkomst.
    """
    document = _Document(jaarschijf)
    afspraken, stappen = document.afspraken_en_stappen()
    rijen = {
        formaat.THEMAS.naam: [
            (thema.naam, thema.letter, thema.volgorde, thema.toelichting)
            for thema in document.themas
        ],
        formaat.STAPPEN.naam: stappen,
        formaat.VOORRAAD.naam: document.mutaties(),
        formaat.VOORRAADSTAND.naam: document.standen(),
        formaat.ONDERTEKENAARS.naam: document.ondertekenaars(),
    }
    return {
        formaat.JAARSCHIJF.naam: document.jaarschijf_velden(),
        formaat.PARTIJEN.naam: document.partijen.rijen(),
        formaat.THEMAS.naam: rijen.pop(formaat.THEMAS.naam),
        formaat.AFSPRAKEN.naam: document.met_allen(afspraken),
        **rijen,
    }


def werkboek_exporteren(*, jaarschijf: Jaarschijf) -> bytes:
    """The jaarschijf as an .xlsx file (bytes)."""
    return maak_xlsx(werkboek_rijen(jaarschijf))


def bestandsnaam(jaarschijf: Jaarschijf) -> str:
    return f"werkboek-{slugify(jaarschijf.overeenkomst.gemeente.naam)}-{jaarschijf.jaar}.xlsx"


def _celwaarde(waarde):
    if isinstance(waarde, str):
        return ILLEGAL_CHARACTERS_RE.sub("", waarde) or None
    return waarde


def maak_xlsx(rijen: dict[str, list[tuple]]) -> bytes:
    """An .xlsx with one sheet per entry of `rijen` (in the order of formaat.BLADEN), the
    column names in the first row. Text is always text: a value starting with '=' is not
    turned into a formula.
    """
    werkboek = Workbook()
    werkboek.remove(werkboek.active)
    vet = Font(bold=True)
    for blad in formaat.BLADEN:
        if blad.naam not in rijen:
            continue
        werkblad = werkboek.create_sheet(blad.naam)
        for kolom, naam in enumerate(blad.kolommen, start=1):
            werkblad.cell(1, kolom, naam).font = vet
            breedte = 70 if naam in _LANGE_KOLOMMEN else 30 if naam in _MIDDEN_KOLOMMEN else 14
            werkblad.column_dimensions[get_column_letter(kolom)].width = breedte
        for nummer, rij in enumerate(rijen[blad.naam], start=2):
            for kolom, waarde in enumerate(rij, start=1):
                cel = werkblad.cell(nummer, kolom, _celwaarde(waarde))
                if isinstance(cel.value, str):
                    cel.data_type = "s"
                    if "\n" in cel.value or len(cel.value) > 60:
                        cel.alignment = Alignment(wrap_text=True, vertical="top")
                elif isinstance(cel.value, datetime.date):
                    cel.number_format = "yyyy-mm-dd"
        werkblad.freeze_panes = "A2"
    uitvoer = io.BytesIO()
    werkboek.save(uitvoer)
    return uitvoer.getvalue()
