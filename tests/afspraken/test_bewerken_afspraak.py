"""Editing afspraken through their pages: add, edit, move between themes, sub-afspraken,
Dutch messages that keep what was typed, and optimistic locking on `versie`."""

import pytest
from django.urls import reverse

from afspraken.constants import Soort
from afspraken.models import Afspraak, Jaarafspraak
from tests.wereld import HTMX

pytestmark = pytest.mark.django_db


def thema(opbouw, letter):
    return opbouw.overeenkomst.themas.get(letter=letter)


def formdata(opbouw, **extra):
    data = {
        "thema": thema(opbouw, "A").pk,
        "code": "A20",
        "soort": Soort.PRESTATIEAFSPRAAK,
        "inhoud": "Wij bouwen 40 levensloopbestendige woningen.",
        "resultaat": "",
        "periode": "2026-2027",
        "doel": "40 woningen",
        "trekkers": [opbouw.corporatie.pk],
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def bewerkdata(afspraak, **extra):
    data = {
        "thema": afspraak.thema_id,
        "code": afspraak.code,
        "parent": afspraak.parent_id or "",
        "soort": afspraak.soort,
        "inhoud": afspraak.inhoud,
        "resultaat": afspraak.resultaat,
        "periode": afspraak.periode,
        "doel": afspraak.doel,
        "trekkers": [t.pk for t in afspraak.trekkers.all()],
        "versie": afspraak.versie,
    }
    data.update(extra)
    return data


def test_afspraak_toevoegen_aan_overeenkomst(gemeente, opbouw):
    url = reverse("afspraken:afspraak-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    assert gemeente.get(url).status_code == 200
    response = gemeente.post(url, formdata(opbouw))
    assert response.status_code == 302
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A20")
    assert list(afspraak.trekkers.all()) == [opbouw.corporatie]
    assert afspraak.doel == "40 woningen"
    assert not afspraak.jaarafspraken.exists()


def test_afspraak_toevoegen_vanuit_jaarschijf_neemt_haar_op_in_dat_jaar(gemeente, opbouw):
    url = reverse(
        "afspraken:jaarschijf-afspraak-aanmaken", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk}
    )
    assert 'name="tekst"' in gemeente.get(url).content.decode()
    response = gemeente.post(url, formdata(opbouw, tekst="In 2026 de eerste 20."))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/jaarschijven/{opbouw.jaarschijf.pk}/")
    jaarafspraak = Jaarafspraak.objects.get(jaarschijf=opbouw.jaarschijf, afspraak__code="A20")
    assert jaarafspraak.tekst == "In 2026 de eerste 20."
    html = gemeente.get(response["Location"]).content.decode()
    assert "In 2026 de eerste 20." in html


def test_afspraak_dubbel_nummer_houdt_invoer(gemeente, opbouw):
    url = reverse("afspraken:afspraak-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    response = gemeente.post(
        url, formdata(opbouw, code="A1", inhoud="Mijn zorgvuldig getypte tekst")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nummer A1 bestaat al in deze overeenkomst." in html
    assert "Mijn zorgvuldig getypte tekst" in html
    assert Afspraak.objects.filter(overeenkomst=opbouw.overeenkomst).count() == 4


def test_afspraak_zonder_inhoud_nederlandse_melding(gemeente, opbouw):
    url = reverse("afspraken:afspraak-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    response = gemeente.post(url, formdata(opbouw, inhoud="", code="Z1"))
    html = response.content.decode()
    assert "Dit veld is verplicht." in html
    assert 'value="Z1"' in html


def test_afspraak_bewerken_en_verplaatsen_met_subafspraken(gemeente, opbouw):
    hoofd = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    sub = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="B4")
    assert sub.parent_id == hoofd.pk
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": hoofd.pk})
    assert f'value="{hoofd.versie}"' in gemeente.get(url).content.decode()

    response = gemeente.post(
        url, bewerkdata(hoofd, thema=thema(opbouw, "B").pk, inhoud="Nieuwe inhoud")
    )
    assert response.status_code == 302
    hoofd.refresh_from_db()
    sub.refresh_from_db()
    assert hoofd.inhoud == "Nieuwe inhoud"
    assert hoofd.versie == 2
    assert hoofd.thema.letter == "B"
    assert sub.thema.letter == "B"  # sub-afspraken move along


def test_afspraak_subafspraak_maken(gemeente, opbouw):
    hoofd = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    url = reverse("afspraken:afspraak-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    gemeente.post(url, formdata(opbouw, code="A1a", parent=hoofd.pk))
    assert Afspraak.objects.get(code="A1a").parent == hoofd


def test_afspraak_niet_onder_eigen_subafspraak(gemeente, opbouw):
    hoofd = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    sub = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="B4")
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": hoofd.pk})
    response = gemeente.post(url, bewerkdata(hoofd, parent=sub.pk))
    # Its own sub-afspraak is no choice in the form at all.
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    hoofd.refresh_from_db()
    assert hoofd.parent_id is None


def test_afspraak_versieconflict_houdt_getypte_tekst(gemeente, opbouw):
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A3")
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": afspraak.pk})
    verouderd = bewerkdata(afspraak, inhoud="Mijn versie van de tekst")
    # Someone else saves first.
    gemeente.post(url, bewerkdata(afspraak, inhoud="Versie van de collega"))

    response = gemeente.post(url, verouderd)
    assert response.status_code == 200
    html = response.content.decode()
    assert "heeft dit intussen gewijzigd" in html
    # The message shows the colleague's version; the form keeps what this editor typed.
    assert "Nu opgeslagen: inhoud: Versie van de collega." in html
    assert "Mijn versie van de tekst" in html
    afspraak.refresh_from_db()
    assert afspraak.inhoud == "Versie van de collega"


def test_afspraak_bewerken_htmx_partial(gemeente, opbouw):
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": afspraak.pk})
    html = gemeente.get(url, **HTMX).content.decode()
    assert "<html" not in html
    assert 'name="inhoud"' in html
    response = gemeente.post(url, bewerkdata(afspraak, doel="90%"), **HTMX)
    assert response["HX-Redirect"].endswith(f"/overeenkomsten/{opbouw.overeenkomst.pk}/")


def test_afspraak_bewerken_terug_naar_jaarschijf(gemeente, opbouw):
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="A1")
    terug = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": afspraak.pk})
    response = gemeente.post(f"{url}?terug={terug}", bewerkdata(afspraak))
    assert response["Location"] == terug
    # Never to another site.
    response = gemeente.post(
        f"{url}?terug=https://elders.example/", bewerkdata(afspraak, versie=afspraak.versie + 1)
    )
    assert "elders.example" not in response["Location"]


def test_afspraak_trekker_moet_partij_zijn(gemeente, opbouw):
    url = reverse("afspraken:afspraak-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})
    vreemd = opbouw.buitenstaander.lidmaatschappen.get().organisatie
    response = gemeente.post(url, formdata(opbouw, trekkers=[vreemd.pk]))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.parametrize("gebruiker", ["corporatie_gebruiker", "huurders_gebruiker"])
def test_afspraak_bewerken_alleen_gemeente(client, opbouw, gebruiker):
    afspraak = Afspraak.objects.get(overeenkomst=opbouw.overeenkomst, code="B2")
    client.force_login(getattr(opbouw, gebruiker))
    url = reverse("afspraken:afspraak-bewerken", kwargs={"afspraak_pk": afspraak.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, bewerkdata(afspraak, inhoud="x")).status_code == 403
    afspraak.refresh_from_db()
    assert afspraak.inhoud != "x"
