"""Writing a jaarschijf out as a workbook in the format the reader takes (WORKBOOK.md), so
export → import into an empty database → export gives the same workbook back.

`werkboek_rijen` selects the data (a fixed number of queries, whatever the size);
`maak_xlsx` (monitoring.werkboek.xlsx) turns rows per sheet into an .xlsx file.
"""

from django.db.models import Prefetch
from django.utils import timezone

from afspraken import spreadsheets, vastlegging
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarafspraak, Jaarschijf, Ondertekening, Partij, Stap
from afspraken.perioden import periode_label
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat, keuzen
from monitoring.werkboek.agenda import agenda_rijen
from monitoring.werkboek.doelen import doelen_rijen
from monitoring.werkboek.export_partijen import Partijen
from monitoring.werkboek.voorraad_export import segment_rijen, stand_versie2
from monitoring.werkboek.waarden import Ongeldig
from monitoring.werkboek.xlsx import maak_xlsx
from voorraad.models import Voorraadmutatie, Voorraadstand

__all__ = ["bestandsnaam", "maak_xlsx", "werkboek_exporteren", "werkboek_rijen"]

ONBEKEND = "-"


def _periode(van: int, tot: int) -> int | str:
    # A single year stays a number in the sheet; a range is text.
    return van if van == tot else periode_label(van, tot)


def _aantal(aantal: int | None) -> int | str:
    # Unknown is not 0 (WORKBOOK.md): the documents write '-'.
    return ONBEKEND if aantal is None else aantal


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
        self.partijen = Partijen(self.overeenkomst, partijen, jaarschijf.jaar)
        self._volgorde = {org.pk: i for i, org in enumerate(self.partijen.organisaties)}
        self._gezamenlijk: list[tuple[list, Stap, list[Organisatie]]] = []

    def organisatie(self, org: Organisatie) -> Organisatie:
        return self.vast.organisatie(org) if self.vast else org

    def ref(self, org: Organisatie) -> str:
        return self.partijen.ref(self.organisatie(org))

    def partij_volgorde(self, org: Organisatie) -> tuple:
        org = self.organisatie(org)
        return (self._volgorde.get(org.pk, len(self._volgorde)), org.naam.lower())

    def _jaarafspraken(self):
        stappen = Stap.objects.select_related("organisatie").prefetch_related("mede_organisaties")
        return (
            Jaarafspraak.objects.filter(jaarschijf=self.jaarschijf)
            .select_related("afspraak")
            .prefetch_related(
                "afspraak__trekkers",
                Prefetch(
                    "stappen",
                    queryset=stappen.order_by("volgorde", "id"),
                    to_attr="stappen_op_volgorde",
                ),
            )
            .order_by("afspraak__volgorde", "afspraak__id")
        )

    def afspraken_en_stappen(self) -> tuple[list[tuple], list[list]]:
        thema_namen = {thema.pk: thema.naam for thema in self.themas}
        afspraken, stappen = [], []
        for ja in self._jaarafspraken():
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
                    getattr(afspraak, "kop", ""),
                    getattr(afspraak, "betrokkenen", ""),
                )
            )
            stappen.extend(self._stap(afspraak.code, stap) for stap in ja.stappen_op_volgorde)
        return afspraken, stappen

    def _stap(self, code: str, stap: Stap) -> list:
        mede = sorted(stap.mede_organisaties.all(), key=self.partij_volgorde)
        refs = [self.ref(stap.organisatie), *(self.ref(org) for org in mede)]
        rij = [code, ", ".join(refs), stap.tekst]
        if stap.aanduiding:
            # Settled once every party is known (met_allen): the document's own words, when
            # they still name exactly these parties.
            self._gezamenlijk.append((rij, stap, mede))
        return rij

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
            (
                self.ref(s.corporatie),
                s.segment.naam,
                s.peildatum.year,
                s.soort,
                _aantal(s.aantal),
                *stand_versie2(s),
            )
            for s in sorted(standen, key=lambda s: (self.partij_volgorde(s.corporatie), s.pk))
        ]

    def ondertekenaars(self) -> list[tuple]:
        ondertekeningen = (
            Ondertekening.objects.filter(jaarschijf=self.jaarschijf)
            .select_related("organisatie")
            .order_by("volgorde", "id")
        )
        # The day of signing belongs in the file of a signed document only (WORKBOOK.md).
        getekend = self.jaarschijf.status == JaarschijfStatus.ONDERTEKEND
        return [
            (
                self.ref(o.organisatie),
                o.naam,
                o.functie,
                timezone.localtime(o.ondertekend_op).date()
                if getekend and o.ondertekend_op
                else None,
            )
            for o in ondertekeningen
        ]

    def hoofdstukken(self) -> list[tuple]:
        namen = {thema.pk: thema.naam for thema in self.themas}
        return [
            (
                keuzen.plek_tekst(h.plek, namen.get(h.thema_id) or getattr(h.thema, "naam", "")),
                h.kop,
                h.soort,
                h.tekst,
            )
            for h in self.jaarschijf.hoofdstukken.select_related("thema").order_by("volgorde", "id")
        ]

    def jaarschijf_velden(self) -> list[tuple]:
        js = self.jaarschijf
        velden = {
            "gemeente": self.gemeente.naam,
            "cbs_code": self.gemeente.cbs_code or "",
            "overeenkomst": self.overeenkomst.titel,
            "periode": self.overeenkomst.periode,
            "jaar": keuzen.jaren_tekst(js.jaar, js.tot_jaar),
            "titel": js.titel,
            "inleiding": js.inleiding,
            "plaats": js.plaats,
            "datum": js.datum,
            "geldig_tot": js.geldig_tot,
            "documentdatum": js.documentdatum,
            "status": js.status,
            "nummering_tonen": keuzen.ja_nee_tekst(js.nummering_tonen),
            "grondslag": self.overeenkomst.grondslag,
            "geldig_vanaf": keuzen.geldig_vanaf_tekst(js.geldig_vanaf, js.geldig_na_ondertekening),
        }
        return [(veld, velden[veld]) for veld in formaat.JAARSCHIJF_VELDEN]

    def met_allen(self, afspraken: list[tuple]) -> list[tuple]:
        """Trekkers as text; every party that takes part this year at once as 'allen'.
        Only after all other sheets: every reference may have added a party."""
        allen = self.partijen.allen()
        self._aanduidingen()
        return [
            (
                *rij[:6],
                formaat.ALLEN if len(allen) > 2 and rij[6] == allen else ", ".join(rij[6]),
                *rij[7:],
            )
            for rij in afspraken
        ]

    def _aanduidingen(self) -> None:
        """A joint step's own words replace the list of its parties when the reader would
        find exactly those parties in them again."""
        index = self.partijen.index()
        for rij, stap, mede in self._gezamenlijk:
            try:
                gevonden, _woorden = index.stap_partijen(stap.aanduiding)
            except Ongeldig:
                continue
            organisaties = [self.partijen.organisaties[i] for i in gevonden]
            leider = self.organisatie(stap.organisatie)
            if organisaties[0].pk == leider.pk and {o.pk for o in organisaties[1:]} == {
                self.organisatie(o).pk for o in mede
            } - {leider.pk}:
                rij[1] = stap.aanduiding


def werkboek_rijen(jaarschijf: Jaarschijf) -> dict[str, list[tuple]]:
    """The data rows of every sheet, in the column order of `formaat`. Reads only what hangs
    under this jaarschijf and its overeenkomst.
    """
    document = _Document(jaarschijf)
    afspraken, stappen = document.afspraken_en_stappen()
    rijen = {
        formaat.THEMAS.naam: [
            (thema.naam, thema.letter, thema.volgorde, thema.toelichting, thema.doel)
            for thema in document.themas
        ],
        formaat.STAPPEN.naam: stappen,
        formaat.VOORRAAD.naam: document.mutaties(),
        formaat.VOORRAADSTAND.naam: document.standen(),
        formaat.SEGMENTEN.naam: segment_rijen(jaarschijf),
        formaat.ONDERTEKENAARS.naam: document.ondertekenaars(),
        formaat.HOOFDSTUKKEN.naam: document.hoofdstukken(),
        formaat.DOELEN.naam: doelen_rijen(jaarschijf),
        formaat.AGENDA.naam: agenda_rijen(jaarschijf),
    }
    # Last: the references above may have added parties, and joint steps get their words.
    afspraken = document.met_allen(afspraken)
    return {
        formaat.JAARSCHIJF.naam: document.jaarschijf_velden(),
        formaat.PARTIJEN.naam: document.partijen.rijen(),
        formaat.THEMAS.naam: rijen.pop(formaat.THEMAS.naam),
        formaat.AFSPRAKEN.naam: afspraken,
        **{naam: [tuple(rij) for rij in inhoud] for naam, inhoud in rijen.items()},
    }


def werkboek_exporteren(*, jaarschijf: Jaarschijf) -> bytes:
    """The jaarschijf as an .xlsx file (bytes)."""
    return maak_xlsx(werkboek_rijen(jaarschijf))


def bestandsnaam(jaarschijf: Jaarschijf) -> str:
    """'prestatieafspraken-borger-odoorn-2026.xlsx' (or '...-2026-2027.xlsx')."""
    return spreadsheets.bestandsnaam(
        "prestatieafspraken",
        jaarschijf.overeenkomst.gemeente.naam,
        jaarschijf.jaren,
        extensie="xlsx",
    )
