"""The lifecycle of a jaarschijf through its pages: concept -> ter bespreking ->
vastgesteld, each step only by the gemeente and recorded; vastgesteld freezes content for
every edit page; back to concept until the first signature; next year's copy."""

import datetime

import pytest
from django.urls import reverse

from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Jaarafspraak, Jaarschijf, JaarschijfStatuswijziging, Stap
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db


def overgang(naam, jaarschijf):
    return reverse(f"afspraken:jaarschijf-{naam}", kwargs={"jaarschijf_pk": jaarschijf.pk})


def detail(jaarschijf):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


@pytest.fixture
def opbouw():
    return paginawereld(4, status=JaarschijfStatus.CONCEPT)


def test_levenscyclus_via_de_paginas_wordt_vastgelegd(gemeente, opbouw):
    js = opbouw.jaarschijf
    assert "Ter bespreking voorleggen" in gemeente.get(detail(js)).content.decode()
    pagina = gemeente.get(overgang("ter-bespreking", js)).content.decode()
    assert "Jaarschijf ter bespreking voorleggen?" in pagina

    response = gemeente.post(overgang("ter-bespreking", js))
    assert response.status_code == 302
    assert response["Location"] == detail(js)
    html = gemeente.get(response["Location"]).content.decode()
    assert "De jaarschijf ligt ter bespreking." in html
    assert "Ter bespreking" in html

    gemeente.post(overgang("vaststellen", js))
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.VASTGESTELD
    stappen = list(JaarschijfStatuswijziging.objects.filter(jaarschijf=js).order_by("op", "id"))
    assert [(s.van, s.naar) for s in stappen] == [
        (JaarschijfStatus.CONCEPT, JaarschijfStatus.TER_BESPREKING),
        (JaarschijfStatus.TER_BESPREKING, JaarschijfStatus.VASTGESTELD),
    ]
    assert all(s.door == opbouw.gemeente_gebruiker and s.op for s in stappen)


def test_overgang_overslaan_geeft_nederlandse_melding(gemeente, opbouw):
    response = gemeente.post(overgang("vaststellen", opbouw.jaarschijf))
    assert response.status_code == 200
    assert "Een jaarschijf met status Concept kan niet naar Vastgesteld." in (
        response.content.decode()
    )
    opbouw.jaarschijf.refresh_from_db()
    assert opbouw.jaarschijf.status == JaarschijfStatus.CONCEPT


@pytest.mark.parametrize("gebruiker", ["corporatie_gebruiker", "huurders_gebruiker"])
@pytest.mark.parametrize(
    "naam", ["ter-bespreking", "vaststellen", "terug-naar-concept", "volgend-jaar"]
)
def test_overgang_alleen_door_gemeente(client, opbouw, gebruiker, naam):
    client.force_login(getattr(opbouw, gebruiker))
    assert client.get(overgang(naam, opbouw.jaarschijf)).status_code == 403
    assert client.post(overgang(naam, opbouw.jaarschijf)).status_code == 403
    assert not JaarschijfStatuswijziging.objects.exists()
    assert not Jaarschijf.objects.filter(jaar=2027).exists()


def test_partners_zien_geen_overgangsknoppen(client, opbouw):
    client.force_login(opbouw.corporatie_gebruiker)
    html = client.get(detail(opbouw.jaarschijf)).content.decode()
    assert "Ter bespreking voorleggen" not in html
    assert "Volgend jaar voorbereiden" not in html


@pytest.fixture
def vastgesteld(gemeente, opbouw):
    gemeente.post(overgang("ter-bespreking", opbouw.jaarschijf))
    gemeente.post(overgang("vaststellen", opbouw.jaarschijf))
    opbouw.jaarschijf.refresh_from_db()
    assert opbouw.jaarschijf.status == JaarschijfStatus.VASTGESTELD
    return opbouw.jaarschijf


def bevroren_paginas(jaarschijf):
    ja = Jaarafspraak.objects.filter(jaarschijf=jaarschijf).first()
    stap = Stap.objects.filter(jaarafspraak=ja).first()
    return [
        reverse("afspraken:jaarschijf-bewerken", kwargs={"jaarschijf_pk": jaarschijf.pk}),
        reverse("afspraken:jaarschijf-afspraak-aanmaken", kwargs={"jaarschijf_pk": jaarschijf.pk}),
        reverse("afspraken:stap-toevoegen", kwargs={"jaarafspraak_pk": ja.pk}),
        reverse("afspraken:stap-bewerken", kwargs={"stap_pk": stap.pk}),
        reverse("afspraken:stap-verwijderen", kwargs={"stap_pk": stap.pk}),
    ]


def test_vastgesteld_bevriest_inhoud_op_elke_bewerkpagina(gemeente, vastgesteld):
    for url in bevroren_paginas(vastgesteld):
        response = gemeente.get(url)
        assert response.status_code == 403, url
        assert "de inhoud kan niet meer worden gewijzigd" in response.content.decode(), url
        assert gemeente.post(url, {"tekst": "x", "titel": "x"}).status_code == 403, url
    assert not Stap.objects.filter(tekst="x").exists()
    vastgesteld.refresh_from_db()
    assert vastgesteld.titel != "x"
    html = gemeente.get(detail(vastgesteld)).content.decode()
    assert "Jaarschijf bewerken" not in html and "Stap toevoegen" not in html


def test_vastgesteld_regel_alleen_nog_voortgang(gemeente, vastgesteld):
    ja = Jaarafspraak.objects.filter(jaarschijf=vastgesteld).first()
    url = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": ja.pk})
    html = gemeente.get(url).content.decode()
    assert "De jaarschijf is vastgesteld; alleen de voortgang kan nog veranderen." in html
    assert 'name="code"' not in html
    response = gemeente.post(
        url, {"tekst": "Stiekem anders", "status": Voortgang.GEREALISEERD, "versie": ja.versie}
    )
    assert response.status_code == 302
    ja.refresh_from_db()
    assert ja.status == Voortgang.GEREALISEERD
    assert ja.tekst != "Stiekem anders"


def test_terug_naar_concept_tot_eerste_handtekening(gemeente, vastgesteld):
    assert "Terug naar concept" in gemeente.get(detail(vastgesteld)).content.decode()
    assert gemeente.post(overgang("terug-naar-concept", vastgesteld)).status_code == 302
    vastgesteld.refresh_from_db()
    assert vastgesteld.status == JaarschijfStatus.CONCEPT
    url = bevroren_paginas(vastgesteld)[0]
    assert gemeente.get(url).status_code == 200

    gemeente.post(overgang("ter-bespreking", vastgesteld))
    gemeente.post(overgang("vaststellen", vastgesteld))
    ondertekening = vastgesteld.ondertekeningen.first()
    ondertekening.ondertekend_op = datetime.datetime(2025, 12, 10, 12, tzinfo=datetime.UTC)
    ondertekening.save()
    # After a signature the button is gone, and the URL still refuses in Dutch.
    assert "Terug naar concept" not in gemeente.get(detail(vastgesteld)).content.decode()
    response = gemeente.post(overgang("terug-naar-concept", vastgesteld))
    assert response.status_code == 200
    assert "Er is al ondertekend" in response.content.decode()
    vastgesteld.refresh_from_db()
    assert vastgesteld.status == JaarschijfStatus.VASTGESTELD


def test_volgend_jaar_voorbereiden_kopieert_en_weigert_tweede_keer(gemeente, opbouw):
    js = opbouw.jaarschijf
    ja = Jaarafspraak.objects.filter(jaarschijf=js).order_by("afspraak__code").first()
    afgerond = Stap.objects.create(
        jaarafspraak=ja, organisatie=opbouw.corporatie, tekst="Al gedaan", afgerond=True
    )
    klaar = Jaarafspraak.objects.filter(jaarschijf=js).order_by("afspraak__code").last()
    klaar.status = Voortgang.GEREALISEERD
    klaar.save()

    url = overgang("volgend-jaar", js)
    pagina = gemeente.get(url).content.decode()
    assert "Volgend jaar voorbereiden?" in pagina
    assert f'href="{detail(js)}"' in pagina  # Annuleren goes back to this year

    response = gemeente.post(url)
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert response.status_code == 302
    assert response["Location"] == detail(nieuw)
    assert nieuw.status == JaarschijfStatus.CONCEPT
    kopieen = {k.afspraak_id: k for k in nieuw.jaarafspraken.all()}
    assert ja.afspraak_id in kopieen and klaar.afspraak_id not in kopieen
    assert kopieen[ja.afspraak_id].tekst == ja.tekst
    teksten = set(
        Stap.objects.filter(jaarafspraak__jaarschijf=nieuw).values_list("tekst", flat=True)
    )
    assert afgerond.tekst not in teksten
    assert f"Huurders doen mee aan {0}" in teksten
    html = gemeente.get(response["Location"]).content.decode()
    assert "De jaarschijf voor het volgende jaar is aangemaakt." in html

    # This year's page now links to next year instead of offering to prepare it again.
    html = gemeente.get(detail(js)).content.decode()
    assert f'href="{url}"' not in html
    assert f'href="{detail(nieuw)}"' in html
    tweede = gemeente.post(url)
    assert tweede.status_code == 200
    assert "Er is al een jaarschijf 2027 voor deze overeenkomst." in tweede.content.decode()
    assert Jaarschijf.objects.filter(overeenkomst=opbouw.overeenkomst, jaar=2027).count() == 1


def test_geweigerd_zonder_bevriezing_zegt_geen_toegang(client, opbouw):
    client.force_login(opbouw.corporatie_gebruiker)
    url = reverse("afspraken:jaarschijf-bewerken", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    response = client.get(url)
    assert response.status_code == 403
    assert "U mag dit niet wijzigen." in response.content.decode()
