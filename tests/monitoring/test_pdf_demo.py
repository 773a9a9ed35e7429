"""End to end (issue #10, point 7): the PDF of each demo jaarschijf, loaded through the
importer from the real documents, holds every afspraak, party, signatory, the clause and
the stock figures in the Dutch format; a document without numbering prints no codes."""

import re

import pytest
from django.utils.formats import number_format

from afspraken.models import Jaarschijf
from monitoring.pdf import jaarschijf_opmaken
from monitoring.selectors.jaarschijf import jaarschijf_document
from tests.monitoring.test_demo import demo_geladen
from tests.monitoring.test_pdf import tekst_van

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_pdfs(django_db_setup, django_db_blocker):
    """{jaarschijf pk: (jaarschijf, its document, the PDF's text)}, rendered once."""
    with demo_geladen(django_db_blocker):
        with django_db_blocker.unblock():
            result = {}
            for js in Jaarschijf.objects.select_related("overeenkomst__gemeente"):
                tekst = tekst_van(jaarschijf_opmaken(js).pdf)
                result[js.pk] = (js, jaarschijf_document(js), tekst)
        yield result


def plat(tekst: str) -> str:
    """Without any whitespace: a line may break after a slash or hyphen, which the text
    extraction then reads as a space."""
    return re.sub(r"\s+", "", tekst)


def test_there_are_demo_jaarschijven(demo_pdfs):
    assert len(demo_pdfs) >= 3


def test_every_afspraak_party_and_signatory_is_in_the_pdf(demo_pdfs):
    for js, document, tekst in demo_pdfs.values():
        for item in document.themas:
            assert plat(item.thema.naam) in plat(tekst), (js, item.thema.naam)
            for ja in item.jaarafspraken:
                assert plat(ja.afspraak.inhoud) in plat(tekst), (js, ja.afspraak.code)
                if ja.tekst:
                    assert plat(ja.tekst) in plat(tekst), (js, ja.afspraak.code)
        for partij in document.partijen:
            assert plat(partij.organisatie.naam) in plat(tekst), (js, partij)
        for _organisatie, regels in document.ondertekenaars:
            for regel in regels:
                assert plat(regel.naam) in plat(tekst), (js, regel.naam)
        assert plat("zijn overeengekomen") in plat(tekst)
        assert plat(f"Namens {document.partijen[0].organisatie.naam}") in plat(tekst)


def test_every_stock_figure_is_in_the_pdf_in_the_dutch_format(demo_pdfs):
    for js, _document, tekst in demo_pdfs.values():
        cijfers = [
            *js.voorraadmutaties.values_list("aantal", flat=True),
            *js.voorraadstanden.values_list("aantal", flat=True),
        ]
        for aantal in cijfers:
            if aantal is not None:
                assert number_format(aantal, force_grouping=True) in tekst, (js, aantal)


def test_no_invented_codes_where_the_document_has_none(demo_pdfs):
    zonder = [(js, d, t) for js, d, t in demo_pdfs.values() if not js.nummering_tonen]
    met = [(js, d, t) for js, d, t in demo_pdfs.values() if js.nummering_tonen]
    assert zonder and met  # the demo has both kinds
    for js, document, tekst in zonder:
        for item in document.themas:
            for ja in item.jaarafspraken:
                # A code on its own ("1.2", "A3"), not a number inside a sentence's text.
                assert not re.search(rf"(^| ){re.escape(ja.afspraak.code)} ", tekst) or (
                    plat(ja.afspraak.code) in plat(ja.afspraak.inhoud)
                ), (js, ja.afspraak.code)
    for js, document, tekst in met:
        codes = [ja.afspraak.code for item in document.themas for ja in item.jaarafspraken]
        assert all(code in tekst for code in codes), js


def test_the_stock_totals_and_charts_are_in_the_pdf(demo_pdfs):
    """Totals per corporatie and for the gemeente, computed, with their charts (#12)."""
    from voorraad.overzicht import overzicht

    gezien = 0
    for js, _document, tekst in demo_pdfs.values():
        voorraad = overzicht(js)
        if not voorraad.standrijen:
            continue
        gezien += 1
        assert "Voorraad per corporatie en in totaal" in tekst, js
        assert "Doorgetrokken: realisatie; gestreept: prognose" in tekst, js
        for rij in voorraad.standrijen:
            assert plat(rij.naam) in plat(tekst), (js, rij.naam)
    assert gezien
