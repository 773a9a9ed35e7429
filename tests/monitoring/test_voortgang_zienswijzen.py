"""The tenants' verdict (issue #11, point 5): a huurdersorganisatie that is party judges
afspraken while the jaarschijf is ter bespreking; everyone reads the verdicts and their
summary; nobody else gives one (attack replay: refused, nothing written)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from afspraken.constants import JaarschijfStatus
from monitoring.models_voortgang import Zienswijze
from monitoring.voortgang import zienswijzen_geven
from monitoring.voortgang.zienswijzen import Oordeelregel
from tests import factories
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def _ter_bespreking():
    sc = autorisatiewereld()
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.TER_BESPREKING)
    for ja in sc.a.jaarafspraken:
        ja.jaarschijf.refresh_from_db()
    return sc


def _data(sc, oordeel="niet_akkoord", tekst="Te weinig <b>woningen</b>") -> dict:
    ja = sc.a.jaarafspraken[0]
    return {f"ja{ja.pk}-oordeel": oordeel, f"ja{ja.pk}-tekst": tekst}


def test_a_huurdersorganisatie_gives_its_verdict_and_everyone_reads_it(client):
    sc = _ter_bespreking()
    url = reverse("monitoring:zienswijzen", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    client.force_login(sc.gebruiker("huurders_medewerker"))
    assert client.post(url, _data(sc)).status_code == 302
    assert client.post(url, _data(sc, "kanttekening", "Onder voorwaarden")).status_code == 302
    z = Zienswijze.objects.get()
    assert (z.organisatie, z.oordeel, z.tekst) == (sc.h1, "kanttekening", "Onder voorwaarden")
    assert z.history.count() == 2  # the earlier verdict is kept in the history
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    html = client.get(url).content.decode()
    assert "Akkoord met kanttekening" in html and "Onder voorwaarden" in html
    assert "1 afspraak nog zonder zienswijze" in html


@pytest.mark.parametrize(
    "rol", ["corporatie_medewerker", "gemeente_medewerker", "organisatie_beheerder"]
)
def test_attack_replay_no_one_else_gives_a_verdict(client, rol):
    sc = _ter_bespreking()
    url = reverse("monitoring:zienswijzen", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    client.force_login(sc.gebruiker(rol))
    assert client.post(url, _data(sc)).status_code == 403
    assert not Zienswijze.objects.exists()


def test_a_verdict_only_while_ter_bespreking():
    sc = autorisatiewereld()  # concept
    ja = sc.a.jaarafspraken[0]
    with pytest.raises(PermissionDenied):
        zienswijzen_geven(
            regels=[Oordeelregel(ja, "akkoord")], door=sc.gebruiker("huurders_medewerker")
        )
    with pytest.raises(ValidationError):
        zienswijzen_geven(regels=[Oordeelregel(ja, "akkoord")], door=sc.gebruiker("superuser"))
    assert not Zienswijze.objects.exists()


def test_verdicts_are_escaped(client):
    sc = _ter_bespreking()
    url = reverse("monitoring:zienswijzen", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    client.force_login(sc.gebruiker("huurders_medewerker"))
    client.post(url, _data(sc))
    html = client.get(url).content.decode()
    assert "Te weinig &lt;b&gt;woningen&lt;/b&gt;" in html and "<b>woningen" not in html
