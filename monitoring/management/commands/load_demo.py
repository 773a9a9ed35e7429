from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from monitoring.management.demo import URL, WACHTWOORD, demo_laden, overzicht
from monitoring.werkboek.meldingen import WerkboekFout


class Command(BaseCommand):
    help = (
        "Laad de demo: de werkboeken in fixtures/ via de importer, plus een superuser 'admin' "
        "en per organisatie een login per rol, allemaal met het wachtwoord "
        f"'{WACHTWOORD}'. Opnieuw draaien dupliceert niets en herstelt de demo-accounts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stil", action="store_true", help="laad zonder het overzicht van de logins te tonen"
        )
        parser.add_argument(
            "--url", default=URL, help="waar de server draait, voor het overzicht (make run: HOST)"
        )
        parser.add_argument(
            "--ook-zonder-debug",
            action="store_true",
            help="laad ook als DEBUG uit staat (de demo-accounts hebben een bekend wachtwoord)",
        )

    def handle(self, *args, stil=False, url=URL, ook_zonder_debug=False, verbosity=1, **options):
        if not settings.DEBUG and not ook_zonder_debug:
            raise CommandError(
                "DEBUG staat uit. De demo maakt accounts met een bekend wachtwoord (ook een "
                "superuser) en hoort niet in productie; gebruik --ook-zonder-debug als u het "
                "toch wilt."
            )
        try:
            resultaat = demo_laden()
        except (WerkboekFout, ValidationError) as fout:
            # ValidationError: e.g. a demo username taken by someone of another organisation.
            meldingen = fout.fouten if isinstance(fout, WerkboekFout) else fout.messages
            regels = "\n".join(f"- {melding}" for melding in meldingen)
            raise CommandError(
                f"De demo is niet geladen; er is niets gewijzigd.\n{regels}"
            ) from fout
        if stil or verbosity == 0:
            return
        if verbosity > 1:
            for geimporteerd in resultaat.imports:
                self.stdout.write(geimporteerd.samenvatting())
                for waarschuwing in geimporteerd.waarschuwingen:
                    self.stderr.write(f"Waarschuwing: {waarschuwing}")
        organisaties = {org.pk for orgs in resultaat.per_gemeente.values() for org, _l in orgs}
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo geladen: {len(resultaat.imports)} werkboeken, {len(organisaties)} "
                f"organisaties, {resultaat.aantal_accounts} accounts "
                f"({resultaat.nieuwe_accounts} nieuw)."
            )
        )
        self.stdout.write(overzicht(resultaat, url=url))
