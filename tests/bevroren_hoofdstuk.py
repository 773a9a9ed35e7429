"""The freeze proof's rows for the hoofdstukken of a jaarschijf (issue #9), beside
tests/test_bevriezing_services.py's own areas."""

from afspraken import services as afspraken_services
from tests.bevroren import GEWEIGERD
from tests.paden import hoofdstuk_van


def hoofdstuk_aanroepen(w, door) -> dict:
    """The hoofdstukken of the frozen jaarschijf (issue #9)."""
    js = w.a.jaarschijf
    hoofdstuk = hoofdstuk_van(js)
    tekst = {"kop": "Gewijzigd", "tekst": "Gewijzigd"}
    return {
        "hoofdstuk_toevoegen": (
            GEWEIGERD,
            lambda: afspraken_services.hoofdstuk_toevoegen(jaarschijf=js, door=door, **tekst),
        ),
        "hoofdstuk_bijwerken": (
            GEWEIGERD,
            lambda: afspraken_services.hoofdstuk_bijwerken(
                hoofdstuk=hoofdstuk, versie=hoofdstuk.versie, door=door, **tekst
            ),
        ),
        "hoofdstuk_verplaatsen": (
            GEWEIGERD,
            lambda: afspraken_services.hoofdstuk_verplaatsen(
                hoofdstuk=hoofdstuk, omhoog=False, door=door
            ),
        ),
        "hoofdstuk_verwijderen": (
            GEWEIGERD,
            lambda: afspraken_services.hoofdstuk_verwijderen(hoofdstuk=hoofdstuk, door=door),
        ),
    }
