"""voorraad/views.py: a corporatie updates its own figures of a jaarschijf, and nothing else."""

import pytest
from django.urls import reverse

from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.constants import JaarschijfStatus
from tests import factories
from tests.wereld import autorisatiewereld
from voorraad.constants import CijferSoort
from voorraad.models import Voorraadmutatie, Voorraadstand

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return autorisatiewereld()


def url(jaarschijf):
    return reverse("voorraad:cijfers-bewerken", kwargs={"jaarschijf_pk": jaarschijf.pk})


def formulier_data(response, **wijzigingen) -> dict:
    """What the browser would send back for the page as shown, with `wijzigingen` typed in."""
    form = response.context["form"]
    data = {}
    for naam in form.fields:
        waarde = form[naam].value()
        if isinstance(waarde, bool):
            if waarde:
                data[naam] = "on"
            continue
        data[naam] = "" if waarde is None else str(waarde)
    data.update(wijzigingen)
    return data


def mutatie_waarden(jaarschijf):
    return sorted(
        Voorraadmutatie.objects.filter(jaarschijf=jaarschijf).values_list(
            "corporatie_id", "categorie__naam", "jaar_van", "jaar_tot", "soort", "aantal"
        ),
        key=str,
    )


@pytest.fixture
def c1_client(client, sc):
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    return client


# --- Editing the own figures ----------------------------------------------------------------


def test_page_shows_only_own_figures(c1_client, sc):
    eigen, ander = sc.a.mutaties
    response = c1_client.get(url(sc.a.jaarschijf))
    assert response.status_code == 200
    form = response.context["form"]
    assert f"m-{eigen.pk}" in form.fields
    assert f"m-{ander.pk}" not in form.fields
    assert f"s-{sc.a.standen[0].pk}" in form.fields
    assert f"s-{sc.a.standen[1].pk}" not in form.fields
    html = response.content.decode()
    assert "Cijfers bijwerken: Corporatie Een" in html
    assert "Corporatie Twee" not in html


def test_number_unknown_and_zero_are_kept_apart(c1_client, sc):
    mutatie, stand = sc.a.mutaties[0], sc.a.standen[0]
    sloop = factories.VoorraadmutatieFactory(
        jaarschijf=sc.a.jaarschijf,
        corporatie=sc.c1,
        categorie=factories.CategorieFactory(naam="sloop"),
        aantal=4,
    )
    pagina = c1_client.get(url(sc.a.jaarschijf))
    data = formulier_data(pagina, **{f"m-{mutatie.pk}": "", f"m-{sloop.pk}": "0"})
    data[f"s-{stand.pk}"] = "1.129"
    response = c1_client.post(url(sc.a.jaarschijf), data)
    assert response.status_code == 302
    mutatie.refresh_from_db()
    sloop.refresh_from_db()
    stand.refresh_from_db()
    assert mutatie.aantal is None
    assert sloop.aantal == 0
    assert stand.aantal == 1129
    # Attributable: the history names who changed the figure.
    assert mutatie.history.first().history_user == sc.gebruiker("corporatie_medewerker")
    # Shown back: unknown as an empty field, zero as 0.
    form = c1_client.get(url(sc.a.jaarschijf)).context["form"]
    assert form[f"m-{mutatie.pk}"].value() is None
    assert form[f"m-{sloop.pk}"].value() == 0


def test_add_and_remove_figures(c1_client, sc):
    mutatie = sc.a.mutaties[0]
    verkoop = factories.CategorieFactory(naam="verkoop")
    segment = factories.SegmentFactory(naam="zorgwoningen")
    pagina = c1_client.get(url(sc.a.jaarschijf))
    data = formulier_data(
        pagina,
        **{
            f"m-{mutatie.pk}-weg": "on",
            "nm-0-categorie": str(verkoop.pk),
            "nm-0-jaar_van": "2026",
            "nm-0-jaar_tot": "2027",
            "nm-0-soort": CijferSoort.PROGNOSE,
            "nm-0-aantal": "",
            "nm-0-toelichting": "Nog niet concreet",
            "nm-1-categorie": str(mutatie.categorie_id),
            "nm-1-jaar_van": "2026",
            "nm-1-soort": CijferSoort.PROGNOSE,
            "nm-1-aantal": "12",
            "ns-0-segment": str(segment.pk),
            "ns-0-jaar": "2026",
            "ns-0-soort": CijferSoort.PROGNOSE,
            "ns-0-aantal": "0",
        },
    )
    response = c1_client.post(url(sc.a.jaarschijf), data, follow=True)
    assert "1 verwijderd" in response.content.decode()
    assert not Voorraadmutatie.objects.filter(pk=mutatie.pk).exists()
    eigen = Voorraadmutatie.objects.filter(jaarschijf=sc.a.jaarschijf, corporatie=sc.c1)
    nieuw = eigen.get(categorie=verkoop)
    assert (nieuw.jaar_van, nieuw.jaar_tot, nieuw.aantal, nieuw.toelichting) == (
        2026,
        2027,
        None,
        "Nog niet concreet",
    )
    # The removed figure's key was free again for a new one.
    assert eigen.get(categorie=mutatie.categorie).aantal == 12
    stand = Voorraadstand.objects.get(corporatie=sc.c1, segment=segment)
    assert (stand.peildatum.year, stand.peildatum.month, stand.peildatum.day) == (2026, 12, 31)
    assert stand.aantal == 0
    assert nieuw.history.first().history_user == sc.gebruiker("corporatie_medewerker")


def test_link_on_jaarschijf_page_only_for_who_may(client, sc):
    jaarschijf_url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    for rol, ziet in [
        ("corporatie_medewerker", True),
        ("gemeente_medewerker", False),
        ("huurders_medewerker", False),
    ]:
        client.force_login(sc.gebruiker(rol))
        html = client.get(jaarschijf_url).content.decode()
        assert (url(sc.a.jaarschijf) in html) is ziet, rol
        assert ("Cijfers bijwerken" in html) is ziet, rol


# --- Refused --------------------------------------------------------------------------------


def test_post_with_another_corporaties_ids_changes_nothing(c1_client, sc):
    ander = sc.a.mutaties[1]
    andere_stand = sc.a.standen[1]
    voor = mutatie_waarden(sc.a.jaarschijf)
    pagina = c1_client.get(url(sc.a.jaarschijf))
    data = formulier_data(pagina)
    data.update(
        {
            f"m-{ander.pk}": "999",
            f"m-{ander.pk}-was": str(ander.aantal),
            f"m-{ander.pk}-weg": "on",
            f"s-{andere_stand.pk}": "999",
            f"s-{andere_stand.pk}-weg": "on",
        }
    )
    response = c1_client.post(url(sc.a.jaarschijf), data)
    assert response.status_code == 302
    assert mutatie_waarden(sc.a.jaarschijf) == voor
    andere_stand.refresh_from_db()
    assert andere_stand.aantal == 1000


@pytest.mark.parametrize("rol", ["gemeente_medewerker", "huurders_medewerker"])
def test_gemeente_and_huurders_are_refused(client, sc, rol):
    client.force_login(sc.gebruiker(rol))
    mutatie = sc.a.mutaties[0]
    assert client.get(url(sc.a.jaarschijf)).status_code == 403
    response = client.post(
        url(sc.a.jaarschijf), {f"m-{mutatie.pk}": "1", f"m-{mutatie.pk}-was": "10"}
    )
    assert response.status_code == 403
    mutatie.refresh_from_db()
    assert mutatie.aantal == 10


def test_other_gemeente_and_other_agreement_are_refused(c1_client, sc):
    for jaarschijf in (sc.b.jaarschijf, sc.a2.jaarschijf):
        assert c1_client.get(url(jaarschijf)).status_code == 403
        mutatie = Voorraadmutatie.objects.filter(jaarschijf=jaarschijf).first()
        response = c1_client.post(
            url(jaarschijf), {f"m-{mutatie.pk}": "1", f"m-{mutatie.pk}-was": "10"}
        )
        assert response.status_code == 403
        mutatie.refresh_from_db()
        assert mutatie.aantal == 10


def test_other_gemeentes_staff_is_refused(client, sc):
    andere = factories.GebruikerFactory()
    factories.LidmaatschapFactory(gebruiker=andere, organisatie=sc.b.gemeente_org)
    client.force_login(andere)
    assert client.get(url(sc.a.jaarschijf)).status_code == 403


def test_anonymous_goes_to_login(client, sc):
    response = client.get(url(sc.a.jaarschijf))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("gemeenten:login"))


@pytest.mark.parametrize("status", [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def test_frozen_jaarschijf_is_refused_with_the_reason(c1_client, sc, status):
    sc.a.jaarschijf.__class__.objects.filter(pk=sc.a.jaarschijf.pk).update(status=status)
    mutatie = sc.a.mutaties[0]
    response = c1_client.get(url(sc.a.jaarschijf))
    assert response.status_code == 403
    assert str(BEVROREN_MELDING) in response.content.decode()
    response = c1_client.post(
        url(sc.a.jaarschijf), {f"m-{mutatie.pk}": "1", f"m-{mutatie.pk}-was": "10"}
    )
    assert response.status_code == 403
    mutatie.refresh_from_db()
    assert mutatie.aantal == 10
    # No link to a page that would refuse.
    html = c1_client.get(
        reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk})
    ).content.decode()
    assert url(sc.a.jaarschijf) not in html


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"cel": "tien"}, "cel", "Vul een heel getal in"),
        # A stock level is a count; a mutation carries a sign (test_model).
        (
            {"ns-0-segment": "segment", "ns-0-jaar": "2030", "ns-0-aantal": "-3"},
            "ns-0-aantal",
            "Een aantal kan niet negatief zijn.",
        ),
        (
            {"nm-0-categorie": "nieuwbouw", "nm-0-jaar_van": "2027", "nm-0-jaar_tot": "2026"},
            "nm-0-jaar_tot",
            "Het eindjaar kan niet vóór het beginjaar (2027) liggen.",
        ),
        (
            {"nm-0-categorie": "nieuwbouw", "nm-0-jaar_van": "2026", "nm-0-soort": "prognose"},
            "nm-0-categorie",
            "Er is al een cijfer voor nieuwbouw in 2026 (prognose).",
        ),
        ({"nm-1-aantal": "5"}, "nm-1-categorie", "Kies een categorie"),
        ({"nm-0-categorie": "nieuwbouw", "nm-0-jaar_van": "twintig"}, "nm-0-jaar_van", "jaartal"),
        ({"ns-0-segment": "segment", "ns-0-jaar": "2025"}, "ns-0-segment", "Er is al een stand"),
    ],
)
def test_bad_input_rerenders_with_dutch_message_and_saves_nothing(
    c1_client, sc, wijziging, veld, melding
):
    mutatie, stand = sc.a.mutaties[0], sc.a.standen[0]
    pagina = c1_client.get(url(sc.a.jaarschijf))
    vervangen = {
        "cel": f"m-{mutatie.pk}",
        "nieuwbouw": str(mutatie.categorie_id),
        "segment": str(stand.segment_id),
    }
    invoer = {
        vervangen.get(naam, naam): vervangen.get(waarde, waarde)
        for naam, waarde in wijziging.items()
    }
    # A valid change elsewhere on the page that must not be saved either.
    invoer[f"s-{stand.pk}"] = "1234"
    voor = mutatie_waarden(sc.a.jaarschijf)
    aantal_standen = Voorraadstand.objects.count()
    response = c1_client.post(url(sc.a.jaarschijf), formulier_data(pagina, **invoer))
    assert response.status_code == 200
    form = response.context["form"]
    fouten = " ".join(form.errors.get(vervangen.get(veld, veld), []))
    assert melding in fouten, form.errors
    html = response.content.decode()
    assert "De cijfers zijn niet opgeslagen" in html
    # Everything typed is still there.
    for naam, waarde in invoer.items():
        assert form[naam].value() == waarde
    assert 'value="1234"' in html
    assert mutatie_waarden(sc.a.jaarschijf) == voor
    stand.refresh_from_db()
    assert stand.aantal == 1000
    assert Voorraadstand.objects.count() == aantal_standen


def test_colleagues_change_is_not_overwritten(c1_client, sc):
    mutatie = sc.a.mutaties[0]
    pagina = c1_client.get(url(sc.a.jaarschijf))
    Voorraadmutatie.objects.filter(pk=mutatie.pk).update(aantal=11)
    response = c1_client.post(
        url(sc.a.jaarschijf), formulier_data(pagina, **{f"m-{mutatie.pk}": "12"})
    )
    assert response.status_code == 200
    assert "Iemand anders heeft dit cijfer intussen gewijzigd in 11" in response.content.decode()
    mutatie.refresh_from_db()
    assert mutatie.aantal == 11


# --- Query budget ---------------------------------------------------------------------------


@pytest.mark.parametrize("aantal", [1, 200])
def test_query_budget(c1_client, sc, django_assert_max_num_queries, aantal):
    Voorraadmutatie.objects.filter(jaarschijf=sc.a.jaarschijf, corporatie=sc.c1).delete()
    categorieen = [factories.CategorieFactory(naam=f"categorie {i}") for i in range(20)]
    Voorraadmutatie.objects.bulk_create(
        Voorraadmutatie(
            jaarschijf=sc.a.jaarschijf,
            corporatie=sc.c1,
            categorie=categorieen[i % 20],
            jaar_van=2020 + i // 20,
            jaar_tot=2020 + i // 20,
            soort=CijferSoort.PROGNOSE,
            aantal=i,
        )
        for i in range(aantal)
    )
    with django_assert_max_num_queries(12):
        pagina = c1_client.get(url(sc.a.jaarschijf))
    assert pagina.status_code == 200
    ids = Voorraadmutatie.objects.filter(corporatie=sc.c1, jaarschijf=sc.a.jaarschijf).values_list(
        "pk", flat=True
    )
    data = formulier_data(pagina, **{f"m-{pk}": "7" for pk in ids})
    with django_assert_max_num_queries(20):
        response = c1_client.post(url(sc.a.jaarschijf), data)
    assert response.status_code == 302
    assert set(
        Voorraadmutatie.objects.filter(corporatie=sc.c1, jaarschijf=sc.a.jaarschijf).values_list(
            "aantal", flat=True
        )
    ) == {7}
