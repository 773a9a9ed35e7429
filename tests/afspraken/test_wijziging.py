"""A wijziging of a signed jaarschijf (issue #10, point 5) through its page and service: the
gemeente gives a reason, the signed version is kept (number, reason, who, signed date, a copy
of the document) and the jaarschijf becomes a concept for the next version. Refused without
a reason, before signing, and for the other parties; a paper-signed document may change too,
its version then has no PDF."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from afspraken import services
from afspraken.bevriezing import Bevroren
from afspraken.constants import JaarschijfStatus
from afspraken.models import (
    Jaarafspraak,
    Jaarschijf,
    JaarschijfStatuswijziging,
    JaarschijfVersie,
    Ondertekening,
)
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db
REDEN = "Afspraak over de huurverlaging is na overleg aangepast."


@pytest.fixture
def opbouw():
    wereld = paginawereld(3, status=JaarschijfStatus.CONCEPT)
    Ondertekening.objects.filter(jaarschijf=wereld.jaarschijf).update(
        ondertekend_op=timezone.now(), ondertekend_door=None
    )
    Jaarschijf.objects.filter(pk=wereld.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    wereld.jaarschijf.refresh_from_db()
    services.jaarschijf_ondertekend_verklaren(
        jaarschijf=wereld.jaarschijf, door=wereld.gemeente_gebruiker
    )
    return wereld


def url(jaarschijf):
    return reverse(
        "afspraken:jaarschijf-wijziging-starten", kwargs={"jaarschijf_pk": jaarschijf.pk}
    )


def pagina(jaarschijf):
    return reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": jaarschijf.pk})


def test_the_gemeente_starts_a_wijziging_with_a_reason(gemeente, opbouw):
    js = opbouw.jaarschijf
    html = gemeente.get(pagina(js)).content.decode()
    assert url(js) in html and "Wijziging starten" in html
    formulier = gemeente.get(url(js)).content.decode()
    assert "Reden van de wijziging" in formulier

    response = gemeente.post(url(js), {"reden": REDEN})
    assert response.status_code == 302 and response["Location"] == pagina(js)
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.CONCEPT
    versie = JaarschijfVersie.objects.get(jaarschijf=js)
    assert (versie.volgnummer, versie.reden) == (1, REDEN)
    assert versie.gestart_door == opbouw.gemeente_gebruiker
    assert versie.ondertekend_op == timezone.localdate()
    assert not js.ondertekeningen.filter(ondertekend_op__isnull=False).exists()
    wijziging = JaarschijfStatuswijziging.objects.filter(jaarschijf=js).last()
    assert (wijziging.van, wijziging.naar) == ("ondertekend", "concept")

    html = gemeente.get(pagina(js)).content.decode()
    assert "De wijziging is gestart" in html
    assert "Versie 2" in html and "Versie 1" in html and REDEN in html
    # Editable again: the content's own edit link is back.
    assert reverse("afspraken:jaarschijf-bewerken", kwargs={"jaarschijf_pk": js.pk}) in html


def test_without_a_reason_the_form_says_so_and_nothing_changes(gemeente, opbouw):
    js = opbouw.jaarschijf
    for data in ({}, {"reden": "   "}):
        response = gemeente.post(url(js), data)
        assert response.status_code == 200
        assert "Geef de reden van de wijziging." in response.content.decode()
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.ONDERTEKEND
    assert not JaarschijfVersie.objects.exists()


def test_only_a_signed_jaarschijf_gets_a_wijziging(client):
    gemeente = client
    wereld = paginawereld(1, status=JaarschijfStatus.VASTGESTELD)
    gemeente.force_login(wereld.gemeente_gebruiker)
    js = wereld.jaarschijf
    assert url(js) not in gemeente.get(pagina(js)).content.decode()
    response = gemeente.post(url(js), {"reden": REDEN})
    assert response.status_code == 200
    assert "kan niet naar een wijziging" in response.content.decode()
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.VASTGESTELD


@pytest.mark.parametrize("wie", ["corporatie_gebruiker", "huurders_gebruiker", "buitenstaander"])
def test_other_parties_cannot_start_one(client, opbouw, wie):
    js = opbouw.jaarschijf
    client.force_login(getattr(opbouw, wie))
    if wie != "buitenstaander":
        assert url(js) not in client.get(pagina(js)).content.decode()
    assert client.post(url(js), {"reden": REDEN}).status_code == 403
    # Bevroren for a party that reads it, Geweigerd for a stranger.
    with pytest.raises((ValidationError, PermissionDenied)):
        services.wijziging_starten(jaarschijf=js, reden=REDEN, door=getattr(opbouw, wie))
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.ONDERTEKEND


def test_the_version_keeps_the_document_as_signed(opbouw):
    js = opbouw.jaarschijf
    ja = Jaarafspraak.objects.filter(jaarschijf=js).order_by("pk").first()
    oud = ja.tekst
    versie = services.wijziging_starten(jaarschijf=js, reden=REDEN, door=opbouw.gemeente_gebruiker)
    ja.refresh_from_db()
    services.jaarafspraak_bijwerken(
        jaarafspraak=ja, versie=ja.versie, tekst="Nieuw plan", door=opbouw.gemeente_gebruiker
    )
    versie.refresh_from_db()
    kopie = versie.inhoud
    assert kopie["jaarafspraken"][str(ja.pk)]["tekst"] == oud
    assert kopie["jaarafspraken"][str(ja.pk)]["stappen"]
    assert kopie["vastgelegde_inhoud"]["afspraken"][str(ja.pk)]["inhoud"] == ja.afspraak.inhoud
    assert kopie["jaarschijf"]["inleiding"] == "Inleiding van de jaarschijf."
    assert {r["naam"] for r in kopie["ondertekeningen"]} == {
        f"Ondertekenaar {o.afkorting}"
        for o in (opbouw.gemeente, opbouw.corporatie, opbouw.huurders)
    }


def test_the_next_wijziging_closes_the_next_version(opbouw):
    js = opbouw.jaarschijf
    door = opbouw.gemeente_gebruiker
    services.wijziging_starten(jaarschijf=js, reden="Eerste", door=door)
    services.jaarschijf_ter_bespreking(jaarschijf=js, door=door)
    services.jaarschijf_vaststellen(jaarschijf=js, door=door)
    Ondertekening.objects.filter(jaarschijf=js).update(ondertekend_op=timezone.now())
    services.jaarschijf_ondertekend_verklaren(jaarschijf=js, door=door)
    services.wijziging_starten(jaarschijf=js, reden="Tweede", door=door)
    assert list(js.versies.values_list("volgnummer", "reden")) == [(1, "Eerste"), (2, "Tweede")]


def test_a_paper_signed_document_may_change_and_its_version_has_no_pdf(gemeente, opbouw):
    js = opbouw.jaarschijf
    Jaarschijf.objects.filter(pk=js.pk).update(ondertekend_buiten_driehoek=True)
    js.refresh_from_db()
    versie = services.wijziging_starten(jaarschijf=js, reden=REDEN, door=opbouw.gemeente_gebruiker)
    assert versie.ondertekend_buiten_driehoek
    assert (versie.ondertekend_op, versie.plaats) == (datetime.date(2025, 12, 10), "Exloo")
    js.refresh_from_db()
    assert not js.ondertekend_buiten_driehoek and js.status == JaarschijfStatus.CONCEPT
    html = gemeente.get(pagina(js)).content.decode()
    assert "ondertekend buiten Driehoek op 10 december 2025 te Exloo" in html
    assert "Driehoek heeft van deze versie geen PDF" in html
    assert "Ondertekenaar WS" in html


def test_the_freeze_still_refuses_a_signed_jaarschijf_reopened_by_hand(opbouw):
    js = Jaarschijf.objects.get(pk=opbouw.jaarschijf.pk)
    js.status = JaarschijfStatus.CONCEPT
    with pytest.raises(Bevroren):
        js.save()
    # Even the wijziging's own opening lets no content through.
    js.wijziging_gestart = True
    js.titel = "Anders"
    with pytest.raises(Bevroren):
        js.save()


def test_the_admin_shows_the_kept_version_read_only(admin_client, opbouw):
    js = opbouw.jaarschijf
    services.wijziging_starten(jaarschijf=js, reden=REDEN, door=opbouw.gemeente_gebruiker)
    html = admin_client.get(reverse("admin:afspraken_jaarschijf_change", args=[js.pk]))
    html = html.content.decode()
    assert REDEN in html and "Inleiding van de jaarschijf." in html
    assert 'name="versies-0-reden"' not in html
