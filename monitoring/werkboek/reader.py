"""Reading a workbook: every sheet is checked and every error collected before anything is
imported (WORKBOOK.md). The result is plain data (monitoring.werkboek.data).
"""

import re

from django.utils.translation import gettext as _

from afspraken.constants import Soort, Voortgang
from afspraken.models import Afspraak, Jaarschijf, Ondertekening, Overeenkomst, Thema
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gemeente, Organisatie
from monitoring.werkboek import formaat, waarden
from monitoring.werkboek.bestand import BladInhoud, open_werkboek
from monitoring.werkboek.data import (
    AfspraakGegevens,
    JaarschijfGegevens,
    MutatieGegevens,
    OndertekenaarGegevens,
    PartijGegevens,
    StandGegevens,
    StapGegevens,
    ThemaGegevens,
    Werkboek,
)
from monitoring.werkboek.meldingen import Meldingen
from monitoring.werkboek.nummering import zet_hoofdafspraken
from monitoring.werkboek.partijen import PartijIndex, partijtype
from monitoring.werkboek.periode import lees_periode
from monitoring.werkboek.rij import FOUT, MAX_GETAL, Rij, lengte
from voorraad.constants import CijferSoort
from voorraad.models import Categorie, Segment


def lees_werkboek(bron) -> Werkboek:
    """Parse and check the workbook at `bron` (path or file object).

    Raises WerkboekFout listing every error; warnings travel on the result.
    """
    return _Lezer(open_werkboek(bron)).lees()


class _Lezer:
    def __init__(self, bladen: dict[str, BladInhoud]):
        self.bladen = bladen
        self.meldingen = Meldingen()
        self.afspraak_codes: set[str] = set()

    def lees(self) -> Werkboek:
        bekend = {blad.naam for blad in formaat.BLADEN}
        for naam in self.bladen:
            if naam not in bekend:
                self.meldingen.waarschuwing(_("onbekend tabblad, genegeerd"), naam)
        for blad in formaat.BLADEN:
            if blad.verplicht and blad.naam not in self.bladen:
                self.meldingen.fout(
                    _("het verplichte tabblad '{naam}' ontbreekt").format(naam=blad.naam),
                    _("werkboek"),
                )
        jaarschijf = self._jaarschijf()
        partijen = self._partijen()
        index = PartijIndex(partijen)
        themas = self._themas()
        afspraken = self._afspraken(index, themas)
        # Every code on the sheet, also of rows with an error: a step under such a row is
        # not an error of its own.
        codes = self.afspraak_codes
        werkboek = Werkboek(
            jaarschijf=jaarschijf,
            partijen=partijen,
            themas=themas,
            afspraken=afspraken,
            stappen=self._stappen(index, codes),
            voorraad=self._voorraad(index, partijen),
            voorraadstand=self._voorraadstand(index, partijen),
            ondertekenaars=self._ondertekenaars(index),
        )
        self.meldingen.controleer()
        werkboek.waarschuwingen = self.meldingen.waarschuwingen
        return werkboek

    # -- sheets and headers --------------------------------------------------------------

    def _rijen(self, blad: formaat.Blad):
        """The data rows of a sheet as Rij; nothing when the sheet is absent or its header
        lacks a required column (that error is reported once, not on every row).
        """
        inhoud = self.bladen.get(blad.naam)
        if inhoud is None or not inhoud.rijen:
            if inhoud is not None and blad.verplicht:
                self.meldingen.fout(_("het tabblad is leeg"), blad.naam)
            return
        kop_nummer, kop = inhoud.rijen[0]
        kolommen: dict[int, str] = {}
        for positie, cel in enumerate(kop):
            naam = waarden.tekst(cel).lower()
            if not naam:
                continue
            if naam in kolommen.values():
                self.meldingen.fout(
                    _("de kolom staat er twee keer in"), blad.naam, kop_nummer, naam
                )
            elif naam not in blad.kolommen:
                self.meldingen.waarschuwing(
                    _("onbekende kolom, genegeerd"), blad.naam, kop_nummer, naam
                )
            else:
                kolommen[positie] = naam
        ontbrekend = [k for k in blad.verplichte_kolommen if k not in kolommen.values()]
        for naam in ontbrekend:
            self.meldingen.fout(_("de verplichte kolom ontbreekt"), blad.naam, kop_nummer, naam)
        if ontbrekend:
            return
        for nummer, cellen in inhoud.rijen[1:]:
            yield Rij(
                self,
                blad.naam,
                nummer,
                {naam: cellen[p] for p, naam in kolommen.items() if p < len(cellen)},
            )

    # -- jaarschijf ----------------------------------------------------------------------

    def _jaarschijf_velden(self) -> dict[str, Rij] | None:
        """The rows of the jaarschijf sheet by field name; None without the sheet."""
        velden: dict[str, Rij] = {}
        for rij in self._rijen(formaat.JAARSCHIJF):
            veld = waarden.tekst(rij.cellen.get("veld")).lower()
            if veld not in formaat.JAARSCHIJF_VELDEN:
                self.meldingen.waarschuwing(
                    _("onbekend veld {veld}, genegeerd").format(veld=waarden.toon(veld)),
                    rij.blad,
                    rij.nummer,
                    "veld",
                )
            elif veld in velden:
                rij.fout("veld", _("het veld '{veld}' staat er twee keer in").format(veld=veld))
            else:
                velden[veld] = rij
        if formaat.JAARSCHIJF.naam not in self.bladen:
            return None
        for veld in formaat.JAARSCHIJF_VERPLICHT:
            if veld not in velden:
                self.meldingen.fout(
                    _("het verplichte veld '{veld}' ontbreekt").format(veld=veld),
                    formaat.JAARSCHIJF.naam,
                )
        return velden

    def _jaarschijf(self) -> JaarschijfGegevens | None:
        velden = self._jaarschijf_velden()
        if velden is None:
            return None

        def tekst(veld, verplicht=False, max_lengte=None):
            rij = velden.get(veld)
            return rij.tekst("waarde", verplicht, max_lengte) if rij else ""

        def lees(veld, parser, verplicht=False):
            rij = velden.get(veld)
            return rij.lees("waarde", parser, verplicht=verplicht) if rij else None

        gemeente = tekst("gemeente", True, lengte(Gemeente, "naam"))
        cbs_code = tekst("cbs_code").upper()
        if cbs_code and not re.fullmatch(r"GM\d{4}", cbs_code):
            velden["cbs_code"].fout(
                "waarde",
                _("{code} is geen CBS-code (GM gevolgd door 4 cijfers)").format(
                    code=waarden.toon(cbs_code)
                ),
            )
        overeenkomst = tekst("overeenkomst", True, lengte(Overeenkomst, "titel"))
        periode = lees("periode", lees_periode, verplicht=True)
        jaar = lees("jaar", waarden.jaar, verplicht=True)
        bekend = periode not in (None, FOUT) and jaar not in (None, FOUT)
        if bekend and not periode[0].year <= jaar <= periode[1].year:
            velden["jaar"].fout(
                "waarde",
                _("het jaar {jaar} valt buiten de periode van de overeenkomst").format(jaar=jaar),
            )
        return JaarschijfGegevens(
            gemeente=gemeente,
            cbs_code=cbs_code,
            overeenkomst=overeenkomst,
            startdatum=periode[0] if isinstance(periode, tuple) else None,
            einddatum=periode[1] if isinstance(periode, tuple) else None,
            jaar=jaar if isinstance(jaar, int) else None,
            titel=tekst("titel", max_lengte=lengte(Jaarschijf, "titel")),
            inleiding=tekst("inleiding"),
            plaats=tekst("plaats", max_lengte=lengte(Jaarschijf, "plaats")),
            datum=lees("datum", waarden.datum),
            geldig_tot=lees("geldig_tot", waarden.datum),
        )

    # -- partijen, themas ----------------------------------------------------------------

    def _partijen(self) -> list[PartijGegevens]:
        partijen: list[PartijGegevens] = []
        gezien: dict[str, int] = {}
        for rij in self._rijen(formaat.PARTIJEN):
            naam = rij.tekst("naam", True, lengte(Organisatie, "naam"))
            soort = rij.lees("type", partijtype, verplicht=True)
            afkorting = rij.tekst("afkorting", max_lengte=lengte(Organisatie, "afkorting"))
            sleutels = {naam.lower(): "naam", afkorting.lower(): "afkorting"}
            for sleutel, kolom in sleutels.items():
                if sleutel and sleutel in gezien:
                    rij.fout(
                        kolom,
                        _("{waarde} staat ook in rij {rij}").format(
                            waarde=waarden.toon(sleutel), rij=gezien[sleutel]
                        ),
                    )
            for sleutel in sleutels:
                if sleutel:
                    gezien.setdefault(sleutel, rij.nummer)
            if rij.ok:
                partijen.append(PartijGegevens(rij.nummer, naam, soort, afkorting))
        if formaat.PARTIJEN.naam in self.bladen:
            aantal = sum(1 for p in partijen if p.type == OrganisatieType.GEMEENTE)
            if aantal != 1:
                self.meldingen.fout(
                    _(
                        "er moet precies één partij van het type gemeente zijn, "
                        "het werkboek heeft er {aantal}"
                    ).format(aantal=aantal),
                    formaat.PARTIJEN.naam,
                    kolom="type",
                )
        return partijen

    def _themas(self) -> list[ThemaGegevens]:
        themas: list[ThemaGegevens] = []
        gezien: dict[str, int] = {}
        for positie, rij in enumerate(self._rijen(formaat.THEMAS), start=1):
            naam = rij.tekst("naam", True, lengte(Thema, "naam"))
            if naam and naam.lower() in gezien:
                rij.fout(
                    "naam",
                    _("het thema staat ook in rij {rij}").format(rij=gezien[naam.lower()]),
                )
            gezien.setdefault(naam.lower(), rij.nummer)
            volgorde = rij.lees("volgorde", waarden.geheel_getal)
            if isinstance(volgorde, int) and not 0 <= volgorde <= MAX_GETAL:
                rij.fout("volgorde", _("de volgorde is een getal vanaf 0"))
            thema = ThemaGegevens(
                rij=rij.nummer,
                naam=naam,
                letter=rij.tekst("letter", max_lengte=lengte(Thema, "letter")),
                volgorde=volgorde if isinstance(volgorde, int) else positie,
                toelichting=rij.tekst("toelichting"),
            )
            if rij.ok:
                themas.append(thema)
        return themas

    # -- afspraken, stappen ----------------------------------------------------------------

    def _afspraken(self, index: PartijIndex, themas: list[ThemaGegevens]):
        afspraken: list[AfspraakGegevens] = []
        codes: dict[str, int] = {}
        thema_namen = {thema.naam.lower(): thema.naam for thema in themas}
        for rij in self._rijen(formaat.AFSPRAKEN):
            code = rij.tekst("code", True, lengte(Afspraak, "code"))
            if code and code in codes:
                rij.fout(
                    "code",
                    _("de code {code} staat ook in rij {rij}; codes zijn uniek").format(
                        code=waarden.toon(code), rij=codes[code]
                    ),
                )
            elif code:
                codes[code] = rij.nummer
                self.afspraak_codes.add(code)
            thema = rij.tekst("thema", True, lengte(Thema, "naam"))
            if thema and thema.lower() not in thema_namen:
                # Themes named here but missing on `themas` are added in order of appearance.
                thema_namen[thema.lower()] = thema
                themas.append(ThemaGegevens(None, thema, volgorde=len(themas) + 1))
            trekkers = rij.lees("trekkers", lambda cel: index.trekkers(waarden.tekst(cel)))
            afspraak = AfspraakGegevens(
                rij=rij.nummer,
                code=code,
                thema=thema_namen.get(thema.lower(), thema),
                soort=rij.lees("soort", waarden.keuze, Soort, Soort.PRESTATIEAFSPRAAK),
                inhoud=rij.tekst("inhoud", True),
                resultaat=rij.tekst("resultaat"),
                periode=rij.tekst("periode", max_lengte=lengte(Afspraak, "periode")),
                trekkers=trekkers if isinstance(trekkers, list) else [],
                stappen=rij.tekst("stappen"),
                status=rij.lees("status", waarden.keuze, Voortgang),
                doel=rij.tekst("doel", max_lengte=lengte(Afspraak, "doel")),
            )
            if rij.ok:
                afspraken.append(afspraak)
        zet_hoofdafspraken(afspraken)
        return afspraken

    def _stappen(self, index: PartijIndex, codes: set[str]) -> list[StapGegevens]:
        stappen = []
        for rij in self._rijen(formaat.STAPPEN):
            code = rij.tekst("code", True)
            if code and code not in codes:
                rij.fout(
                    "code",
                    _("onbekende afspraak {code}; die staat niet op het tabblad afspraken").format(
                        code=waarden.toon(code)
                    ),
                )
            partij = rij.lees(
                "partij", lambda cel: index.partij(waarden.tekst(cel)), verplicht=True
            )
            tekst = rij.tekst("tekst", True)
            if rij.ok:
                stappen.append(StapGegevens(rij.nummer, code, partij, tekst))
        return stappen

    # -- voorraad ----------------------------------------------------------------------------

    def _corporatie(self, rij: Rij, index: PartijIndex, partijen):
        corporatie = rij.lees(
            "corporatie", lambda cel: index.partij(waarden.tekst(cel)), verplicht=True
        )
        if isinstance(corporatie, int) and (
            partijen[corporatie].type != OrganisatieType.WONINGCORPORATIE
        ):
            rij.fout(
                "corporatie",
                _("{partij} is geen woningcorporatie").format(
                    partij=waarden.toon(rij.cellen.get("corporatie"))
                ),
            )
        return corporatie

    def _voorraad(self, index: PartijIndex, partijen) -> list[MutatieGegevens]:
        mutaties, gezien = [], {}
        for rij in self._rijen(formaat.VOORRAAD):
            corporatie = self._corporatie(rij, index, partijen)
            categorie = rij.tekst("categorie", True, lengte(Categorie, "naam"))
            periode = rij.lees("periode", waarden.jaren, verplicht=True)
            soort = rij.lees("soort", waarden.keuze, CijferSoort, CijferSoort.PROGNOSE)
            aantal = rij.aantal("aantal")
            toelichting = rij.tekst("toelichting")
            if not rij.ok:
                continue
            sleutel = (corporatie, categorie.lower(), periode, soort)
            if sleutel in gezien:
                rij.fout(
                    "periode", _("dit cijfer staat ook in rij {rij}").format(rij=gezien[sleutel])
                )
                continue
            gezien[sleutel] = rij.nummer
            mutaties.append(
                MutatieGegevens(
                    rij.nummer, corporatie, categorie, *periode, soort, aantal, toelichting
                )
            )
        return mutaties

    def _voorraadstand(self, index: PartijIndex, partijen) -> list[StandGegevens]:
        standen, gezien = [], {}
        for rij in self._rijen(formaat.VOORRAADSTAND):
            corporatie = self._corporatie(rij, index, partijen)
            segment = (
                rij.tekst("segment", max_lengte=lengte(Segment, "naam"))
                or formaat.STANDAARD_SEGMENT
            )
            jaar = rij.lees("jaar", waarden.jaar, verplicht=True)
            soort = rij.lees("soort", waarden.keuze, CijferSoort, CijferSoort.REALISATIE)
            aantal = rij.aantal("aantal")
            if not rij.ok:
                continue
            sleutel = (corporatie, segment.lower(), jaar, soort)
            if sleutel in gezien:
                rij.fout("jaar", _("dit cijfer staat ook in rij {rij}").format(rij=gezien[sleutel]))
                continue
            gezien[sleutel] = rij.nummer
            standen.append(StandGegevens(rij.nummer, corporatie, segment, jaar, soort, aantal))
        return standen

    def _ondertekenaars(self, index: PartijIndex) -> list[OndertekenaarGegevens]:
        ondertekenaars = []
        for rij in self._rijen(formaat.ONDERTEKENAARS):
            partij = rij.lees(
                "partij", lambda cel: index.partij(waarden.tekst(cel)), verplicht=True
            )
            naam = rij.tekst("naam", True, lengte(Ondertekening, "naam"))
            functie = rij.tekst("functie", max_lengte=lengte(Ondertekening, "functie"))
            if rij.ok:
                ondertekenaars.append(OndertekenaarGegevens(rij.nummer, partij, naam, functie))
        return ondertekenaars
