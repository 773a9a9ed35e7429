"""`make bench`: import a generated workbook of realistic size and check it stays under the
time budget (in a transaction that is rolled back), then measure the page throughput at
national scale (monitoring/management/bench/), reported against a trivial view. Missing
that target is reported, never a failing exit code.

Both run in a throwaway database, migrated for the occasion and dropped afterwards: the
configured database is never touched and need not exist yet (a fresh clone).
"""

import io
import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from monitoring.management import bench
from monitoring.werkboek import formaat
from monitoring.werkboek.exporter import maak_xlsx
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from voorraad.constants import STANDAARD_CATEGORIEEN, STANDAARD_SEGMENTEN

BUDGET_SECONDEN = 3.0


class _Terugdraaien(Exception):
    pass


def bench_werkboek(
    afspraken: int = 100, cijfers: int = 500, gemeente: str = "Benchdorp", corporaties: int = 4
):
    """A workbook with `afspraken` afspraken in groups of five (a main afspraak and four
    sub-afspraken, each with a step) and `cijfers` stock figures of `corporaties`
    corporaties: four fifths mutations, one fifth stock levels (two stock tables per
    corporatie).
    """
    corporaties = [
        (f"Bench Corporatie {n}", "woningcorporatie", f"BC{n}") for n in range(1, corporaties + 1)
    ]
    partijen = [
        (f"Gemeente {gemeente}", "gemeente", "BG"),
        *corporaties,
        ("Bench Huurders", "huurdersorganisatie", "BH"),
    ]
    themas = [(f"Thema {n}", chr(64 + n), n, f"Toelichting bij thema {n}.") for n in range(1, 7)]
    rijen_afspraken, stappen = [], []
    for n in range(1, afspraken + 1):
        hoofd = (n - 1) // 5 * 5 + 1
        code = f"{hoofd}{'abcd'[n - hoofd - 1]}" if n != hoofd else str(hoofd)
        trekker = corporaties[n % len(corporaties)][2]
        rijen_afspraken.append(
            (
                code,
                themas[n % len(themas)][0],
                "prestatieafspraak",
                f"Afspraak {code}: de partijen werken samen aan opgave {n}.\nTweede regel.",
                f"Resultaat {n}",
                "2024-2028",
                f"{trekker}, BG",
                f"Plan voor afspraak {code} in 2026.",
                "op_koers",
                f"{n * 10} woningen",
            )
        )
        stappen.append((code, trekker, f"{trekker} doet stap {n}."))
    voorraad, voorraadstand = _bench_cijfers([c[2] for c in corporaties], cijfers)
    return maak_xlsx(
        {
            formaat.JAARSCHIJF.naam: [
                ("gemeente", gemeente),
                ("overeenkomst", "Bench prestatieafspraken 2024-2028"),
                ("periode", "2024-2028"),
                ("jaar", 2026),
                ("titel", "Jaarschijf 2026 bench"),
            ],
            formaat.PARTIJEN.naam: partijen,
            formaat.THEMAS.naam: themas,
            formaat.AFSPRAKEN.naam: rijen_afspraken,
            formaat.STAPPEN.naam: stappen,
            formaat.VOORRAAD.naam: voorraad,
            formaat.VOORRAADSTAND.naam: voorraadstand,
            formaat.ONDERTEKENAARS.naam: [(p[2], f"Ondertekenaar {p[2]}", "") for p in partijen],
        }
    )


def _bench_cijfers(corporaties: list[str], cijfers: int) -> tuple[list[tuple], list[tuple]]:
    """`cijfers` stock figures of the corporaties: four fifths mutations, one fifth levels."""
    aantal_standen = cijfers // 5
    voorraad = []
    for n in range(cijfers - aantal_standen):
        categorie = STANDAARD_CATEGORIEEN[n // len(corporaties) % len(STANDAARD_CATEGORIEEN)]
        jaar = 2000 + n // (len(corporaties) * len(STANDAARD_CATEGORIEEN))
        voorraad.append(
            (corporaties[n % len(corporaties)], categorie, jaar, "prognose", 1000 + n, "")
        )
    voorraadstand = []
    for n in range(aantal_standen):
        segment = STANDAARD_SEGMENTEN[n // len(corporaties) % len(STANDAARD_SEGMENTEN)]
        jaar = 2000 + n // (len(corporaties) * len(STANDAARD_SEGMENTEN))
        voorraadstand.append(
            (corporaties[n % len(corporaties)], segment, jaar, "realisatie", 2000 + n)
        )
    return voorraad, voorraadstand


class Command(BaseCommand):
    help = (
        "Meet de import van een werkboek met 100 afspraken en 500 voorraadcijfers; "
        f"faalt boven {BUDGET_SECONDEN:g} seconden. De database blijft ongewijzigd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schaal",
            choices=sorted(bench.SCHALEN),
            default="nationaal",
            help="Omvang van de dataset voor de paginametingen (standaard: nationaal).",
        )
        parser.add_argument(
            "--duur",
            type=float,
            default=5.0,
            help=(
                "Seconden wrk per pagina, na 1 s opwarmen; hele seconden, minstens 1 "
                "(standaard: 5)."
            ),
        )
        parser.add_argument(
            "--zonder-import", action="store_true", help="Sla de importmeting over."
        )
        parser.add_argument(
            "--zonder-paginas", action="store_true", help="Sla de paginametingen over."
        )
        parser.add_argument(
            "--zonder-pdf", action="store_true", help="Sla de PDF- en handtekeningmeting over."
        )
        parser.add_argument(
            "--huidige-database",
            action="store_true",
            help=(
                "Meet in de ingestelde database, binnen transacties die worden teruggedraaid, "
                "in plaats van in een wegwerpdatabase (voor de tests)."
            ),
        )

    def handle(self, *args, **options):
        if options["huidige_database"]:
            self.meten(options)
        else:
            with bench.wegwerpdatabase():
                self.meten(options)

    def meten(self, options):
        fout = None
        if not options["zonder_import"]:
            try:
                self.meet_import()
            except CommandError as e:
                # The pages are still measured; the exit code is the import's alone.
                fout = e
        if not options["zonder_pdf"]:
            self.meet_pdf(options)
        if not options["zonder_paginas"]:
            self.meet_paginas(options)
        if fout:
            raise fout

    def meet_paginas(self, options):
        schaal = bench.SCHALEN[options["schaal"]]
        if options["huidige_database"]:
            try:
                with transaction.atomic():
                    self._paginas(schaal, options)
                    raise _Terugdraaien
            except _Terugdraaien:
                pass
        else:
            self._paginas(schaal, options)

    def _paginas(self, schaal, options):
        begin = time.perf_counter()
        data = bench.bouw_dataset(schaal)
        duur = time.perf_counter() - begin
        aantallen = ", ".join(f"{bench.nl(v)} {k}" for k, v in data.aantallen.items())
        self.stdout.write(
            f"\nDataset ({options['schaal']}, {connection.vendor}): {aantallen}; "
            f"gebouwd in {bench.nl(duur, 1)} s."
        )
        if options["huidige_database"] or not bench.wrk_pad():
            metingen = self._in_proces(data, options)
        else:
            metingen = self._served(data, options)
        gemist = [f"{m.naam} ({m.rol})" for m in metingen[1:] if not m.haalt_doel]
        if gemist:
            self.stdout.write(
                self.style.WARNING(
                    f"Onder het doel (≥ {bench.DOEL_PROCENT} % van de triviale view en p99 < "
                    f"{bench.DOEL_P99_MS} ms): " + ", ".join(gemist) + "."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("Alle pagina's halen het doel."))

    def _served(self, data, options):
        voor = os.getloadavg()[0]
        meting = bench.meet_met_server(data, duur=options["duur"])
        na = os.getloadavg()[0]
        self.stdout.write(
            f"Gediend door gunicorn ({meting.werkers} sync-werkers, productie-instellingen, "
            f"DEBUG uit, blijvende databaseverbindingen, cache {meting.cache}) op 127.0.0.1, "
            f"belast met wrk "
            f"({bench.VERBINDINGEN} verbindingen, {max(1, round(options['duur']))} s per "
            f"pagina na 1 s opwarmen); queries en allocaties per verzoek eenmaal gemeten in "
            f"dit proces. Doel: ≥ {bench.DOEL_PROCENT} % van de triviale view, "
            f"p99 < {bench.DOEL_P99_MS} ms."
        )
        for regel in bench.tabel(meting.metingen):
            self.stdout.write(regel)
        for m in meting.metingen:
            if m.foutmelding:
                self.stdout.write(
                    self.style.ERROR(f"HTTP {m.status} op {m.naam} ({m.rol}): {m.foutmelding}")
                )
        self.stdout.write(
            f"Belasting van de machine (load average over 1 minuut) voor en na: "
            f"{bench.nl(voor, 1)} en {bench.nl(na, 1)} op {os.cpu_count()} kernen."
        )
        self.stdout.write(
            "Piekgeheugen (RSS) per gunicorn-werker: "
            + ", ".join(f"{bench.nl(mb)} MB" for mb in meting.piek_werkers_mb)
            + "."
        )
        return meting.metingen

    def _in_proces(self, data, options):
        reden = (
            "de rijen staan in een transactie die een server niet ziet"
            if options["huidige_database"]
            else "wrk is niet geïnstalleerd (apt-get install wrk)"
        )
        self.stdout.write(
            self.style.WARNING(
                f"Niet gediend gemeten: {reden}. Terugval: django.test.Client in dit proces, "
                "één verzoek tegelijk; geen p50/p99 en geen geheugen per werker."
            )
        )
        metingen = bench.meet_in_proces(data, duur=options["duur"])
        for regel in bench.tabel(metingen):
            self.stdout.write(regel)
        self.stdout.write(
            f"Piekgeheugen van het proces (inclusief het bouwen van de dataset): "
            f"{bench.nl(bench.piek_rss_mb())} MB."
        )
        return metingen

    def meet_pdf(self, options):
        """The jaarschijf PDF of the bench workbook (100 afspraken; 10 at the small scale)
        and five signatures on it, in a transaction that is rolled back."""
        from monitoring.management.bench.pdf import meet_pdf

        afspraken = 10 if options["schaal"] == "klein" else 100
        # Three corporaties: six stock tables, the size issues #10 and #13 name.
        inhoud = bench_werkboek(
            afspraken=afspraken, cijfers=120, gemeente="Benchpdf", corporaties=3
        )
        try:
            with transaction.atomic():
                resultaat = werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(inhoud)))
                meting = meet_pdf(resultaat.jaarschijf)
                raise _Terugdraaien
        except _Terugdraaien:
            pass
        self.stdout.write(
            f"\nPDF en handtekeningen (load average over 1 minuut: "
            f"{bench.nl(os.getloadavg()[0], 1)} op {os.cpu_count()} kernen):"
        )
        for regel, binnen in meting.regels():
            if binnen is None:
                self.stdout.write(f"{regel}.")
            elif binnen:
                self.stdout.write(self.style.SUCCESS(f"{regel}: binnen het budget."))
            else:
                self.stdout.write(self.style.WARNING(f"{regel}: buiten het budget."))

    def meet_import(self):
        inhoud = bench_werkboek()
        begin = time.perf_counter()
        try:
            with transaction.atomic():
                werkboek = lees_werkboek(io.BytesIO(inhoud))
                resultaat = werkboek_importeren(werkboek=werkboek)
                duur = time.perf_counter() - begin
                samenvatting = resultaat.samenvatting()
                raise _Terugdraaien
        except _Terugdraaien:
            pass
        except WerkboekFout as fout:
            raise CommandError(f"Het bench-werkboek is geweigerd:\n{fout}") from fout
        self.stdout.write(samenvatting)
        regel = (
            f"Lezen en importeren van {len(werkboek.afspraken)} afspraken en "
            f"{len(werkboek.voorraad) + len(werkboek.voorraadstand)} voorraadcijfers: "
            f"{duur:.2f} s (budget {BUDGET_SECONDEN:g} s)".replace(".", ",")
        )
        if duur >= BUDGET_SECONDEN:
            raise CommandError(f"{regel}: te langzaam.")
        self.stdout.write(self.style.SUCCESS(f"{regel}: binnen het budget."))
