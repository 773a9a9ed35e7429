"""Write a development signing certificate and key to the paths in settings."""

from django.core.management.base import BaseCommand, CommandError

from monitoring.ondertekening import certificaat


class Command(BaseCommand):
    help = (
        "Maakt een zelfondertekend ontwikkelcertificaat voor het ondertekenen van "
        "jaarschijven (ONDERTEKENING_CERTIFICAAT / ONDERTEKENING_SLEUTEL). Niet voor productie."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--als-ontbreekt",
            action="store_true",
            help="Niets doen wanneer er al een certificaat staat (voor make run).",
        )
        parser.add_argument(
            "--overschrijven", action="store_true", help="Een bestaand certificaat vervangen."
        )
        parser.add_argument("--naam", default="Driehoek ontwikkelcertificaat")

    def handle(self, *args, als_ontbreekt, overschrijven, naam, **options):
        inst = certificaat.instellingen()
        bestaat = inst.certificaat.exists() or inst.sleutel.exists()
        if bestaat and als_ontbreekt:
            return
        if bestaat and not overschrijven:
            raise CommandError(
                f"Er staat al een certificaat in {inst.certificaat}; gebruik --overschrijven. "
                "Documenten die ermee ondertekend zijn, valideren daarna niet meer tegen deze "
                "installatie."
            )
        certificaat.maak_ontwikkelcertificaat(inst.certificaat, inst.sleutel, naam=naam)
        certificaat.opnieuw_laden()
        self.stdout.write(f"Certificaat: {inst.certificaat}\nSleutel: {inst.sleutel}")
