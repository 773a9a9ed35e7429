"""The browser tests run under the real Content-Security-Policy, and its violations reach them:
an inline style or script is blocked and reported, so the `pagina` fixture can fail the test.
"""

import pytest

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
