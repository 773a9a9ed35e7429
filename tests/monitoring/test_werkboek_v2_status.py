"""Version 2's `status`: a document agreed or signed before it came into Driehoek is frozen
on import, as the lifecycle freezes it, and a frozen jaarschijf still refuses a workbook."""

import datetime
import io

import pytest
from django.utils import timezone

from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, JaarschijfStatuswijziging, Partij, Thema
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests import factories
from tests.monitoring.werkboek_v2 import MANDAAT, veld, werkboek_v2
from tests.monitoring.werkboeken import (
    bewerk,
    cellen,
    leeg_database,
    tel_rijen,
    uploaden_en_bevestigen,
    zet_cel,
)
from tests.wereld import autorisatiewereld

pytestmark = pytest.mark.django_db


def importeer(wijzig=None, **opties):
    return werkboek_importeren(werkboek=lees_werkboek(werkboek_v2(wijzig)), **opties)


def ondertekend(bladen):
    veld(bladen, "status", "ondertekend")
    # One signatory names the day; the others signed on the document's date.
    bladen["ondertekenaars"][0][3] = datetime.date(2025, 11, 28)


def fouten(wijzig) -> list[str]:
    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(werkboek_v2(wijzig))
    return [str(melding) for melding in fout.value.fouten]


def test_vastgesteld_wordt_meteen_bevroren_met_statuswijziging_door_de_importeur():
    importeur = factories.GebruikerFactory(is_superuser=True)

    jaarschijf = importeer(lambda b: veld(b, "status", "vastgesteld"), door=importeur).jaarschijf

    jaarschijf.refresh_from_db()
    assert jaarschijf.status == JaarschijfStatus.VASTGESTELD
    assert jaarschijf.is_bevroren and jaarschijf.vastgelegde_inhoud
    wijziging = JaarschijfStatuswijziging.objects.get(jaarschijf=jaarschijf)
    assert (wijziging.van, wijziging.naar, wijziging.door) == ("concept", "vastgesteld", importeur)
    assert not jaarschijf.ondertekend_buiten_driehoek


def test_ondertekend_op_papier():
    jaarschijf = importeer(ondertekend).jaarschijf

    jaarschijf.refresh_from_db()
    assert jaarschijf.status == JaarschijfStatus.ONDERTEKEND
    assert jaarschijf.ondertekend_buiten_driehoek
    dagen = [
        timezone.localtime(o.ondertekend_op).date()
        for o in jaarschijf.ondertekeningen.order_by("volgorde")
    ]
    assert dagen == [datetime.date(2025, 11, 28), *[datetime.date(2025, 12, 1)] * 2]
    # The command line is no user: no status change names it, the history does.
    assert not JaarschijfStatuswijziging.objects.exists()


def test_een_ondertekend_document_gaat_rond():
    eerste = werkboek_exporteren(jaarschijf=importeer(ondertekend).jaarschijf)
    leeg_database()
    jaarschijf = werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(eerste))).jaarschijf

    assert cellen(werkboek_exporteren(jaarschijf=jaarschijf)) == cellen(eerste)
    assert cellen(eerste)["ondertekenaars"][1][3] == datetime.datetime(2025, 11, 28)


def test_ondertekend_vraagt_plaats_en_datum():
    def zonder(bladen):
        ondertekend(bladen)
        veld(bladen, "plaats", None)
        veld(bladen, "datum", None)

    voor = tel_rijen()
    with pytest.raises(WerkboekFout) as fout:
        importeer(zonder)
    assert tel_rijen() == voor
    assert [str(melding) for melding in fout.value.fouten] == [
        "jaarschijf, rij 13, veld status: een jaarschijf met status ondertekend is buiten "
        "Driehoek ondertekend en vraagt om de plaats en datum van ondertekening; vul plaats "
        "en datum in"
    ]


def test_een_datum_van_ondertekening_zonder_status_ondertekend_is_een_fout():
    def getekend(bladen):
        bladen["ondertekenaars"][1][3] = datetime.date(2025, 11, 28)

    [melding] = fouten(getekend)
    assert melding.startswith("ondertekenaars, rij 3, kolom ondertekend_op: een datum van")


def test_een_bevroren_jaarschijf_weigert_ook_een_werkboek_van_versie_2():
    jaarschijf = importeer(lambda b: veld(b, "status", "vastgesteld")).jaarschijf

    with pytest.raises(WerkboekFout, match="is vastgesteld; de inhoud kan niet meer"):
        importeer(lambda b: veld(b, "status", "concept"))
    afspraak = Afspraak.objects.get(overeenkomst=jaarschijf.overeenkomst, code="A1")
    assert afspraak.inhoud == "De gemeente wijst twee bouwlocaties aan."
    jaarschijf.refresh_from_db()
    assert jaarschijf.status == JaarschijfStatus.VASTGESTELD


def test_zonder_status_veld_blijft_de_status_zoals_hij_is():
    jaarschijf = importeer(lambda b: veld(b, "status", "ter_bespreking")).jaarschijf

    def zonder_status(bladen):
        bladen["jaarschijf"] = [r for r in bladen["jaarschijf"] if r[0] != "status"]

    importeer(zonder_status)
    jaarschijf.refresh_from_db()
    assert jaarschijf.status == JaarschijfStatus.TER_BESPREKING


def test_de_export_van_een_vastgestelde_jaarschijf_leest_de_vastgelegde_vorm():
    jaarschijf = importeer(lambda b: veld(b, "status", "vastgesteld")).jaarschijf
    voor = cellen(werkboek_exporteren(jaarschijf=jaarschijf))
    overeenkomst = jaarschijf.overeenkomst
    # Later changes of the multi-year agreement (next year's concept) past the services.
    Partij.objects.filter(overeenkomst=overeenkomst).update(mandaat="Later", rol="Later")
    Thema.objects.filter(overeenkomst=overeenkomst).update(doel="Later")
    Afspraak.objects.filter(overeenkomst=overeenkomst).update(kop="Later", betrokkenen="Later")

    na = cellen(werkboek_exporteren(jaarschijf=jaarschijf))
    assert na == voor
    assert "Later" not in repr(na)
    assert voor["partijen"][1][5] == MANDAAT
    assert voor["afspraken"][1][10:] == (
        "Prestaties gemeente 2026",
        "werkgroep wonen, zorgpartijen",
    )
    assert voor["stappen"][1][1] == "Gemeente + corporaties"


def test_een_medewerker_van_de_gemeente_uploadt_een_vastgesteld_document(client):
    scenario = autorisatiewereld()
    medewerker = scenario.gebruiker("gemeente_medewerker")
    client.force_login(medewerker)

    def vastgesteld(werkboek):
        zet_cel(werkboek["jaarschijf"], 13, "waarde", "vastgesteld")

    inhoud = bewerk(werkboek_exporteren(jaarschijf=scenario.a.jaarschijf), vastgesteld)
    response = uploaden_en_bevestigen(client, inhoud)

    assert response.status_code == 302
    jaarschijf = scenario.a.jaarschijf
    jaarschijf.refresh_from_db()
    assert jaarschijf.status == JaarschijfStatus.VASTGESTELD and jaarschijf.vastgelegde_inhoud
    wijziging = JaarschijfStatuswijziging.objects.get(jaarschijf=jaarschijf)
    assert (wijziging.naar, wijziging.door) == ("vastgesteld", medewerker)
