"""Next year in one confirmed step (issue #15, point 2): the confirm page names the year,
lists the afspraken with the running ones ticked and says what is copied; the result says
how many of how many came along; an existing next year is linked; the year numbers of the
copied title and introduction move to the new year unless the gemeente unticks that."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Jaarafspraak, Jaarschijf
from tests import factories
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def opbouw():
    wereld = paginawereld(4, status=JaarschijfStatus.CONCEPT)
    js = wereld.jaarschijf
    js.titel = "Jaarschijf 2026"
    js.inleiding = "De jaarschijf 2026 werkt de afspraken 2024-2028 uit; sinds 2025 meten we."
    js.save()
    return wereld


def url(jaarschijf):
    return reverse("afspraken:jaarschijf-volgend-jaar", kwargs={"jaarschijf_pk": jaarschijf.pk})


def detail(jaarschijf):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def jaarafspraken(opbouw):
    """The four jaarafspraken; the third ends with 2026 by its period, the fourth is done."""
    rijen = list(
        Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).order_by("afspraak__code")
    )
    afgelopen = rijen[2].afspraak
    afgelopen.periode = "2023-2026"
    afgelopen.save()
    rijen[3].status = Voortgang.GEREALISEERD
    rijen[3].save()
    return rijen


def aangevinkt(html: str, ja) -> bool:
    return "checked" in html.split(f'id="ja-{ja.pk}"')[1].split(">")[0]


def test_the_confirm_page_names_the_year_lists_the_afspraken_and_what_is_copied(gemeente, opbouw):
    rijen = jaarafspraken(opbouw)
    html = gemeente.get(url(opbouw.jaarschijf)).content.decode()
    assert "concept-jaarschijf <strong>2027</strong>" in html
    assert "Eén jaar: 2027" in html and "Twee jaar: 2027-2028" in html
    assert 'name="tot_jaar" value="" id="id_tot_jaar_0" checked' in html
    assert "Afspraken voor 2027" in html
    assert [aangevinkt(html, ja) for ja in rijen] == [True, True, False, False]
    assert "periode 2023-2026" in html and "loopt niet door" in html
    assert "open stappen" in html and "de ondertekenaars, zonder handtekening" in html
    assert "Niet overgenomen: voorraadcijfers" in html
    assert 'name="jaartallen_bijwerken" checked' in html.replace(
        ' id="id_jaartallen_bijwerken"', ""
    )


def test_only_the_ticked_afspraken_carry_over_and_the_message_counts_them(gemeente, opbouw):
    rijen = jaarafspraken(opbouw)
    gekozen = [rijen[0], rijen[3]]  # one running, one done: the gemeente may still take it
    response = gemeente.post(
        url(opbouw.jaarschijf),
        {
            "gekozen": "1",
            "tot_jaar": "",
            "jaarafspraken": [ja.pk for ja in gekozen],
            "jaartallen_bijwerken": "on",
        },
    )
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert response.status_code == 302 and response["Location"] == detail(nieuw)
    assert {ja.afspraak_id for ja in nieuw.jaarafspraken.all()} == {
        ja.afspraak_id for ja in gekozen
    }
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Jaarschijf 2027: 2 van 4 afspraken overgenomen." in meldingen[0]


def test_a_bare_post_takes_the_running_afspraken(gemeente, opbouw):
    rijen = jaarafspraken(opbouw)
    response = gemeente.post(url(opbouw.jaarschijf))
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert {ja.afspraak_id for ja in nieuw.jaarafspraken.all()} == {
        rijen[0].afspraak_id,
        rijen[1].afspraak_id,
    }
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert "2 van 4 afspraken overgenomen." in meldingen[0]
    assert nieuw.inleiding.startswith("De jaarschijf 2027 ")


def test_an_afspraak_of_another_agreement_cannot_be_smuggled_in(gemeente, opbouw):
    elders = factories.JaarschijfFactory(overeenkomst=opbouw.ander_overeenkomst, jaar=2026)
    vreemd = Jaarafspraak.objects.create(
        jaarschijf=elders, afspraak=opbouw.ander_overeenkomst.themas.get().afspraken.get()
    )
    response = gemeente.post(url(opbouw.jaarschijf), {"gekozen": "1", "jaarafspraken": [vreemd.pk]})
    assert response.status_code == 200
    assert not Jaarschijf.objects.filter(overeenkomst=opbouw.overeenkomst, jaar=2027).exists()
    assert "Geheime afspraak elders" not in Jaarafspraak.objects.exclude(pk=vreemd.pk).values_list(
        "afspraak__inhoud", flat=True
    )


def test_year_numbers_of_title_and_introduction_move_to_the_new_year(gemeente, opbouw):
    gemeente.post(url(opbouw.jaarschijf), {"gekozen": "1", "jaartallen_bijwerken": "on"})
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert nieuw.titel == "Jaarschijf 2027"
    # The agreement's period and an earlier year are not this jaarschijf's years.
    assert nieuw.inleiding == (
        "De jaarschijf 2027 werkt de afspraken 2024-2028 uit; sinds 2025 meten we."
    )


def test_unticked_the_texts_stay_as_written(gemeente, opbouw):
    gemeente.post(url(opbouw.jaarschijf), {"gekozen": "1"})
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert nieuw.titel == "Jaarschijf 2026"
    assert nieuw.inleiding == opbouw.jaarschijf.inleiding
    assert nieuw.jaarafspraken.count() == 0  # nothing ticked: nothing carried over


def test_an_existing_next_year_is_linked_not_offered_again(gemeente, opbouw):
    bestaand = factories.JaarschijfFactory(overeenkomst=opbouw.overeenkomst, jaar=2027)
    html = gemeente.get(url(opbouw.jaarschijf)).content.decode()
    assert "Er is al een jaarschijf 2027:" in html
    assert f'<a class="utrecht-link" href="{detail(bestaand)}">bekijken</a>' in html
    assert "Volgend jaar voorbereiden</button>" not in html
    assert gemeente.post(url(opbouw.jaarschijf)).status_code == 200
    assert Jaarschijf.objects.filter(overeenkomst=opbouw.overeenkomst, jaar=2027).count() == 1


def test_a_two_year_jaarschijf_is_named_and_its_years_are_moved(gemeente, opbouw):
    response = gemeente.post(
        url(opbouw.jaarschijf), {"gekozen": "1", "tot_jaar": "2028", "jaartallen_bijwerken": "on"}
    )
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert nieuw.tot_jaar == 2028 and nieuw.titel == "Jaarschijf 2027-2028"
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Jaarschijf 2027-2028: 0 van 4 afspraken overgenomen." in meldingen[0]
    # From a two-year jaarschijf the next page names the year after its last one.
    html = gemeente.get(url(nieuw)).content.decode()
    assert "concept-jaarschijf <strong>2029</strong>" in html
