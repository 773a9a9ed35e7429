"""One simulated partner of `make loadtest`: logs in as a demo account and, until the time is
up, reads pages, comments, edits the jaarschijf's texts (gemeente) or figures (corporatie)
and now and then imports its gemeente's workbook again. Every write the server acknowledged
(a redirect after the POST) is remembered with a value of its own, to be found back later."""

import itertools
import random
import threading
import time
from dataclasses import dataclass, field

from django.urls import reverse

from monitoring.management.loadtest.client import Antwoord, Browser, formulieren, vervang

# Unique values for every write of the run, over all threads.
_teller = itertools.count(1)
_slot = threading.Lock()
IMPORT_PAUZE = 10.0


@dataclass
class Doelen:
    """What a partner works on: prepared from the database before the run."""

    username: str
    jaarschijf: int
    overeenkomst: int
    jaarafspraken: list[int] = field(default_factory=list)
    mutaties: list[int] = field(default_factory=list)
    werkboek: object = None  # callable(token) -> xlsx bytes, for a gemeente


@dataclass
class Schrijven:
    soort: str  # opmerking, tekst, cijfer, import
    pk: int
    waarde: object


@dataclass
class Uitslag:
    duren: list = field(default_factory=list)
    fouten: list = field(default_factory=list)
    geweigerd: list = field(default_factory=list)
    schrijven: list = field(default_factory=list)
    per_soort: dict = field(default_factory=dict)

    def meet(self, antwoord: Antwoord, wat: str) -> Antwoord:
        with _slot:
            self.duren.append(antwoord.duur)
            self.per_soort[wat] = self.per_soort.get(wat, 0) + 1
            if antwoord.status >= 500:
                self.fouten.append(f"HTTP {antwoord.status} bij {wat}")
        return antwoord

    def bevestigd(self, antwoord: Antwoord, schrijven: Schrijven) -> None:
        with _slot:
            if antwoord.status == 302:
                self.schrijven.append(schrijven)
            elif antwoord.status < 500:
                self.geweigerd.append(f"{schrijven.soort}: HTTP {antwoord.status}")


class Partner(threading.Thread):
    def __init__(self, nummer, poort, wachtwoord, doelen: Doelen, einde, uitslag: Uitslag):
        super().__init__(daemon=True, name=f"partner-{nummer}")
        self.nummer, self.doelen, self.einde, self.uitslag = nummer, doelen, einde, uitslag
        self.wachtwoord = wachtwoord
        self.browser = Browser(poort, adres=f"10.9.{nummer // 250}.{nummer % 250 + 1}")
        self.kans = random.Random(nummer)
        self.laatste_import = time.monotonic() - self.kans.uniform(0, IMPORT_PAUZE)

    def run(self):
        try:
            if not self.browser.inloggen(self.doelen.username, self.wachtwoord):
                self.uitslag.fouten.append(f"{self.doelen.username} kon niet inloggen")
                return
            while time.monotonic() < self.einde:
                try:
                    self.stap()
                except (OSError, LookupError) as fout:
                    with _slot:
                        self.uitslag.fouten.append(f"{type(fout).__name__}: {fout}")
        except Exception as fout:  # a broken partner is reported, never silent
            with _slot:
                self.uitslag.fouten.append(f"{self.name}: {type(fout).__name__}: {fout}")

    def stap(self):
        d = self.doelen
        keuze = self.kans.random()
        if d.werkboek and time.monotonic() - self.laatste_import > IMPORT_PAUZE:
            self.laatste_import = time.monotonic()
            return self.importeren()
        if keuze < 0.55:
            return self.lezen()
        if keuze < 0.70:
            return self.opmerken()
        if d.jaarafspraken:
            return self.tekst_bewerken()
        if d.mutaties:
            return self.cijfer_bewerken()
        return self.lezen()

    def get(self, pad: str, wat: str) -> Antwoord:
        return self.uitslag.meet(self.browser.get(pad), wat)

    def lezen(self):
        d = self.doelen
        paden = [
            (
                "jaarschijf",
                reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": d.jaarschijf}),
            ),
            ("start", reverse("monitoring:start")),
            (
                "overeenkomst",
                reverse(
                    "afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": d.overeenkomst}
                ),
            ),
            (
                "afspraken",
                reverse("afspraken:afspraak-lijst", kwargs={"overeenkomst_pk": d.overeenkomst}),
            ),
        ]
        wat, pad = self.kans.choice(paden)
        self.get(pad, wat)

    def formulier(self, pad: str, veld: str, wat: str):
        actie, velden, pagina = self.browser.formulier(pad, veld)
        self.uitslag.meet(pagina, wat)
        return actie, velden

    def post(self, actie, velden, wat: str) -> Antwoord:
        return self.uitslag.meet(self.browser.post(actie, velden), wat)

    def token(self) -> str:
        return f"lt{self.nummer}-{next(_teller)}"

    def opmerken(self):
        pad = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": self.doelen.jaarschijf})
        actie, velden = self.formulier(pad, "opmerking", "jaarschijf")
        tekst = f"Opmerking uit de belastingtest {self.token()}."
        antwoord = self.post(actie, vervang(velden, opmerking=tekst), "opmerking plaatsen")
        self.uitslag.bevestigd(antwoord, Schrijven("opmerking", self.doelen.jaarschijf, tekst))

    def tekst_bewerken(self):
        pk = self.kans.choice(self.doelen.jaarafspraken)
        pad = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": pk})
        actie, velden = self.formulier(pad, "tekst", "jaarafspraak")
        tekst = f"Plan voor het jaar, bijgewerkt in de belastingtest {self.token()}."
        antwoord = self.post(actie, vervang(velden, tekst=tekst), "tekst opslaan")
        self.uitslag.bevestigd(antwoord, Schrijven("tekst", pk, tekst))

    def cijfer_bewerken(self):
        pk = self.kans.choice(self.doelen.mutaties)
        pad = reverse("voorraad:cijfers-bewerken", kwargs={"jaarschijf_pk": self.doelen.jaarschijf})
        actie, velden = self.formulier(pad, f"m-{pk}", "cijfers")
        aantal = 1000 + next(_teller)
        antwoord = self.post(actie, vervang(velden, **{f"m-{pk}": str(aantal)}), "cijfer opslaan")
        self.uitslag.bevestigd(antwoord, Schrijven("cijfer", pk, aantal))

    def importeren(self):
        pad = reverse("monitoring:werkboek-import")
        self.get(pad, "importpagina")
        # The page's first form is the logout button's; the cookie's token serves as well.
        velden = [("csrfmiddlewaretoken", self.browser.cookies.get("csrftoken", ""))]
        titel = f"Jaarschijf uit de belastingtest {self.token()}"
        data = self.doelen.werkboek(titel)
        voorbeeld = self.uitslag.meet(
            self.browser.post_bestand(pad, velden, "bestand", "werkboek.xlsx", data),
            "werkboek controleren",
        )
        # Since #15.6 the upload shows a preview; the import is its confirmation.
        bevestig = [
            f["velden"] for f in formulieren(voorbeeld.tekst) if "voorbeeld" in dict(f["velden"])
        ]
        antwoord = self.post(pad, bevestig[0], "werkboek importeren") if bevestig else voorbeeld
        self.uitslag.bevestigd(antwoord, Schrijven("import", self.doelen.jaarschijf, titel))
