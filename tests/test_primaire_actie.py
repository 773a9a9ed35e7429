"""One primary action per page (issue #15, point 7): the action a person most likely came to
do is the page's one primary button or button-link; the rest are secondary or plain links.

Pages where the person looking may do nothing in particular (a jaarschijf they only read) may
have none, never two. The page header (base.html) contributes none of its own.
"""

import re

import pytest
from django.urls import reverse

from afspraken.models import Hoofdstuk
from gemeenten.models import Lidmaatschap
from tests import factories
from tests.paden import ingelogde_clients
from tests.wereld import autorisatiewereld, voor_de_module

pytestmark = pytest.mark.django_db

KLASSE = re.compile(r'\bclass="([^"]*)"')


def primaire(html: str) -> list[str]:
    """The class attributes carrying a primary-action modifier."""
    return [k for k in KLASSE.findall(html) if re.search(r"--primary-action\b", k)]


def primaire_tekst(html: str) -> str:
    """The text of the first element with a primary-action modifier."""
    return re.search(r'--primary-action\b[^"]*"[^>]*>([^<]*)<', html).group(1).strip()


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    with voor_de_module(django_db_blocker, autorisatiewereld) as sc:
        yield sc


@pytest.fixture
def clients(wereld):
    return {rol: client for rol, (client, _cookies) in ingelogde_clients(wereld).items()}


def html(client, pad: str) -> str:
    response = client.get(pad)
    assert response.status_code == 200, pad
    return response.content.decode()


def test_the_header_has_no_primary_action(clients):
    # A page that has no action of its own: whatever primary there is would come from base.html.
    pagina = html(clients["corporatie_medewerker"], reverse("monitoring:mijn-kalender"))
    kop = pagina[: pagina.index("<main")]
    assert primaire(kop) == []


def test_the_start_page_offers_the_import_as_primary_to_the_gemeente(clients):
    pagina = html(clients["gemeente_medewerker"], reverse("monitoring:start"))
    assert len(primaire(pagina)) == 1
    assert primaire_tekst(pagina) == "Werkboek importeren"
    # A corporatie may not create an agreement: no primary, and certainly not two.
    assert len(primaire(html(clients["corporatie_medewerker"], reverse("monitoring:start")))) <= 1


def test_the_agreement_page_has_one_primary_for_who_may_change_it(clients, wereld):
    pad = reverse(
        "afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": wereld.a.overeenkomst.pk}
    )
    assert len(primaire(html(clients["gemeente_medewerker"], pad))) == 1
    assert len(primaire(html(clients["huurders_medewerker"], pad))) <= 1


@pytest.mark.parametrize(
    ("status", "knop"),
    [
        ("concept", "Ter bespreking voorleggen"),
        ("ter_bespreking", "Vaststellen"),
        ("vastgesteld", "Ondertekening"),
    ],
)
def test_the_jaarschijf_page_makes_the_next_step_primary(clients, wereld, status, knop):
    factories.zet_status(wereld.a.jaarschijf, status)
    pad = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": wereld.a.jaarschijf.pk})
    pagina = html(clients["gemeente_medewerker"], pad)
    assert len(primaire(pagina)) == 1
    assert primaire_tekst(pagina) == knop  # never "Terug naar concept"
    assert len(primaire(html(clients["corporatie_medewerker"], pad))) <= 1


@pytest.mark.parametrize("status", ["concept", "ter_bespreking", "vastgesteld"])
def test_the_huurders_zienswijze_is_their_primary_while_ter_bespreking(clients, wereld, status):
    factories.zet_status(wereld.a.jaarschijf, status)
    pad = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": wereld.a.jaarschijf.pk})
    pagina = html(clients["huurders_medewerker"], pad)
    if status == "ter_bespreking":
        assert len(primaire(pagina)) == 1 and primaire_tekst(pagina) == "Zienswijze geven"
        zienswijzen = reverse("monitoring:zienswijzen", args=[wereld.a.jaarschijf.pk])
        assert html(clients["huurders_medewerker"], zienswijzen)
    else:
        assert "Zienswijze geven" not in pagina
    assert "Zienswijze geven" not in html(clients["gemeente_medewerker"], pad)


def test_moving_a_thema_or_hoofdstuk_has_one_primary(clients, wereld):
    hoofdstuk = Hoofdstuk.objects.create(jaarschijf=wereld.a.jaarschijf, kop="Context", tekst="T")
    for pad in (
        reverse("afspraken:thema-verplaatsen", kwargs={"thema_pk": wereld.a.thema.pk}),
        reverse("afspraken:hoofdstuk-verplaatsen", kwargs={"hoofdstuk_pk": hoofdstuk.pk}),
    ):
        assert len(primaire(html(clients["gemeente_medewerker"], pad))) == 1, pad


def test_the_dashboards_have_one_primary(clients, wereld):
    for pad in (
        reverse(
            "monitoring:dashboard-overeenkomst",
            kwargs={"overeenkomst_pk": wereld.a.overeenkomst.pk},
        ),
        reverse("monitoring:dashboard-gemeente", kwargs={"gemeente_pk": wereld.a.gemeente.pk}),
    ):
        assert len(primaire(html(clients["gemeente_medewerker"], pad))) == 1, pad
    landelijk = html(clients["superuser"], reverse("monitoring:dashboard-landelijk"))
    assert len(primaire(landelijk)) <= 1


@pytest.mark.parametrize("rol", ["gemeente_medewerker", "organisatie_beheerder"])
def test_the_account_page_has_one_primary_and_logs_out_only_in_the_header(clients, rol):
    pagina = html(clients[rol], reverse("gemeenten:account"))
    assert len(primaire(pagina)) == 1
    main = pagina[pagina.index("<main") : pagina.index("</main>")]
    assert "Uitloggen" not in main


def test_the_member_pages_have_one_primary_and_the_delete_is_marked_dangerous(clients, wereld):
    beheerder = clients["organisatie_beheerder"]
    lid = Lidmaatschap.objects.filter(
        gebruiker=wereld.collega[wereld.c1.pk], organisatie=wereld.c1
    ).first()
    paden = {
        "toevoegen": reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": wereld.c1.pk}),
        "rollen": reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid.pk}),
        "verwijderen": reverse("gemeenten:lid_verwijderen", kwargs={"lidmaatschap_pk": lid.pk}),
        "uitnodigen": reverse("gemeenten:uitnodigen"),
    }
    for naam, pad in paden.items():
        pagina = html(beheerder, pad)
        main = pagina[pagina.index("<main") : pagina.index("</main>")]
        assert len(primaire(pagina)) == 1, naam
        assert all("utrecht-button" in knop for knop in re.findall(r"<button[^>]*>", main)), naam
    verwijderen = primaire(html(beheerder, paden["verwijderen"]))
    assert "utrecht-button--danger" in verwijderen[0]
