"""The SMART check: afspraken without trekker, period or anything measurable."""

import pytest
from django.urls import reverse

from tests import factories
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


def test_smart_check_markeert_wat_ontbreekt(client):
    opbouw = paginawereld(0)
    thema = opbouw.overeenkomst.themas.first()

    def afspraak(code, inhoud, periode="2026", doel="", trekker=True):
        a = factories.AfspraakFactory(
            thema=thema, code=code, inhoud=inhoud, periode=periode, doel=doel
        )
        if trekker:
            a.trekkers.add(opbouw.corporatie)
        return a

    afspraak("S1", "Wij bouwen 320 woningen.")
    afspraak("S2", "Wij bouwen woningen.", doel="90% toegankelijk")
    afspraak("N1", "Wij bouwen 40 woningen.", trekker=False)
    afspraak("N2", "Wij bouwen 40 woningen.", periode="")
    afspraak("N3", "Wij werken goed samen.")
    client.force_login(opbouw.huurders_gebruiker)
    response = client.get(
        reverse("monitoring:smart-check", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    )
    assert response.status_code == 200
    gebreken = {a.code: [str(r) for r in redenen] for a, redenen in response.context["gebreken"]}
    assert gebreken == {
        "N1": ["geen trekker"],
        "N2": ["geen periode"],
        "N3": ["niets meetbaars (geen doel en geen getal)"],
    }
    html = response.content.decode()
    assert "3 afspraken vragen aandacht" in html
    assert "geen trekker" in html and "niets meetbaars" in html


def test_smart_check_for_non_party_is_403_and_unknown_agreement_404(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.buitenstaander)
    url = reverse("monitoring:smart-check", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    assert client.get(url).status_code == 403
    client.force_login(opbouw.gemeente_gebruiker)
    onbekend = reverse("monitoring:smart-check", kwargs={"overeenkomst_pk": 999999})
    assert client.get(onbekend).status_code == 404
