"""The importer writes only through the bulk services, and those ask the write boundary:
a person without the permission is refused (Geweigerd), a vastgesteld or ondertekend
jaarschijf too (Bevroren), and nothing is written either way."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection

from afspraken.bevriezing import Bevroren
from afspraken.models import Afspraak
from afspraken.services import bulk, bulk_document, bulk_inhoud, bulk_jaarschijf
from afspraken.services.bulk import RegelFout
from afspraken.services.bulk_inhoud import AfspraakRegel
from afspraken.services.bulk_jaarschijf import StapRegel
from afspraken.services.grens import Geweigerd
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.bulk_aanroepen import aanroepen
from tests.monitoring.werkboeken import HOOGEVEEN, JAARSCHIJF_2026, bewerk, importeer, zet_cel
from tests.wereld import autorisatiewereld
from voorraad import services as voorraad_services

pytestmark = pytest.mark.django_db

WORKBOOK = Path(__file__).resolve().parents[2] / "monitoring" / "werkboek"
BULKMODULES = (bulk, bulk_inhoud, bulk_jaarschijf, bulk_document, voorraad_services)
BULKSERVICES = [
    (module, naam)
    for module in BULKMODULES
    for naam in (
        "gemeente_aanmaken_of_bijwerken",
        "overeenkomst_aanmaken_of_bijwerken",
        "partijen_bijwerken_bulk",
        "jaarschijf_aanmaken_of_bijwerken",
        "themas_bijwerken_bulk",
        "afspraken_bijwerken_bulk",
        "jaarafspraken_bijwerken_bulk",
        "stappen_vervangen",
        "ondertekeningen_vervangen",
        "voorraadmutaties_bijwerken_bulk",
        "voorraadstanden_bijwerken_bulk",
        "hoofdstukken_vervangen",
        "jaarschijf_status_importeren",
    )
    if naam in vars(module)
]
SCHRIJVEN = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def test_elke_bulkservice_is_er_een_keer():
    assert len(BULKSERVICES) == 13


# --- The importer writes nothing itself ---------------------------------------------------


class Bewaking:
    """Counts the write statements the database gets while no bulk service runs."""

    def __init__(self):
        self.diepte = 0
        self.buiten: list[str] = []
        self.aangeroepen: set[str] = set()

    def service(self, naam, service):
        def aanroep(**kwargs):
            self.aangeroepen.add(naam)
            self.diepte += 1
            try:
                return service(**kwargs)
            finally:
                self.diepte -= 1

        return aanroep

    def __call__(self, execute, sql, params, many, context):
        if self.diepte == 0 and SCHRIJVEN.match(sql):
            self.buiten.append(sql[:120])
        return execute(sql, params, many, context)


@pytest.fixture
def bewaking(monkeypatch):
    bewaking = Bewaking()
    for module, naam in BULKSERVICES:
        monkeypatch.setattr(module, naam, bewaking.service(naam, getattr(module, naam)))
    return bewaking


def test_importer_schrijft_alleen_via_de_bulkservices(bewaking):
    scenario = autorisatiewereld()

    def wijzig(werkboek):
        zet_cel(werkboek["jaarschijf"], 7, "waarde", "Nieuwe inleiding")
        zet_cel(werkboek["jaarschijf"], 13, "waarde", "ter_bespreking")
        werkboek["partijen"].append(["Nieuwe Corporatie", "woningcorporatie", "NC"])
        zet_cel(werkboek["themas"], 2, "toelichting", "Nieuwe toelichting")
        zet_cel(werkboek["afspraken"], 2, "inhoud", "Nieuwe tekst")
        zet_cel(werkboek["afspraken"], 2, "stappen", "Nieuw plan")
        zet_cel(werkboek["stappen"], 2, "tekst", "Nieuwe stap")
        zet_cel(werkboek["ondertekenaars"], 2, "functie", "Wethouder")
        zet_cel(werkboek["voorraad"], 2, "aantal", "7")
        zet_cel(werkboek["voorraadstand"], 2, "aantal", "1.130")

    inhoud = bewerk(werkboek_exporteren(jaarschijf=scenario.a.jaarschijf), wijzig)

    with connection.execute_wrapper(bewaking):
        importeer(HOOGEVEEN)  # everything new: gemeente, agreement, parties, ...
        resultaat = werkboek_importeren(
            werkboek=lees_werkboek(inhoud), door=scenario.gebruiker("gemeente_medewerker")
        )

    assert bewaking.buiten == []
    assert bewaking.aangeroepen == {naam for _module, naam in BULKSERVICES}
    assert resultaat.nieuw["partijen"] == 1
    assert Afspraak.objects.get(pk=scenario.a.afspraken[0].pk).inhoud == "Nieuwe tekst"
    # Idempotent: the same workbook again finds everything as it left it.
    voor = stand()
    opnieuw = werkboek_importeren(
        werkboek=lees_werkboek(inhoud), door=scenario.gebruiker("gemeente_medewerker")
    )
    assert (sum(opnieuw.nieuw.values()), sum(opnieuw.gewijzigd.values())) == (0, 0)
    assert stand() == voor


def test_de_workbook_code_bevat_geen_eigen_schrijver():
    """A second net under the test above: no ORM write in monitoring/werkboek at all (the
    exporter's openpyxl `save` is no model save, so `.save(` counts in the importer only)."""
    # default_storage.delete: the preview's stored upload (bewaard.py) is a file, no row.
    overal = re.compile(
        r"bulk_create|bulk_update|_with_history|objects\.create\(|(?<!default_storage)\.delete\("
        r"|_history_user"
    )
    importer = re.compile(r"\.save\(|\.set\(|\.add\(|\.remove\(|\.clear\(|\.update\(")
    treffers = [
        f"{pad.name}:{nummer}: {regel.strip()}"
        for pad in sorted(WORKBOOK.glob("*.py"))
        for nummer, regel in enumerate(pad.read_text().splitlines(), start=1)
        if overal.search(regel) or (pad.name.startswith("importer") and importer.search(regel))
    ]
    assert treffers == []
    assert not (WORKBOOK / "schrijver.py").exists()


# --- The guards of the bulk services ------------------------------------------------------


def stand() -> dict:
    """Every row of the project's tables, history included, to see that nothing changed."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for label in ("gemeenten", "afspraken", "voorraad", "monitoring")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    }


# The services that write a jaarschijf's content, and so meet its freeze.
JAARSCHIJFINHOUD = {
    "jaarschijf_aanmaken_of_bijwerken",
    "jaarafspraken_bijwerken_bulk",
    "stappen_vervangen",
    "ondertekeningen_vervangen",
    "voorraadmutaties_bijwerken_bulk",
    "voorraadstanden_bijwerken_bulk",
}


@pytest.fixture
def scenario():
    return autorisatiewereld()


def test_aanroepen_dekt_elke_bulkservice(scenario):
    rijen = aanroepen(scenario.a, scenario.gebruiker("superuser"))
    assert set(rijen) == {naam for _module, naam in BULKSERVICES}


def test_elke_bulkservice_schrijft_voor_wie_mag(scenario):
    """The rows above are real writes: the gemeente's own staff gets them through."""
    door = scenario.gebruiker("gemeente_medewerker")
    for naam, aanroep in aanroepen(scenario.a, door).items():
        voor = stand()
        aanroep()
        assert stand() != voor or naam == "gemeente_aanmaken_of_bijwerken", naam


@pytest.mark.parametrize(
    "rol, wereld",
    [
        ("corporatie_medewerker", "a"),  # a party, but not the gemeente
        ("huurders_medewerker", "a"),
        ("gemeente_medewerker", "b"),  # the staff of another gemeente
    ],
)
def test_zonder_recht_geweigerd_en_niets_geschreven(scenario, rol, wereld):
    door = scenario.gebruiker(rol)
    for naam, aanroep in aanroepen(getattr(scenario, wereld), door).items():
        voor = stand()
        with pytest.raises(Geweigerd):
            aanroep()
        assert stand() == voor, naam


@pytest.mark.parametrize("rol", ["gemeente_beheerder", "superuser"])
def test_bevroren_jaarschijf_geweigerd_en_niets_geschreven(bevroren_wereld, rol):
    door = bevroren_wereld.gebruiker(rol)
    rijen = aanroepen(bevroren_wereld.a, door)
    for naam in sorted(JAARSCHIJFINHOUD):
        voor = stand()
        with pytest.raises(Bevroren):
            rijen[naam]()
        assert stand() == voor, naam


# --- What the bulk services promise besides the guards -----------------------------------


def test_bijwerken_verhoogt_de_versie_en_noemt_wie(scenario):
    door = scenario.gebruiker("gemeente_medewerker")
    afspraak = scenario.a.afspraken[0]
    regel = AfspraakRegel(
        code=afspraak.code,
        thema=scenario.a.thema,
        inhoud="Gewijzigd",
        trekkers=tuple(afspraak.trekkers.all()),
    )

    eerste = bulk_inhoud.afspraken_bijwerken_bulk(
        overeenkomst=scenario.a.overeenkomst, afspraken=[regel], door=door
    )
    tweede = bulk_inhoud.afspraken_bijwerken_bulk(
        overeenkomst=scenario.a.overeenkomst, afspraken=[regel], door=door
    )

    assert (eerste.nieuw, eerste.gewijzigd, tweede.gewijzigd) == (0, 1, 0)
    vers = Afspraak.objects.get(pk=afspraak.pk)
    assert (vers.inhoud, vers.versie) == ("Gewijzigd", afspraak.versie + 1)
    assert vers.history.first().history_user == door


def test_een_geweigerde_regel_noemt_zijn_plaats(scenario):
    """A step by an organisation that is no party: refused on its own row (the second)."""
    a = scenario.a
    stappen = [
        StapRegel(a.jaarafspraken[0], organisatie=a.corporaties[0], tekst="Goed"),
        StapRegel(a.jaarafspraken[0], organisatie=scenario.c3, tekst="Geen partij"),
    ]
    voor = stand()

    with pytest.raises(RegelFout) as fout:
        bulk_jaarschijf.stappen_vervangen(
            jaarschijf=a.jaarschijf, stappen=stappen, door=scenario.gebruiker("superuser")
        )

    assert fout.value.index == 1
    assert fout.value.message_dict == {"organisatie": ["Deze organisatie is geen partij."]}
    assert stand() == voor


def test_importfout_van_een_service_noemt_blad_en_rij():
    """What the reader cannot know (who is which gemeente in Driehoek) a service refuses;
    the message names the sheet, the row and the column."""
    importeer(HOOGEVEEN)

    def wijzig(werkboek):
        zet_cel(werkboek["partijen"], 2, "naam", "Gemeente Hoogeveen")

    werkboek = lees_werkboek(bewerk(JAARSCHIJF_2026, wijzig))
    voor = stand()

    with pytest.raises(WerkboekFout) as fout:
        werkboek_importeren(werkboek=werkboek)

    assert [str(melding).partition(":")[0] for melding in fout.value.fouten] == [
        "partijen, rij 2, kolom naam"
    ]
    assert "Gemeente Hoogeveen is de gemeente Hoogeveen" in str(fout.value)
    assert stand() == voor


def test_een_stap_onder_een_andere_jaarschijf_wordt_geweigerd(scenario):
    """Steps are replaced in the jaarschijf whose guards were asked, never in another."""
    a, a2 = scenario.a, scenario.a2
    stap = StapRegel(a2.jaarafspraken[0], organisatie=scenario.c2, tekst="Elders")
    voor = stand()

    with pytest.raises(RegelFout) as fout:
        bulk_jaarschijf.stappen_vervangen(
            jaarschijf=a.jaarschijf, stappen=[stap], door=scenario.gebruiker("superuser")
        )

    assert fout.value.index == 0
    assert list(fout.value.message_dict) == ["jaarafspraak"]
    assert stand() == voor
