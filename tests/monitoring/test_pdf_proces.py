"""The PDF renders in a process of its own (monitoring.pdf.proces): forked per PDF from a
server that has WeasyPrint loaded and no Django, so the web process neither loads WeasyPrint
nor keeps its memory, and what the child reports comes back to the caller."""

import logging
import os
import sys

import pytest

from monitoring.pdf import proces
from monitoring.pdf.render import html_opmaken

HTML = "<html lang='nl'><title>t</title><body><p>Tekst</p></body></html>"


@pytest.fixture(autouse=True)
def _apart(settings):
    settings.PDF_APART_PROCES = True
    if not proces.apart():
        pytest.skip("no forkserver on this platform")


def test_the_pdf_is_rendered_in_another_process_without_django():
    pool = proces._pool()
    assert pool.submit(os.getpid).result() != os.getpid()
    assert pool.submit(eval, "'django' in __import__('sys').modules").result() is False
    opmaak = html_opmaken(HTML)
    assert opmaak.pdf.startswith(b"%PDF-")
    assert opmaak.paginas == 1
    assert opmaak.piek_kb > 0
    # Each PDF gets a fresh process: the memory of one is gone before the next.
    assert pool.submit(os.getpid).result() != pool.submit(os.getpid).result()


def test_weasyprint_warnings_from_the_child_reach_the_log(caplog):
    with caplog.at_level(logging.WARNING, logger="monitoring.pdf.render"):
        opmaak = html_opmaken(HTML.replace("<p>", '<p style="kleur: rood">'))
    assert any("kleur" in m for m in opmaak.meldingen)
    assert any("kleur" in r.getMessage() for r in caplog.records)


def test_a_child_that_dies_breaks_one_pdf_and_the_next_gets_a_new_pool():
    from concurrent.futures.process import BrokenProcessPool

    pool = proces._pool()
    with pytest.raises(BrokenProcessPool):
        pool.submit(os._exit, 1).result()  # as when the kernel kills a child for memory
    with pytest.raises(BrokenProcessPool):
        html_opmaken(HTML)
    assert html_opmaken(HTML).pdf.startswith(b"%PDF-")
    assert proces._pool() is not pool


def test_without_a_process_of_its_own_the_caller_renders(settings):
    settings.PDF_APART_PROCES = False
    opmaak = html_opmaken(HTML)
    assert opmaak.pdf.startswith(b"%PDF-")
    assert "weasyprint" in sys.modules
