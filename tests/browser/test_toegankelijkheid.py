"""Accessibility in a real browser: axe-core finds no serious or critical WCAG problems on the
main pages, the keyboard reaches the content and shows where it is, and a phone-wide screen
needs no sideways scrolling.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ERNSTIG = {"serious", "critical"}


def ernstige_problemen(pagina) -> list[str]:
    """axe-core's serious and critical violations of the page as readable lines."""
    resultaat = Axe().run(pagina)
    return [
        f"{fout['id']} ({fout['impact']}): {fout['help']} -> "
        + ", ".join(str(node["target"]) for node in fout["nodes"][:5])
        for fout in resultaat.response["violations"]
        if fout["impact"] in ERNSTIG
    ]


def test_login_page_has_no_serious_violations(pagina, adres, transactional_db):
    pagina.goto(adres("gemeenten:login"))
    assert ernstige_problemen(pagina) == []

    # And with the error a wrong password gives.
    pagina.get_by_label("Gebruikersnaam").fill("niemand")
    pagina.get_by_label("Wachtwoord").fill("fout")
    pagina.get_by_role("button", name="Inloggen").click()
    expect(pagina.locator(".errorlist")).to_be_visible()
    assert ernstige_problemen(pagina) == []


def test_inline_edit_form_has_no_serious_violations(pagina, adres, inloggen, borger_odoorn):
    jaarafspraak = borger_odoorn.jaarschijf.jaarafspraken.select_related("afspraak").first()
    # Borger-Odoorn 2026 is prose without numbers: controls name an afspraak by its words.
    woorden = jaarafspraak.afspraak.inhoud[:40]
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))

    pagina.get_by_role("link", name=f"Bewerken afspraak {woorden}").click()
    expect(pagina.get_by_role("heading", name="Afspraak bewerken")).to_be_visible()

    assert ernstige_problemen(pagina) == []


def test_workspace_pages_have_no_serious_violations(pagina, adres, inloggen, borger_odoorn):
    overeenkomst = borger_odoorn.overeenkomst
    jaarschijf = borger_odoorn.jaarschijf
    jaarafspraak = jaarschijf.jaarafspraken.select_related("afspraak").first()
    paginas = {
        "start": adres("monitoring:start"),
        "overeenkomst": adres("afspraken:overeenkomst-detail", overeenkomst_pk=overeenkomst.pk),
        "jaarschijf": adres("monitoring:jaarschijf", jaarschijf_pk=jaarschijf.pk),
        "afspraken": adres("afspraken:afspraak-lijst", overeenkomst_pk=overeenkomst.pk),
        "afspraak bewerken": adres(
            "afspraken:afspraak-bewerken", afspraak_pk=jaarafspraak.afspraak_id
        ),
        "jaarafspraak bewerken": adres(
            "afspraken:jaarafspraak-bewerken", jaarafspraak_pk=jaarafspraak.pk
        ),
        "per partij": adres(
            "afspraken:partij-overzicht",
            overeenkomst_pk=overeenkomst.pk,
            organisatie_pk=borger_odoorn.huurders.pk,
        ),
        "SMART-check": adres("monitoring:smart-check", overeenkomst_pk=overeenkomst.pk),
    }
    inloggen(borger_odoorn.gemeente_medewerker)

    problemen = {}
    for naam, url in paginas.items():
        antwoord = pagina.goto(url)
        assert antwoord.status == 200, naam
        problemen[naam] = ernstige_problemen(pagina)

    assert problemen == {naam: [] for naam in paginas}


def test_skip_link_is_the_first_stop_and_leads_to_the_content(
    pagina, adres, inloggen, borger_odoorn
):
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))

    pagina.keyboard.press("Tab")
    skiplink = pagina.get_by_role("link", name="Naar de inhoud")
    assert skiplink.evaluate("el => el === document.activeElement")
    doos = skiplink.bounding_box()
    assert doos["width"] > 20 and doos["height"] > 10  # visible once focused

    pagina.keyboard.press("Enter")
    assert pagina.evaluate("document.activeElement.id") == "inhoud"
    # The next Tab stop lies inside the main content, past the header's menu.
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.closest('main') !== null")


def test_keyboard_focus_is_visible(pagina, adres, inloggen, borger_odoorn):
    overeenkomst_pk = borger_odoorn.overeenkomst.pk
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("afspraken:overeenkomst-detail", overeenkomst_pk=overeenkomst_pk))

    # Skip link, brand, menu links, the logout button, the breadcrumb.
    for _ in range(6):
        pagina.keyboard.press("Tab")
        rand = pagina.evaluate(
            """() => {
                const stijl = getComputedStyle(document.activeElement);
                return [stijl.outlineStyle, parseFloat(stijl.outlineWidth)];
            }"""
        )
        assert rand[0] != "none" and rand[1] >= 2, pagina.evaluate(
            "document.activeElement.outerHTML"
        )


@pytest.mark.parametrize("naam", ["monitoring:jaarschijf", "afspraken:afspraak-lijst"])
def test_narrow_screen_needs_no_sideways_scrolling(pagina, adres, inloggen, borger_odoorn, naam):
    """Wide tables scroll inside their own container; the page itself stays phone-wide."""
    kwargs = {
        "monitoring:jaarschijf": {"jaarschijf_pk": borger_odoorn.jaarschijf.pk},
        "afspraken:afspraak-lijst": {"overeenkomst_pk": borger_odoorn.overeenkomst.pk},
    }[naam]
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.set_viewport_size({"width": 360, "height": 740})
    pagina.goto(adres(naam, **kwargs))

    breedte = pagina.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert breedte[0] <= breedte[1]
