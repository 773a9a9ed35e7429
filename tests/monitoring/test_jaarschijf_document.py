"""The jaarschijf page shows the document in the document's own order (issue #9): what the
parties would recognise as their text, with Driehoek's extras apart from it."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from afspraken.constants import HoofdstukSoort, JaarschijfStatus, Plek, Soort
from afspraken.models import Afspraak, Hoofdstuk, Jaarafspraak, Jaarschijf, Partij, Stap
from monitoring.selectors.documentvorm import Kopgroep, kopgroepen
from monitoring.selectors.jaarschijf import jaarschijf_document
from tests import factories
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b[AB][1-6]\b")


@pytest.fixture
def opbouw():
    return paginawereld(6, status=JaarschijfStatus.CONCEPT)


def pagina(client, opbouw, alleen_document=False) -> str:
    client.force_login(opbouw.gemeente_gebruiker)
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    # The page's own navigation (table of contents) stands before the document.
    return html[html.index('<div class="document">') :] if alleen_document else html


def document(opbouw) -> str:
    """The document alone, as the PDF includes it."""
    js = Jaarschijf.objects.get(pk=opbouw.jaarschijf.pk)
    return render_to_string(
        "monitoring/jaarschijf/document.html",
        {"document": jaarschijf_document(js), "alleen_document": True},
    )


def hoofdstuk(js, plek, kop, thema=None, soort=HoofdstukSoort.OVERIG):
    return Hoofdstuk.objects.create(
        jaarschijf=js, plek=plek, thema=thema, kop=kop, soort=soort, tekst=f"Tekst {kop}"
    )


def vormgeven(opbouw):
    """The parts of a real document: date, grondslag, parties' words, texts everywhere."""
    js = opbouw.jaarschijf
    Jaarschijf.objects.filter(pk=js.pk).update(
        documentdatum="November 2025",
        geldig_vanaf=datetime.date(2026, 1, 1),
        geldig_na_ondertekening=True,
    )
    opbouw.overeenkomst.grondslag = "Woonvisie Borger-Odoorn 2020"
    opbouw.overeenkomst.save()
    Partij.objects.filter(organisatie=opbouw.gemeente).update(
        functie="wethouder",
        mandaat="gemachtigd door de burgemeester, handelend namens het College",
        aanduiding="de gemeente",
        rol="De gemeente stelt de woonvisie op.",
    )
    thema = opbouw.overeenkomst.themas.get(letter="A")
    thema.doel = "Genoeg passende woningen"
    thema.save()
    hoofdstuk(js, Plek.BIJLAGE, "Bijlage Begrippen", soort=HoofdstukSoort.BEGRIPPEN)
    hoofdstuk(js, Plek.NA, "Voorbehoud financiering", soort=HoofdstukSoort.VOORBEHOUD)
    hoofdstuk(js, Plek.VOORRAAD, "Toelichting op de cijfers")
    hoofdstuk(js, Plek.THEMA, "Context van beschikbaarheid", thema=thema)
    hoofdstuk(js, Plek.VOOR, "Rollen en verantwoordelijkheden", soort=HoofdstukSoort.ROLLEN)


def test_the_page_follows_the_documents_order(client, opbouw):
    vormgeven(opbouw)
    html = pagina(client, opbouw, alleen_document=True)
    volgorde = [
        "November 2025",
        "vertegenwoordigd door Vertegenwoordiger BO",
        "gemachtigd door de burgemeester, handelend namens het College",
        "hierna te noemen: de gemeente",
        "De gemeente stelt de woonvisie op.",
        "Inleiding van de jaarschijf.",
        "Woonvisie Borger-Odoorn 2020",
        "Rollen en verantwoordelijkheden",
        "Beschikbaarheid",
        "Genoeg passende woningen",
        "Over A.",
        "Context van beschikbaarheid",
        "Afspraak nummer 1 over wonen",
        "Betaalbaarheid",
        "Voorraad per segment",
        "Toelichting op de cijfers",
        "Voorbehoud financiering",
        "geldig vanaf 1 januari 2026, na ondertekening door alle partijen",
        "Ondertekenaar BO",
        "Bijlage Begrippen",
    ]
    posities = [html.find(tekst) for tekst in volgorde]
    assert -1 not in posities, [t for t, p in zip(volgorde, posities, strict=True) if p < 0]
    assert posities == sorted(posities)


def test_a_document_without_numbering_shows_no_afspraak_code(client, opbouw):
    assert CODE.search(document(opbouw))
    # The world's year texts name the codes ("Plan A1 in 2026"): a prose document's do not.
    Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).update(tekst="Plan voor het jaar")
    Jaarschijf.objects.filter(pk=opbouw.jaarschijf.pk).update(nummering_tonen=False)
    html = pagina(client, opbouw)
    assert "afspraak__code" not in html
    assert CODE.findall(html) == []
    assert CODE.findall(document(opbouw)) == []
    # The editor still reaches each afspraak, named by its first words instead.
    assert "Afspraak nummer 1 over wonen" in html


def test_kop_groups_in_order_with_subs_in_their_parents_group(opbouw):
    # Theme A holds A1, its sub B4, A3 and A5 in that order.
    for code, kop in [("A1", "Prestaties gemeente 2022"), ("A3", "Prestaties gemeente 2022")]:
        Afspraak.objects.filter(overeenkomst=opbouw.overeenkomst, code=code).update(kop=kop)
    Afspraak.objects.filter(overeenkomst=opbouw.overeenkomst, code="A5").update(
        kop="Doorkijk naar 2023 en verder", soort=Soort.DOORKIJK
    )
    js = Jaarschijf.objects.get(pk=opbouw.jaarschijf.pk)
    [thema_a, _b] = jaarschijf_document(js).themas
    assert [(g.kop, [ja.afspraak.code for ja in g.jaarafspraken]) for g in thema_a.groepen] == [
        ("Prestaties gemeente 2022", ["A1", "B4", "A3"]),
        ("Doorkijk naar 2023 en verder", ["A5"]),
    ]
    html = document(opbouw)
    eerste, tweede = html.find("Prestaties gemeente 2022"), html.find("Doorkijk naar 2023")
    assert 0 < eerste < html.find("Afspraak nummer 3 over wonen") < tweede
    assert tweede < html.find("Afspraak nummer 5 over wonen")
    assert html.count("Prestaties gemeente 2022") == 1
    assert 'class="afspraak__soort">Doorkijk<' in html


def test_kopgroepen_start_a_new_group_where_the_kop_changes():
    def ja(kop, niveau=0):
        return type("Ja", (), {"afspraak": type("A", (), {"kop": kop}), "niveau": niveau})

    a, b, sub, c, d = ja("X"), ja("Y"), ja("", 1), ja("X"), ja("")
    assert kopgroepen([a, b, sub, c, d]) == [
        Kopgroep("X", [a]),
        Kopgroep("Y", [b, sub]),
        Kopgroep("X", [c]),
        Kopgroep("", [d]),
    ]


def test_joint_steps_show_their_words_or_all_their_parties(client, opbouw):
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).order_by("pk").first()
    samen = Stap.objects.create(jaarafspraak=ja, organisatie=opbouw.gemeente, tekst="Samen A")
    samen.mede_organisaties.add(opbouw.corporatie, opbouw.huurders)
    genoemd = Stap.objects.create(
        jaarafspraak=ja,
        organisatie=opbouw.gemeente,
        aanduiding="Gemeente + corporaties",
        tekst="Samen B",
    )
    genoemd.mede_organisaties.add(opbouw.corporatie)
    html = pagina(client, opbouw)
    stap = html[html.find("Samen A") - 400 : html.find("Samen A")]
    assert re.search(r">BO</abbr> \+ <abbr[^>]*>WS</abbr> \+ <abbr[^>]*>HVSS</abbr>:", stap)
    assert 'Gemeente + corporaties:</strong> <span class="stap__tekst">Samen B' in html


def test_named_actors_and_parties_that_left(client, opbouw):
    Afspraak.objects.filter(overeenkomst=opbouw.overeenkomst, code="A1").update(
        betrokkenen="zorgpartijen, werkgroep wonen"
    )
    Partij.objects.filter(organisatie=opbouw.corporatie).update(actief_tot=2025)
    html = document(opbouw)
    assert "zorgpartijen, werkgroep wonen" in html
    partijen = html[
        html.find('id="partijen"') : html.find("</section>", html.find('id="partijen"'))
    ]
    assert "Samen Sterk" in partijen and "Woonservice" not in partijen


def test_the_document_alone_has_none_of_driehoeks_extras(client, opbouw):
    vormgeven(opbouw)
    html = document(opbouw)
    for extra in ("driehoek", "<form", "hx-", "/bewerken/", "status--", "Opmerking"):
        assert extra not in html, extra
    pagina_html = pagina(client, opbouw)
    # On the page the extras stand apart, in elements of class driehoek.
    assert pagina_html.count('<div class="driehoek afspraak__driehoek') == 6
    assert 'class="driehoek acties acties--regel"' in pagina_html  # a hoofdstuk's controls


def test_a_vorm_1_copy_still_renders(client, opbouw):
    Afspraak.objects.filter(overeenkomst=opbouw.overeenkomst, code="A1").update(kop="Kop")
    factories.zet_status(opbouw.jaarschijf, JaarschijfStatus.VASTGESTELD)
    inhoud = Jaarschijf.objects.get(pk=opbouw.jaarschijf.pk).vastgelegde_inhoud
    inhoud["vorm"] = 1
    for partij in inhoud["partijen"]:
        for veld in ("mandaat", "aanduiding", "rol", "actief_tot"):
            partij.pop(veld)
    for thema in inhoud["themas"]:
        thema.pop("doel")
    for afspraak in inhoud["afspraken"].values():
        afspraak.pop("kop"), afspraak.pop("betrokkenen")
    Jaarschijf.objects.filter(pk=opbouw.jaarschijf.pk).update(vastgelegde_inhoud=inhoud)
    html = pagina(client, opbouw)
    assert "Afspraak nummer 1 over wonen" in html and "Vertegenwoordiger BO" in html
    assert '<h3 class="utrecht-heading-3 kopgroep__kop">Kop</h3>' not in html


def test_a_two_year_jaarschijf_names_both_years(client, opbouw):
    Jaarschijf.objects.filter(pk=opbouw.jaarschijf.pk).update(titel="", tot_jaar=2027)
    html = pagina(client, opbouw)
    assert "Jaarschijf 2026-2027" in html and "In 2026-2027" in html


def test_a_document_with_its_own_cover_and_signature_pages(opbouw):
    vormgeven(opbouw)
    js = Jaarschijf.objects.get(pk=opbouw.jaarschijf.pk)
    html = render_to_string(
        "monitoring/jaarschijf/document.html",
        {
            "document": jaarschijf_document(js),
            "alleen_document": True,
            "zonder_kop": True,
            "zonder_slot": True,
        },
    )
    assert "November 2025" not in html and "utrecht-heading-1" not in html
    assert "Ondertekenaar BO" not in html and "Bijlage Begrippen" not in html
    assert "Voorbehoud financiering" in html and "Genoeg passende woningen" in html


def test_a_row_swapped_in_after_progress_shows_the_fixed_text(client, opbouw):
    factories.zet_status(opbouw.jaarschijf, JaarschijfStatus.VASTGESTELD)
    stap = Stap.objects.filter(jaarafspraak__jaarschijf=opbouw.jaarschijf).order_by("pk").first()
    Afspraak.objects.filter(pk=stap.jaarafspraak.afspraak_id).update(inhoud="Later herschreven")
    client.force_login(opbouw.gemeente_gebruiker)
    response = client.post(
        reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk}),
        {"afgerond": "1"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "stap--afgerond" in html
    assert "Later herschreven" not in html and "Afspraak nummer 1 over wonen" in html
