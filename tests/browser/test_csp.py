"""The browser tests run under the real Content-Security-Policy, and its violations reach them:
an inline style or script is blocked and reported, so the `pagina` fixture can fail the test.
Then no page violates it: every page each role reaches from its start page, the pages without
login, and the htmx swaps (a remark posted, a row edited inline).
"""

import re

import pytest
from playwright.sync_api import expect

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from tests import factories

pytestmark = pytest.mark.browser


def _gemeld(pagina, overtredingen, begin) -> bool:
    # The browser reports violations asynchronously; waiting lets Playwright deliver them.
    for _ in range(50):
        if any(melding.startswith(begin) for melding in overtredingen):
            return True
        pagina.wait_for_timeout(100)
    return False


def test_inline_style_and_script_are_blocked_and_reported(
    pagina, adres, csp_overtredingen, transactional_db
):
    antwoord = pagina.goto(adres("gemeenten:login"))
    assert "script-src 'self'" in antwoord.headers["content-security-policy"]

    pagina.evaluate(
        """() => {
            document.body.setAttribute("style", "background: red");
            const script = document.createElement("script");
            script.textContent = "window.inlineGedraaid = true";
            document.head.append(script);
        }"""
    )

    assert _gemeld(pagina, csp_overtredingen, "style-src-attr blokkeerde inline")
    assert _gemeld(pagina, csp_overtredingen, "script-src-elem blokkeerde inline")
    assert pagina.evaluate("window.inlineGedraaid") is None
    assert pagina.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
    # Seen and checked: the fixture should not fail this test for them.
    csp_overtredingen.clear()


# Pages reached by following links that are not pages: downloads, and links that only end
# the session or change the language.
GEEN_PAGINA = ("/export/", "/pdf/", "/download/", ".ics", "/sjabloon/", "/werkboek/", "uitloggen")
PER_ROL = 45  # pages per role: the start page, all it links to, and theirs


def _rondgang(pagina, begin: str, live_server_url: str, maximaal: int = PER_ROL) -> list[str]:
    """Open the start page and, breadth first, the pages it links to (without query
    strings, which sort or page the same page); the `pagina` fixture collects every CSP
    violation the browser reports meanwhile."""
    bezocht, wachtrij = [], [begin]
    while wachtrij and len(bezocht) < maximaal:
        url = wachtrij.pop(0)
        if url in bezocht:
            continue
        antwoord = pagina.request.get(url, max_redirects=0)
        if antwoord.status != 200 or "text/html" not in antwoord.headers.get("content-type", ""):
            bezocht.append(url)
            continue
        pagina.goto(url)
        pagina.wait_for_load_state("load")
        bezocht.append(url)
        for href in pagina.eval_on_selector_all(
            "a[href]", "(as) => as.map((a) => a.href.split('#')[0].split('?')[0])"
        ):
            if (
                href.startswith(live_server_url)
                and not any(stuk in href for stuk in GEEN_PAGINA)
                and href not in bezocht
                and href not in wachtrij
            ):
                wachtrij.append(href)
    return bezocht


def _rollen(borger_odoorn):
    corporatie = factories.LidmaatschapFactory(
        organisatie=Organisatie.objects.get(afkorting="WS"), rol=Rol.MEDEWERKER
    ).gebruiker
    return {
        "gemeente": borger_odoorn.gemeente_medewerker,
        "corporatie": corporatie,
        "huurders": borger_odoorn.huurders_medewerker,
    }


@pytest.mark.parametrize("rol", ["gemeente", "corporatie", "huurders"])
def test_no_page_a_role_reaches_violates_the_policy(
    pagina, adres, inloggen, borger_odoorn, live_server, csp_overtredingen, rol
):
    inloggen(_rollen(borger_odoorn)[rol])
    bezocht = _rondgang(pagina, adres("monitoring:start"), live_server.url)
    # The own jaarschijf and its figures are among them, whatever the start page shows.
    for naam in ("monitoring:jaarschijf", "voorraad:overzicht", "monitoring:voortgang"):
        pagina.goto(adres(naam, jaarschijf_pk=borger_odoorn.jaarschijf.pk))
    assert len(bezocht) >= 10, bezocht
    pagina.wait_for_timeout(300)  # violations are reported asynchronously
    assert csp_overtredingen == []


def test_pages_without_login_do_not_violate_the_policy(
    pagina, adres, csp_overtredingen, transactional_db
):
    for naam in ("gemeenten:login", "gemeenten:password_reset", "monitoring:verificatie"):
        pagina.goto(adres(naam))
    pagina.goto(adres("gemeenten:login") + "bestaat-niet/")
    pagina.wait_for_timeout(300)
    assert csp_overtredingen == []


def test_posting_a_remark_and_editing_inline_do_not_violate_the_policy(
    pagina, adres, inloggen, borger_odoorn, csp_overtredingen
):
    """htmx swaps parts of the page here; a swapped-in style attribute would be blocked."""
    inloggen(borger_odoorn.huurders_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))
    opmerkingen = pagina.locator("#opmerkingen")  # the page shows this block unfolded
    opmerkingen.locator("#opmerking-tekst-jaarschijf").fill("Graag meer aandacht voor ouderen.")
    opmerkingen.get_by_role("button", name="Plaatsen").click()
    expect(pagina.get_by_text("Graag meer aandacht voor ouderen.")).to_be_visible()

    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))
    pagina.get_by_role("link", name=re.compile(r"^Bewerken afspraak")).first.click()
    expect(pagina.get_by_role("button", name="Opslaan").first).to_be_visible()
    pagina.wait_for_timeout(300)
    assert csp_overtredingen == []
