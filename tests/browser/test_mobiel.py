"""At 360 px, the narrowest phone in common use, the main pages fit the screen: the header
folds its menu behind one button, and wide tables scroll inside their own container instead
of dragging the whole page sideways.
"""

import os

import pytest
from playwright.sync_api import expect

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from tests import factories

pytestmark = pytest.mark.browser

SMAL = 360
FOTO_MAP = os.environ.get("H6_FOTO")  # a folder for a look at the pages while developing


def _hoofdpaginas(adres, borger_odoorn):
    jaarschijf = borger_odoorn.jaarschijf
    overeenkomst = borger_odoorn.overeenkomst
    return {
        "start": adres("monitoring:start"),
        "overeenkomst": adres("afspraken:overeenkomst-detail", overeenkomst_pk=overeenkomst.pk),
        "jaarschijf": adres("monitoring:jaarschijf", jaarschijf_pk=jaarschijf.pk),
        "afspraken": adres("afspraken:afspraak-lijst", overeenkomst_pk=overeenkomst.pk),
        "voorraad": adres("voorraad:overzicht", jaarschijf_pk=jaarschijf.pk),
        "voortgang": adres("monitoring:voortgang", jaarschijf_pk=jaarschijf.pk),
        "dashboard": adres("monitoring:dashboard-overeenkomst", overeenkomst_pk=overeenkomst.pk),
        "smart-check": adres("monitoring:smart-check", overeenkomst_pk=overeenkomst.pk),
        "agenda": adres("monitoring:agenda", jaarschijf_pk=jaarschijf.pk),
        "zienswijzen": adres("monitoring:zienswijzen", jaarschijf_pk=jaarschijf.pk),
        "terugblik": adres("monitoring:terugblik", jaarschijf_pk=jaarschijf.pk),
        "partij": adres(
            "afspraken:partij-overzicht",
            overeenkomst_pk=overeenkomst.pk,
            organisatie_pk=borger_odoorn.huurders.pk,
        ),
        "account": adres("gemeenten:account"),
    }


def _paginabreedte(pagina) -> int:
    return pagina.evaluate("document.documentElement.scrollWidth")


# The tables wider than the screen that no scrolling container holds.
LOSSE_TABELLEN = """() => [...document.querySelectorAll("main table")]
    .filter((t) => t.scrollWidth > innerWidth)
    .filter((t) => {
        for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
            if (["auto", "scroll"].includes(getComputedStyle(e).overflowX)) return false;
        }
        return true;
    })
    .map((t) => t.outerHTML.slice(0, 80))"""


def test_main_pages_fit_360_px_without_sideways_page_scroll(pagina, adres, inloggen, borger_odoorn):
    pagina.set_viewport_size({"width": SMAL, "height": 740})
    inloggen(borger_odoorn.gemeente_medewerker)
    te_breed, los = {}, {}
    for naam, url in _hoofdpaginas(adres, borger_odoorn).items():
        antwoord = pagina.goto(url)
        assert antwoord.ok, (naam, antwoord.status)
        if FOTO_MAP:
            pagina.screenshot(path=f"{FOTO_MAP}/{naam}-360.png", full_page=True)
        if (breedte := _paginabreedte(pagina)) > SMAL:
            te_breed[naam] = breedte
        # Wide tables scroll in their own container, not the page.
        if tabellen := pagina.evaluate(LOSSE_TABELLEN):
            los[naam] = tabellen
    assert te_breed == {}
    assert los == {}


def test_the_corporatie_figures_grid_scrolls_in_its_container_at_360_px(
    pagina, adres, inloggen, borger_odoorn
):
    woonservice = factories.LidmaatschapFactory(
        organisatie=Organisatie.objects.get(afkorting="WS"), rol=Rol.MEDEWERKER
    ).gebruiker
    pagina.set_viewport_size({"width": SMAL, "height": 740})
    inloggen(woonservice)
    jaarschijf_pk = borger_odoorn.jaarschijf.pk
    for naam in ("voorraad:raster", "voorraad:cijfers-bewerken"):
        antwoord = pagina.goto(adres(naam, jaarschijf_pk=jaarschijf_pk))
        assert antwoord.ok, (naam, antwoord.status)
        if FOTO_MAP:
            pagina.screenshot(path=f"{FOTO_MAP}/{naam.split(':')[1]}-360.png", full_page=True)
        assert _paginabreedte(pagina) <= SMAL, naam


def test_header_folds_its_menu_behind_one_button_at_360_px(pagina, adres, inloggen, borger_odoorn):
    pagina.set_viewport_size({"width": SMAL, "height": 740})
    inloggen(borger_odoorn.gemeente_medewerker)
    kop = pagina.locator("header.pagina-kop")
    # One line: the name and the Menu button, not a wrapped list of links.
    assert kop.bounding_box()["height"] < 80
    uitloggen = kop.get_by_role("button", name="Uitloggen")
    expect(uitloggen).to_be_hidden()

    kop.get_by_text("Menu", exact=True).click()
    expect(uitloggen).to_be_visible()
    expect(kop.get_by_role("link", name="Start", exact=True)).to_be_visible()
    assert _paginabreedte(pagina) <= SMAL

    # On a wide screen the menu stands in the header and the Menu button is gone.
    pagina.set_viewport_size({"width": 1280, "height": 900})
    pagina.reload()
    expect(kop.get_by_text("Menu", exact=True)).to_be_hidden()
    expect(kop.get_by_role("button", name="Uitloggen")).to_be_visible()
