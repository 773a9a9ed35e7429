"""A vastgesteld jaarschijf is a self-contained document (DESIGN §4): later work on the
multi-year agreement, next year's concept included, changes later jaarschijven only."""

import re

import pytest
from django.urls import reverse

from afspraken import services
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf
from gemeenten.models import Organisatie
from monitoring.werkboek.exporter import werkboek_rijen

pytestmark = pytest.mark.django_db


def pagina(client, jaarschijf) -> str:
    """The document on the jaarschijf page (navigation around it links to the agreement as
    it is now, and the CSRF token differs per response)."""
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    document = html[html.index('<article class="jaarschijf">') : html.rindex("</article>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", document)


@pytest.fixture
def vastgesteld_en_volgend(opbouw):
    door = opbouw.gemeente_gebruiker
    services.jaarschijf_vaststellen(jaarschijf=opbouw.jaarschijf, door=door)
    volgend = services.jaarschijf_volgend_jaar_voorbereiden(jaarschijf=opbouw.jaarschijf, door=door)
    return Jaarschijf.objects.get(pk=opbouw.jaarschijf.pk), volgend


def test_editing_next_years_concept_leaves_the_fixed_year_as_it_was(
    gemeente, opbouw, vastgesteld_en_volgend
):
    vast, volgend = vastgesteld_en_volgend
    voor = pagina(gemeente, vast)
    assert "Afspraak nummer 1 over wonen" in voor
    regel = Jaarafspraak.objects.get(jaarschijf=volgend, afspraak__code="A1")
    afspraak = regel.afspraak
    response = gemeente.post(
        reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": regel.pk}),
        {
            "code": "A1",
            "inhoud": "Herschreven voor 2027",
            "periode": afspraak.periode,
            "trekkers": [opbouw.huurders.pk],
            "tekst": "Plan 2027",
            "status": "",
            "versie": regel.versie,
            "afspraak_versie": afspraak.versie,
        },
    )
    assert response.status_code == 302
    assert Afspraak.objects.get(pk=afspraak.pk).inhoud == "Herschreven voor 2027"

    assert "Herschreven voor 2027" in pagina(gemeente, volgend)
    na = pagina(gemeente, vast)
    assert "Herschreven voor 2027" not in na
    assert "Afspraak nummer 1 over wonen" in na
    assert na == voor


def test_renaming_themes_parties_and_the_agreement_leaves_the_fixed_year(
    gemeente, opbouw, vastgesteld_en_volgend
):
    vast, _volgend = vastgesteld_en_volgend
    voor = pagina(gemeente, vast)
    door = opbouw.gemeente_gebruiker
    thema = opbouw.overeenkomst.themas.get(letter="A")
    services.thema_bijwerken(thema=thema, versie=thema.versie, naam="Nieuwe naam", door=door)
    overeenkomst = opbouw.overeenkomst
    services.overeenkomst_bijwerken(
        overeenkomst=overeenkomst,
        versie=overeenkomst.versie,
        titel="Andere titel",
        startdatum=overeenkomst.startdatum,
        einddatum=overeenkomst.einddatum.replace(year=2026),
        door=door,
    )
    # A rename of the organisation itself (in the admin) does not rewrite the document.
    Organisatie.objects.filter(pk=opbouw.corporatie.pk).update(naam="Woonservice Nieuw")

    na = pagina(gemeente, vast)
    assert "Nieuwe naam" not in na and "Andere titel" not in na
    assert "Woonservice Nieuw" not in na
    assert na == voor


def test_back_to_concept_shows_the_agreement_as_it_is_now(gemeente, opbouw):
    door = opbouw.gemeente_gebruiker
    services.jaarschijf_vaststellen(jaarschijf=opbouw.jaarschijf, door=door)
    thema = opbouw.overeenkomst.themas.get(letter="A")
    services.thema_bijwerken(thema=thema, versie=thema.versie, naam="Nieuwe naam", door=door)
    assert "Nieuwe naam" not in pagina(gemeente, opbouw.jaarschijf)
    services.jaarschijf_terug_naar_concept(jaarschijf=opbouw.jaarschijf, door=door)
    assert "Nieuwe naam" in pagina(gemeente, opbouw.jaarschijf)


def test_the_workbook_of_a_fixed_year_is_exported_as_fixed(opbouw, vastgesteld_en_volgend):
    vast, volgend = vastgesteld_en_volgend
    voor = werkboek_rijen(vast)
    door = opbouw.gemeente_gebruiker
    thema = opbouw.overeenkomst.themas.get(letter="A")
    services.thema_bijwerken(thema=thema, versie=thema.versie, naam="Nieuwe naam", door=door)
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    services.afspraak_bijwerken(
        afspraak=afspraak,
        versie=afspraak.versie,
        thema=thema,
        code="A1",
        inhoud="Herschreven voor 2027",
        door=door,
    )
    Organisatie.objects.filter(pk=opbouw.corporatie.pk).update(naam="Woonservice Nieuw")

    assert werkboek_rijen(vast) == voor
    assert "Herschreven voor 2027" in str(werkboek_rijen(volgend))
