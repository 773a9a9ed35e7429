"""The Django admin writes through afspraken.services.beheer: its saves pass the write
boundary, raise `versie` and name the superuser in the history."""

import pytest
from django.urls import reverse

from afspraken.bevriezing import Bevroren
from afspraken.models import Afspraak, Thema
from afspraken.services import beheer_opslaan, beheer_verwijderen
from afspraken.services.grens import Geweigerd
from gemeenten.models import Gemeente
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_admin_save_raises_the_version_so_a_stale_web_form_conflicts(admin_client, admin_user):
    thema = factories.ThemaFactory(naam="Wonen")
    url = reverse("admin:afspraken_thema_change", args=[thema.pk])
    response = admin_client.post(
        url,
        {
            "overeenkomst": thema.overeenkomst_id,
            "naam": "Wonen en zorg",
            "letter": "",
            "volgorde": 0,
            "toelichting": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    thema = Thema.objects.get(pk=thema.pk)
    assert (thema.naam, thema.versie) == ("Wonen en zorg", 2)
    assert thema.history.first().history_user == admin_user


def test_beheer_services_refuse_everyone_but_a_superuser():
    afspraak = factories.AfspraakFactory()
    medewerker = factories.GebruikerFactory(is_staff=True)
    with pytest.raises(Geweigerd):
        beheer_opslaan(obj=afspraak, door=medewerker)
    with pytest.raises(Geweigerd):
        beheer_verwijderen(obj=afspraak, door=medewerker)
    assert Afspraak.objects.filter(pk=afspraak.pk).exists()


def test_beheer_services_refuse_a_frozen_jaarschijf(admin_user):
    stap = factories.StapFactory()
    factories.zet_status(stap.jaarafspraak.jaarschijf, "vastgesteld")
    stap.tekst = "Stiekem anders"
    with pytest.raises(Bevroren):
        beheer_opslaan(obj=stap, door=admin_user)
    with pytest.raises(Bevroren):
        beheer_verwijderen(obj=stap, door=admin_user)


def test_a_stale_admin_form_is_refused_with_the_other_persons_values(admin_client):
    thema = factories.ThemaFactory(naam="Wonen")
    url = reverse("admin:afspraken_thema_change", args=[thema.pk])
    data = {
        "overeenkomst": thema.overeenkomst_id,
        "naam": "Mijn naam",
        "letter": "",
        "volgorde": 0,
        "toelichting": "",
        "versie_bij_openen": thema.versie,
    }
    # Someone saves in between.
    Thema.objects.filter(pk=thema.pk).update(naam="Naam van de collega", versie=2)

    response = admin_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "heeft dit intussen gewijzigd" in html
    assert "Naam van de collega" in html
    assert Thema.objects.get(pk=thema.pk).naam == "Naam van de collega"


def test_the_ground_floors_admin_is_version_checked_too(admin_client):
    gemeente = factories.GemeenteFactory(naam="Aadorp")
    url = reverse("admin:gemeenten_gemeente_change", args=[gemeente.pk])
    Gemeente.objects.filter(pk=gemeente.pk).update(naam="Beekdorp", versie=2)

    response = admin_client.post(url, {"naam": "Mijn naam", "cbs_code": "", "versie_bij_openen": 1})
    assert "heeft dit intussen gewijzigd" in response.content.decode()
    assert Gemeente.objects.get(pk=gemeente.pk).naam == "Beekdorp"
    response = admin_client.post(url, {"naam": "Mijn naam", "cbs_code": "", "versie_bij_openen": 2})
    assert response.status_code == 302
    assert Gemeente.objects.get(pk=gemeente.pk).versie == 3
