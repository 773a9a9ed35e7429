"""Plan and progress apart (issue #15, point 3; #11, point 2): the year's plan
(Jaarafspraak.tekst) is agreed content, written by who edits the content and frozen with the
jaarschijf; progress is a status with its explanation, who and when, written only onto the
timeline (Voortgangsmelding). No form or service writes a status beside it, and no progress
report replaces the plan."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from afspraken import services as afspraken_services
from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Jaarafspraak
from monitoring.models_voortgang import Voortgangsmelding
from monitoring.voortgang import voortgang_melden, voortgang_vastleggen
from tests import factories
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def _rij_url(ja) -> str:
    return reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": ja.pk})


def _vers(ja) -> Jaarafspraak:
    return Jaarafspraak.objects.select_related("jaarschijf", "afspraak").get(pk=ja.pk)


def test_a_corporatie_progress_report_never_changes_the_plan(client):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]  # C1 leads it
    plan = ja.tekst
    trekker = sc.gebruiker("corporatie_medewerker")
    client.force_login(trekker)

    # From the jaarschijf page's row form, with a plan text slipped into the POST.
    response = client.post(
        _rij_url(ja),
        {
            "versie": ja.versie,
            "status": Voortgang.AANDACHT,
            "toelichting": "Vergunning <b>vertraagd</b>",
            "tekst": "Het plan volgens de corporatie",
        },
    )
    assert response.status_code == 302
    # From monitoring's own page.
    ja = _vers(ja)
    enkel = reverse("monitoring:voortgang-afspraak", kwargs={"jaarafspraak_pk": ja.pk})
    data = {"status": Voortgang.OP_KOERS, "toelichting": "Weer op schema", "versie": ja.versie}
    assert client.post(enkel, {**data, "tekst": "Nog een poging"}).status_code == 302

    ja = _vers(ja)
    assert ja.tekst == plan
    assert ja.status == Voortgang.OP_KOERS
    # The service for the plan refuses the trekker outright.
    with pytest.raises(PermissionDenied):
        afspraken_services.jaarafspraak_bijwerken(
            jaarafspraak=ja, versie=ja.versie, tekst="Via de service", door=trekker
        )
    assert _vers(ja).tekst == plan


def test_the_timeline_holds_every_change_with_who_and_when(client):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    trekker = sc.gebruiker("corporatie_medewerker")
    gemeente = sc.gebruiker("gemeente_medewerker")
    client.force_login(trekker)
    client.post(
        _rij_url(ja), {"versie": ja.versie, "status": Voortgang.AANDACHT, "toelichting": "Traag"}
    )
    ja = _vers(ja)
    voortgang_melden(
        jaarafspraak=ja, versie=ja.versie, status=Voortgang.GEREALISEERD, door=gemeente
    )
    meldingen = list(Voortgangsmelding.objects.filter(jaarafspraak=ja).order_by("op", "pk"))
    assert [(m.status, m.toelichting, m.door, m.organisatie) for m in meldingen] == [
        (Voortgang.AANDACHT, "Traag", trekker, sc.c1),
        (Voortgang.GEREALISEERD, "", gemeente, sc.a.gemeente_org),
    ]
    assert all(m.op is not None for m in meldingen)
    assert _vers(ja).status == Voortgang.GEREALISEERD


def test_the_old_form_no_longer_writes_status(client):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    formulier = client.get(_rij_url(ja)).content.decode()
    assert 'name="tekst"' in formulier and 'name="status"' not in formulier
    data = {
        "code": ja.afspraak.code,
        "inhoud": ja.afspraak.inhoud,
        "periode": ja.afspraak.periode,
        "trekkers": [t.pk for t in ja.afspraak.trekkers.all()],
        "tekst": "Nieuw plan voor het jaar",
        "status": Voortgang.VERVALLEN,
        "versie": ja.versie,
        "afspraak_versie": ja.afspraak.versie,
    }
    assert client.post(_rij_url(ja), data).status_code == 302
    ja = _vers(ja)
    assert ja.tekst == "Nieuw plan voor het jaar"
    assert ja.status != Voortgang.VERVALLEN
    assert not Voortgangsmelding.objects.filter(jaarafspraak=ja).exists()


def test_the_plan_is_frozen_progress_is_not(client):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    plan = ja.tekst
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.VASTGESTELD)
    gemeente = sc.gebruiker("gemeente_medewerker")
    ja = _vers(ja)
    with pytest.raises(ValidationError):
        afspraken_services.jaarafspraak_bijwerken(
            jaarafspraak=ja, versie=ja.versie, tekst="Na vaststelling", door=gemeente
        )
    # The gemeente's row form on a frozen jaarschijf is a progress report only.
    client.force_login(gemeente)
    formulier = client.get(_rij_url(ja)).content.decode()
    assert 'name="tekst"' not in formulier and 'name="toelichting"' in formulier
    response = client.post(
        _rij_url(ja),
        {
            "versie": ja.versie,
            "status": Voortgang.OP_KOERS,
            "toelichting": "Ruimte om te verklaren",
            "tekst": "Na vaststelling",
        },
    )
    assert response.status_code == 302
    ja = _vers(ja)
    assert (ja.tekst, ja.status) == (plan, Voortgang.OP_KOERS)
    assert Voortgangsmelding.objects.get(jaarafspraak=ja).toelichting == "Ruimte om te verklaren"


def test_the_workbook_service_records_a_changed_status_once():
    sc = autorisatiewereld()
    ja = _vers(sc.a.jaarafspraken[0])
    gemeente = sc.gebruiker("gemeente_medewerker")
    eerste = voortgang_vastleggen(jaarafspraak=ja, status=Voortgang.OP_KOERS, door=gemeente)
    assert eerste is not None and eerste.door == gemeente
    # The same status again (a second import of the same workbook): no new entry.
    ja = _vers(ja)
    assert voortgang_vastleggen(jaarafspraak=ja, status=Voortgang.OP_KOERS, door=gemeente) is None
    assert Voortgangsmelding.objects.filter(jaarafspraak=ja).count() == 1
    with pytest.raises(PermissionDenied):
        voortgang_vastleggen(
            jaarafspraak=ja, status=Voortgang.VERVALLEN, door=sc.gebruiker("huurders_medewerker")
        )


def test_the_workbook_service_never_saves_an_older_plan_back():
    sc = autorisatiewereld()
    gemeente = sc.gebruiker("gemeente_medewerker")
    oud = _vers(sc.a.jaarafspraken[0])  # read before the import writes the plan
    nieuw = _vers(oud)
    afspraken_services.jaarafspraak_bijwerken(
        jaarafspraak=nieuw, versie=nieuw.versie, tekst="Plan uit het werkboek", door=gemeente
    )
    assert voortgang_vastleggen(jaarafspraak=oud, status=Voortgang.AANDACHT, door=gemeente)
    ja = _vers(oud)
    assert (ja.tekst, ja.status) == ("Plan uit het werkboek", Voortgang.AANDACHT)
    assert ja.history.filter(status=Voortgang.AANDACHT).exists()
