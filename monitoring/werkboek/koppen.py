"""Dutch column headers (issue #15, point 6).

WORKBOOK.md names every column by a technical name (`cbs_code`, `actief_tot`); files in the
wild and every export use those, and keep working. People filling in the empty template see
a Dutch header instead (`CBS-code`, `Actief tot en met`). The reader takes both: a header is
matched without regard to case, with spaces and hyphens read as underscores, and each sheet's
Dutch headers below map to their column. The same holds for the `veld` names of the
jaarschijf sheet. Messages name a column as the uploaded file writes it (`Kolomnamen`).
"""

from collections import Counter
from dataclasses import replace

from monitoring.werkboek import formaat

JAARSCHIJF_VELDEN = {
    "gemeente": "Gemeente",
    "cbs_code": "CBS-code",
    "overeenkomst": "Overeenkomst",
    "periode": "Periode",
    "jaar": "Jaar",
    "titel": "Titel",
    "inleiding": "Inleiding",
    "plaats": "Plaats van ondertekening",
    "datum": "Datum van ondertekening",
    "geldig_tot": "Geldig tot en met",
    "documentdatum": "Documentdatum",
    "status": "Status",
    "nummering_tonen": "Nummering tonen",
    "grondslag": "Grondslag",
    "geldig_vanaf": "Geldig vanaf",
}

KOPPEN: dict[str, dict[str, str]] = {
    formaat.JAARSCHIJF.naam: {"veld": "Veld", "waarde": "Waarde"},
    formaat.PARTIJEN.naam: {
        "naam": "Naam",
        "type": "Soort partij",
        "afkorting": "Afkorting",
        "vertegenwoordiger": "Vertegenwoordiger",
        "functie": "Functie",
        "mandaat": "Mandaat",
        "aanduiding": "Aanduiding",
        "rol": "Rol",
        "actief_tot": "Actief tot en met",
        "kvk": "KvK-nummer",
        "l_nummer": "L-nummer",
    },
    formaat.THEMAS.naam: {
        "naam": "Naam",
        "letter": "Letter",
        "volgorde": "Volgorde",
        "toelichting": "Toelichting",
        "doel": "Doel",
    },
    formaat.AFSPRAKEN.naam: {
        "code": "Code",
        "thema": "Thema",
        "soort": "Soort",
        "inhoud": "Afspraak",
        "resultaat": "Beoogd resultaat",
        "periode": "Periode",
        "trekkers": "Trekkers",
        "stappen": "Plan voor het jaar",
        "status": "Voortgang",
        "doel": "Doel",
        "kop": "Tussenkop",
        "betrokkenen": "Betrokkenen",
    },
    formaat.STAPPEN.naam: {"code": "Code afspraak", "partij": "Partij", "tekst": "Stap"},
    formaat.VOORRAAD.naam: {
        "corporatie": "Corporatie",
        "categorie": "Categorie",
        "periode": "Periode",
        "soort": "Soort cijfer",
        "aantal": "Aantal",
        "toelichting": "Toelichting",
    },
    formaat.VOORRAADSTAND.naam: {
        "corporatie": "Corporatie",
        "segment": "Segment",
        "jaar": "Jaar",
        "soort": "Soort cijfer",
        "aantal": "Aantal",
        "peildatum": "Peildatum",
        "toelichting": "Toelichting",
    },
    formaat.SEGMENTEN.naam: {
        "naam": "Naam",
        "onderdeel_van": "Onderdeel van",
        "toelichting": "Toelichting",
    },
    formaat.ONDERTEKENAARS.naam: {
        "partij": "Partij",
        "naam": "Naam",
        "functie": "Functie",
        "ondertekend_op": "Ondertekend op",
    },
    formaat.HOOFDSTUKKEN.naam: {"plek": "Plek", "kop": "Kop", "soort": "Soort", "tekst": "Tekst"},
    formaat.DOELEN.naam: {
        "code": "Code afspraak",
        "thema": "Thema",
        "omschrijving": "Omschrijving",
        "waarde": "Waarde",
        "waarde_tot": "Waarde tot",
        "circa": "Circa",
        "eenheid": "Eenheid",
        "richting": "Richting",
        "basis": "Basiswaarde",
        "basisdatum": "Basisdatum",
        "peiljaar": "Peiljaar",
        "partij": "Partij",
        "gerealiseerd": "Gerealiseerd",
        "gerealiseerd_op": "Gerealiseerd op",
    },
    formaat.AGENDA.naam: {"wanneer": "Wanneer", "wat": "Wat", "wie": "Wie", "soort": "Soort"},
}


def _genormaliseerd(tekst: str) -> str:
    return "_".join(tekst.strip().lower().replace("-", " ").split())


_TERUG = {
    blad: {_genormaliseerd(label): kolom for kolom, label in koppen.items()}
    for blad, koppen in KOPPEN.items()
}
_VELDEN_TERUG = {_genormaliseerd(label): veld for veld, label in JAARSCHIJF_VELDEN.items()}


def kolomnaam(blad: str, kop: str) -> str:
    """The column a header names on `blad`: its technical name, or the Dutch header's."""
    naam = _genormaliseerd(kop)
    return _TERUG.get(blad, {}).get(naam, naam)


def veldnaam(veld: str) -> str:
    naam = _genormaliseerd(veld)
    return _VELDEN_TERUG.get(naam, naam)


def kop(blad: str, kolom: str) -> str:
    return KOPPEN.get(blad, {}).get(kolom, kolom)


class Kolomnamen:
    """How one uploaded file writes its headers, and on the jaarschijf sheet its velden in
    column A, so that every message names a column as the person reads it in that file:
    `Afspraak` where the file says `Afspraak`, `inhoud` where it says `inhoud`.

    The reader records what it reads; `benoem` is the one place a message's column gets
    its name (meldingen.Meldingen and WerkboekFout.benoemd call it). A column the file
    lacks is named in the file's own words: the Dutch header when the sheet, or else the
    workbook, mostly uses Dutch headers, otherwise the technical name of WORKBOOK.md.
    """

    def __init__(self):
        self._koppen: dict[str, dict[str, str]] = {}
        # The jaarschijf sheet is keyed by veld, not by column: a row is named by its veld
        # as written in column A.
        self._velden: dict[int, str] = {}
        self._veldrijen: dict[str, int] = {}
        # (sheet, whether Dutch) -> how many headers or velden are written that way.
        self._talen: Counter = Counter()

    def kop_gelezen(self, blad: str, kolom: str, tekst: str) -> None:
        """The header of `kolom` on `blad` is written `tekst` (the first, when twice)."""
        self._koppen.setdefault(blad, {}).setdefault(kolom, tekst)
        self._tel(blad, tekst, kolom, KOPPEN.get(blad, {}).get(kolom, kolom))

    def veld_gelezen(self, rij: int, veld: str, tekst: str) -> None:
        """Row `rij` of the jaarschijf sheet holds `veld`, written `tekst` in column A."""
        if tekst:
            self._velden[rij] = tekst
        if veld in JAARSCHIJF_VELDEN:
            self._veldrijen.setdefault(veld, rij)
            self._tel(formaat.JAARSCHIJF.naam, tekst, veld, JAARSCHIJF_VELDEN[veld])

    def _tel(self, blad: str, tekst: str, technisch: str, nederlands: str) -> None:
        # A header both forms write alike (`Naam`, `CBS-code`) says nothing about the file.
        if _genormaliseerd(nederlands) == technisch:
            return
        naam = _genormaliseerd(tekst)
        if naam in (technisch, _genormaliseerd(nederlands)):
            self._talen[blad, naam != technisch] += 1

    def _nederlands(self, blad: str) -> bool:
        ja, nee = self._talen[blad, True], self._talen[blad, False]
        if ja == nee:
            ja = sum(aantal for (_blad, nl), aantal in self._talen.items() if nl)
            nee = sum(aantal for (_blad, nl), aantal in self._talen.items() if not nl)
        return ja > nee

    def kolom(self, blad: str, kolom: str) -> str:
        """The column `kolom` (technical name) of `blad` as the file names it. A name that is
        no column of the sheet (an unknown header as written) stays as it is."""
        if kolom in self._koppen.get(blad, {}):
            return self._koppen[blad][kolom]
        if kolom in KOPPEN.get(blad, {}) and self._nederlands(blad):
            return KOPPEN[blad][kolom]
        return kolom

    def veld(self, veld: str) -> str:
        """The jaarschijf sheet's `veld` (technical name) as the file names it."""
        rij = self._veldrijen.get(veld)
        if rij in self._velden:
            return self._velden[rij]
        if veld in JAARSCHIJF_VELDEN and self._nederlands(formaat.JAARSCHIJF.naam):
            return JAARSCHIJF_VELDEN[veld]
        return veld

    def benoem(self, melding):
        """`melding` (meldingen.Melding) with its column named as the file names it. On the
        jaarschijf sheet a row is a veld: a message on it, or about a veld, names the veld
        as column A writes it, with its row."""
        if melding.blad == formaat.JAARSCHIJF.naam:
            if melding.rij in self._velden:
                return replace(melding, kolom=self._velden[melding.rij], veld=True)
            if melding.kolom in JAARSCHIJF_VELDEN:
                rij = melding.rij if melding.rij is not None else self._veldrijen.get(melding.kolom)
                return replace(melding, rij=rij, kolom=self.veld(melding.kolom), veld=True)
        if not melding.kolom:
            return melding
        return replace(melding, kolom=self.kolom(melding.blad, melding.kolom))
