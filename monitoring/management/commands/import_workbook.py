from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from gemeenten.systeem import SYSTEEM
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek


class Command(BaseCommand):
    help = "Importeer één werkboek (.xlsx) met een jaarschijf; zie WORKBOOK.md voor het formaat."

    def add_arguments(self, parser):
        parser.add_argument("pad", help="het werkboek (.xlsx)")
        parser.add_argument(
            "--gebruiker",
            help="gebruikersnaam die in de wijzigingsgeschiedenis als importeur staat",
        )

    def handle(self, *args, pad, gebruiker=None, **options):
        door = SYSTEEM
        if gebruiker:
            door = get_user_model().objects.filter(username=gebruiker).first()
            if door is None:
                raise CommandError(f"Onbekende gebruiker '{gebruiker}'.")
        try:
            werkboek = lees_werkboek(pad)
            resultaat = werkboek_importeren(werkboek=werkboek, door=door)
        except PermissionDenied as exc:
            raise CommandError(
                f"'{gebruiker}' mag geen werkboeken van deze gemeente importeren."
            ) from exc
        except FileNotFoundError as exc:
            raise CommandError(f"Het bestand '{pad}' bestaat niet.") from exc
        except OSError as exc:
            raise CommandError(f"Het bestand '{pad}' kan niet worden gelezen.") from exc
        except WerkboekFout as fout:
            for waarschuwing in fout.waarschuwingen:
                self.stderr.write(f"Waarschuwing: {waarschuwing}")
            regels = "\n".join(f"- {melding}" for melding in fout.fouten)
            raise CommandError(
                f"Het werkboek '{pad}' is niet geïmporteerd; er is niets gewijzigd.\n{regels}"
            ) from fout
        for waarschuwing in resultaat.waarschuwingen:
            self.stderr.write(f"Waarschuwing: {waarschuwing}")
        self.stdout.write(self.style.SUCCESS(resultaat.samenvatting()))
