"""Importing a checked workbook (reader.Werkboek) into the database in one transaction.

The importer writes nothing itself: it hands the workbook's rows to the bulk services
(afspraken.services.bulk, bulk_inhoud, bulk_jaarschijf and voorraad.services), which ask the
write boundary, validate, match on natural keys and keep the history; it names the sheet
and row of whatever they refuse, and counts what they wrote.

Objects are matched on their natural keys, so importing the same file twice changes nothing:
gemeente by name, overeenkomst by gemeente and title, jaarschijf by year, organisaties by
name and type, thema by name, afspraak by code, jaarafspraak per afspraak, figures by their
unique key. The jaarschijf's stappen and ondertekeningen are replaced by the file's.
"""

from collections import Counter
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from afspraken.bevriezing import Bevroren
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, Overeenkomst
from afspraken.services import bulk, bulk_document, bulk_inhoud, bulk_jaarschijf
from afspraken.services.bulk import BEHOUDEN, Bijgewerkt, RegelFout
from gemeenten.models import Gemeente
from gemeenten.systeem import SYSTEEM, Systeem
from monitoring.voortgang import voortgang_vastleggen
from monitoring.werkboek import formaat
from monitoring.werkboek.agenda import agenda_importeren
from monitoring.werkboek.data import JaarschijfGegevens, Werkboek
from monitoring.werkboek.doelen import doelen_importeren
from monitoring.werkboek.importer_inhoud import afspraak_regels, partij_regels, thema_regels
from monitoring.werkboek.importer_jaar import (
    documentvorm,
    hoofdstuk_regels,
    jaarafspraak_regels,
    ondertekening_regels,
    stap_regels,
)
from monitoring.werkboek.importer_voorraad import mutatie_regels, segment_regels, stand_regels
from monitoring.werkboek.meldingen import Melding, WerkboekFout
from voorraad import services as voorraad_services

SOORTEN = (
    ("partijen", gettext_lazy("partijen")),
    ("themas", gettext_lazy("thema's")),
    ("afspraken", gettext_lazy("afspraken")),
    ("stappen", gettext_lazy("stappen")),
    ("voorraad", gettext_lazy("voorraadmutaties")),
    ("voorraadstand", gettext_lazy("voorraadstanden")),
    ("ondertekenaars", gettext_lazy("ondertekenaars")),
    ("hoofdstukken", gettext_lazy("hoofdstukken")),
)


@dataclass
class ImportResultaat:
    jaarschijf: Jaarschijf
    aantallen: dict[str, int]
    nieuw: dict[str, int]
    gewijzigd: dict[str, int]
    waarschuwingen: list[Melding] = field(default_factory=list)

    def samenvatting(self) -> str:
        jaarschijf = self.jaarschijf
        delen = [
            f"{self.aantallen[soort]} {label}"
            + (
                _(" ({nieuw} nieuw, {gewijzigd} gewijzigd)").format(
                    nieuw=self.nieuw.get(soort, 0), gewijzigd=self.gewijzigd.get(soort, 0)
                )
                if self.nieuw.get(soort) or self.gewijzigd.get(soort)
                else ""
            )
            for soort, label in SOORTEN
        ]
        return _("Jaarschijf {jaar} van {gemeente} ({overeenkomst}) geïmporteerd: {delen}.").format(
            jaar=jaarschijf.jaar,
            gemeente=jaarschijf.overeenkomst.gemeente.naam,
            overeenkomst=jaarschijf.overeenkomst.titel,
            delen=", ".join(delen),
        )


def werkboek_importeren(
    *, werkboek: Werkboek, door=SYSTEEM, gemeente: Gemeente | None = None
) -> ImportResultaat:
    """Write the workbook as `door`; all or nothing. With `gemeente`, the workbook must be
    about that gemeente (an upload by its staff). Without `door` the command line imports
    (gemeenten.systeem). Raises WerkboekFout when the database refuses it, e.g. because the
    jaarschijf is vastgesteld or ondertekend, and Geweigerd when `door` may not import for
    the workbook's gemeente.
    """
    try:
        return _importeren(werkboek, door, gemeente)
    except WerkboekFout as fout:
        # The services and sheets above name columns technically; the person reads the file.
        raise fout.benoemd(werkboek.kolomnamen) from fout
    except ValidationError as exc:
        # The reader checks what a file can get wrong; what is left is a conflict with data
        # already in the database. The transaction has been rolled back by now.
        raise WerkboekFout(
            [
                Melding(
                    _("het werkboek botst met gegevens in Driehoek: {reden}").format(
                        reden=" ".join(exc.messages)
                    )
                )
            ]
        ) from exc
    except IntegrityError as exc:
        raise WerkboekFout(
            [Melding(_("het werkboek botst met gegevens in Driehoek en is niet opgeslagen"))]
        ) from exc


class Telling:
    """How many rows of each kind the services created or changed, for the summary."""

    def __init__(self):
        self.nieuw: Counter = Counter()
        self.gewijzigd: Counter = Counter()

    def tel(self, soort: str, bijgewerkt: Bijgewerkt):
        self.nieuw[soort] += bijgewerkt.nieuw
        self.gewijzigd[soort] += bijgewerkt.gewijzigd
        return bijgewerkt.objecten


def _partijen(werkboek: Werkboek, overeenkomst, door, telling: Telling) -> dict:
    with _op_blad(formaat.PARTIJEN, werkboek.partijen):
        return telling.tel(
            "partijen",
            bulk.partijen_bijwerken_bulk(
                overeenkomst=overeenkomst,
                partijen=partij_regels(werkboek),
                door=door,
            ),
        )


def _afspraken(werkboek: Werkboek, overeenkomst, jaarschijf, organisaties, door, telling) -> dict:
    """Themes, afspraken and their year texts; returns the jaarafspraken by afspraak code."""
    with _op_blad(formaat.THEMAS, werkboek.themas):
        themas = telling.tel(
            "themas",
            bulk_inhoud.themas_bijwerken_bulk(
                overeenkomst=overeenkomst, themas=thema_regels(werkboek), door=door
            ),
        )
    with _op_blad(formaat.AFSPRAKEN, werkboek.afspraken, parent="code"):
        afspraken = telling.tel(
            "afspraken",
            bulk_inhoud.afspraken_bijwerken_bulk(
                overeenkomst=overeenkomst,
                afspraken=afspraak_regels(werkboek, themas, organisaties),
                door=door,
            ),
        )
    # A person's import records the status column as progress on the timeline, after the
    # plan; the command line has no person to name, so there it is set with the plan.
    tijdlijn = not isinstance(door, Systeem)
    huidige = (
        dict(jaarschijf.jaarafspraken.values_list("afspraak_id", "status")) if tijdlijn else None
    )
    with _op_blad(formaat.AFSPRAKEN, werkboek.afspraken, tekst="stappen"):
        jaarafspraken = telling.tel(
            "jaarafspraken",
            bulk_jaarschijf.jaarafspraken_bijwerken_bulk(
                jaarschijf=jaarschijf,
                jaarafspraken=jaarafspraak_regels(werkboek.afspraken, afspraken, huidige),
                door=door,
            ),
        )
    if tijdlijn:
        _voortgang(werkboek, jaarafspraken, door)
    _hoofdstukken(werkboek, jaarschijf, themas, door, telling)
    return {g.code: ja for g, ja in zip(werkboek.afspraken, jaarafspraken, strict=True)}


def _voortgang(werkboek: Werkboek, jaarafspraken: list, door) -> None:
    """A status that differs from the current one is a progress report by the importing
    user (monitoring.voortgang), so the timeline says who set it and when. An empty cell
    keeps the progress: a report is never withdrawn by leaving a cell blank."""
    for gegevens, jaarafspraak in zip(werkboek.afspraken, jaarafspraken, strict=True):
        if not gegevens.status or gegevens.status == jaarafspraak.status:
            continue
        try:
            voortgang_vastleggen(jaarafspraak=jaarafspraak, status=gegevens.status, door=door)
        except ValidationError as fout:
            raise WerkboekFout(
                [
                    Melding(bericht, formaat.AFSPRAKEN.naam, gegevens.rij, "status")
                    for bericht in fout.messages
                ]
            ) from fout


def _hoofdstukken(werkboek: Werkboek, jaarschijf, themas, door, telling: Telling):
    """Without the sheet (a version-1 file) the jaarschijf keeps its hoofdstukken."""
    if werkboek.hoofdstukken is None:
        return
    with _op_blad(formaat.HOOFDSTUKKEN, werkboek.hoofdstukken, thema="plek"):
        telling.tel(
            "hoofdstukken",
            bulk_document.hoofdstukken_vervangen(
                jaarschijf=jaarschijf,
                hoofdstukken=hoofdstuk_regels(werkboek.hoofdstukken, themas),
                door=door,
            ),
        )


def _status(werkboek: Werkboek, jaarschijf, door, telling: Telling) -> Jaarschijf:
    """Last, once the content is in: a vastgesteld or ondertekend document freezes it. A
    file without the veld leaves the status as it is."""
    gegevens, namen = werkboek.jaarschijf, werkboek.kolomnamen
    # The jaarschijf was read under its lock in this transaction: its status is current.
    if not gegevens.status or gegevens.status == jaarschijf.status:
        return jaarschijf
    ontbreekt = [namen.veld(veld) for veld in ("plaats", "datum") if not getattr(gegevens, veld)]
    if gegevens.status == JaarschijfStatus.ONDERTEKEND and ontbreekt:
        reden = _(
            "een jaarschijf met status ondertekend is buiten Driehoek ondertekend en vraagt om "
            "de plaats en datum van ondertekening; vul {velden} in"
        ).format(velden=" en ".join(ontbreekt))
        raise WerkboekFout([Melding(reden, "jaarschijf", gegevens.status_rij, "waarde")])
    with _op_blad(formaat.JAARSCHIJF, status="status"):
        return telling.tel(
            "jaarschijf",
            bulk_document.jaarschijf_status_importeren(
                jaarschijf=jaarschijf, status=gegevens.status, door=door
            ),
        )


def _stappen_en_ondertekenaars(werkboek, jaarschijf, per_code, organisaties, door, telling):
    with _op_blad(formaat.STAPPEN, werkboek.stappen, organisatie="partij", jaarafspraak="code"):
        telling.tel(
            "stappen",
            bulk_jaarschijf.stappen_vervangen(
                jaarschijf=jaarschijf,
                stappen=stap_regels(werkboek.stappen, per_code, organisaties),
                door=door,
            ),
        )
    with _op_blad(formaat.ONDERTEKENAARS, werkboek.ondertekenaars, organisatie="partij"):
        telling.tel(
            "ondertekenaars",
            bulk_jaarschijf.ondertekeningen_vervangen(
                jaarschijf=jaarschijf,
                ondertekeningen=ondertekening_regels(werkboek.ondertekenaars, organisaties),
                door=door,
            ),
        )


def _voorraad(werkboek: Werkboek, jaarschijf, organisaties, door, telling: Telling):
    with _op_blad(formaat.VOORRAAD, werkboek.voorraad, jaar_van="periode", jaar_tot="periode"):
        telling.tel(
            "voorraad",
            voorraad_services.voorraadmutaties_bijwerken_bulk(
                jaarschijf=jaarschijf,
                mutaties=mutatie_regels(werkboek.voorraad, organisaties),
                door=door,
            ),
        )
    with _op_blad(formaat.VOORRAADSTAND, werkboek.voorraadstand, peildatum="jaar"):
        telling.tel(
            "voorraadstand",
            voorraad_services.voorraadstanden_bijwerken_bulk(
                jaarschijf=jaarschijf,
                standen=stand_regels(werkboek.voorraadstand, organisaties),
                segmenten=segment_regels(werkboek.segmenten),
                door=door,
            ),
        )


@transaction.atomic
def _importeren(werkboek: Werkboek, door, gemeente: Gemeente | None) -> ImportResultaat:
    """Each sheet through its bulk service, in the order their references need."""
    gegevens, telling = werkboek.jaarschijf, Telling()
    overeenkomst = _overeenkomst(werkboek, _gemeente(gegevens, gemeente, door), door, telling)
    organisaties = _partijen(werkboek, overeenkomst, door, telling)
    jaarschijf = _jaarschijf(werkboek, overeenkomst, door, telling)
    per_code = _afspraken(werkboek, overeenkomst, jaarschijf, organisaties, door, telling)
    _stappen_en_ondertekenaars(werkboek, jaarschijf, per_code, organisaties, door, telling)
    _voorraad(werkboek, jaarschijf, organisaties, door, telling)
    doelen_importeren(
        werkboek=werkboek,
        overeenkomst=overeenkomst,
        per_code=per_code,
        organisaties=organisaties,
        door=door,
    )
    agenda_importeren(
        werkboek=werkboek, jaarschijf=jaarschijf, organisaties=organisaties, door=door
    )
    jaarschijf = _status(werkboek, jaarschijf, door, telling)
    aantallen = {soort: len(getattr(werkboek, soort) or ()) for soort, _label in SOORTEN}
    return ImportResultaat(
        jaarschijf=jaarschijf,
        aantallen=aantallen,
        nieuw=dict(telling.nieuw),
        gewijzigd=dict(telling.gewijzigd),
        waarschuwingen=werkboek.waarschuwingen,
    )


@contextmanager
def _op_blad(blad: formaat.Blad, rijen: Sequence = (), **hernoemd: str):
    """Turn what a service refuses into messages on `blad`: a RegelFout's index is a position
    in `rijen`, whose Excel row the message names; a field is named by its column (`hernoemd`
    maps the service's field names that differ). A frozen jaarschijf passes through."""
    try:
        yield
    except Bevroren:
        raise
    except ValidationError as fout:
        rij = rijen[fout.index].rij if isinstance(fout, RegelFout) else None
        raise WerkboekFout(_meldingen(fout, blad, rij, hernoemd)) from fout


def _meldingen(fout: ValidationError, blad: formaat.Blad, rij, hernoemd) -> list[Melding]:
    kolommen = set(blad.kolommen)
    if blad is formaat.JAARSCHIJF:
        kolommen |= set(formaat.JAARSCHIJF_VELDEN)
    velden = fout.message_dict.items() if hasattr(fout, "error_dict") else [("", fout.messages)]
    meldingen = []
    for veld, berichten in velden:
        kolom = hernoemd.get(veld, veld)
        for bericht in berichten:
            meldingen.append(Melding(bericht, blad.naam, rij, kolom if kolom in kolommen else ""))
    return meldingen


def _weiger(reden: str, kolom: str = ""):
    raise WerkboekFout([Melding(reden, "jaarschijf", kolom=kolom)])


def _gemeente(gegevens: JaarschijfGegevens, alleen: Gemeente | None, door) -> Gemeente:
    if alleen is not None and gegevens.gemeente.lower() != alleen.naam.lower():
        _weiger(
            _(
                "het werkboek gaat over gemeente '{werkboek}'; u kunt alleen werkboeken "
                "van gemeente '{eigen}' importeren"
            ).format(werkboek=gegevens.gemeente, eigen=alleen.naam),
            "gemeente",
        )
    with _op_blad(formaat.JAARSCHIJF, naam="gemeente"):
        return bulk.gemeente_aanmaken_of_bijwerken(
            naam=gegevens.gemeente, cbs_code=gegevens.cbs_code, door=door
        ).objecten


def _overeenkomst(werkboek: Werkboek, gemeente: Gemeente, door, telling) -> Overeenkomst:
    gegevens, velden = werkboek.jaarschijf, werkboek.kolommen.get(formaat.JAARSCHIJF.naam, ())
    with _op_blad(
        formaat.JAARSCHIJF, titel="overeenkomst", startdatum="periode", einddatum="periode"
    ):
        return telling.tel(
            "overeenkomst",
            bulk.overeenkomst_aanmaken_of_bijwerken(
                gemeente=gemeente,
                titel=gegevens.overeenkomst,
                startdatum=gegevens.startdatum,
                einddatum=gegevens.einddatum,
                grondslag=gegevens.grondslag if "grondslag" in velden else BEHOUDEN,
                door=door,
            ),
        )


def _jaarschijf(werkboek: Werkboek, overeenkomst, door, telling) -> Jaarschijf:
    gegevens = werkboek.jaarschijf
    try:
        with _op_blad(formaat.JAARSCHIJF, tot_jaar="jaar"):
            return telling.tel(
                "jaarschijf",
                bulk_jaarschijf.jaarschijf_aanmaken_of_bijwerken(
                    overeenkomst=overeenkomst,
                    jaar=gegevens.jaar,
                    titel=gegevens.titel,
                    inleiding=gegevens.inleiding,
                    plaats=gegevens.plaats,
                    datum=gegevens.datum,
                    geldig_tot=gegevens.geldig_tot,
                    tot_jaar=gegevens.tot_jaar,
                    documentvorm=documentvorm(werkboek),
                    door=door,
                ),
            )
    except Bevroren as fout:
        bevroren = overeenkomst.jaarschijven.get(jaar=gegevens.jaar)
        raise WerkboekFout(
            [
                Melding(
                    _(
                        "jaarschijf {jaar} van '{overeenkomst}' is {status}; de inhoud kan niet "
                        "meer worden gewijzigd, ook niet met een werkboek"
                    ).format(
                        jaar=bevroren.jaar,
                        overeenkomst=overeenkomst.titel,
                        status=bevroren.get_status_display().lower(),
                    ),
                    "jaarschijf",
                )
            ]
        ) from fout
