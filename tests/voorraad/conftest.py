"""The real-browser fixtures (tests/browser/conftest.py) for the grid's browser test."""

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    adres,
    borger_odoorn,
    browser,
    csp_overtredingen,
    inloggen,
    pagina,
)
