"""A corporatie's own stock figures as a file (issue 12, point 5): download as xlsx (the
workbook's `voorraad`, `voorraadstand` and `segmenten` sheets) or CSV (one sheet), upload
the same back, all or nothing, with every error in Dutch by sheet, row and column.

Reading goes through the workbook reader's own sheet parsers (monitoring.werkboek.reader,
lezer_voorraad, voorraad_lezer) and file checks (bestand.open_werkboek); writing through
voorraad.services.eigen_cijfers_aanleveren, which takes only the corporatie's own rows.
The `segmenten` sheet is the agreement's: downloaded for reference, ignored on upload.
"""

import csv
import io

from django.utils.translation import gettext as _

from afspraken.models import Jaarschijf, Partij
from afspraken.perioden import periode_label
from afspraken.services.bulk import RegelFout
from afspraken.spreadsheets import FORMULE_TEKENS, csv_waarde
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat
from monitoring.werkboek.bestand import BladInhoud, open_werkboek
from monitoring.werkboek.data import PartijGegevens
from monitoring.werkboek.importer_voorraad import mutatie_regels, stand_regels
from monitoring.werkboek.lezer_voorraad import lees_voorraad
from monitoring.werkboek.meldingen import Melding, WerkboekFout
from monitoring.werkboek.partijen import PartijIndex
from monitoring.werkboek.reader import _Lezer
from monitoring.werkboek.voorraad_export import segment_rijen, stand_versie2
from monitoring.werkboek.voorraad_lezer import lees_voorraadstand
from voorraad import services
from voorraad.models import Voorraadmutatie, Voorraadstand

BLADEN = (formaat.VOORRAAD, formaat.VOORRAADSTAND, formaat.SEGMENTEN)
ONBEKEND = "-"
MAX_CSV_BYTES = 2 * 1024 * 1024
# What the services call a field, as the sheets call the column.
KOLOMMEN = {"jaar_van": "periode", "jaar_tot": "periode", "corporatie": "corporatie"}


def _aantal(aantal):
    return ONBEKEND if aantal is None else aantal


def eigen_rijen(jaarschijf: Jaarschijf, corporatie: Organisatie) -> dict[str, list[tuple]]:
    ref = corporatie.afkorting or corporatie.naam
    mutaties = (
        Voorraadmutatie.objects.filter(jaarschijf=jaarschijf, corporatie=corporatie)
        .select_related("categorie")
        .order_by("categorie__volgorde", "categorie__naam", "jaar_van", "jaar_tot", "soort")
    )
    standen = (
        Voorraadstand.objects.filter(jaarschijf=jaarschijf, corporatie=corporatie)
        .select_related("segment")
        .order_by("segment__volgorde", "segment__naam", "peildatum", "soort")
    )
    return {
        formaat.VOORRAAD.naam: [
            (
                ref,
                m.categorie.naam,
                m.jaar_van if m.jaar_van == m.jaar_tot else periode_label(m.jaar_van, m.jaar_tot),
                m.soort,
                _aantal(m.aantal),
                m.toelichting,
            )
            for m in mutaties
        ],
        formaat.VOORRAADSTAND.naam: [
            (ref, s.segment.naam, s.peildatum.year, s.soort, _aantal(s.aantal), *stand_versie2(s))
            for s in standen
        ],
        formaat.SEGMENTEN.naam: segment_rijen(jaarschijf),
    }


def als_csv(rijen: dict[str, list[tuple]], blad: formaat.Blad) -> str:
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(blad.kolommen)
    for rij in rijen[blad.naam]:
        # Unknown is an empty cell here: '-' would need csv_waarde's apostrophe (#14).
        schrijver.writerow(["" if w in (None, ONBEKEND) else csv_waarde(w) for w in rij])
    return uit.getvalue()


def _csv_cel(waarde: str) -> str:
    # The apostrophe csv_waarde put before formula-like text is no part of the value.
    if waarde.startswith("'") and waarde[1:].startswith(FORMULE_TEKENS):
        return waarde[1:]
    return waarde


def _lees_csv(bestand) -> dict[str, BladInhoud]:
    inhoud = bestand.read(MAX_CSV_BYTES + 1)
    if len(inhoud) > MAX_CSV_BYTES:
        raise WerkboekFout([Melding(_("het CSV-bestand is groter dan 2 MB"))])
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WerkboekFout([Melding(_("het CSV-bestand is niet in UTF-8"))]) from exc
    scheiding = (
        ";" if tekst.split("\n", 1)[0].count(";") >= tekst.split("\n", 1)[0].count(",") else ","
    )
    rijen = [
        tuple(_csv_cel(c) for c in r) for r in csv.reader(io.StringIO(tekst), delimiter=scheiding)
    ]
    kop = {c.strip().lower() for c in rijen[0]} if rijen else set()
    blad = next(
        (b for b in BLADEN[:2] if set(b.verplichte_kolommen) <= kop and kop <= set(b.kolommen)),
        None,
    )
    if blad is None:
        raise WerkboekFout(
            [Melding(_("de kolommen passen niet bij het tabblad voorraad of voorraadstand"))]
        )
    return {blad.naam: BladInhoud(blad.naam, list(enumerate(rijen, start=1)))}


def lees_bestand(bestand) -> dict[str, BladInhoud]:
    """The stock sheets of an uploaded .xlsx or .csv, checked as the workbook import checks."""
    if (getattr(bestand, "name", "") or "").lower().endswith(".csv"):
        return _lees_csv(bestand)
    bladen = open_werkboek(bestand)
    return {naam: bladen[naam] for naam in (b.naam for b in BLADEN[:2]) if naam in bladen}


def _partijen(jaarschijf: Jaarschijf) -> tuple[list[PartijGegevens], list[Organisatie]]:
    rollen = Partij.objects.filter(overeenkomst_id=jaarschijf.overeenkomst_id).select_related(
        "organisatie"
    )
    gegevens = [
        PartijGegevens(
            0,
            p.organisatie.naam,
            p.organisatie.type,
            p.organisatie.afkorting,
            actief_tot=p.actief_tot,
        )
        for p in rollen
    ]
    return gegevens, [p.organisatie for p in rollen]


def aanleveren(bladen: dict, jaarschijf: Jaarschijf, corporatie: Organisatie, door):
    """Read the sheets and write the corporatie's rows; WerkboekFout with every problem."""
    lezer = _Lezer(bladen)
    partijen, organisaties = _partijen(jaarschijf)
    index = PartijIndex(partijen, jaarschijf.jaar)
    mutaties = lees_voorraad(lezer, index, partijen)
    standen = lees_voorraadstand(lezer, index, partijen)
    if not mutaties and not standen and not lezer.meldingen.fouten:
        lezer.meldingen.fout(_("geen cijfers gevonden in het bestand"))
    lezer.meldingen.controleer()
    try:
        return services.eigen_cijfers_aanleveren(
            jaarschijf=jaarschijf,
            corporatie=corporatie,
            mutaties=mutatie_regels(mutaties, organisaties),
            standen=stand_regels(standen, organisaties),
            door=door,
        )
    except RegelFout as fout:
        raise WerkboekFout(_meldingen(fout, mutaties, standen)).benoemd(lezer.namen) from fout


def _meldingen(fout: RegelFout, mutaties: list, standen: list) -> list[Melding]:
    """A refused row as messages on its sheet, row and column."""
    if getattr(fout, "tabel", "") == "mutaties":
        blad, rij = formaat.VOORRAAD, mutaties[fout.index].rij
    else:
        blad, rij = formaat.VOORRAADSTAND, standen[fout.index].rij
    meldingen = []
    for veld, berichten in fout.message_dict.items():
        kolom = KOLOMMEN.get(veld, veld)
        for bericht in berichten:
            meldingen.append(
                Melding(bericht, blad.naam, rij, kolom if kolom in blad.kolommen else "")
            )
    return meldingen
