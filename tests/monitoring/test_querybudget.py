"""Every page of monitoring answers in a fixed number of queries, whatever the number of
afspraken and remarks: each GET URL of monitoring/urls.py with 1 and with 200 rows, as the
gemeente and as its partners.

A page whose query count grows with its rows (N+1) fails the 200-row case.
"""

import pytest
from django.urls import URLPattern, reverse

from afspraken.models import Jaarafspraak
from monitoring import urls as monitoring_urls
from monitoring.models import Kalendertoken, Opmerking, Reactie
from tests import factories
from tests.wereld import HTMX, paginawereld

pytestmark = pytest.mark.django_db

# The same budget as afspraken's pages (tests/afspraken/test_querybudget.py).
BUDGET = 15

# Actions that answer POST only (a GET is 405): no page to measure.
ALLEEN_POST = {"ondertekenen-herinneren"}
PAGINAS = [
    p.name
    for p in monitoring_urls.urlpatterns
    if isinstance(p, URLPattern) and p.name not in ALLEEN_POST
]

# Pages that cost a fixed few queries more than BUDGET, and why.
MEER = {
    # The workbook's segmenten (#12), doelen and agenda sheets (#11) cost one query each.
    "werkboek-export": 3,
    # Beside each afspraak its targets (the moment of vaststelling, the targets as of then,
    # their parties, the latest realised values) and the tenants' verdicts (#11).
    "jaarschijf": 4
    # The agreement's agenda for the year with its parties (#10 point 1).
    + 1
    # Remarks as threads (#15 point 4): their replies; the open remarks at the top.
    + 2,
    # The PDF renders the same document as the jaarschijf page (#10), without its remarks
    # and their replies (no part of the document).
    "jaarschijf-pdf": 3
    # The stock totals and charts (voorraad.overzicht: agreements' categories and segments,
    # the figures, the signed plan) and the agenda (#10 point 1, #12 point 4).
    + 5
    # The version the cover names: the next one after a wijziging (#10 point 5).
    + 1,
}

# Who opens a page that is not the gemeente's.
GEBRUIKER = {
    "voorraad-download": "corporatie_gebruiker",
    "voorraad-upload": "corporatie_gebruiker",
    # Deleting a remark or reply: its author (the huurders, see _kwargs).
    "opmerking-verwijderen": "huurders_gebruiker",
    "reactie-verwijderen": "huurders_gebruiker",
    # One afspraak's verdict (in its row, or as a page without JavaScript): the huurders.
    "jaarafspraak-zienswijze": "huurders_gebruiker",
}


def _kwargs(opbouw) -> dict:
    jaarafspraak = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    opmerking = factories.OpmerkingFactory(
        jaarafspraak=jaarafspraak, auteur=opbouw.huurders_gebruiker, organisatie=opbouw.huurders
    )
    return {
        "overeenkomst_pk": opbouw.overeenkomst.pk,
        "jaarschijf_pk": opbouw.jaarschijf.pk,
        "jaarafspraak_pk": jaarafspraak.pk,
        # Monitoring the year (#11): an afspraak's targets, the gemeente's pages, a feed.
        "afspraak_pk": jaarafspraak.afspraak_id,
        "gemeente_pk": opbouw.overeenkomst.gemeente_id,
        "token": Kalendertoken.objects.create(gebruiker=opbouw.gemeente_gebruiker).token,
        "opmerking_pk": opmerking.pk,
        "reactie_pk": Reactie.objects.create(
            opmerking=opmerking, auteur=opbouw.huurders_gebruiker, tekst="Een reactie."
        ).pk,
    }


def _url(naam: str, waarden: dict) -> str:
    patroon = next(p for p in monitoring_urls.urlpatterns if p.name == naam)
    kwargs = {k: waarden[k] for k in patroon.pattern.converters}
    return reverse(f"monitoring:{naam}", kwargs=kwargs or None)


def test_every_page_is_covered():
    assert {"start", "jaarschijf", "smart-check", "opmerking-afhandelen"} <= set(PAGINAS)
    assert len(PAGINAS) == len(set(PAGINAS))


@pytest.mark.parametrize("aantal", [1, 200])
@pytest.mark.parametrize("naam", PAGINAS)
def test_page_query_budget(client, django_assert_max_num_queries, naam, aantal):
    opbouw = paginawereld(aantal)
    url = _url(naam, _kwargs(opbouw))
    gebruiker = getattr(opbouw, GEBRUIKER.get(naam, "gemeente_gebruiker"))
    if naam == "dashboard-landelijk":  # superusers only
        gebruiker = factories.GebruikerFactory(is_superuser=True)
    client.force_login(gebruiker)
    with django_assert_max_num_queries(BUDGET + MEER.get(naam, 0)):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("aantal", [1, 200])
@pytest.mark.parametrize(
    ("naam", "gebruiker"),
    [
        ("jaarschijf", "corporatie_gebruiker"),
        ("jaarafspraak-opmerking-plaatsen", "huurders_gebruiker"),
        ("start", "corporatie_gebruiker"),
        ("start", "huurders_gebruiker"),
    ],
)
def test_page_query_budget_for_partners(
    client, django_assert_max_num_queries, naam, gebruiker, aantal
):
    """Trekkers and huurders see the same pages with other permissions per row."""
    opbouw = paginawereld(aantal)
    url = _url(naam, _kwargs(opbouw))
    client.force_login(getattr(opbouw, gebruiker))
    with django_assert_max_num_queries(BUDGET + MEER.get(naam, 0)):
        response = client.get(url)
    assert response.status_code == 200


def test_row_after_an_inline_edit_has_a_fixed_budget(client, django_assert_max_num_queries):
    """afspraken's edit view answers htmx with monitoring's row (afspraken.boven)."""
    opbouw = paginawereld(200)
    jaarafspraak = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    factories.OpmerkingFactory(jaarafspraak=jaarafspraak, tekst="Opmerking bij de rij")
    url = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk})
    client.force_login(opbouw.gemeente_gebruiker)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(f"{url}?weergave=rij", **HTMX)
    assert response.status_code == 200
    assert "Opmerking bij de rij" in response.content.decode()


@pytest.mark.parametrize("gebruiker", ["gemeente_gebruiker", "huurders_gebruiker"])
def test_jaarschijf_page_with_many_remarks(client, django_assert_max_num_queries, gebruiker):
    """Remarks on every afspraak and on the jaarschijf itself cost no query per remark."""
    opbouw = paginawereld(200)
    jaarafspraken = list(Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf))
    auteurs = [
        (opbouw.gemeente_gebruiker, opbouw.gemeente),
        (opbouw.corporatie_gebruiker, opbouw.corporatie),
        (opbouw.huurders_gebruiker, opbouw.huurders),
    ]
    Opmerking.objects.bulk_create(
        Opmerking(
            jaarschijf=opbouw.jaarschijf,
            jaarafspraak=ja,
            auteur=auteur,
            organisatie=organisatie,
            tekst=f"Opmerking {i} bij {ja.pk if ja else 'de jaarschijf'}",
            afgehandeld=i == 0,
        )
        for ja in [*jaarafspraken, None, None]
        for i, (auteur, organisatie) in enumerate(auteurs)
    )
    client.force_login(getattr(opbouw, gebruiker))
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    with django_assert_max_num_queries(BUDGET + MEER["jaarschijf"]):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<li class="opmerking') == 3 * (len(jaarafspraken) + 2)
    assert "Opmerkingen (3)" in html and "Opmerkingen (6)" in html
