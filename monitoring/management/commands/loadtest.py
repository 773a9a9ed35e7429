"""`make loadtest` (issue 14, point 3): simulated partners against the app as production
serves it, then the proof that nothing was lost.

The configured database (DATABASE_URL, PostgreSQL) is emptied, migrated and given the demo;
gunicorn serves it with DEBUG off on a free loopback port; `--partners` threads log in as
the demo's medewerkers and for `--duur` seconds read pages, comment, edit texts and figures
and import workbooks (monitoring/management/loadtest/). Afterwards: requests per second,
p50/p99, server errors, and every acknowledged write looked up in the database. Exit code 1
on any server error or lost write. Not part of `make test`.
"""

import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from monitoring.management.demo import WACHTWOORD
from monitoring.management.loadtest import omgeving
from monitoring.management.loadtest.doelen import alle_doelen, niet_gevonden
from monitoring.management.loadtest.partner import Partner, Uitslag


def nl(getal: float, decimalen: int = 0) -> str:
    return f"{getal:,.{decimalen}f}".translate(str.maketrans(",.", ".,"))


class Command(BaseCommand):
    help = "Belastingtest: gesimuleerde partners tegen de app zoals productie die serveert."

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=16)
        parser.add_argument("--duur", type=float, default=60.0, help="seconden")
        parser.add_argument("--werkers", type=int, default=4, help="gunicorn workers")
        parser.add_argument(
            "--bewaar", action="store_true", help="laat de database na afloop staan"
        )

    def handle(self, *args, partners, duur, werkers, bewaar, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "De belastingtest draait op PostgreSQL: zet DATABASE_URL (make loadtest doet dat)."
            )
        self.stdout.write(f"Database {connection.settings_dict['NAME']}: leeg, migreren, demo…")
        resultaat = omgeving.database_voorbereiden()
        doelen = alle_doelen(resultaat, partners)
        log = Path(settings.BASE_DIR) / "var" / "loadtest-gunicorn.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        try:
            with omgeving.gunicorn(werkers, log) as poort:
                uitslag, verstreken = self.belasten(poort, doelen, duur)
            connection.close()
            kwijt = niet_gevonden(uitslag.schrijven)
            self.verslag(uitslag, verstreken, partners, werkers, kwijt, log)
        finally:
            if not bewaar:
                omgeving.database_opruimen()
        if uitslag.fouten or kwijt:
            raise CommandError("Belastingtest mislukt: serverfouten of verloren schrijfacties.")

    def belasten(self, poort, doelen, duur):
        self.stdout.write(f"{len(doelen)} partners, {nl(duur)} s tegen 127.0.0.1:{poort}…")
        uitslag = Uitslag()
        begin = time.monotonic()
        threads = [
            Partner(n, poort, WACHTWOORD, d, begin + duur, uitslag) for n, d in enumerate(doelen)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=duur + 120)
        return uitslag, time.monotonic() - begin

    def verslag(self, uitslag: Uitslag, verstreken, partners, werkers, kwijt, log):
        duren = sorted(uitslag.duren) or [0.0]
        p99 = duren[min(len(duren) - 1, int(len(duren) * 0.99))]
        soorten = {}
        for s in uitslag.schrijven:
            soorten[s.soort] = soorten.get(s.soort, 0) + 1
        regels = [
            f"Partners: {partners}, gunicorn-workers: {werkers}, duur: {nl(verstreken, 1)} s",
            f"Verzoeken: {len(uitslag.duren)} ({nl(len(uitslag.duren) / verstreken, 1)} per s)",
            f"Responstijd: p50 {nl(statistics.median(duren) * 1000)} ms, "
            f"p99 {nl(p99 * 1000)} ms, max {nl(duren[-1] * 1000)} ms",
            "Per soort: " + ", ".join(f"{k} {v}" for k, v in sorted(uitslag.per_soort.items())),
            f"Serverfouten (5xx) en mislukte verbindingen: {len(uitslag.fouten)}",
            f"Schrijfacties bevestigd: {len(uitslag.schrijven)} "
            f"({', '.join(f'{k} {v}' for k, v in sorted(soorten.items()))}), "
            f"teruggevonden: {len(uitslag.schrijven) - len(kwijt)}, kwijt: {len(kwijt)}",
            f"Niet bevestigd (conflict of validatie, niets opgeslagen): {len(uitslag.geweigerd)}",
        ]
        for fout in uitslag.fouten[:10]:
            regels.append(f"  fout: {fout}")
        for s in kwijt[:10]:
            regels.append(f"  kwijt: {s.soort} {s.pk} {s.waarde!r}")
        if uitslag.fouten:
            regels.append(f"gunicorn-log: {log}")
        self.stdout.write("\n".join(regels))
