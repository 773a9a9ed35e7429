"""The huurders' verdict in an afspraak's row of the jaarschijf page (issue #15 point 8):
verdict, explanation and one button, the explanation also placed as a remark for the gemeente
unless its box is unticked; the row comes back with both, for every role at once (the rows are
cached, monitoring.cache). Nobody else sees the form or gets anything stored through it, and a
frozen jaarschijf refuses it. And the mail that puts a jaarschijf ter bespreking brings a
person to it through the login page with the username filled in."""

import re

import pytest
from django.urls import reverse

from afspraken import services as afspraken_services
from afspraken.constants import JaarschijfStatus
from gemeenten.constants import Rol
from monitoring.models import Opmerking
from monitoring.models_voortgang import Zienswijze
from tests import factories
from tests.wereld import HTMX, autorisatiewereld, lid

pytestmark = pytest.mark.django_db

WACHTWOORD = "driehoek-test"  # tests/factories.py
KANTTEKENING = "Akkoord, mits de huurders vooraf worden geïnformeerd."


def _ter_bespreking():
    sc = autorisatiewereld()
    factories.zet_status(sc.a.jaarschijf, JaarschijfStatus.TER_BESPREKING)
    return sc


def _urls(sc) -> tuple[str, str]:
    ja = sc.a.jaarafspraken[0]
    return (
        reverse("monitoring:jaarafspraak-zienswijze", kwargs={"jaarafspraak_pk": ja.pk}),
        reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk}),
    )


def _rij(html: str, sc) -> str:
    """The article of the first afspraak in a page or an htmx answer."""
    afspraak_id = sc.a.jaarafspraken[0].afspraak_id
    begin = html.index(f'id="afspraak-{afspraak_id}"')
    return html[begin : html.index("</article>", begin)]


def _gegeven(oordeel="kanttekening", tekst=KANTTEKENING, als_opmerking=True) -> dict:
    data = {"oordeel": oordeel, "tekst": tekst}
    if als_opmerking:
        data["als_opmerking"] = "on"
    return data


def test_the_huurders_give_a_verdict_in_the_row_and_its_text_becomes_a_remark(client):
    sc = _ter_bespreking()
    url, pagina = _urls(sc)
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    client.get(pagina)  # the rows are in the cache now, as the gemeente sees them
    client.force_login(sc.gebruiker("huurders_medewerker"))
    voor = client.get(pagina).content.decode()
    assert f'action="{url}"' in _rij(voor, sc)
    assert "utrecht-button--secondary-action" in _rij(voor, sc)

    response = client.post(url, _gegeven(), **HTMX)

    assert response.status_code == 200
    rij = _rij(response.content.decode(), sc)
    zienswijze = Zienswijze.objects.get()
    assert (zienswijze.organisatie, zienswijze.oordeel, zienswijze.tekst) == (
        sc.h1,
        "kanttekening",
        KANTTEKENING,
    )
    opmerking = Opmerking.objects.get(tekst=KANTTEKENING)
    assert opmerking.jaarafspraak == sc.a.jaarafspraken[0]
    assert opmerking.auteur == sc.gebruiker("huurders_medewerker")
    assert opmerking.organisatie == sc.h1 and not opmerking.afgehandeld
    # The stored verdict (in the list beside the afspraak and chosen in the form) and the
    # remark in its thread.
    assert '<span class="zienswijze zienswijze--kanttekening">' in rij
    assert '<option value="kanttekening" selected>' in rij
    assert f'id="opmerking-{opmerking.pk}"' in rij
    # Every role sees both at once, the gemeente among its open remarks.
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    na = client.get(pagina).content.decode()
    assert '<span class="zienswijze zienswijze--kanttekening">' in _rij(na, sc)
    assert f'id="opmerking-{opmerking.pk}"' in _rij(na, sc)
    assert KANTTEKENING in na[: na.index('id="afspraak-')]  # the open remarks at the top
    assert f'action="{url}"' not in na


def test_saving_the_same_text_again_places_no_second_remark(client):
    sc = _ter_bespreking()
    url, _pagina = _urls(sc)
    client.force_login(sc.gebruiker("huurders_medewerker"))
    client.post(url, _gegeven(), **HTMX)
    client.post(url, _gegeven(oordeel="niet_akkoord"), **HTMX)
    assert Zienswijze.objects.get().oordeel == "niet_akkoord"
    assert Opmerking.objects.filter(tekst=KANTTEKENING).count() == 1


def test_unticked_or_without_text_no_remark(client):
    sc = _ter_bespreking()
    url, _pagina = _urls(sc)
    client.force_login(sc.gebruiker("huurders_medewerker"))
    aantal = Opmerking.objects.count()
    client.post(url, _gegeven(als_opmerking=False), **HTMX)
    client.post(url, _gegeven(oordeel="akkoord", tekst=""), **HTMX)
    assert Zienswijze.objects.get().oordeel == "akkoord"
    assert Opmerking.objects.count() == aantal


def test_without_javascript_a_redirect_back_to_the_row(client):
    sc = _ter_bespreking()
    url, pagina = _urls(sc)
    client.force_login(sc.gebruiker("huurders_medewerker"))
    assert client.get(url).status_code == 200
    response = client.post(url, _gegeven())
    assert response.status_code == 302
    assert response["Location"] == f"{pagina}#afspraak-{sc.a.jaarafspraken[0].afspraak_id}"
    html = client.get(response["Location"]).content.decode()
    assert "Uw zienswijze is opgeslagen en als opmerking geplaatst." in html


def test_a_verdict_left_out_shows_in_the_row_and_stores_nothing(client):
    sc = _ter_bespreking()
    url, _pagina = _urls(sc)
    client.force_login(sc.gebruiker("huurders_medewerker"))
    aantal = Opmerking.objects.count()
    response = client.post(url, _gegeven(oordeel=""), **HTMX)
    rij = _rij(response.content.decode(), sc)
    assert "Kies akkoord, akkoord met kanttekening of niet akkoord." in rij
    assert KANTTEKENING in rij  # the text typed is kept
    assert not Zienswijze.objects.exists() and Opmerking.objects.count() == aantal


def _huurder_elders(sc):
    """A member of the huurdersorganisatie of gemeente B: party to nothing of A's."""
    return lid(sc.b.huurders, Rol.MEDEWERKER, username="h2.medewerker")


@pytest.mark.parametrize(
    "wie", ["corporatie_medewerker", "gemeente_medewerker", "organisatie_beheerder", "elders"]
)
def test_attack_no_one_else_gives_a_verdict_through_the_row(client, wie):
    sc = _ter_bespreking()
    url, pagina = _urls(sc)
    aantal = Opmerking.objects.count()
    gebruiker = _huurder_elders(sc) if wie == "elders" else sc.gebruiker(wie)
    client.force_login(gebruiker)
    for extra in ({}, HTMX):
        assert client.post(url, _gegeven(), **extra).status_code in (403, 404)
    assert not Zienswijze.objects.exists() and Opmerking.objects.count() == aantal
    if wie != "elders":
        assert f'action="{url}"' not in client.get(pagina).content.decode()


def test_no_form_for_who_acts_for_no_organisation(client):
    """A superuser passes the rules, but a verdict is an organisation's: no form."""
    sc = _ter_bespreking()
    url, pagina = _urls(sc)
    client.force_login(sc.gebruiker("superuser"))
    assert f'action="{url}"' not in client.get(pagina).content.decode()
    client.post(url, _gegeven(), **HTMX)
    assert not Zienswijze.objects.exists()


@pytest.mark.parametrize(
    "status", [JaarschijfStatus.CONCEPT, JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND]
)
def test_only_while_ter_bespreking(client, status):
    sc = autorisatiewereld()
    factories.zet_status(sc.a.jaarschijf, status)
    url, pagina = _urls(sc)
    aantal = Opmerking.objects.count()
    client.force_login(sc.gebruiker("huurders_medewerker"))
    assert f'action="{url}"' not in client.get(pagina).content.decode()
    assert client.post(url, _gegeven(), **HTMX).status_code == 403
    assert not Zienswijze.objects.exists() and Opmerking.objects.count() == aantal


def test_the_ter_bespreking_mail_logs_in_with_the_username_filled_in(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    sc = autorisatiewereld()
    huurder = sc.gebruiker("huurders_medewerker")
    with django_capture_on_commit_callbacks(execute=True):
        afspraken_services.jaarschijf_ter_bespreking(
            jaarschijf=sc.a.jaarschijf, door=sc.gebruiker("gemeente_medewerker")
        )
    bericht = next(b for b in mailoutbox if b.to == [huurder.email])
    link = re.search(r"https?://\S+", bericht.body).group()
    pad = link.split("://", 1)[1].split("/", 1)[1]
    _url, pagina = _urls(sc)
    assert pad == (
        f"{reverse('gemeenten:login').lstrip('/')}?next={pagina}&gebruiker={huurder.username}"
    )

    html = client.get(f"/{pad}").content.decode()
    assert f'name="username" value="{huurder.username}"' in html
    veld = re.search(r'<input type="password"[^>]*>', html).group()
    assert "autofocus" in veld  # the cursor waits where the person types
    response = client.post(
        f"/{pad}",
        {"username": huurder.username, "password": WACHTWOORD, "next": pagina},
    )
    assert response.status_code == 302 and response["Location"] == pagina
    # Logged in already: the link goes straight on.
    assert client.get(f"/{pad}")["Location"] == pagina
