"""A remark in the Django admin (monitoring.admin.OpmerkingAdmin): who settled or deleted it
is the services' record, shown on the page and in mails; a staff member correcting the remark
in the admin cannot rewrite it, also not by posting the fields the form does not show."""

import pytest
from django.urls import reverse

from monitoring.models import Opmerking
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_admin_cannot_forge_who_deleted_or_settled_a_remark(admin_client):
    opmerking = factories.OpmerkingFactory(tekst="Graag de jaartallen nalopen.")
    dader = factories.GebruikerFactory()
    url = reverse("admin:monitoring_opmerking_change", args=[opmerking.pk])
    pagina = admin_client.get(url).content.decode()
    for veld in ("verwijderd_door", "verwijderd_op", "afgehandeld_door", "afgehandeld_op"):
        assert f'name="{veld}' not in pagina, veld
    response = admin_client.post(
        url,
        {
            "jaarschijf": opmerking.jaarschijf_id,
            "jaarafspraak": opmerking.jaarafspraak_id,
            "auteur": opmerking.auteur_id,
            "organisatie": opmerking.organisatie_id,
            "tekst": "Graag de jaartallen 2026 nalopen.",
            "aangemaakt_op_0": opmerking.aangemaakt_op.strftime("%Y-%m-%d"),
            "aangemaakt_op_1": opmerking.aangemaakt_op.strftime("%H:%M:%S"),
            # Forged: the form has no such fields.
            "verwijderd_door": dader.pk,
            "verwijderd_op_0": "2026-01-01",
            "verwijderd_op_1": "12:00:00",
            "afgehandeld_door": dader.pk,
        },
    )
    assert response.status_code == 302
    opmerking = Opmerking.objects.get(pk=opmerking.pk)
    assert opmerking.tekst == "Graag de jaartallen 2026 nalopen."
    assert opmerking.verwijderd_door is None and opmerking.verwijderd_op is None
    assert opmerking.afgehandeld_door is None
