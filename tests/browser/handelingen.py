"""Counting what a person does in the browser (issues #10 point 8, #15 point 8): every click
and every filled field (a chosen file, a ticked box, a picked option too) is one action;
arriving at a page by its address (a bookmark, a mailed link) is not.

Shared by the whole-cycle walk and the walks of each role's tasks, with the helpers they have
in common: logging in through the real form, the code an authenticator app shows, a person
switching to their own browser, and the screenshots for the README.
"""

import os
import time
from collections import Counter
from pathlib import Path

from django.conf import settings
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import WACHTWOORD

SCHERMAFDRUKKEN = Path(settings.BASE_DIR) / "docs" / "screenshots"
# For a click whose answer takes seconds (an import, the first signature with its PDF) on a
# machine busy with other work: Playwright's default of 10 s made such walks flaky.
TRAAG = 60_000  # ms


class Handelingen:
    """Playwright's click and fill, counted per phase of the walk."""

    def __init__(self):
        self.per_fase = Counter()
        self.fase = ""

    @property
    def totaal(self) -> int:
        return sum(self.per_fase.values())

    def klik(self, locator, **opties):
        self.per_fase[self.fase] += 1
        locator.click(**opties)

    def klik_als_zichtbaar(self, locator, **opties) -> bool:
        """A step a page may or may not ask for (a confirmation): counted only when taken."""
        if not locator.count() or not locator.first.is_visible():
            return False
        self.klik(locator.first, **opties)
        return True

    def vul(self, locator, waarde):
        self.per_fase[self.fase] += 1
        locator.fill(waarde)

    def vul_cel(self, locator, waarde):
        """A figure typed into a grid cell and committed with Tab, as in a spreadsheet: one
        field filled (the Tab moves to the next cell, where the next figure would go)."""
        self.vul(locator, waarde)
        locator.press("Tab")

    def vink(self, locator):
        self.per_fase[self.fase] += 1
        locator.check()

    def kies(self, locator, label):
        self.per_fase[self.fase] += 1
        locator.select_option(label=label)

    def kies_bestand(self, locator, pad):
        self.per_fase[self.fase] += 1
        locator.set_input_files(pad)


class Browsers:
    """Each person at their own computer: switching person keeps the cookies (the session)
    of the one who leaves and brings back those of the one who returns, so a person who
    logged in earlier today is still logged in, and a new one starts logged out."""

    def __init__(self, pagina):
        self.pagina = pagina
        self.koekjes = {}
        self.wie = None

    def als(self, wie, url):
        context = self.pagina.context
        if self.wie is not None:
            self.koekjes[self.wie] = context.cookies()
        context.clear_cookies()
        if self.koekjes.get(wie):
            context.add_cookies(self.koekjes[wie])
        self.wie = wie
        self.pagina.goto(url)


def wachten_tot(voorwaarde, seconden=10):
    """Until the database shows what the page did: a cell saved by htmx, say, may still be
    on its way when the page already shows the typed value."""
    einde = time.monotonic() + seconden
    while not voorwaarde():
        assert time.monotonic() < einde, "niet binnen de tijd"
        time.sleep(0.1)


def code(apparaat: TOTPDevice) -> str:
    """What the authenticator app shows, one time step on when the current one is used up:
    django-otp accepts a step ahead (its tolerance) but never one twice, so two codes
    within the same 30 seconds need not wait."""
    apparaat.refresh_from_db()
    stap = (int(time.time()) - apparaat.t0) // apparaat.step + apparaat.drift
    stap = max(stap, apparaat.last_t + 1)
    return str(hotp(apparaat.bin_key, stap, digits=apparaat.digits)).zfill(apparaat.digits)


def inloggen(pagina, doen, gebruiker, apparaat=None, voorgevuld=False):
    """The login form the page has sent us to, then the code step when the user has one.
    `voorgevuld`: a mailed link that names the person brought us, so the username is there
    already and only checked, not typed."""
    expect(pagina.get_by_label("Gebruikersnaam")).to_be_visible()
    if voorgevuld:
        expect(pagina.get_by_label("Gebruikersnaam")).to_have_value(gebruiker.username)
    else:
        doen.vul(pagina.get_by_label("Gebruikersnaam"), gebruiker.username)
    doen.vul(pagina.get_by_label("Wachtwoord"), WACHTWOORD)
    doen.klik(pagina.get_by_role("button", name="Inloggen"))
    if apparaat is not None:
        expect(pagina.get_by_role("heading", name="Code invoeren")).to_be_visible()
        doen.vul(pagina.get_by_label("Code"), code(apparaat))
        doen.klik(pagina.get_by_role("button", name="Doorgaan"))


def schermafdrukken(pagina, naam: str) -> None:
    """The page as it is now at 1280 and at 390 px wide, as docs/screenshots/<naam>-1280.png
    and -390.png; only with SCREENSHOTS=1, as it writes into the source tree."""
    if os.environ.get("SCREENSHOTS") != "1":
        return
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    oud = pagina.viewport_size
    for breedte in (1280, 390):
        pagina.set_viewport_size({"width": breedte, "height": 900})
        pagina.screenshot(path=SCHERMAFDRUKKEN / f"{naam}-{breedte}.png")
    pagina.set_viewport_size(oud)
