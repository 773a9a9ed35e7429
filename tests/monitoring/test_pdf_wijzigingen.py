"""What changed since last year (issue #10, point 6): the PDF's optional appendix marks per
afspraak new, changed (with the words that went and came) and dropped."""

import pytest
from django.urls import reverse

from monitoring.pdf import jaarschijf_opmaken
from monitoring.pdf.wijzigingen import woorden_vergelijken
from tests import factories
from tests.monitoring.test_pdf import tekst_van

pytestmark = pytest.mark.django_db


def test_changed_words_are_marked_and_escaped():
    html = woorden_vergelijken("Wij bouwen 100 woningen in <Borger>", "Wij bouwen 120 woningen")
    assert html == "Wij bouwen <del>100</del> <ins>120</ins> woningen <del>in &lt;Borger&gt;</del>"


@pytest.fixture
def twee_jaren():
    """2025 vastgesteld with afspraken A (later reworded) and B (not continued); 2026 with A
    and a new C."""
    overeenkomst = factories.OvereenkomstFactory()
    thema = factories.ThemaFactory(overeenkomst=overeenkomst)
    a, b, c = (
        factories.AfspraakFactory(overeenkomst=overeenkomst, thema=thema, code=code, inhoud=tekst)
        for code, tekst in (
            ("A1", "Wij bouwen 100 woningen in Borger."),
            ("A2", "Wij evalueren de woonvisie."),
            ("A3", "Wij starten een leefbaarheidsfonds."),
        )
    )
    vorig = factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=2025)
    for afspraak in (a, b):
        factories.JaarafspraakFactory(jaarschijf=vorig, afspraak=afspraak)
    factories.zet_status(vorig, "vastgesteld")  # keeps its own copy of A's old words
    a.inhoud = "Wij bouwen 120 woningen in Borger."
    a.save()
    nu = factories.JaarschijfFactory(overeenkomst=overeenkomst, jaar=2026)
    for afspraak in (a, c):
        factories.JaarafspraakFactory(jaarschijf=nu, afspraak=afspraak)
    return nu


def test_the_appendix_lists_new_changed_and_dropped(twee_jaren):
    tekst = tekst_van(jaarschijf_opmaken(twee_jaren, met_wijzigingen=True).pdf)
    bijlage = tekst[tekst.index("Wat is veranderd sinds 2025 Een hulpmiddel") :]
    assert "Gewijzigd · A1 Wij bouwen 100 120 woningen in Borger." in bijlage
    assert "Nieuw · A3 Wij starten een leefbaarheidsfonds." in bijlage
    assert "Vervallen · A2 Wij evalueren de woonvisie." in bijlage
    # Without the flag (and so in every signed PDF) there is no appendix.
    assert "Wat is veranderd" not in tekst_van(jaarschijf_opmaken(twee_jaren).pdf)


def test_download_with_the_appendix(client, twee_jaren):
    client.force_login(factories.GebruikerFactory(is_superuser=True))
    url = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": twee_jaren.pk})
    response = client.get(url, {"wijzigingen": "1"})
    assert "met-wijzigingen.pdf" in response["Content-Disposition"]
    assert "Wat is veranderd sinds 2025" in tekst_van(response.content)
