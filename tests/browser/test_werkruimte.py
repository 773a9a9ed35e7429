"""The workspace in a real browser: the gemeente adds an afspraak to the Borger-Odoorn 2026
jaarschijf, edits it inline (htmx swaps the row, the page stays) and puts the jaarschijf up
for discussion; a huurdersorganisatie then reads the same pages without edit controls.
"""

import re

import pytest
from playwright.sync_api import expect

from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf

pytestmark = pytest.mark.browser

INHOUD = "Partijen evalueren jaarlijks de samenwerking in de lokale driehoek."
NIEUWE_INHOUD = "Partijen evalueren twee keer per jaar de samenwerking in de lokale driehoek."


def _afspraak_toevoegen(pagina, borger_odoorn):
    pagina.get_by_role("link", name="Afspraak toevoegen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Nieuwe afspraak")
    pagina.get_by_label("Thema").select_option(label="Samenwerking")
    pagina.get_by_label("Nummer").fill("6.9")
    pagina.get_by_label("Soort").select_option(label="Procesafspraak")
    pagina.get_by_label("Inhoud").fill(INHOUD)
    pagina.get_by_label("Periode").fill("2026")
    pagina.get_by_label("Lefier", exact=True).check()
    pagina.get_by_label("Plan voor het jaar").fill("Een evaluatiesessie in het voorjaar.")
    pagina.get_by_role("button", name="Opslaan").click()

    pagina.wait_for_url(re.compile(r"/jaarschijven/\d+/(#.*)?$"))
    expect(pagina.get_by_text("De afspraak is toegevoegd.")).to_be_visible()
    return Afspraak.objects.get(overeenkomst=borger_odoorn.overeenkomst, code="6.9")


def test_gemeente_adds_edits_inline_and_puts_up_for_discussion_huurders_only_read(
    pagina, adres, inloggen, borger_odoorn
):
    jaarschijf_url = adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk)
    inloggen(borger_odoorn.gemeente_medewerker)
    pagina.goto(jaarschijf_url)

    afspraak = _afspraak_toevoegen(pagina, borger_odoorn)
    assert list(afspraak.trekkers.values_list("afkorting", flat=True)) == ["LF"]
    rij = pagina.locator(f"#afspraak-{afspraak.pk}")
    expect(rij).to_contain_text(INHOUD)
    expect(rij).to_contain_text("Een evaluatiesessie in het voorjaar.")

    # Inline: htmx swaps the row for a form and back; the page itself never reloads.
    pagina.evaluate("window.zelfdePagina = true")
    # Borger-Odoorn 2026 is prose without numbers: controls name an afspraak by its words.
    rij.get_by_role("link", name=f"Bewerken afspraak {INHOUD[:40]}").click()
    formulier = pagina.locator(f"#afspraak-{afspraak.pk}")
    expect(formulier.get_by_role("heading", name="Afspraak bewerken")).to_be_visible()
    formulier.get_by_label("Inhoud").fill(NIEUWE_INHOUD)
    # The row edits the plan, not the progress (which is reported on the timeline, #15.3).
    expect(formulier.get_by_label("Voortgang")).to_have_count(0)
    formulier.get_by_label("Plan voor het jaar").fill("Twee evaluatiesessies.")
    formulier.get_by_role("button", name="Opslaan").click()

    expect(rij.get_by_role("link", name=f"Bewerken afspraak {NIEUWE_INHOUD[:40]}")).to_be_visible()
    expect(rij).to_contain_text(NIEUWE_INHOUD)
    expect(rij).to_contain_text("Twee evaluatiesessies.")
    assert pagina.evaluate("window.zelfdePagina") is True
    afspraak.refresh_from_db()
    assert afspraak.inhoud == NIEUWE_INHOUD
    assert Jaarafspraak.objects.get(afspraak=afspraak).tekst == "Twee evaluatiesessies."

    pagina.get_by_role("link", name="Ter bespreking voorleggen").click()
    pagina.get_by_role("button", name="Ter bespreking voorleggen").click()
    pagina.wait_for_url(jaarschijf_url)
    expect(pagina.get_by_text("De jaarschijf ligt ter bespreking.")).to_be_visible()
    expect(pagina.locator(".driehoek--jaarschijf .status")).to_have_text("Ter bespreking")
    jaarschijf = Jaarschijf.objects.get(pk=borger_odoorn.jaarschijf.pk)
    assert jaarschijf.status == JaarschijfStatus.TER_BESPREKING

    _huurders_lezen_alleen(pagina, adres, inloggen, borger_odoorn, afspraak)


def _huurders_lezen_alleen(pagina, adres, inloggen, borger_odoorn, afspraak):
    """The huurdersorganisatie reads everything, but may change nothing here."""
    jaarschijf_url = adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk)
    inloggen(borger_odoorn.huurders_medewerker)
    pagina.goto(jaarschijf_url)
    expect(pagina.locator(f"#afspraak-{afspraak.pk}")).to_contain_text(NIEUWE_INHOUD)
    for knop in [
        "Jaarschijf bewerken",
        "Afspraak toevoegen",
        "Ter bespreking voorleggen",
        "Vaststellen",
        "Terug naar concept",
    ]:
        expect(pagina.get_by_role("link", name=knop)).to_have_count(0)
    # The one link in its row is to place a remark: every party comments.
    rij_links = pagina.locator(f"#afspraak-{afspraak.pk}").get_by_role("link")
    expect(rij_links).to_have_count(1)
    expect(rij_links).to_have_text(re.compile(r"^Opmerking plaatsen"))
    # Not even where it shares an afspraak as trekker: huurders read and comment only.
    bewerken = re.compile(r"^Bewerken")
    expect(pagina.locator("article.afspraak").get_by_role("link", name=bewerken)).to_have_count(0)

    pagina.goto(
        adres("afspraken:overeenkomst-detail", overeenkomst_pk=borger_odoorn.overeenkomst.pk)
    )
    expect(pagina.get_by_role("heading", level=1)).to_have_text(borger_odoorn.overeenkomst.titel)
    beheer = ["Overeenkomst bewerken", "Partijen beheren", "Thema toevoegen", "Afspraak toevoegen"]
    for knop in beheer:
        expect(pagina.get_by_role("link", name=knop)).to_have_count(0)
    expect(pagina.get_by_role("link", name=re.compile(r"^(Bewerken|Verplaatsen)"))).to_have_count(0)

    antwoord = pagina.goto(
        adres(
            "afspraken:jaarafspraak-bewerken",
            jaarafspraak_pk=Jaarafspraak.objects.get(afspraak=afspraak).pk,
        )
    )
    assert antwoord.status == 403


def test_huurders_place_a_remark_on_an_afspraak_inline(pagina, adres, inloggen, borger_odoorn):
    """The row's link loads the remark form in place (htmx); placing it keeps the page."""
    ja = Jaarafspraak.objects.filter(jaarschijf=borger_odoorn.jaarschijf).first()
    inloggen(borger_odoorn.huurders_medewerker)
    pagina.goto(adres("monitoring:jaarschijf", jaarschijf_pk=borger_odoorn.jaarschijf.pk))
    pagina.evaluate("window.zelfdePagina = true")
    rij = pagina.locator(f"#afspraak-{ja.afspraak_id}")
    rij.get_by_role("link", name=re.compile(r"^Opmerking plaatsen")).click()
    rij.get_by_label("Opmerking toevoegen").fill("Graag een tussenstand voor de huurders.")
    rij.get_by_role("button", name="Plaatsen").click()
    expect(rij.locator(".opmerkingen__lijst")).to_contain_text("Graag een tussenstand")
    assert pagina.evaluate("window.zelfdePagina") is True
    assert ja.opmerkingen.get().tekst == "Graag een tussenstand voor de huurders."
