"""What changed since last year on the jaarschijf page (issue #10, point 6): a section that
costs nothing until asked for (`?wijzigingen=1`, or htmx fetching that same page), then per
afspraak new, changed (the words that went in <del>, those that came in <ins>) or dropped,
escaped, not printed, with a link to the PDF carrying the same appendix."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.monitoring.test_pdf_wijzigingen import twee_jaren  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _pagina(client, jaarschijf, **params):
    client.force_login(factories.GebruikerFactory(is_superuser=True))
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})
    return client.get(url, params).content.decode()


def _sectie(html: str) -> str:
    begin = html.index('id="wijzigingen"')
    return html[begin : html.index("</section>", begin)]


def test_the_section_is_collapsed_until_asked_for(client, twee_jaren):  # noqa: F811
    sectie = _sectie(_pagina(client, twee_jaren))
    assert "Wat is veranderd sinds 2025" in sectie
    assert 'href="?wijzigingen=1#kop-wijzigingen"' in sectie
    assert 'hx-get="?wijzigingen=1"' in sectie and 'hx-select="#wijzigingen"' in sectie
    assert "<ins>" not in sectie and "leefbaarheidsfonds" not in sectie


def test_asked_for_it_lists_new_changed_and_dropped_with_the_words_marked(
    client,
    twee_jaren,  # noqa: F811
):
    sectie = _sectie(_pagina(client, twee_jaren, wijzigingen="1"))
    assert "Wij bouwen <del>100</del> <ins>120</ins> woningen in Borger." in sectie
    assert "wijziging--nieuw" in sectie and "Wij starten een leefbaarheidsfonds." in sectie
    assert "wijziging--vervallen" in sectie and "Wij evalueren de woonvisie." in sectie
    assert "Wijzigingen verbergen" in sectie
    pdf = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": twee_jaren.pk})
    assert f'href="{pdf}?wijzigingen=1"' in sectie
    # Driehoek's reading aid, not the document: not printed.
    assert 'class="driehoek thema niet-printen wijzigingen-scherm"' in _pagina(
        client, twee_jaren, wijzigingen="1"
    )


def test_user_text_is_escaped(client, twee_jaren):  # noqa: F811
    afspraak = twee_jaren.jaarafspraken.get(afspraak__code="A3").afspraak
    afspraak.inhoud = "<script>alert(1)</script> nieuw"
    afspraak.save()
    sectie = _sectie(_pagina(client, twee_jaren, wijzigingen="1"))
    assert "<script>alert(1)" not in sectie
    assert "&lt;script&gt;alert(1)&lt;/script&gt; nieuw" in sectie


def test_a_first_jaarschijf_has_no_section(client):
    jaarschijf = factories.JaarschijfFactory(jaar=2026)
    assert 'id="wijzigingen"' not in _pagina(client, jaarschijf)


def test_the_comparison_costs_a_fixed_number_of_queries(
    client,
    twee_jaren,  # noqa: F811
    django_assert_max_num_queries,
):
    """Asked for, the section reads the previous jaarschijf's document once, however many
    afspraken: measured with 2 and with 12 more."""
    client.force_login(factories.GebruikerFactory(is_superuser=True))
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": twee_jaren.pk})
    with CaptureQueriesContext(connection) as weinig:
        client.get(url, {"wijzigingen": "1"})
    thema = twee_jaren.overeenkomst.themas.first()
    vorig = twee_jaren.overeenkomst.jaarschijven.get(jaar=2025)
    for nummer in range(12):
        afspraak = factories.AfspraakFactory(
            overeenkomst=twee_jaren.overeenkomst, thema=thema, code=f"B{nummer}"
        )
        factories.JaarafspraakFactory(jaarschijf=twee_jaren, afspraak=afspraak)
    assert vorig.status == "vastgesteld"
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        client.get(url, {"wijzigingen": "1"})
