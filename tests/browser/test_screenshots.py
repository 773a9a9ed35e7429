"""Screenshots of the main pages for the README, with the Borger-Odoorn 2026 data.

Opt-in, since it writes into the source tree:

    SCREENSHOTS=1 DEBUG=1 .venv/bin/python -m pytest tests/browser/test_screenshots.py

The PNGs land in docs/screenshots/ at 1280 px wide, one screen high.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        os.environ.get("SCREENSHOTS") != "1", reason="alleen met SCREENSHOTS=1 (schrijft PNG's)"
    ),
]

MAP = Path(settings.BASE_DIR) / "docs" / "screenshots"
HOOGTE = 900


def _foto(pagina, naam):
    MAP.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=MAP / f"{naam}.png")


def test_screenshots(pagina, adres, inloggen, borger_odoorn):
    overeenkomst = borger_odoorn.overeenkomst
    jaarschijf = borger_odoorn.jaarschijf
    pagina.set_viewport_size({"width": 1280, "height": HOOGTE})
    inloggen(borger_odoorn.gemeente_medewerker)

    # An inline edit first, so the start page has a recent change to show.
    jaarafspraak = jaarschijf.jaarafspraken.select_related("afspraak").order_by("pk")[1]
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=jaarschijf.pk))
    rij = pagina.locator(f"#afspraak-{jaarafspraak.afspraak_id}")
    woorden = jaarafspraak.afspraak.inhoud[:40]  # a prose document: no code on the page
    rij.get_by_role("link", name=f"Bewerken afspraak {woorden}").click()
    expect(rij.get_by_role("button", name="Opslaan")).to_be_visible()
    rij.get_by_label("Plan voor het jaar").fill("Plan bijgewerkt: twee bijeenkomsten.")
    rij.scroll_into_view_if_needed()
    pagina.evaluate("document.activeElement.blur()")
    _foto(pagina, "bewerken")
    rij.get_by_role("button", name="Opslaan").click()
    expect(rij.get_by_text("Plan bijgewerkt: twee bijeenkomsten.")).to_be_visible()
    # The save's flash message waits for the next full page; let it pass before the photos.
    pagina.reload()

    paginas = {
        "start": adres("monitoring:start"),
        "overeenkomst": adres("afspraken:overeenkomst-detail", overeenkomst_pk=overeenkomst.pk),
        "jaarschijf": adres("monitoring:jaarschijf", jaarschijf_pk=jaarschijf.pk),
        "afspraken": adres("afspraken:afspraak-lijst", overeenkomst_pk=overeenkomst.pk),
        "partij": adres(
            "afspraken:partij-overzicht",
            overeenkomst_pk=overeenkomst.pk,
            organisatie_pk=overeenkomst.partijrollen.get(
                organisatie__afkorting="LF"
            ).organisatie_id,
        ),
        "smart-check": adres("monitoring:smart-check", overeenkomst_pk=overeenkomst.pk),
    }
    for naam, url in paginas.items():
        pagina.goto(url)
        _foto(pagina, naam)

    # Woonservice delivers its own figures.
    woonservice = factories.LidmaatschapFactory(
        gebruiker__username="ws.medewerker",
        gebruiker__first_name="Wim",
        gebruiker__last_name="Bakker",
        organisatie=Organisatie.objects.get(afkorting="WS"),
        rol=Rol.MEDEWERKER,
    ).gebruiker
    inloggen(woonservice)
    pagina.goto(adres("voorraad:cijfers-bewerken", jaarschijf_pk=jaarschijf.pk))
    _foto(pagina, "voorraad")

    verwacht = sorted([*paginas, "bewerken", "voorraad"])
    assert sorted(p.stem for p in MAP.glob("*.png")) == verwacht
