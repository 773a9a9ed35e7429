"""Progress per afspraak per year (issue #11, point 2): a report lands on the timeline and
sets the jaarafspraak's status; only the gemeente and trekkers report (attack replays with
the test client: refused, nothing written); several at once, all or nothing; a frozen
jaarschijf still takes progress; a parent shows its sub-afspraken' roll-up."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from afspraken.constants import JaarschijfStatus, Voortgang
from afspraken.models import Jaarafspraak
from monitoring.models_voortgang import Voortgangsmelding
from monitoring.selectors.voortgang import voortgangsrijen
from monitoring.voortgang import Melding, voortgang_melden, voortgang_melden_bulk
from tests import factories
from tests.wereld import autorisatiewereld, paginawereld

pytestmark = pytest.mark.django_db


def _bulk_data(*rijen) -> dict:
    data = {}
    for ja, status, toelichting in rijen:
        data |= {
            f"ja{ja.pk}-status": status,
            f"ja{ja.pk}-toelichting": toelichting,
            f"ja{ja.pk}-versie": ja.versie,
        }
    return data


def test_a_report_sets_the_status_and_keeps_the_timeline():
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]
    c1 = sc.gebruiker("corporatie_medewerker")
    voortgang_melden(
        jaarafspraak=ja, versie=ja.versie, status="op_koers", toelichting="Loopt", door=c1
    )
    ja.refresh_from_db()
    voortgang_melden(jaarafspraak=ja, versie=ja.versie, status="aandacht", door=c1)
    ja.refresh_from_db()
    assert ja.status == Voortgang.AANDACHT
    tijdlijn = list(ja.voortgangsmeldingen.values_list("status", "toelichting", "organisatie"))
    assert tijdlijn == [("op_koers", "Loopt", sc.c1.pk), ("aandacht", "", sc.c1.pk)]


def test_only_the_gemeente_and_trekkers_report():
    sc = autorisatiewereld()
    ja_c1 = sc.a.jaarafspraken[0]
    for door in (sc.gebruiker("huurders_medewerker"), sc.collega[sc.c2.pk]):
        with pytest.raises(PermissionDenied):
            voortgang_melden(jaarafspraak=ja_c1, versie=ja_c1.versie, status="op_koers", door=door)
    voortgang_melden(
        jaarafspraak=ja_c1,
        versie=ja_c1.versie,
        status="op_koers",
        door=sc.gebruiker("gemeente_medewerker"),
    )
    assert Voortgangsmelding.objects.count() == 1


def test_a_bulk_report_is_all_or_nothing():
    sc = autorisatiewereld()
    ja_c1, ja_c2 = sc.a.jaarafspraken
    c1 = sc.gebruiker("corporatie_medewerker")
    with pytest.raises(PermissionDenied):
        voortgang_melden_bulk(
            meldingen=[
                Melding(ja_c1, ja_c1.versie, "op_koers"),
                Melding(ja_c2, ja_c2.versie, "op_koers"),
            ],
            door=c1,
        )
    gemeente = sc.gebruiker("gemeente_medewerker")
    with pytest.raises(ValidationError):  # the second row's version is stale
        voortgang_melden_bulk(
            meldingen=[Melding(ja_c1, ja_c1.versie, "op_koers"), Melding(ja_c2, 99, "op_koers")],
            door=gemeente,
        )
    assert not Voortgangsmelding.objects.exists()
    assert set(Jaarafspraak.objects.values_list("status", flat=True)) == {""}


@pytest.mark.parametrize("rol", ["huurders_medewerker", "andere_corporatie"])
def test_attack_replay_a_huurder_or_non_trekker_posting_progress_is_refused(client, rol):
    sc = autorisatiewereld()
    ja = sc.a.jaarafspraken[0]  # C1 leads it
    door = sc.collega[sc.c2.pk] if rol == "andere_corporatie" else sc.gebruiker(rol)
    # C2 leads an afspraak of its own in this jaarschijf: it may use the page, not C1's row.
    client.force_login(door)
    bulk = reverse("monitoring:voortgang", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    enkel = reverse("monitoring:voortgang-afspraak", kwargs={"jaarafspraak_pk": ja.pk})
    assert client.post(bulk, _bulk_data((ja, "gerealiseerd", "klaar"))).status_code == 403
    data = {"status": "gerealiseerd", "toelichting": "klaar", "versie": ja.versie}
    assert client.post(enkel, data).status_code == 403
    ja.refresh_from_db()
    assert ja.status == "" and not Voortgangsmelding.objects.exists()


def test_a_trekker_reports_several_afspraken_at_once(client):
    opbouw = paginawereld(12)
    rijen = list(
        Jaarafspraak.objects.filter(
            jaarschijf=opbouw.jaarschijf, afspraak__trekkers=opbouw.corporatie
        ).order_by("pk")[:3]
    )
    assert len(rijen) == 3
    voor = Voortgangsmelding.objects.count()
    client.force_login(opbouw.corporatie_gebruiker)
    url = reverse("monitoring:voortgang", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    response = client.post(
        url,
        _bulk_data(
            (rijen[0], "op_koers", "Loopt"),
            (rijen[1], "aandacht", "<b>vertraging</b>"),
            (rijen[2], "", ""),
        ),
    )
    assert response.status_code == 302
    statussen = dict(
        Jaarafspraak.objects.filter(pk__in=[r.pk for r in rijen]).values_list("pk", "status")
    )
    assert statussen == {
        rijen[0].pk: "op_koers",
        rijen[1].pk: "aandacht",
        rijen[2].pk: rijen[2].status,
    }
    assert Voortgangsmelding.objects.count() == voor + 2  # the empty row reports nothing
    html = client.get(url).content.decode()
    assert "&lt;b&gt;vertraging&lt;/b&gt;" in html and "<b>vertraging" not in html
    assert "Vraagt aandacht" in html


def test_a_frozen_jaarschijf_still_takes_progress():
    sc = autorisatiewereld()
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.ONDERTEKEND)
    ja = Jaarafspraak.objects.get(pk=sc.a.jaarafspraken[0].pk)
    voortgang_melden(
        jaarafspraak=ja,
        versie=ja.versie,
        status="gerealiseerd",
        door=sc.gebruiker("corporatie_medewerker"),
    )
    ja.refresh_from_db()
    assert ja.status == "gerealiseerd"


def test_a_parent_shows_the_roll_up_of_its_sub_afspraken():
    opbouw = paginawereld(7)  # every third afspraak after the first is a sub-afspraak
    rijen = voortgangsrijen(opbouw.gemeente_gebruiker, opbouw.jaarschijf)
    ouders = [r for r in rijen if r.deelstatussen]
    assert ouders, "the page world has sub-afspraken"
    ouder = ouders[0]
    kind = next(
        r for r in rijen if r.jaarafspraak.afspraak.parent_id == ouder.jaarafspraak.afspraak_id
    )
    ja = kind.jaarafspraak
    voortgang_melden(
        jaarafspraak=ja, versie=ja.versie, status="aandacht", door=opbouw.gemeente_gebruiker
    )
    rijen = voortgangsrijen(opbouw.gemeente_gebruiker, opbouw.jaarschijf)
    ouder = next(r for r in rijen if r.jaarafspraak.pk == ouder.jaarafspraak.pk)
    assert ouder.deelstatussen["aandacht"] >= 1
    assert ("aandacht", "Vraagt aandacht", ouder.deelstatussen["aandacht"]) in ouder.rollup
