"""Links to an afspraak's remarks land on them opened, in a real browser: the jaarschijf
page's "Open opmerkingen (n)", the open remarks on the agreement's dashboard and the mail
about a reply, through the login page. A row shows its remarks folded (`<details>`); the
links name an element inside the fold, which Chromium opens when a fragment navigation
targets it, so no script and no per-request state (the page is cached per person) is needed.
"""

from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from afspraken.models import Jaarafspraak
from monitoring import services
from tests.browser import handelingen

pytestmark = pytest.mark.browser

TEKST = "Graag ook de wachttijden per kern in de rapportage."
REACTIE = "Nemen we mee in de tussenstand van juni."


@pytest.fixture
def opmerking(borger_odoorn):
    # The last row of the document: far below the fold, so landing on it is the link's doing.
    jaarafspraak = (
        Jaarafspraak.objects.filter(jaarschijf=borger_odoorn.jaarschijf).order_by("-pk").first()
    )
    return services.opmerking_plaatsen(
        jaarschijf=borger_odoorn.jaarschijf,
        jaarafspraak=jaarafspraak,
        tekst=TEKST,
        door=borger_odoorn.huurders_medewerker,
    )


def _tekst(pagina, opmerking):
    return pagina.locator(f"#opmerking-{opmerking.pk} > .opmerking__tekst")


def test_open_remarks_at_the_top_open_the_remark_in_its_row(
    pagina, adres, inloggen, borger_odoorn, opmerking
):
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))
    expect(_tekst(pagina, opmerking)).to_be_hidden()

    anker = f"opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}"
    pagina.locator(f'.open-opmerkingen a[href="#{anker}"]').click()

    expect(_tekst(pagina, opmerking)).to_be_visible()
    expect(_tekst(pagina, opmerking)).to_have_text(TEKST)
    expect(_tekst(pagina, opmerking)).to_be_in_viewport()
    # Scrolled to the content, with its summary still in sight above it.
    expect(pagina.locator(f"#{anker}").locator("xpath=../summary")).to_be_in_viewport()


def test_open_remarks_on_the_dashboard_open_the_remark_on_the_jaarschijf_page(
    pagina, adres, inloggen, borger_odoorn, opmerking
):
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(
        adres("monitoring:dashboard-overeenkomst", overeenkomst_pk=borger_odoorn.overeenkomst.pk)
    )

    pagina.locator('section[aria-labelledby="kop-opmerkingen"] a').first.click()

    pagina.wait_for_url(f"**/#opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}")
    expect(_tekst(pagina, opmerking)).to_be_visible()
    expect(_tekst(pagina, opmerking)).to_have_text(TEKST)
    expect(_tekst(pagina, opmerking)).to_be_in_viewport()


def test_the_reply_mail_logs_in_and_opens_the_thread(pagina, live_server, borger_odoorn, opmerking):
    services.opmerking_reageren(
        opmerking=opmerking, tekst=REACTIE, door=borger_odoorn.gemeente_medewerker
    )
    henk = borger_odoorn.huurders_medewerker
    (bericht,) = [b for b in mail.outbox if b.to == [henk.email]]
    link = urlsplit(next(w for w in bericht.body.split() if "gebruiker=" in w))
    pagina.goto(f"{live_server.url}{link.path}?{link.query}")

    # Logged out: the login page, with the username the link named.
    handelingen.inloggen(pagina, handelingen.Handelingen(), henk, voorgevuld=True)

    pagina.wait_for_url(f"**/#opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}")
    reactie = pagina.locator(f"#opmerking-{opmerking.pk} .reactie .opmerking__tekst")
    expect(reactie).to_be_visible()
    expect(reactie).to_have_text(REACTIE)
    expect(reactie).to_be_in_viewport()
    expect(_tekst(pagina, opmerking)).to_be_visible()
