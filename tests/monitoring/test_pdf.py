"""The jaarschijf as a PDF (issue #10, points 1 and 7): what it holds (pdftotext), its
metadata, and that the renderer fetches nothing but our own static files."""

import io
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from monitoring.pdf import jaarschijf_opmaken
from monitoring.pdf.ophalen import Geweigerd, statisch_bestand
from monitoring.pdf.render import html_opmaken
from tests import factories
from tests.monitoring.ondertekenwereld import tekenwereld

pytestmark = pytest.mark.django_db


def tekst_van(pdf: bytes) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed."""
    uit = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(uit.stdout.decode().split())


@pytest.fixture(scope="module")
def opgemaakt(django_db_setup, django_db_blocker):
    """One small vastgesteld jaarschijf with the document's own fields, rendered once."""
    from tests.wereld import voor_de_module

    def bouwen():
        wereld = tekenwereld(status="concept")
        js = wereld.jaarschijf
        js.__class__.objects.filter(pk=js.pk).update(
            documentdatum="November 2025", plaats="Exloo", geldig_na_ondertekening=True
        )
        partij = wereld.wereld.overeenkomst.partijrollen.get(organisatie=wereld.organisaties()[0])
        partij.__class__.objects.filter(pk=partij.pk).update(
            vertegenwoordiger="A. de Wethouder", mandaat="handelend namens het college van B&W"
        )
        # Vastgesteld after the changes: the jaarschijf keeps its own copy of the parties.
        factories.zet_status(js, "vastgesteld")
        return wereld, jaarschijf_opmaken(js)

    with voor_de_module(django_db_blocker, bouwen) as gebouwd:
        yield gebouwd


def test_the_pdf_holds_parties_afspraken_steps_signatories_and_clause(opgemaakt):
    wereld, opmaak = opgemaakt
    tekst = tekst_van(opmaak.pdf)
    w = wereld.wereld
    for organisatie in wereld.organisaties():
        assert organisatie.naam in tekst
    for ja, stap in zip(w.jaarafspraken, w.stappen, strict=True):
        assert ja.afspraak.inhoud in tekst and ja.tekst in tekst and stap.tekst in tekst
    for regel in w.ondertekeningen.values():
        assert regel.naam in tekst
    assert "Partijen," in tekst and "zijn overeengekomen" in tekst
    assert "A. de Wethouder" in tekst and "handelend namens het college van B&W" in tekst
    assert "geldig na ondertekening door alle partijen" in tekst
    assert "November 2025" in tekst and "Exloo" in tekst
    assert f"pagina 2 van {opmaak.paginas}" in tekst
    assert "1.000" in tekst  # the stock level of the factory, in the Dutch format


def test_the_pdf_is_tagged_titled_in_dutch_with_embedded_fonts(opgemaakt):
    _wereld, opmaak = opgemaakt
    reader = PdfReader(io.BytesIO(opmaak.pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    assert reader.metadata.title == "Jaarschijf 2026"
    fonts = subprocess.run(
        ["pdffonts", "-"], input=opmaak.pdf, capture_output=True, check=True
    ).stdout.decode()
    regels = fonts.splitlines()[2:]
    assert regels and all(" yes " in regel for regel in regels)  # every font embedded


def test_a_signature_box_per_signatory_on_the_last_page(opgemaakt):
    wereld, opmaak = opgemaakt
    assert set(opmaak.velden) == {str(o.pk) for o in wereld.wereld.ondertekeningen.values()}
    for pagina, x1, y1, x2, y2 in opmaak.velden.values():
        assert pagina == opmaak.paginas - 1 and 0 < x1 < x2 < 595 and 0 < y1 < y2 < 842


def test_no_codes_when_the_document_has_no_numbering():
    wereld = tekenwereld("Beekdorp", status="concept")
    js = wereld.jaarschijf
    codes = [ja.afspraak.code for ja in wereld.wereld.jaarafspraken]
    assert all(codes)
    assert all(code in tekst_van(jaarschijf_opmaken(js).pdf) for code in codes)
    js.nummering_tonen = False
    js.save()
    tekst = tekst_van(jaarschijf_opmaken(js).pdf)
    assert not any(code in tekst for code in codes)
    assert wereld.wereld.jaarafspraken[0].afspraak.inhoud in tekst


def test_user_text_cannot_make_the_renderer_fetch_anything():
    wereld = tekenwereld("Beekdorp", status="concept")
    afspraak = wereld.wereld.afspraken[0]
    afspraak.inhoud = (
        '<img src="http://127.0.0.1:9/lek"> <img src="file:///etc/passwd"> '
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    )
    afspraak.save()
    opmaak = jaarschijf_opmaken(wereld.jaarschijf)
    assert opmaak.geweigerd == []  # escaped: not even an attempt
    assert "file:///etc/passwd" in tekst_van(opmaak.pdf)  # shown as the text it is


@pytest.mark.parametrize(
    "html",
    [
        '<img src="http://127.0.0.1:9/lek.png">',
        '<img src="https://example.org/lek.png">',
        '<img src="file:///etc/passwd">',
        '<img src="data:image/svg+xml;base64,PHN2Zy8+">',
        '<p style="background: url(http://127.0.0.1:9/css)">x</p>',
        '<style>@import url("file:///etc/passwd");</style>',
        '<style>@font-face { font-family: x; src: url("http://127.0.0.1:9/f.woff"); }'
        " p { font-family: x }</style><p>x</p>",
        '<img src="static:../../../etc/passwd">',
    ],
)
def test_the_fetcher_refuses_every_url_but_our_static_files(html):
    opmaak = html_opmaken(f"<html lang='nl'><title>t</title><body>{html}</body></html>")
    assert len(opmaak.geweigerd) == 1, opmaak.geweigerd


def test_the_fetcher_reads_static_files_from_disk():
    assert statisch_bestand("static:driehoek.css").name == "driehoek.css"
    for url in ("static:../config/settings.py", "file:///etc/passwd", "static:"):
        with pytest.raises(Geweigerd):
            statisch_bestand(url)
    kop = '<title>t</title><link rel="stylesheet" href="static:driehoek.css">'
    opmaak = html_opmaken(f'<html lang="nl">{kop}<body>x</body></html>')
    assert opmaak.geweigerd == []


def test_download_for_parties_only(client):
    wereld = tekenwereld("Beekdorp", status="concept")
    url = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(factories.GebruikerFactory())
    assert client.get(url).status_code == 404
    client.force_login(wereld.tekenaars[wereld.organisaties()[2].pk])
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "jaarschijf-beekdorp-2026.pdf" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_export_pdf_command(tmp_path):
    wereld = tekenwereld("Beekdorp", status="concept")
    pad = tmp_path / "js.pdf"
    call_command("export_pdf", "--gemeente", "beekdorp", "--jaar", "2026", str(pad))
    assert wereld.wereld.afspraken[0].inhoud in tekst_van(pad.read_bytes())


def test_the_jaarschijf_page_links_to_the_pdf_and_the_signing_page(client):
    wereld = tekenwereld("Ceedorp")
    js = wereld.jaarschijf
    client.force_login(wereld.tekenaars[wereld.organisaties()[1].pk])
    inhoud = client.get(reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": js.pk}))
    inhoud = inhoud.content.decode()
    assert reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": js.pk}) in inhoud
    assert reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": js.pk}) in inhoud
