"""Write a jaarschijf as PDF: the signed one from storage once every party has signed,
otherwise a fresh (unsigned) rendering."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from afspraken.models import Jaarschijf
from monitoring.ondertekening.opslag import pdf_van


class Command(BaseCommand):
    help = "Schrijft de jaarschijf van een gemeente en jaar als PDF naar PAD."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", required=True, help="Naam van de gemeente.")
        parser.add_argument("--jaar", type=int, required=True)
        parser.add_argument(
            "--met-wijzigingen",
            action="store_true",
            help="Met een bijlage van wat er sinds de vorige jaarschijf is veranderd "
            "(een nieuwe, niet ondertekende opmaak).",
        )
        parser.add_argument("pad", type=Path)

    def handle(self, *args, gemeente, jaar, pad, met_wijzigingen, **options):
        jaarschijven = list(
            Jaarschijf.objects.filter(
                overeenkomst__gemeente__naam__iexact=gemeente, jaar=jaar
            ).select_related("overeenkomst__gemeente")
        )
        if not jaarschijven:
            raise CommandError(f"Geen jaarschijf {jaar} voor gemeente {gemeente}.")
        if len(jaarschijven) > 1:
            raise CommandError(
                f"{len(jaarschijven)} overeenkomsten van {gemeente} hebben een jaarschijf {jaar}."
            )
        if met_wijzigingen:
            from monitoring.pdf import jaarschijf_opmaken

            data = jaarschijf_opmaken(jaarschijven[0], met_wijzigingen=True).pdf
            ondertekend = False
        else:
            data, ondertekend = pdf_van(jaarschijven[0])
        pad.write_bytes(data)
        soort = "ondertekend" if ondertekend else "niet ondertekend"
        self.stdout.write(f"{pad} ({len(data):,} bytes, {soort})")
