"""Twenty people save the same afspraak at the same moment, over the whole request stack.

Run as a separate process (`python -m tests.afspraken.gelijktijdig`) against its own,
freshly migrated database named by DATABASE_URL, because the test run's own database (an
in-memory SQLite, or one wrapped in a transaction) does not lock as a real one does. Each
thread logs in with its own client and connection, all wait at a barrier, then all post the
edit form with the version they opened. Prints the outcomes as JSON.
"""

import json
import os
import sys
import threading
from collections import Counter

AANTAL = 20


def gelijktijdig_opslaan(url, gebruiker, afspraak) -> Counter:
    """AANTAL people post the same version of `afspraak` at the same moment; what each got."""
    from django.db import connection as eigen
    from django.test import Client

    start = threading.Barrier(AANTAL)
    uitkomsten = Counter()

    def bewerk(nummer: int) -> None:
        client = Client()
        client.force_login(gebruiker)
        data = {
            "thema": afspraak.thema_id,
            "code": "A1",
            "soort": afspraak.soort,
            "inhoud": f"Versie van persoon {nummer}",
            "versie": afspraak.versie,
        }
        start.wait()
        try:
            response = client.post(url, data)
            html = response.content.decode()
            if response.status_code == 302:
                uitkomsten["opgeslagen"] += 1
            elif response.status_code == 200 and "heeft dit intussen gewijzigd" in html:
                uitkomsten["conflict"] += 1
            else:
                uitkomsten[f"status {response.status_code}"] += 1
        except Exception as fout:  # the outcome to report, whatever it is
            uitkomsten[f"fout {type(fout).__name__}: {fout}"] += 1
        finally:
            eigen.close()

    draden = [threading.Thread(target=bewerk, args=(n,)) for n in range(AANTAL)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    return uitkomsten


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.TWEESTAPS_VERPLICHT = False
    call_command("migrate", verbosity=0)
    from afspraken.models import Afspraak
    from tests.wereld import paginawereld

    opbouw = paginawereld(3)
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": afspraak.pk})
    gebruiker = opbouw.gemeente_gebruiker
    connection.close()

    uitkomsten = gelijktijdig_opslaan(url, gebruiker, afspraak)
    opgeslagen = Afspraak.objects.get(pk=afspraak.pk)
    uitkomsten["versie"] = opgeslagen.versie
    json.dump(dict(uitkomsten), sys.stdout)


if __name__ == "__main__":
    main()
