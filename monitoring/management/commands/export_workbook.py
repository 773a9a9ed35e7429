from django.core.management.base import BaseCommand, CommandError

from afspraken.models import Jaarschijf
from monitoring.werkboek.exporter import werkboek_exporteren


class Command(BaseCommand):
    help = "Schrijf de jaarschijf van een gemeente als werkboek (.xlsx); zie WORKBOOK.md."

    def add_arguments(self, parser):
        parser.add_argument("pad", help="het werkboek dat wordt geschreven (.xlsx)")
        parser.add_argument("--gemeente", required=True, help="naam van de gemeente")
        parser.add_argument("--jaar", required=True, type=int, help="jaar van de jaarschijf")
        parser.add_argument(
            "--overeenkomst",
            help="titel van de overeenkomst, als de gemeente meer jaarschijven in dat jaar heeft",
        )

    def handle(self, *args, pad, gemeente, jaar, overeenkomst=None, **options):
        jaarschijven = Jaarschijf.objects.select_related("overeenkomst__gemeente").filter(
            overeenkomst__gemeente__naam__iexact=gemeente.strip(), jaar=jaar
        )
        if overeenkomst:
            jaarschijven = jaarschijven.filter(overeenkomst__titel__iexact=overeenkomst.strip())
        gevonden = list(jaarschijven.order_by("overeenkomst__titel"))
        if not gevonden:
            raise CommandError(f"Geen jaarschijf {jaar} van gemeente '{gemeente}' gevonden.")
        if len(gevonden) > 1:
            titels = "\n".join(f"- {j.overeenkomst.titel}" for j in gevonden)
            raise CommandError(
                f"Gemeente '{gemeente}' heeft meer jaarschijven {jaar}; kies er een met "
                f"--overeenkomst:\n{titels}"
            )
        jaarschijf = gevonden[0]
        inhoud = werkboek_exporteren(jaarschijf=jaarschijf)
        try:
            with open(pad, "wb") as bestand:
                bestand.write(inhoud)
        except OSError as exc:
            raise CommandError(f"Kan '{pad}' niet schrijven: {exc.strerror}.") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Jaarschijf {jaarschijf.jaar} van {jaarschijf.overeenkomst.gemeente.naam} "
                f"({jaarschijf.overeenkomst.titel}) geschreven naar {pad}."
            )
        )
