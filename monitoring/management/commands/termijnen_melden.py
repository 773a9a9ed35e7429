"""Mail the parties concerned about agenda rows due in a week; run once a day (cron)."""

from django.core.management.base import BaseCommand

from monitoring.berichten import termijnen_melden


class Command(BaseCommand):
    help = "Mailt de betrokken partijen over agendapunten die over een week verlopen."

    def add_arguments(self, parser):
        parser.add_argument("--dagen", type=int, default=7)

    def handle(self, *args, dagen, **opties):
        aantal = termijnen_melden(dagen=dagen)
        self.stdout.write(f"{aantal} berichten verstuurd.")
