"""Every page of afspraken answers in a fixed number of queries, whatever the number of
afspraken: each GET URL of afspraken/urls.py, with 1 and with 200 rows (monitoring's pages:
tests/monitoring/test_querybudget.py).

A page whose query count grows with its rows (N+1) fails the 200-row case.
"""

import pytest
from django.urls import URLPattern, reverse

from afspraken import urls as afspraken_urls
from afspraken.models import Hoofdstuk, Jaarafspraak, Stap
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db

# One budget for every page: generous for the richest page, but fixed, so a query per row
# (200 rows) can never fit.
BUDGET = 15


def _kwargs(opbouw) -> dict:
    jaarafspraak = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    partij = opbouw.overeenkomst.partijrollen.first()
    return {
        "overeenkomst_pk": opbouw.overeenkomst.pk,
        "jaarschijf_pk": opbouw.jaarschijf.pk,
        "organisatie_pk": opbouw.corporatie.pk,
        "partij_pk": partij.pk,
        "thema_pk": opbouw.overeenkomst.themas.first().pk,
        "afspraak_pk": jaarafspraak.afspraak_id,
        "jaarafspraak_pk": jaarafspraak.pk,
        "stap_pk": Stap.objects.filter(jaarafspraak=jaarafspraak).first().pk,
        "hoofdstuk_pk": Hoofdstuk.objects.create(
            jaarschijf=opbouw.jaarschijf, kop="Context", tekst="Tekst"
        ).pk,
    }


PAGINAS = [p.name for p in afspraken_urls.urlpatterns if isinstance(p, URLPattern)]


def _url(naam: str, waarden: dict) -> str:
    patroon = next(p for p in afspraken_urls.urlpatterns if p.name == naam)
    kwargs = {k: waarden[k] for k in patroon.pattern.converters}
    return reverse(f"afspraken:{naam}", kwargs=kwargs)


def test_every_page_is_covered():
    assert {"overeenkomst-detail", "afspraak-lijst", "afspraak-export"} <= set(PAGINAS)
    assert len(PAGINAS) == len(set(PAGINAS))


@pytest.mark.parametrize("aantal", [1, 200])
@pytest.mark.parametrize("naam", PAGINAS)
def test_page_query_budget(client, django_assert_max_num_queries, naam, aantal):
    opbouw = paginawereld(aantal)
    url = _url(naam, _kwargs(opbouw))
    client.force_login(opbouw.gemeente_gebruiker)
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)


@pytest.mark.parametrize("aantal", [1, 200])
@pytest.mark.parametrize(
    ("naam", "gebruiker"),
    [
        ("jaarafspraak-bewerken", "corporatie_gebruiker"),
        ("partij-overzicht", "huurders_gebruiker"),
    ],
)
def test_page_query_budget_for_partners(
    client, django_assert_max_num_queries, naam, gebruiker, aantal
):
    """Trekkers and huurders see the same pages with other permissions per row."""
    opbouw = paginawereld(aantal)
    waarden = _kwargs(opbouw)
    # The corporatie is trekker of the odd afspraken: take one it may report on.
    waarden["jaarafspraak_pk"] = (
        Jaarafspraak.objects.filter(
            jaarschijf=opbouw.jaarschijf, afspraak__trekkers=opbouw.corporatie
        )
        .first()
        .pk
        if aantal > 1
        else waarden["jaarafspraak_pk"]
    )
    client.force_login(getattr(opbouw, gebruiker))
    with django_assert_max_num_queries(BUDGET):
        response = client.get(_url(naam, waarden))
    if naam == "jaarafspraak-bewerken" and aantal == 1:
        assert response.status_code == 403  # the one afspraak is the gemeente's
    else:
        assert response.status_code == 200
