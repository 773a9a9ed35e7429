"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Playwright cannot download its own browser here, so the tests skip when `chromium` is not on
PATH. One browser serves the whole session; every test gets a fresh context (cookies).

The pages run under the site's real Content-Security-Policy: every violation the browser
reports fails the test, so an inline style or script that production would block cannot pass
here. (Playwright's own `evaluate`, axe-core included, runs through the DevTools protocol,
which the policy does not govern.)
"""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.reader import lees_werkboek
from tests import factories

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM would
# take that for async code and refuse the fixtures' queries.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = shutil.which("chromium")
WERKBOEK = Path(settings.BASE_DIR) / "fixtures" / "borger-odoorn-jaarschijf-2026.xlsx"
WACHTWOORD = "driehoek-test"
BREEDTE = 1280


def pytest_collection_modifyitems(items):
    if CHROMIUM:
        return
    reden = pytest.mark.skip(reason="chromium staat niet op PATH (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(reden)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # Depends on the test database so it closes (with its open sockets to the live server)
    # before that database is dropped.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


# Runs in every document before its own scripts: hands each violation the browser reports to
# the test (the binding below), with what was blocked and where.
CSP_MELDER = """
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspOvertreding(
        `${e.effectiveDirective} blokkeerde ${e.blockedURI || "inline"} op ${e.documentURI}` +
        ` (${e.sourceFile || "?"}:${e.lineNumber})` + (e.sample ? `: ${e.sample}` : "")
    );
});
"""


@pytest.fixture
def csp_overtredingen():
    """The Content-Security-Policy violations the browser reported during the test; the
    `pagina` fixture fails the test when any are left at its end."""
    return []


@pytest.fixture
def pagina(browser, csp_overtredingen):
    context = browser.new_context(viewport={"width": BREEDTE, "height": 900}, locale="nl-NL")
    context.set_default_timeout(10_000)
    context.expose_binding(
        "__cspOvertreding", lambda _bron, melding: csp_overtredingen.append(melding)
    )
    context.add_init_script(CSP_MELDER)
    page = context.new_page()
    # Keyboard focus belongs to the front page only; a page opened after an earlier test's
    # would otherwise report its focused field as "inactive".
    page.bring_to_front()

    def console(bericht):
        # Chromium also logs each violation on the console: a second witness, should a
        # document ever miss the listener above.
        if bericht.type == "error" and "Content Security Policy" in bericht.text:
            csp_overtredingen.append(f"console: {bericht.text}")

    page.on("console", console)
    yield page
    context.close()
    if csp_overtredingen:
        pytest.fail(
            "Content-Security-Policy-overtredingen:\n" + "\n".join(csp_overtredingen),
            pytrace=False,
        )


@dataclass
class BorgerOdoorn:
    """The real Borger-Odoorn 2026 jaarschijf with one medewerker of the gemeente and of
    Huurdersvereniging Samen Sterk."""

    jaarschijf: object
    overeenkomst: object
    gemeente_medewerker: object
    huurders_medewerker: object
    huurders: object


@pytest.fixture
def borger_odoorn(transactional_db):
    jaarschijf = werkboek_importeren(werkboek=lees_werkboek(WERKBOEK)).jaarschijf
    gemeente_org = Organisatie.objects.get(afkorting="BO")
    huurders = Organisatie.objects.get(afkorting="HVSS")
    gemeente_medewerker = factories.LidmaatschapFactory(
        gebruiker__username="bo.medewerker",
        gebruiker__first_name="Bea",
        gebruiker__last_name="de Vries",
        organisatie=gemeente_org,
        rol=Rol.MEDEWERKER,
    ).gebruiker
    huurders_medewerker = factories.LidmaatschapFactory(
        gebruiker__username="hvss.medewerker",
        gebruiker__first_name="Henk",
        gebruiker__last_name="Jansen",
        organisatie=huurders,
        rol=Rol.MEDEWERKER,
    ).gebruiker
    return BorgerOdoorn(
        jaarschijf=jaarschijf,
        overeenkomst=jaarschijf.overeenkomst,
        gemeente_medewerker=gemeente_medewerker,
        huurders_medewerker=huurders_medewerker,
        huurders=huurders,
    )


@pytest.fixture
def adres(live_server):
    """The live server's address of a named URL."""

    def adres(naam, **kwargs):
        return live_server.url + reverse(naam, kwargs=kwargs)

    return adres


@pytest.fixture
def inloggen(pagina, adres):
    """Log in through the real form, as a person would; a new login replaces the old one."""

    def inloggen(gebruiker):
        pagina.context.clear_cookies()
        pagina.goto(adres("gemeenten:login"))
        pagina.get_by_label("Gebruikersnaam").fill(gebruiker.username)
        pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
        pagina.get_by_role("button", name="Inloggen").click()
        pagina.wait_for_url(adres("monitoring:start"))

    return inloggen
