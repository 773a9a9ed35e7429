"""A corporatie's yearly tasks in a real browser (issue #15, point 8), on the Borger-Odoorn
2026 jaarschijf, counting actions as the whole-cycle walk does (tests/browser/handelingen.py):
a Lefier employee logs in, updates a figure in the stock grid (typed, then Tab: the cell saves
itself when left, one field filled) and reports progress on an afspraak in the bulk form. Each
task starts at its page's address (a bookmark, not counted); logging in is counted.
"""

import pytest
from playwright.sync_api import expect

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from monitoring.models import Voortgangsmelding
from tests import factories
from tests.browser.handelingen import (
    Browsers,
    Handelingen,
    inloggen,
    schermafdrukken,
    wachten_tot,
)
from voorraad.models import Voorraadmutatie

pytestmark = pytest.mark.browser

# Issue #15 aims for fewer than 8; the walk takes 3 to log in and 4 for the two tasks (a
# figure typed and committed with Tab; status, explanation and save in the bulk form).
HANDELINGEN_BUDGET = 7
TOELICHTING = "Eerste woningen opgeleverd; de rest volgt in het najaar."


def test_a_corporatie_updates_its_figures_and_reports_progress(pagina, adres, borger_odoorn):
    doen = Handelingen()
    jaarschijf = borger_odoorn.jaarschijf
    lefier = Organisatie.objects.get(afkorting="LF")
    medewerker = factories.LidmaatschapFactory(
        gebruiker__username="lf.medewerker", organisatie=lefier, rol=Rol.MEDEWERKER
    ).gebruiker

    doen.fase = "inloggen"
    raster = adres("voorraad:raster", jaarschijf_pk=jaarschijf.pk)
    Browsers(pagina).als(medewerker, raster)
    inloggen(pagina, doen, medewerker)
    pagina.wait_for_url(raster)

    doen.fase = "cijfers bijwerken"
    cel = pagina.get_by_label("nieuwbouw, 2025, prognose", exact=True)
    doen.vul_cel(cel, "15")
    mutatie = Voorraadmutatie.objects.filter(
        corporatie=lefier, categorie__naam="nieuwbouw", jaar_van=2025, soort="prognose"
    )
    # The cell saves itself (htmx) when left; the page shows the typed value at once.
    wachten_tot(lambda: mutatie.filter(aantal=15).exists())
    expect(cel).to_have_value("15")

    doen.fase = "voortgang melden"
    pagina.goto(adres("monitoring:voortgang", jaarschijf_pk=jaarschijf.pk))
    status = pagina.locator("select[name$='-status']").first
    toelichting = pagina.locator("textarea[name$='-toelichting'], input[name$='-toelichting']")
    doen.kies(status, "Op koers")
    doen.vul(toelichting.first, TOELICHTING)
    doen.klik(pagina.get_by_role("button", name="Voortgang opslaan"))
    expect(pagina.locator("main")).to_contain_text(TOELICHTING)
    assert Voortgangsmelding.objects.filter(toelichting=TOELICHTING).exists()

    schermafdrukken(pagina, "taak-corporatie")
    assert doen.totaal <= HANDELINGEN_BUDGET, dict(doen.per_fase)
