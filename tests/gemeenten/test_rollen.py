"""Changing a member's roles: a beheerder's stale form never undoes a colleague's change."""

import pytest
from django.urls import reverse

from gemeenten.constants import Rol
from gemeenten.models import Lidmaatschap
from tests.gemeenten.conftest import lid_van, rollen_van

pytestmark = pytest.mark.django_db


def test_a_stale_roles_form_does_not_undo_a_colleagues_change(beheerder_client, sc):
    collega = sc.collega[sc.c1.pk]
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid_van(collega).pk})
    assert (
        'name="rollen_bij_openen" value="medewerker"' in beheerder_client.get(url).content.decode()
    )
    # Another beheerder grants beheerder in the meantime.
    Lidmaatschap.objects.create(gebruiker=collega, organisatie=sc.c1, rol=Rol.BEHEERDER)

    response = beheerder_client.post(
        url, {"rollen": [Rol.MEDEWERKER], "rollen_bij_openen": Rol.MEDEWERKER}
    )
    assert response.status_code == 200
    assert "heeft de rollen intussen gewijzigd" in response.content.decode()
    assert rollen_van(collega, sc.c1) == {Rol.MEDEWERKER, Rol.BEHEERDER}
