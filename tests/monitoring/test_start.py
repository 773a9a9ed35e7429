"""The start page per person: their organisation's agreements, the jaarschijven that wait
for them (to review, to sign, figures to deliver) and recent activity, in Dutch."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from afspraken import services
from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, Jaarafspraak
from gemeenten import generaties
from gemeenten.constants import Rol
from tests import factories
from tests.wereld import lid, paginawereld

pytestmark = pytest.mark.django_db

START = reverse("monitoring:start")


def jaarschijf_url(jaarschijf):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def overeenkomst_url(overeenkomst):
    return reverse("afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": overeenkomst.pk})


def kaart(html: str, kop: str) -> str:
    """The card under heading `kop` with its count, "Te bespreken (2)" ('' when there is
    none)."""
    gevonden = re.search(rf">{re.escape(kop)} \((\d+)\)</h3>(.*?)</div>", html, re.S)
    return gevonden.group(2) if gevonden else ""


def telling(html: str, kop: str) -> int | None:
    """The count in the heading of the card `kop`, None without the card."""
    gevonden = re.search(rf">{re.escape(kop)} \((\d+)\)</h3>", html)
    return int(gevonden.group(1)) if gevonden else None


def test_start_vraagt_in_te_loggen(client):
    response = client.get(START)
    assert response.status_code == 302
    assert "next=/" in response["Location"]


def test_start_toont_eigen_overeenkomsten_en_niet_die_van_anderen(client):
    opbouw = paginawereld(1)
    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(START).content.decode()
    assert overeenkomst_url(opbouw.overeenkomst) in html
    assert opbouw.overeenkomst.titel in html
    assert "2024-2028" in html
    assert "Geheime afspraken elders" not in html
    client.force_login(opbouw.buitenstaander)
    html = client.get(START).content.decode()
    assert "Geheime afspraken elders" in html
    assert opbouw.overeenkomst.titel not in html


def test_start_te_bespreken_voor_elke_partij(client):
    opbouw = paginawereld(1, status=JaarschijfStatus.TER_BESPREKING)
    for gebruiker in (
        opbouw.gemeente_gebruiker,
        opbouw.corporatie_gebruiker,
        opbouw.huurders_gebruiker,
    ):
        client.force_login(gebruiker)
        html = client.get(START).content.decode()
        assert jaarschijf_url(opbouw.jaarschijf) in kaart(html, "Te bespreken")
    client.force_login(opbouw.buitenstaander)
    assert "Te bespreken" not in client.get(START).content.decode()


def test_start_te_ondertekenen_voor_ondertekenaar_tot_getekend(client):
    opbouw = paginawereld(1, status=JaarschijfStatus.VASTGESTELD)
    ondertekenaar = lid(opbouw.corporatie, Rol.ONDERTEKENAAR)
    client.force_login(ondertekenaar)
    html = client.get(START).content.decode()
    # The card leads to the signing page (issue #10).
    ondertekenen = reverse(
        "monitoring:ondertekenen", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk}
    )
    assert ondertekenen in kaart(html, "Te ondertekenen")

    # A colleague without the role cannot sign and is not asked to.
    client.force_login(opbouw.corporatie_gebruiker)
    assert not kaart(client.get(START).content.decode(), "Te ondertekenen")

    opbouw.jaarschijf.ondertekeningen.filter(organisatie=opbouw.corporatie).update(
        ondertekend_op=datetime.datetime(2025, 12, 10, tzinfo=datetime.UTC)
    )
    # Signed past the service (no signal): the start page is renewed as the service's save would.
    generaties.vernieuwen([opbouw.overeenkomst.gemeente_id])
    client.force_login(ondertekenaar)
    assert not kaart(client.get(START).content.decode(), "Te ondertekenen")


def test_start_cijfers_aanleveren_voor_elke_open_jaarschijf(client):
    """Every open jaarschijf where the corporatie is party (#15 point 1: not only next
    year's), with whether it has delivered yet, leading to its figures grid."""
    opbouw = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    tweede = factories.OrganisatieFactory(naam="Lefier", afkorting="LF")
    factories.PartijFactory(overeenkomst=opbouw.overeenkomst, organisatie=tweede)
    raster = reverse("voorraad:cijfers-bewerken", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    client.force_login(lid(tweede))
    html = client.get(START).content.decode()
    regel = kaart(html, "Cijfers aanleveren")
    assert raster in regel and f"{jaarschijf_url(opbouw.jaarschijf)}#voorraad" in regel
    assert "nog geen cijfers" in regel
    # 2026 and the agreement's other open jaarschijf (2025), both concept.
    assert telling(html, "Cijfers aanleveren") == 2

    # Woonservice has delivered: the jaarschijf stays on its list, to update.
    client.force_login(opbouw.corporatie_gebruiker)
    regel = kaart(client.get(START).content.decode(), "Cijfers aanleveren")
    assert raster in regel and "aangeleverd, bij te werken" in regel

    # Gemeente and huurders deliver no figures.
    for gebruiker in (opbouw.gemeente_gebruiker, opbouw.huurders_gebruiker):
        client.force_login(gebruiker)
        html = client.get(START).content.decode()
        assert raster not in html and not kaart(html, "Cijfers aanleveren")

    # Once vastgesteld the figures are frozen: nothing left to deliver.
    factories.zet_status(opbouw.jaarschijf, JaarschijfStatus.VASTGESTELD)
    client.force_login(opbouw.corporatie_gebruiker)
    assert raster not in client.get(START).content.decode()


def test_start_zonder_iets_te_doen(client):
    opbouw = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    client.force_login(opbouw.huurders_gebruiker)
    assert "Er wacht nu niets op u." in client.get(START).content.decode()


def test_start_recente_activiteit_met_nederlandse_datum(client):
    opbouw = paginawereld(2, status=JaarschijfStatus.CONCEPT)
    gemeente = opbouw.gemeente_gebruiker
    gemeente.first_name, gemeente.last_name = "Anne", "de Boer"
    gemeente.save()
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    with time_machine.travel(datetime.datetime(2025, 11, 20, 14, 30, tzinfo=datetime.UTC)):
        services.afspraak_bijwerken(
            afspraak=afspraak,
            versie=afspraak.versie,
            thema=afspraak.thema,
            code="A1",
            inhoud="Gewijzigde inhoud",
            door=gemeente,
        )
        ja = Jaarafspraak.objects.get(jaarschijf=opbouw.jaarschijf, afspraak__code="B2")
        services.jaarafspraak_bijwerken(
            jaarafspraak=ja, versie=ja.versie, tekst="Nieuw", door=gemeente
        )

    client.force_login(opbouw.huurders_gebruiker)
    html = client.get(START).content.decode()
    activiteit = html.split('id="kop-activiteit"', 1)[1]
    assert "20 november 2025" in activiteit
    assert "Anne de Boer" in activiteit
    assert "Afspraak A1</a> gewijzigd" in activiteit
    assert "Afspraak B2</a> (jaarschijf 2026) gewijzigd" in activiteit
    assert "2.026" not in html

    client.force_login(opbouw.buitenstaander)
    html = client.get(START).content.decode()
    assert "Afspraak Z99</a> aangemaakt" in html  # their own agreement's history
    assert "Anne de Boer" not in html and "Afspraak A1<" not in html


def test_start_nederlandse_getallen_in_periode_en_jaar(client):
    opbouw = paginawereld(1, status=JaarschijfStatus.TER_BESPREKING)
    client.force_login(opbouw.gemeente_gebruiker)
    html = client.get(START).content.decode()
    assert "Jaarschijf 2026" in html
    assert "2.026" not in html and "2.024" not in html


def test_start_nieuwe_organisatie_zonder_overeenkomsten(client):
    client.force_login(lid(factories.OrganisatieFactory()))
    html = client.get(START).content.decode()
    assert "Uw organisatie is nog geen partij bij prestatieafspraken." in html
    assert "Nog geen wijzigingen." in html
    assert "Er wacht nu niets op u." in html


def test_start_biedt_nieuwe_overeenkomst_en_werkboek_alleen_aan_de_gemeente(client):
    opbouw = paginawereld(1)
    links = [
        reverse("afspraken:overeenkomst-aanmaken"),
        reverse("monitoring:werkboek-import"),
        reverse("monitoring:werkboek-sjabloon"),
    ]
    client.force_login(opbouw.gemeente_gebruiker)
    html = client.get(START).content.decode()
    assert all(link in html for link in links)
    for gebruiker in (opbouw.corporatie_gebruiker, opbouw.huurders_gebruiker):
        client.force_login(gebruiker)
        html = client.get(START).content.decode()
        assert not any(link in html for link in links)
