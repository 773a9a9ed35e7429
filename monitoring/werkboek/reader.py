"""Reading a workbook: every sheet is checked and every error collected before anything is
imported (WORKBOOK.md). The result is plain data (monitoring.werkboek.data).
"""

from django.utils.translation import gettext as _

from afspraken.constants import JaarschijfStatus, Soort, Voortgang
from afspraken.models import Afspraak, Ondertekening, Partij, Stap, Thema
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat, keuzen, koppen, waarden
from monitoring.werkboek.agenda import lees_agenda
from monitoring.werkboek.bestand import BladInhoud, open_werkboek
from monitoring.werkboek.data import (
    AfspraakGegevens,
    JaarschijfGegevens,
    OndertekenaarGegevens,
    PartijGegevens,
    StapGegevens,
    ThemaGegevens,
    Werkboek,
)
from monitoring.werkboek.doelen import lees_doelen
from monitoring.werkboek.lezer_hoofdstukken import lees_hoofdstukken
from monitoring.werkboek.lezer_jaarschijf import lees_jaarschijf
from monitoring.werkboek.lezer_voorraad import lees_voorraad
from monitoring.werkboek.meldingen import Melding, Meldingen, WerkboekFout
from monitoring.werkboek.nummering import zet_hoofdafspraken
from monitoring.werkboek.partijen import PartijIndex, partijtype, registratienummers
from monitoring.werkboek.rij import FOUT, MAX_GETAL, Rij, lengte
from monitoring.werkboek.voorraad_lezer import lees_segmenten, lees_voorraadstand


def lees_werkboek(bron) -> Werkboek:
    """Parse and check the workbook at `bron` (path or file object).

    Raises WerkboekFout listing every error; warnings travel on the result.
    """
    return _Lezer(open_werkboek(bron)).lees()


class _Lezer:
    def __init__(self, bladen: dict[str, BladInhoud]):
        self.bladen = bladen
        # How this file writes its headers: messages name columns its way.
        self.namen = koppen.Kolomnamen()
        self.meldingen = Meldingen(self.namen)
        self.afspraak_codes: set[str] = set()
        # The columns (and jaarschijf velden) the file has, per sheet.
        self.kolommen: dict[str, set[str]] = {}

    def lees(self) -> Werkboek:
        # The template's instruction sheet is for people; it is no data and no mistake.
        bekend = {blad.naam for blad in formaat.BLADEN} | {formaat.TOELICHTING}
        for naam in self.bladen:
            if naam not in bekend:
                self.meldingen.waarschuwing(_("onbekend tabblad, genegeerd"), naam)
        if self._zonder_gegevens():
            # The empty template imported as it is: one message that says what to fill in,
            # not a list of every required value.
            raise WerkboekFout(
                [
                    Melding(
                        _(
                            "het werkboek is nog leeg; vul op het tabblad jaarschijf ten minste "
                            "gemeente, overeenkomst, periode en jaar in, op het tabblad partijen "
                            "de partijen en op het tabblad afspraken de afspraken"
                        ),
                        _("werkboek"),
                    )
                ],
                self.meldingen.benoemde_waarschuwingen(),
            )
        for blad in formaat.BLADEN:
            if blad.verplicht and blad.naam not in self.bladen:
                self.meldingen.fout(
                    _("het verplichte tabblad '{naam}' ontbreekt").format(naam=blad.naam),
                    _("werkboek"),
                )
        jaarschijf = lees_jaarschijf(self)
        partijen = self._partijen(jaarschijf)
        index = PartijIndex(partijen, jaarschijf.jaar if jaarschijf else None)
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
            voorraad=lees_voorraad(self, index, partijen),
            voorraadstand=lees_voorraadstand(self, index, partijen),
            segmenten=lees_segmenten(self),
            ondertekenaars=self._ondertekenaars(index, jaarschijf),
            hoofdstukken=lees_hoofdstukken(self, themas),
            doelen=lees_doelen(self, index, themas, codes),
            agenda=lees_agenda(self, index, jaarschijf.jaar if jaarschijf else None),
        )
        self.meldingen.controleer()
        werkboek.kolommen = self.kolommen
        werkboek.kolomnamen = self.namen
        werkboek.waarschuwingen = self.meldingen.benoemde_waarschuwingen()
        return werkboek

    # -- sheets and headers --------------------------------------------------------------

    def _zonder_gegevens(self) -> bool:
        """The workbook's sheets hold nothing but headers (and the jaarschijf sheet's veld
        names without values)."""
        bladen = [blad for blad in formaat.BLADEN if blad.naam in self.bladen]

        def gevuld(cellen) -> int:
            return sum(1 for cel in cellen if waarden.tekst(cel))

        for blad in bladen:
            minimum = 2 if blad is formaat.JAARSCHIJF else 1
            rijen = self.bladen[blad.naam].rijen[1:]
            if any(gevuld(cellen) >= minimum for _nummer, cellen in rijen):
                return False
        return bool(bladen)

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
            tekst = waarden.tekst(cel)
            naam = koppen.kolomnaam(blad.naam, tekst)
            if not naam:
                continue
            if naam in kolommen.values():
                # Named as first written; the reason shows the other way it is written.
                eerst = self.namen.kolom(blad.naam, naam)
                reden = _("de kolom staat er twee keer in")
                if tekst != eerst:
                    reden = _("de kolom staat er twee keer in, ook als {kop}").format(
                        kop=waarden.toon(tekst)
                    )
                self.meldingen.fout(reden, blad.naam, kop_nummer, naam)
            elif naam not in blad.kolommen:
                self.meldingen.waarschuwing(
                    _("onbekende kolom, genegeerd"), blad.naam, kop_nummer, tekst
                )
            else:
                kolommen[positie] = naam
                self.namen.kop_gelezen(blad.naam, naam, tekst)
        ontbrekend = [k for k in blad.verplichte_kolommen if k not in kolommen.values()]
        for naam in ontbrekend:
            self.meldingen.fout(_("de verplichte kolom ontbreekt"), blad.naam, kop_nummer, naam)
        if ontbrekend:
            return
        self.kolommen[blad.naam] = set(kolommen.values())
        for nummer, cellen in inhoud.rijen[1:]:
            yield Rij(
                self,
                blad.naam,
                nummer,
                {naam: cellen[p] for p, naam in kolommen.items() if p < len(cellen)},
            )

    # -- partijen, themas ----------------------------------------------------------------

    def _partijen(self, jaarschijf: JaarschijfGegevens | None) -> list[PartijGegevens]:
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
            partij = PartijGegevens(
                rij.nummer,
                naam,
                soort,
                afkorting,
                **{v: rij.tekst(v, max_lengte=lengte(Partij, v)) for v in _PARTIJ_TEKSTEN},
                rol=rij.tekst("rol"),
                **registratienummers(rij, soort),
            )
            # The party itself is fine when only its last year is wrong: the rows naming it
            # get no errors of their own.
            bekend = rij.ok
            partij.actief_tot = self._actief_tot(rij, soort, jaarschijf)
            if bekend:
                partijen.append(partij)
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

    def _actief_tot(self, rij: Rij, soort, jaarschijf: JaarschijfGegevens | None):
        """The last year a party takes part: within the agreement's period, never for the
        gemeente (whose agreement it is)."""
        if not waarden.tekst(rij.cellen.get("actief_tot")):
            return None
        jaar = rij.lees("actief_tot", keuzen.jaartal)
        if jaar is FOUT:
            return None
        if soort == OrganisatieType.GEMEENTE:
            rij.fout(
                "actief_tot",
                _("de gemeente doet de hele looptijd mee; laat de cel leeg"),
            )
        elif jaarschijf and jaarschijf.startdatum and jaarschijf.einddatum:
            start, einde = jaarschijf.startdatum.year, jaarschijf.einddatum.year
            if not start <= jaar <= einde:
                rij.fout(
                    "actief_tot",
                    _(
                        "{jaar} valt buiten de periode van de overeenkomst ({start}-{einde}); "
                        "laat het leeg als de partij de hele looptijd meedoet"
                    ).format(jaar=jaar, start=start, einde=einde),
                )
        return jaar

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
                doel=rij.tekst("doel"),
            )
            if rij.ok:
                themas.append(thema)
        return themas

    # -- afspraken, stappen ----------------------------------------------------------------

    def _code(self, rij: Rij, codes: dict[str, int]) -> str:
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
        return code

    def _afspraken(self, index: PartijIndex, themas: list[ThemaGegevens]):
        afspraken: list[AfspraakGegevens] = []
        codes: dict[str, int] = {}
        thema_namen = {thema.naam.lower(): thema.naam for thema in themas}
        for rij in self._rijen(formaat.AFSPRAKEN):
            code = self._code(rij, codes)
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
                kop=rij.tekst("kop", max_lengte=lengte(Afspraak, "kop")),
                betrokkenen=rij.tekst("betrokkenen", max_lengte=lengte(Afspraak, "betrokkenen")),
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
            partijen = rij.lees(
                "partij", lambda cel: index.stap_partijen(waarden.tekst(cel)), verplicht=True
            )
            if isinstance(partijen, tuple):
                self._doet_mee(rij, "partij", index, partijen[0])
                if len(partijen[1]) > lengte(Stap, "aanduiding"):
                    rij.tekst("partij", max_lengte=lengte(Stap, "aanduiding"))
            tekst = rij.tekst("tekst", True)
            if rij.ok:
                stappen.append(StapGegevens(rij.nummer, code, partijen[0], tekst, partijen[1]))
        return stappen

    def _doet_mee(self, rij: Rij, kolom: str, index: PartijIndex, partijen: list[int]) -> None:
        """A party that no longer takes part in the jaarschijf's year has no step or
        signature in it (its history stays)."""
        for nummer in partijen:
            partij = index.partijen[nummer]
            if not partij.actief_in(index.jaar):
                rij.fout(
                    kolom,
                    _(
                        "{partij} doet na {tot} niet meer mee (kolom {kolom} op het "
                        "tabblad partijen)"
                    ).format(
                        partij=partij.naam,
                        tot=partij.actief_tot,
                        kolom=self.namen.kolom(formaat.PARTIJEN.naam, "actief_tot"),
                    ),
                )

    def _ondertekenaars(
        self, index: PartijIndex, jaarschijf: JaarschijfGegevens | None
    ) -> list[OndertekenaarGegevens]:
        status = jaarschijf.status if jaarschijf else ""
        ondertekenaars = []
        for rij in self._rijen(formaat.ONDERTEKENAARS):
            partij = rij.lees(
                "partij", lambda cel: index.partij(waarden.tekst(cel)), verplicht=True
            )
            if isinstance(partij, int):
                self._doet_mee(rij, "partij", index, [partij])
            naam = rij.tekst("naam", True, lengte(Ondertekening, "naam"))
            functie = rij.tekst("functie", max_lengte=lengte(Ondertekening, "functie"))
            op = rij.lees("ondertekend_op", waarden.datum)
            if op not in (None, FOUT) and status != JaarschijfStatus.ONDERTEKEND:
                rij.fout(
                    "ondertekend_op",
                    _(
                        "een datum van ondertekening hoort bij een document dat buiten "
                        "Driehoek is ondertekend: zet op het tabblad jaarschijf de status op "
                        "ondertekend, of laat deze cel leeg"
                    ),
                )
            if status == JaarschijfStatus.ONDERTEKEND and op is None:
                # A document signed on paper: every signatory signed, on the day it names.
                op = jaarschijf.datum
            if rij.ok:
                ondertekenaars.append(OndertekenaarGegevens(rij.nummer, partij, naam, functie, op))
        return ondertekenaars


# Partij's short text columns of version 2 (`rol` is long text).
_PARTIJ_TEKSTEN = ("vertegenwoordiger", "functie", "mandaat", "aanduiding")
