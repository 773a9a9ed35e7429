"""The workbook's status column is progress (#15.6, point 4): a status that differs from the
current one is recorded on the timeline as a Voortgangsmelding by the importing user; the
same file again adds nothing; an empty cell withdraws nothing."""

import pytest

from afspraken.constants import Voortgang
from monitoring.models_voortgang import Voortgangsmelding
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboeken import bewerk, uploaden_en_bevestigen, zet_cel
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def _met_status(jaarschijf, status):
    def wijzig(werkboek):
        zet_cel(werkboek["afspraken"], 2, "status", status)

    return bewerk(werkboek_exporteren(jaarschijf=jaarschijf), wijzig)


def _eerste(jaarschijf):
    return jaarschijf.jaarafspraken.order_by("afspraak__volgorde", "afspraak__id").first()


def test_een_andere_status_wordt_een_voortgangsmelding_van_wie_importeert(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    scenario = autorisatiewereld()
    medewerker = scenario.gebruiker("gemeente_medewerker")
    client.force_login(medewerker)
    jaarschijf = scenario.a.jaarschijf
    nieuw = (
        Voortgang.AANDACHT
        if _eerste(jaarschijf).status != Voortgang.AANDACHT
        else Voortgang.OP_KOERS
    )

    response = uploaden_en_bevestigen(client, _met_status(jaarschijf, str(nieuw.label)))

    assert response.status_code == 302
    jaarafspraak = _eerste(jaarschijf)
    assert jaarafspraak.status == nieuw
    melding = Voortgangsmelding.objects.get(jaarafspraak=jaarafspraak)
    assert (melding.status, melding.door) == (nieuw, medewerker)
    assert melding.organisatie_id == scenario.a.gemeente_org.pk

    # The same file again, and one with the cell left empty: no new report, no withdrawal.
    uploaden_en_bevestigen(client, _met_status(jaarschijf, str(nieuw.label)))
    uploaden_en_bevestigen(client, _met_status(jaarschijf, None))
    assert Voortgangsmelding.objects.filter(jaarafspraak=jaarafspraak).count() == 1
    assert _eerste(jaarschijf).status == nieuw


def test_de_opdrachtregel_zet_de_status_zonder_persoon():
    scenario = autorisatiewereld()
    jaarschijf = scenario.a.jaarschijf

    werkboek_importeren(werkboek=lees_werkboek(_met_status(jaarschijf, "vervallen")))

    assert _eerste(jaarschijf).status == Voortgang.VERVALLEN
    assert not Voortgangsmelding.objects.exists()
