from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gemeenten import backup


class Command(BaseCommand):
    help = (
        "Maak een backup van de hele database en alle opgeslagen bestanden in een nieuwe map "
        "(zie gemeenten/backup.py en de README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", help="nieuwe map voor de backup, bv. backups/2026-11-29")

    def handle(self, *args, map, **options):
        try:
            manifest = backup.maak(Path(map))
        except FileExistsError as exc:
            raise CommandError(f"De map '{map}' bestaat al; kies een nieuwe.") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup in {map}: {sum(manifest['rijen'].values())} rijen, "
                f"{len(manifest['bestanden'])} bestanden."
            )
        )
