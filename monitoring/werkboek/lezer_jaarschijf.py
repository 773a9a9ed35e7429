"""Reading the `jaarschijf` sheet (veld, waarde), version 2's velden included."""

import re

from django.utils.translation import gettext as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, Overeenkomst
from gemeenten.models import Gemeente
from monitoring.werkboek import formaat, keuzen, koppen, waarden
from monitoring.werkboek.data import JaarschijfGegevens
from monitoring.werkboek.periode import lees_periode
from monitoring.werkboek.rij import FOUT, Rij, lengte


def jaarschijf_velden(lezer) -> dict[str, Rij] | None:
    """The rows of the jaarschijf sheet by field name; None without the sheet."""
    velden: dict[str, Rij] = {}
    for rij in lezer._rijen(formaat.JAARSCHIJF):
        tekst = waarden.tekst(rij.cellen.get("veld"))
        veld = koppen.veldnaam(tekst)
        # Messages on this row name the veld as written here (koppen.Kolomnamen).
        lezer.namen.veld_gelezen(rij.nummer, veld, tekst)
        if not veld:
            lezer.meldingen.waarschuwing(
                _("geen veld ingevuld, genegeerd"), rij.blad, rij.nummer, "veld"
            )
        elif veld not in formaat.JAARSCHIJF_VELDEN:
            lezer.meldingen.waarschuwing(
                _("onbekend veld, genegeerd"), rij.blad, rij.nummer, "veld"
            )
        elif veld in velden:
            rij.fout(
                "veld",
                _("het veld staat er twee keer in, ook in rij {rij}").format(
                    rij=velden[veld].nummer
                ),
            )
        else:
            velden[veld] = rij
    if formaat.JAARSCHIJF.naam not in lezer.bladen:
        return None
    for veld in formaat.JAARSCHIJF_VERPLICHT:
        if veld not in velden:
            lezer.meldingen.fout(
                _("het verplichte veld ontbreekt"), formaat.JAARSCHIJF.naam, kolom=veld
            )
    lezer.kolommen[formaat.JAARSCHIJF.naam] = set(velden)
    return velden


class _Velden:
    """Cell access by veld name; an absent veld reads as empty."""

    def __init__(self, velden: dict[str, Rij]):
        self.velden = velden

    def tekst(self, veld, verplicht=False, max_lengte=None) -> str:
        rij = self.velden.get(veld)
        return rij.tekst("waarde", verplicht, max_lengte) if rij else ""

    def lees(self, veld, parser, *args, verplicht=False):
        rij = self.velden.get(veld)
        return rij.lees("waarde", parser, *args, verplicht=verplicht) if rij else None

    def fout(self, veld, reden):
        self.velden[veld].fout("waarde", reden)


def lees_jaarschijf(lezer) -> JaarschijfGegevens | None:
    velden = jaarschijf_velden(lezer)
    if velden is None:
        return None
    v = _Velden(velden)
    gemeente = v.tekst("gemeente", True, lengte(Gemeente, "naam"))
    cbs_code = v.tekst("cbs_code").upper()
    if cbs_code and not re.fullmatch(r"GM\d{4}", cbs_code):
        v.fout(
            "cbs_code",
            _("{code} is geen CBS-code (GM gevolgd door 4 cijfers)").format(
                code=waarden.toon(cbs_code)
            ),
        )
    overeenkomst = v.tekst("overeenkomst", True, lengte(Overeenkomst, "titel"))
    periode = v.lees("periode", lees_periode, verplicht=True)
    jaren = v.lees("jaar", keuzen.jaarschijf_jaren, verplicht=True)
    if periode not in (None, FOUT) and jaren not in (None, FOUT):
        _jaren_in_periode(v, jaren, periode)
    gegevens = JaarschijfGegevens(
        gemeente=gemeente,
        cbs_code=cbs_code,
        overeenkomst=overeenkomst,
        startdatum=periode[0] if isinstance(periode, tuple) else None,
        einddatum=periode[1] if isinstance(periode, tuple) else None,
        jaar=jaren[0] if isinstance(jaren, tuple) else None,
        tot_jaar=jaren[1] if isinstance(jaren, tuple) else None,
        titel=v.tekst("titel", max_lengte=lengte(Jaarschijf, "titel")),
        inleiding=v.tekst("inleiding"),
        plaats=v.tekst("plaats", max_lengte=lengte(Jaarschijf, "plaats")),
        datum=v.lees("datum", waarden.datum),
        geldig_tot=v.lees("geldig_tot", waarden.datum),
    )
    _versie_2(v, gegevens)
    return gegevens


def _jaren_in_periode(v: _Velden, jaren: tuple, periode: tuple) -> None:
    for jaar in (j for j in jaren if j is not None):
        if not periode[0].year <= jaar <= periode[1].year:
            v.fout(
                "jaar",
                _("het jaar {jaar} valt buiten de periode van de overeenkomst").format(jaar=jaar),
            )
            return


def _versie_2(v: _Velden, gegevens: JaarschijfGegevens) -> None:
    """The velden version 2 adds; a status that signs or fixes the document checks what
    such a document needs."""
    # `November 2025` as text; a date cell is kept as its ISO text.
    documentdatum = v.lees("documentdatum", waarden.tekst) or ""
    max_lengte = lengte(Jaarschijf, "documentdatum")
    if documentdatum is not FOUT and len(documentdatum) > max_lengte:
        v.fout(
            "documentdatum",
            _("te lang ({lengte} tekens, hoogstens {max})").format(
                lengte=len(documentdatum), max=max_lengte
            ),
        )
    gegevens.documentdatum = documentdatum if isinstance(documentdatum, str) else ""
    status = v.lees("status", waarden.keuze, JaarschijfStatus)
    gegevens.status = status if isinstance(status, str) else ""
    nummering = v.lees("nummering_tonen", keuzen.ja_nee)
    gegevens.nummering_tonen = nummering if isinstance(nummering, bool) else None
    gegevens.grondslag = v.tekst("grondslag")
    geldig = v.lees("geldig_vanaf", keuzen.geldig_vanaf)
    if isinstance(geldig, tuple):
        gegevens.geldig_vanaf, gegevens.geldig_na_ondertekening = geldig
    # Whether a signed document has its place and date is asked by the importer, after a
    # frozen jaarschijf has refused the file: its own export must meet that refusal.
    gegevens.status_rij = v.velden["status"].nummer if "status" in v.velden else None
