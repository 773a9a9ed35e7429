"""The replies in a remark's thread in the Django admin, beside the remarks (monitoring.admin):
the superuser opens and corrects one, through the services that keep its history; an account
without staff status, the reply's own author included, does not reach it."""

import pytest
from django.urls import reverse

from monitoring.models import Reactie
from tests import factories

pytestmark = pytest.mark.django_db

TEKST = "Nemen we mee in de tussenstand van juni."


@pytest.fixture
def reactie():
    return factories.ReactieFactory(tekst=TEKST)


def _urls(reactie):
    return (
        reverse("admin:monitoring_reactie_changelist"),
        reverse("admin:monitoring_reactie_change", args=[reactie.pk]),
    )


def test_the_superuser_opens_the_replies_and_one_reply(admin_client, reactie):
    lijst, wijzigen = _urls(reactie)
    response = admin_client.get(lijst)
    assert response.status_code == 200
    assert TEKST in response.content.decode()
    response = admin_client.get(wijzigen)
    assert response.status_code == 200
    assert TEKST in response.content.decode()


def test_a_correction_in_the_admin_is_kept_in_the_history_with_who_made_it(
    admin_client, admin_user, reactie
):
    _lijst, wijzigen = _urls(reactie)
    response = admin_client.post(
        wijzigen,
        {
            "opmerking": reactie.opmerking_id,
            "auteur": reactie.auteur_id,
            "organisatie": reactie.organisatie_id,
            "tekst": "Nemen we mee in de tussenstand van juli.",
            "aangemaakt_op_0": reactie.aangemaakt_op.strftime("%Y-%m-%d"),
            "aangemaakt_op_1": reactie.aangemaakt_op.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302
    reactie.refresh_from_db()
    assert reactie.tekst == "Nemen we mee in de tussenstand van juli."
    assert reactie.history.first().history_user == admin_user


def test_an_account_without_staff_status_is_sent_to_the_admin_login(client, reactie):
    client.force_login(reactie.auteur)
    for url in _urls(reactie):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url
    assert Reactie.objects.get().tekst == TEKST
