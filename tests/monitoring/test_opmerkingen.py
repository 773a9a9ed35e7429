"""Remarks on the jaarschijf page: every party comments on the afspraken of its agreement
and on the jaarschijf as a whole, the gemeente marks remarks handled (htmx and without
JavaScript)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarafspraak
from gemeenten.models import Lidmaatschap
from monitoring import services
from monitoring.models import Opmerking
from tests import factories
from tests.wereld import HTMX, lid, paginawereld

pytestmark = pytest.mark.django_db


PARTIJEN = [
    ("gemeente_gebruiker", "gemeente"),
    ("corporatie_gebruiker", "corporatie"),
    ("huurders_gebruiker", "huurders"),
]


@pytest.fixture
def opbouw():
    return paginawereld(2)


@pytest.fixture
def ja(opbouw):
    return Jaarafspraak.objects.select_related("afspraak").get(
        jaarschijf=opbouw.jaarschijf, afspraak__code="A1"
    )


def plaats_url(ja):
    return reverse("monitoring:jaarafspraak-opmerking-plaatsen", kwargs={"jaarafspraak_pk": ja.pk})


def jaarschijf_plaats_url(jaarschijf):
    return reverse(
        "monitoring:jaarschijf-opmerking-plaatsen", kwargs={"jaarschijf_pk": jaarschijf.pk}
    )


def pagina_url(jaarschijf):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def afhandel_url(opmerking):
    return reverse("monitoring:opmerking-afhandelen", kwargs={"opmerking_pk": opmerking.pk})


@pytest.mark.parametrize(("gebruiker", "organisatie"), PARTIJEN)
def test_each_party_comments_on_an_afspraak(client, opbouw, ja, gebruiker, organisatie):
    user = getattr(opbouw, gebruiker)
    client.force_login(user)
    response = client.post(plaats_url(ja), {"opmerking": "Graag een tussenstand in juni."})
    assert response.status_code == 302
    assert response["Location"] == (
        f"{pagina_url(opbouw.jaarschijf)}#opmerkingen-afspraak-{ja.afspraak_id}"
    )
    opmerking = Opmerking.objects.get()
    assert (opmerking.jaarschijf, opmerking.jaarafspraak, opmerking.auteur) == (
        opbouw.jaarschijf,
        ja,
        user,
    )
    assert opmerking.organisatie == getattr(opbouw, organisatie)
    assert not opmerking.afgehandeld

    html = client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    assert "Graag een tussenstand in juni." in html
    assert "Opmerking (1)" in html
    assert getattr(opbouw, organisatie).naam in html


def test_remark_on_the_jaarschijf_as_a_whole(client, opbouw):
    client.force_login(opbouw.huurders_gebruiker)
    response = client.post(
        jaarschijf_plaats_url(opbouw.jaarschijf), {"opmerking": "De inleiding mist huurders."}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#opmerkingen")
    opmerking = Opmerking.objects.get()
    assert opmerking.jaarafspraak is None
    html = client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    algemeen = html[html.index('id="kop-opmerkingen"') :]
    assert "De inleiding mist huurders." in algemeen


@pytest.mark.parametrize("wie", ["andere_gemeente", "buitenstaander"])
def test_no_party_gets_403_and_nothing_is_saved(client, opbouw, ja, wie):
    if wie == "andere_gemeente":
        gemeente_org = factories.GemeenteOrganisatieFactory(
            gemeente=opbouw.ander_overeenkomst.gemeente
        )
        user = lid(gemeente_org)
    else:
        user = opbouw.buitenstaander
    client.force_login(user)
    for url in (plaats_url(ja), jaarschijf_plaats_url(opbouw.jaarschijf)):
        assert client.post(url, {"opmerking": "Ingebroken"}).status_code == 403
        assert client.post(url, {"opmerking": "Ingebroken"}, **HTMX).status_code == 403
    opmerking = factories.OpmerkingFactory(jaarafspraak=ja)
    assert client.post(afhandel_url(opmerking), {"afgehandeld": "1"}).status_code == 403
    assert Opmerking.objects.count() == 1
    assert not Opmerking.objects.get().afgehandeld
    assert client.get(pagina_url(opbouw.jaarschijf)).status_code == 403


def test_empty_text_shows_a_dutch_error_without_javascript(client, opbouw, ja):
    client.force_login(opbouw.corporatie_gebruiker)
    response = client.post(plaats_url(ja), {"opmerking": "   "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schrijf eerst uw opmerking; het veld is nog leeg." in html
    assert not Opmerking.objects.exists()


def test_rejected_text_is_kept(client, opbouw, ja):
    client.force_login(opbouw.corporatie_gebruiker)
    te_lang = "woningen " * 600
    for extra in ({}, HTMX):
        response = client.post(plaats_url(ja), {"opmerking": te_lang}, **extra)
        assert response.status_code == 200
        assert te_lang.strip() in response.content.decode()
    assert not Opmerking.objects.exists()


def test_htmx_answers_the_block_with_the_error_and_opened(client, opbouw, ja):
    client.force_login(opbouw.huurders_gebruiker)
    response = client.post(plaats_url(ja), {"opmerking": ""}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<details class="opmerkingen niet-printen" open>')
    assert f'id="opmerkingen-afspraak-{ja.afspraak_id}"' in html
    assert "Schrijf eerst uw opmerking; het veld is nog leeg." in html
    assert 'aria-invalid="true"' in html


def test_htmx_post_returns_the_updated_block(client, opbouw, ja):
    factories.OpmerkingFactory(
        jaarafspraak=ja, auteur=opbouw.gemeente_gebruiker, tekst="Eerdere opmerking"
    )
    client.force_login(opbouw.huurders_gebruiker)
    response = client.post(plaats_url(ja), {"opmerking": "Huurders willen meedenken."}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "Opmerkingen (2)" in html
    assert html.index("Eerdere opmerking") < html.index("Huurders willen meedenken.")
    # The form is empty again for the next remark.
    assert 'name="opmerking" rows="3" maxlength="5000"></textarea>' in html
    assert "niet-printen" in html


def test_only_the_gemeente_marks_a_remark_handled(client, opbouw, ja):
    opmerking = factories.OpmerkingFactory(jaarafspraak=ja, tekst="Waar blijft de tussenstand?")
    for user in (opbouw.corporatie_gebruiker, opbouw.huurders_gebruiker):
        client.force_login(user)
        assert client.post(afhandel_url(opmerking), {"afgehandeld": "1"}).status_code == 403
        assert "Afhandelen" not in client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    opmerking.refresh_from_db()
    assert not opmerking.afgehandeld

    client.force_login(opbouw.gemeente_gebruiker)
    assert "Afhandelen" in client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    response = client.post(afhandel_url(opmerking), {"afgehandeld": "1"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "Weer openzetten" in html
    opmerking.refresh_from_db()
    assert opmerking.afgehandeld
    assert opmerking.afgehandeld_door == opbouw.gemeente_gebruiker
    assert opmerking.afgehandeld_op is not None

    response = client.post(afhandel_url(opmerking), {"afgehandeld": "0"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#opmerkingen-afspraak-{ja.afspraak_id}")
    opmerking.refresh_from_db()
    assert not opmerking.afgehandeld and opmerking.afgehandeld_door is None


def test_remarks_show_author_organisation_and_dutch_date(client, opbouw, ja):
    auteur = opbouw.corporatie_gebruiker
    auteur.first_name, auteur.last_name = "Karin", "de Vries"
    auteur.save()
    factories.OpmerkingFactory(
        jaarafspraak=ja,
        auteur=auteur,
        organisatie=opbouw.corporatie,
        tekst="Nieuwbouw loopt achter.",
        aangemaakt_op=datetime.datetime(2025, 11, 20, 13, 5, tzinfo=datetime.UTC),
    )
    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    assert "Karin de Vries" in html
    assert "Woonservice" in html
    assert "20 november 2025 14:05" in html  # Europe/Amsterdam


def test_author_organisation_is_kept_when_the_author_moves(client, opbouw, ja):
    user = opbouw.corporatie_gebruiker
    client.force_login(user)
    client.post(plaats_url(ja), {"opmerking": "Namens Woonservice."})
    Lidmaatschap.objects.filter(gebruiker=user).update(organisatie=opbouw.huurders)
    opmerking = Opmerking.objects.get()
    assert opmerking.organisatie == opbouw.corporatie


@pytest.mark.parametrize("status", [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def test_remarks_stay_possible_after_vaststelling(client, status):
    opbouw = paginawereld(1, status=status)
    ja = Jaarafspraak.objects.get(jaarschijf=opbouw.jaarschijf)
    client.force_login(opbouw.huurders_gebruiker)
    response = client.post(plaats_url(ja), {"opmerking": "Monitoring: op koers?"})
    assert response.status_code == 302
    assert Opmerking.objects.filter(jaarafspraak=ja).exists()


def test_inline_edited_row_keeps_its_remarks(client, opbouw, ja):
    factories.OpmerkingFactory(jaarafspraak=ja, tekst="Opmerking bij de rij")
    client.force_login(opbouw.gemeente_gebruiker)
    url = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": ja.pk})
    html = client.get(f"{url}?weergave=rij", **HTMX).content.decode()
    assert "Opmerking (1)" in html and "Opmerking bij de rij" in html


def test_remark_on_another_jaarschijfs_afspraak_is_refused(opbouw, ja):
    andere = factories.JaarschijfFactory(overeenkomst=opbouw.overeenkomst, jaar=2030)
    with pytest.raises(ValidationError):
        services.opmerking_plaatsen(
            jaarschijf=andere, jaarafspraak=ja, tekst="Mis", door=opbouw.gemeente_gebruiker
        )
    assert not Opmerking.objects.exists()


def test_start_page_lists_recent_remarks(client, opbouw, ja):
    client.force_login(opbouw.corporatie_gebruiker)
    client.post(plaats_url(ja), {"opmerking": "Zie bijlage."})
    html = client.get(reverse("monitoring:start")).content.decode()
    activiteit = html.split('id="kop-activiteit"', 1)[1]
    assert "Afspraak A1</a> (jaarschijf 2026) opmerking geplaatst" in activiteit

    client.force_login(opbouw.buitenstaander)
    assert "opmerking geplaatst" not in client.get(reverse("monitoring:start")).content.decode()


def test_for_user_lists_only_remarks_of_own_agreements(opbouw, ja):
    eigen = factories.OpmerkingFactory(jaarafspraak=ja)
    factories.OpmerkingFactory()  # elsewhere
    assert list(Opmerking.objects.for_user(opbouw.huurders_gebruiker)) == [eigen]
    assert list(Opmerking.objects.for_user(opbouw.gemeente_gebruiker, "change")) == [eigen]
    assert not Opmerking.objects.for_user(opbouw.buitenstaander).filter(pk=eigen.pk).exists()


def test_a_row_links_to_the_remark_form_which_opens_as_page_or_inline(client, opbouw, ja):
    """The page carries no remark form per afspraak: a link leads to it, as a page of its
    own without JavaScript and as the remarks block with the form through htmx."""
    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    assert html.count('name="opmerking"') == 1  # only the jaarschijf-wide form
    rij = html[html.index(f'id="opmerkingen-afspraak-{ja.afspraak_id}"') :]
    assert f'href="{plaats_url(ja)}" hx-get="{plaats_url(ja)}"' in rij[: rij.index("</article>")]
    assert "Opmerking plaatsen" in rij

    pagina = client.get(plaats_url(ja))
    assert pagina.status_code == 200
    assert "Opmerking bij afspraak A1 in 2026" in pagina.content.decode()
    assert 'name="opmerking"' in pagina.content.decode()

    blok = client.get(plaats_url(ja), **HTMX).content.decode()
    assert blok.lstrip().startswith('<details class="opmerkingen niet-printen" open>')
    assert f'id="opmerkingen-afspraak-{ja.afspraak_id}"' in blok
    assert 'name="opmerking"' in blok


def test_a_row_without_remarks_shows_no_empty_list(client, opbouw, ja):
    client.force_login(opbouw.gemeente_gebruiker)
    html = client.get(pagina_url(opbouw.jaarschijf)).content.decode()
    rij = html[html.index(f'id="afspraak-{ja.afspraak_id}"') :]
    rij = rij[: rij.index("</article>")]
    assert "opmerkingen__lijst" not in rij and "Nog geen opmerkingen." not in rij
    assert "Opmerking plaatsen" in rij
