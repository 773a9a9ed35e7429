"""Driehoek's own look in a real browser (issue #15, point 7): the bundled Source Sans 3 is
what the text and headings are set in (never a fallback serif), the theme's colours are
Driehoek's petrol rather than the NL Design System example's purple, and the pages outside
the workspace (login, two-factor) have one primary action in the same style."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PETROL = "rgb(10, 89, 118)"  # --driehoek-kleuren-petrol-500
LETTER = "Source Sans 3"


def _lettertypen(pagina) -> dict:
    pagina.evaluate("document.fonts.ready")
    return pagina.evaluate(
        """() => {
            const stijl = (kiezer) => {
                const e = document.querySelector(kiezer);
                return e ? getComputedStyle(e).fontFamily : null;
            };
            return {
                body: stijl("body"),
                h1: stijl("h1"),
                h2: stijl("h2"),
                knop: stijl("button"),
                geladen: [...document.fonts]
                    .filter((f) => f.status === "loaded")
                    .map((f) => f.family.replaceAll('"', "")),
                past: document.fonts.check(`16px "Source Sans 3"`),
            };
        }"""
    )


def _zonder_schreef(familie: str) -> bool:
    return "serif" not in familie.replace("sans-serif", "")


def test_text_and_headings_use_the_bundled_font_never_a_serif(
    pagina, adres, inloggen, borger_odoorn
):
    inloggen(borger_odoorn.gemeente_medewerker)
    for url in (
        adres("monitoring:start"),
        adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk),
        adres("afspraken:overeenkomst-detail", overeenkomst_pk=borger_odoorn.overeenkomst.pk),
    ):
        pagina.goto(url)
        letters = _lettertypen(pagina)
        for element in ("body", "h1", "h2", "knop"):
            familie = letters[element]
            if familie is None:
                continue
            assert familie.replace('"', "").replace("'", "").startswith(LETTER), (url, element)
            assert _zonder_schreef(familie), (url, element, familie)
        assert LETTER in letters["geladen"] and letters["past"], url
    # Served from this site (font-src 'self'), not from a font service.
    bronnen = pagina.evaluate(
        "performance.getEntriesByType('resource').map((r) => r.name)"
        ".filter((n) => n.endsWith('.woff2'))"
    )
    assert bronnen and all("/static/fonts/source-sans-3/" in bron for bron in bronnen)


def test_the_theme_is_driehoek_petrol_not_the_example_purple(
    pagina, adres, inloggen, borger_odoorn
):
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))
    assert pagina.evaluate("document.documentElement.className") == "driehoek-theme"
    kleuren = pagina.evaluate(
        """() => ({
            kop: getComputedStyle(document.querySelector(".pagina-kop")).borderBottomColor,
            merk: getComputedStyle(document.querySelector(".pagina-kop__merk")).color,
        })"""
    )
    assert kleuren == {"kop": PETROL, "merk": PETROL}
    # Each status badge its colour beside its word.
    badge = pagina.locator(".status").first
    expect(badge).not_to_be_empty()
    assert badge.evaluate("(e) => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"


def _knoppen(pagina) -> list[dict]:
    return pagina.eval_on_selector_all(
        "main button, main .utrecht-button-link",
        """(knoppen) => knoppen.map((k) => ({
            tekst: k.textContent.trim(),
            primair: k.matches(
                ".utrecht-button--primary-action, .utrecht-button-link--primary-action"
            ),
            utrecht: k.matches(".utrecht-button, .utrecht-button-link"),
            achtergrond: getComputedStyle(k).backgroundColor,
        }))""",
    )


def test_login_and_two_factor_pages_have_one_styled_primary_action(
    pagina, adres, inloggen, borger_odoorn
):
    pagina.goto(adres("gemeenten:login"))
    knoppen = _knoppen(pagina)
    assert [k["tekst"] for k in knoppen if k["primair"]] == ["Inloggen"]
    assert knoppen[0]["achtergrond"] == PETROL  # the primary action in Driehoek's colour

    TOTPDevice.objects.create(user=borger_odoorn.gemeente_medewerker, name="app", confirmed=True)
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("gemeenten:tweestaps_controleren"))
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Code invoeren")
    knoppen = _knoppen(pagina)
    assert [k["tekst"] for k in knoppen if k["primair"]] == ["Doorgaan"]
    assert all(k["utrecht"] for k in knoppen)
    assert knoppen[0]["achtergrond"] == PETROL
    # One Uitloggen, in the header.
    expect(pagina.get_by_role("button", name="Uitloggen")).to_have_count(1)

    pagina.get_by_label("Code").fill("000000")
    pagina.get_by_role("button", name="Doorgaan").click()
    expect(pagina.get_by_role("alert")).to_contain_text("Deze code klopt niet")
    letters = _lettertypen(pagina)
    assert letters["h1"].replace('"', "").startswith(LETTER)
