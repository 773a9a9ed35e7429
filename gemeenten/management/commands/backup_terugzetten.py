from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gemeenten import backup


class Command(BaseCommand):
    help = (
        "Zet een backup (van backup_maken) terug in een lege, gemigreerde database met een "
        "lege opslag."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", help="de map van de backup")

    def handle(self, *args, map, **options):
        if not (Path(map) / backup.MANIFEST).is_file():
            raise CommandError(f"In '{map}' staat geen backup ({backup.MANIFEST} ontbreekt).")
        try:
            manifest = backup.terugzetten(Path(map))
        except backup.BackupFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            self.style.SUCCESS(
                f"Teruggezet: {sum(manifest['rijen'].values())} rijen, "
                f"{len(manifest['bestanden'])} bestanden."
            )
        )
