"""Import with a preview (#15.6): the upload shows per sheet what the import would add, change
and remove and writes nothing; the confirmation imports; a jaarschijf ter bespreking needs a
tick; the stored file is reachable from its own session only."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from afspraken.constants import XLSX_MEDIA_TYPE, JaarschijfStatus
from afspraken.models import Afspraak, Jaarschijf
from gemeenten.constants import Rol
from monitoring.werkboek import bewaard
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.voorbeeld import verschillen
from tests.monitoring.werkboeken import bewerk, kolom, tel_rijen, zet_cel
from tests.wereld import autorisatiewereld, lid

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("monitoring:werkboek-import")


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def scenario():
    return autorisatiewereld()


def upload(client, inhoud):
    if hasattr(inhoud, "getvalue"):
        inhoud = inhoud.getvalue()
    bestand = SimpleUploadedFile("werkboek.xlsx", inhoud, content_type=XLSX_MEDIA_TYPE)
    return client.post(IMPORT_URL, {"bestand": bestand})


def token(response) -> str:
    return response.context["form"]["voorbeeld"].value()


def gewijzigd_werkboek(jaarschijf):
    """The jaarschijf's export with its first afspraak's text changed, an afspraak added and
    its steps removed."""

    def wijzig(werkboek):
        afspraken = werkboek["afspraken"]
        zet_cel(afspraken, 2, "inhoud", "Tekst uit het werkboek")
        thema = afspraken.cell(2, kolom(afspraken, "thema")).value
        nieuw = afspraken.max_row + 1
        zet_cel(afspraken, nieuw, "code", "Z9")
        zet_cel(afspraken, nieuw, "thema", thema)
        zet_cel(afspraken, nieuw, "inhoud", "Een afspraak die er nog niet was")
        stappen = werkboek["stappen"]
        stappen.delete_rows(2, stappen.max_row)

    return bewerk(werkboek_exporteren(jaarschijf=jaarschijf), wijzig)


def test_de_upload_toont_per_tabblad_wat_er_verandert_en_schrijft_niets(client, scenario):
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    eerste = scenario.a.jaarschijf.jaarafspraken.order_by("afspraak__volgorde").first().afspraak
    voor = tel_rijen()

    response = upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))

    assert response.status_code == 200
    assert tel_rijen() == voor
    bladen = {blad.blad: blad for blad in response.context["voorbeeld"].wijzigingen}
    assert set(bladen) == {"afspraken", "stappen"}
    assert bladen["afspraken"].nieuw == ["Z9"]
    assert [(w.naam, w.kolommen) for w in bladen["afspraken"].gewijzigd] == [
        (eerste.code, ("inhoud",))
    ]
    assert bladen["stappen"].verwijderd and not bladen["stappen"].nieuw
    html = response.content.decode()
    assert "Importeren bevestigen" in html and "Er is nog niets opgeslagen." in html
    assert f"{eerste.code}: Afspraak</li>" in html  # the changed column by its Dutch header
    assert "ter bespreking" not in html  # a concept needs no tick


def test_bevestigen_importeert_en_ruimt_het_bestand_op(client, scenario, opslag):
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    voorbeeld = upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))
    assert list((opslag / bewaard.MAP).iterdir())

    response = client.post(IMPORT_URL, {"voorbeeld": token(voorbeeld)})

    assert response.status_code == 302
    assert Afspraak.objects.filter(code="Z9", overeenkomst=scenario.a.overeenkomst).exists()
    assert not list((opslag / bewaard.MAP).iterdir())
    # The same token again: it was used, nothing happens twice.
    nog_eens = client.post(IMPORT_URL, {"voorbeeld": token(voorbeeld)}, follow=True)
    assert "Dit voorbeeld is verlopen of al gebruikt" in nog_eens.content.decode()


def test_annuleren_schrijft_niets_en_verwijdert_het_bestand(client, scenario, opslag):
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    voorbeeld = upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))
    voor = tel_rijen()

    response = client.post(
        IMPORT_URL, {"voorbeeld": token(voorbeeld), "annuleren": "1"}, follow=True
    )

    assert tel_rijen() == voor
    assert "Het werkboek is niet geïmporteerd." in response.content.decode()
    assert not list((opslag / bewaard.MAP).iterdir())


def test_een_jaarschijf_ter_bespreking_wijzigt_alleen_met_een_vinkje(client, scenario):
    Jaarschijf.objects.filter(pk=scenario.a.jaarschijf.pk).update(
        status=JaarschijfStatus.TER_BESPREKING
    )
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    voorbeeld = upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))
    assert voorbeeld.context["voorbeeld"].ter_bespreking
    html = voorbeeld.content.decode()
    assert "ligt ter bespreking bij de partijen" in html
    assert 'name="ter_bespreking_akkoord"' in html
    voor = tel_rijen()

    zonder = client.post(IMPORT_URL, {"voorbeeld": token(voorbeeld)})

    assert zonder.status_code == 200
    assert tel_rijen() == voor
    assert zonder.context["form"].errors["ter_bespreking_akkoord"]

    met = client.post(IMPORT_URL, {"voorbeeld": token(zonder), "ter_bespreking_akkoord": "on"})

    assert met.status_code == 302
    assert Afspraak.objects.filter(code="Z9", overeenkomst=scenario.a.overeenkomst).exists()


def test_een_werkboek_met_fouten_toont_de_fouten_en_bewaart_niets(client, scenario, opslag):
    client.force_login(scenario.gebruiker("gemeente_medewerker"))

    def fout(werkboek):
        zet_cel(werkboek["afspraken"], 2, "trekkers", "XY")

    response = upload(client, bewerk(werkboek_exporteren(jaarschijf=scenario.a.jaarschijf), fout))

    assert [(m.blad, m.rij, m.kolom) for m in response.context["fouten"]] == [
        ("afspraken", 2, "trekkers")
    ]
    assert not (opslag / bewaard.MAP).exists() or not list((opslag / bewaard.MAP).iterdir())


def test_een_ander_kan_het_bewaarde_werkboek_niet_bevestigen(client, scenario):
    """The attacker knows the token (shoulder, log): without the uploader's session it is
    worth nothing, and no path can be named."""
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    voorbeeld = upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))
    gestolen = token(voorbeeld)
    ander = Client()
    ander.force_login(lid(scenario.a.gemeente_org, Rol.MEDEWERKER, username="ga.collega"))
    voor = tel_rijen()

    for poging in (gestolen, f"../{bewaard.MAP}/{gestolen}.xlsx", "../../db.sqlite3"):
        response = ander.post(IMPORT_URL, {"voorbeeld": poging}, follow=True)
        assert "Dit voorbeeld is verlopen of al gebruikt" in response.content.decode()
    assert tel_rijen() == voor
    # The uploader's own confirmation still works.
    assert client.post(IMPORT_URL, {"voorbeeld": gestolen}).status_code == 302


def test_een_verlopen_voorbeeld_wordt_niet_meer_geimporteerd(client, scenario, monkeypatch):
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    voorbeeld = upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))
    monkeypatch.setattr(bewaard, "GELDIG", -1)
    voor = tel_rijen()

    response = client.post(IMPORT_URL, {"voorbeeld": token(voorbeeld)}, follow=True)

    assert "Dit voorbeeld is verlopen of al gebruikt" in response.content.decode()
    assert tel_rijen() == voor


def test_verlopen_bestanden_worden_opgeruimd(client, scenario, monkeypatch):
    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))
    client.logout()  # nobody confirms or cancels
    (achtergelaten,) = default_storage.listdir(bewaard.MAP)[1]
    monkeypatch.setattr(bewaard, "GELDIG", -1)

    client.force_login(scenario.gebruiker("gemeente_medewerker"))
    upload(client, gewijzigd_werkboek(scenario.a.jaarschijf))

    assert achtergelaten not in default_storage.listdir(bewaard.MAP)[1]


def test_verschillen_per_sleutel():
    voor = {
        "jaarschijf": [("titel", "Oud"), ("jaar", 2026)],
        "stappen": [("A1", "WS", "een"), ("A1", "WS", "twee"), ("A2", "LF", "drie")],
    }
    na = {
        "jaarschijf": [("titel", "Nieuw"), ("jaar", 2026)],
        "stappen": [("A1", "WS", "een"), ("A1", "WS", "anders"), ("A3", "LF", "vier")],
    }

    bladen = {blad.blad: blad for blad in verschillen(voor, na)}

    assert [(w.naam, w.kolommen) for w in bladen["jaarschijf"].gewijzigd] == [("Nieuw", ("titel",))]
    stappen = bladen["stappen"]
    assert [(w.naam, w.kolommen) for w in stappen.gewijzigd] == [("A1 · WS", ("tekst",))]
    assert (stappen.nieuw, stappen.verwijderd) == (["A3 · LF"], ["A2 · LF"])
    assert bladen["afspraken"].leeg


def test_lange_lijsten_worden_geteld_niet_allemaal_getoond():
    na = {"afspraken": [(f"A{i}",) for i in range(60)]}

    afspraken = next(b for b in verschillen({}, na) if b.blad == "afspraken")

    getoond, meer = afspraken.getoond()["nieuw"]
    assert (len(getoond), meer) == (50, 10)
