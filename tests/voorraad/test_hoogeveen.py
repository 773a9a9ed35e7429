"""End to end on the real Hoogeveen agreement 2023-2027 (fixtures/, ../shared/seeds/): the
stock totals the document prints are computed, never typed, and Woonservice, which takes
part through 2025, has no cells after it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.reader import lees_werkboek
from tests.wereld import lid
from voorraad.overzicht import overzicht

pytestmark = pytest.mark.django_db
HOOGEVEEN = Path(settings.BASE_DIR) / "fixtures" / "hoogeveen-meerjarig-2023-2027.xlsx"


@pytest.fixture
def jaarschijf():
    return werkboek_importeren(werkboek=lees_werkboek(HOOGEVEEN)).jaarschijf


def _rij(voorraad, naam):
    return next(r for r in voorraad.standrijen if r.naam == naam)


def _aantal(rij, kolom, soort):
    return dict(rij.cellen[kolom])[soort].aantal


def test_the_documents_totals_are_computed(jaarschijf):
    """'Totaal 3.460 3.349 3.383 3.606 247 318 76 0 7.273' (Update november 2025)."""
    voorraad = overzicht(jaarschijf)
    eind_2022 = voorraad.standkolommen.index("31-12-2022")
    eind_2027 = voorraad.standkolommen.index("31-12-2027")
    verwacht = {
        "Woonconcept": (3460, 3349),
        "Domesta": (3383, 3606),
        "Actium": (247, 318),
        "Woonservice": (76, 0),
    }
    for naam, (in_2022, in_2027) in verwacht.items():
        rij = _rij(voorraad, naam)
        assert _aantal(rij, eind_2022, "realisatie") == in_2022, naam
        assert _aantal(rij, eind_2027, "prognose") == in_2027, naam
    assert _aantal(_rij(voorraad, "Totaal gemeente"), eind_2027, "prognose") == 7273


def test_woonservice_has_no_cells_after_2025(client, jaarschijf):
    woonservice = Organisatie.objects.get(afkorting="WS")
    client.force_login(lid(woonservice, Rol.MEDEWERKER, username="ws.medewerker"))
    response = client.get(reverse("voorraad:raster", kwargs={"jaarschijf_pk": jaarschijf.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert ".2025.realisatie" in html
    assert ".2026.realisatie" not in html and "niet actief in dit jaar" in html
