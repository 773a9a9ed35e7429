"""Remarks as conversations (#11 point 5, #15 point 4): a reply in place keeps the original,
afhandelen takes an answer, deleting leaves a placeholder while the replies stay, who may
delete or handle what (attacker tests replay the POST), the reply mail and its switch, and
"Open opmerkingen (n)" at the top of the jaarschijf page."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarafspraak
from gemeenten.constants import Rol
from gemeenten.models import Lidmaatschap
from monitoring import services
from monitoring.constants import Berichtsoort
from monitoring.models import Opmerking, Reactie
from monitoring.models_voortgang import Berichtinstelling
from tests import factories
from tests.wereld import HTMX, lid, paginawereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def opbouw():
    return paginawereld(2)


@pytest.fixture
def ja(opbouw):
    return Jaarafspraak.objects.select_related("afspraak").get(
        jaarschijf=opbouw.jaarschijf, afspraak__code="A1"
    )


@pytest.fixture
def opmerking(opbouw, ja):
    return services.opmerking_plaatsen(
        jaarschijf=opbouw.jaarschijf,
        jaarafspraak=ja,
        tekst="Waar blijft de tussenstand?",
        door=opbouw.huurders_gebruiker,
    )


def url(naam, obj):
    kwarg = "reactie_pk" if isinstance(obj, Reactie) else "opmerking_pk"
    return reverse(f"monitoring:{naam}", kwargs={kwarg: obj.pk})


def pagina(client, opbouw) -> str:
    pad = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    return client.get(pad).content.decode()


def gemeente_beheerder(opbouw):
    return lid(opbouw.gemeente, Rol.BEHEERDER)


# --- Replies ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wie", ["corporatie_gebruiker", "huurders_gebruiker", "gemeente_gebruiker"]
)
def test_every_party_replies_in_place_and_the_original_stays(client, opbouw, opmerking, wie):
    user = getattr(opbouw, wie)
    client.force_login(user)
    response = client.post(url("opmerking-reageren", opmerking), {"opmerking": "In juni."}, **HTMX)
    assert response.status_code == 200
    reactie = Reactie.objects.get()
    assert (reactie.opmerking, reactie.auteur, reactie.tekst) == (opmerking, user, "In juni.")
    opmerking.refresh_from_db()
    assert opmerking.tekst == "Waar blijft de tussenstand?"
    html = response.content.decode()
    # The block answers with the thread: the original, then the reply beneath it.
    assert html.index("Waar blijft de tussenstand?") < html.index("In juni.")
    assert f'id="opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}"' in html
    assert Opmerking.objects.count() == 1


def test_reply_without_javascript_redirects_to_the_thread(client, opbouw, opmerking):
    client.force_login(opbouw.corporatie_gebruiker)
    response = client.post(url("opmerking-reageren", opmerking), {"opmerking": "Ja."})
    assert response.status_code == 302
    assert response["Location"].endswith(
        f"#opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}"
    )


def test_thread_shows_who_from_which_organisation_and_when(client, opbouw, opmerking):
    services.opmerking_reageren(
        opmerking=opmerking, tekst="Volgt in juni.", door=opbouw.corporatie_gebruiker
    )
    client.force_login(opbouw.huurders_gebruiker)
    html = pagina(client, opbouw)
    assert "Volgt in juni." in html
    assert escape(str(opbouw.corporatie_gebruiker)) in html
    assert "Woonservice" in html and "Samen Sterk" in html
    assert '<li class="reactie' in html and "<time datetime=" in html


def test_empty_reply_is_refused_in_its_own_thread_with_a_dutch_message(client, opbouw, opmerking):
    client.force_login(opbouw.corporatie_gebruiker)
    response = client.post(url("opmerking-reageren", opmerking), {"opmerking": "  "}, **HTMX)
    html = response.content.decode()
    assert "Schrijf eerst uw opmerking; het veld is nog leeg." in html
    assert f'id="reactie-fout-{opmerking.pk}"' in html
    assert not Reactie.objects.exists()


def test_a_reply_is_one_level_deep(client, opbouw, opmerking):
    """Replies answer the remark; the block offers no reply form on a reply."""
    services.opmerking_reageren(
        opmerking=opmerking, tekst="Eerste.", door=opbouw.gemeente_gebruiker
    )
    client.force_login(opbouw.huurders_gebruiker)
    html = pagina(client, opbouw)
    assert html.count(f'action="{url("opmerking-reageren", opmerking)}"') == 1
    assert html.count('class="formulier opmerking__reageren"') == 1


# --- Afhandelen with an answer ---------------------------------------------------------------


def test_afhandelen_with_an_answer_records_it_as_a_reply(client, opbouw, opmerking):
    client.force_login(opbouw.gemeente_gebruiker)
    response = client.post(
        url("opmerking-afhandelen", opmerking),
        {"afgehandeld": "1", "opmerking": "Staat in de tussenrapportage."},
        **HTMX,
    )
    assert response.status_code == 200
    opmerking.refresh_from_db()
    assert opmerking.afgehandeld and opmerking.afgehandeld_door == opbouw.gemeente_gebruiker
    antwoord = Reactie.objects.get()
    assert antwoord.afhandeling and antwoord.tekst == "Staat in de tussenrapportage."
    html = response.content.decode()
    assert "antwoord bij afhandelen" in html and "Weer openzetten" in html


def test_afhandelen_in_one_click_needs_no_answer(client, opbouw, opmerking):
    client.force_login(opbouw.gemeente_gebruiker)
    html = pagina(client, opbouw)
    assert f'formaction="{url("opmerking-afhandelen", opmerking)}"' in html
    client.post(url("opmerking-afhandelen", opmerking), {"afgehandeld": "1", "opmerking": ""})
    opmerking.refresh_from_db()
    assert opmerking.afgehandeld
    assert not Reactie.objects.exists()


def test_opening_again_takes_no_answer(client, opbouw, opmerking):
    services.opmerking_afhandelen(opmerking=opmerking, door=opbouw.gemeente_gebruiker)
    client.force_login(opbouw.gemeente_gebruiker)
    client.post(url("opmerking-afhandelen", opmerking), {"afgehandeld": "0", "opmerking": "x"})
    opmerking.refresh_from_db()
    assert not opmerking.afgehandeld
    assert not Reactie.objects.exists()


@pytest.mark.parametrize("wie", ["huurders_gebruiker", "corporatie_gebruiker"])
def test_attacker_huurder_or_corporatie_cannot_afhandelen(client, opbouw, opmerking, wie):
    client.force_login(getattr(opbouw, wie))
    assert "Afhandelen" not in pagina(client, opbouw)
    for extra in ({}, HTMX):
        response = client.post(
            url("opmerking-afhandelen", opmerking),
            {"afgehandeld": "1", "opmerking": "Zelf afgehandeld"},
            **extra,
        )
        assert response.status_code == 403
    opmerking.refresh_from_db()
    assert not opmerking.afgehandeld and not Reactie.objects.exists()


# --- Deleting --------------------------------------------------------------------------------


def test_author_deletes_leaving_a_placeholder_while_replies_stay(client, opbouw, opmerking):
    services.opmerking_reageren(
        opmerking=opmerking, tekst="Reactie blijft.", door=opbouw.corporatie_gebruiker
    )
    client.force_login(opbouw.huurders_gebruiker)
    response = client.post(url("opmerking-verwijderen", opmerking), **HTMX)
    assert response.status_code == 200
    opmerking.refresh_from_db()
    assert opmerking.verwijderd_door == opbouw.huurders_gebruiker and opmerking.tekst == ""
    # The history keeps what was written.
    assert opmerking.history.filter(tekst="Waar blijft de tussenstand?").exists()
    html = pagina(client, opbouw)
    assert f"Opmerking verwijderd door {escape(str(opbouw.huurders_gebruiker))} op" in html
    assert "Waar blijft de tussenstand?" not in html
    assert "Reactie blijft." in html
    assert "Open opmerkingen (0)" in html


def test_gemeente_beheerder_deletes_another_s_remark(client, opbouw, opmerking):
    beheerder = gemeente_beheerder(opbouw)
    client.force_login(beheerder)
    assert url("opmerking-verwijderen", opmerking) in pagina(client, opbouw)
    assert client.post(url("opmerking-verwijderen", opmerking)).status_code == 302
    opmerking.refresh_from_db()
    assert opmerking.verwijderd_door == beheerder


@pytest.mark.parametrize("wie", ["corporatie_gebruiker", "gemeente_gebruiker"])
def test_attacker_cannot_delete_another_s_remark(client, opbouw, opmerking, wie):
    """Not the author and not the gemeente's beheerder: no button, and the replayed POST is
    refused and changes nothing."""
    client.force_login(getattr(opbouw, wie))
    assert url("opmerking-verwijderen", opmerking) not in pagina(client, opbouw)
    for extra in ({}, HTMX):
        assert client.post(url("opmerking-verwijderen", opmerking), **extra).status_code == 403
    opmerking.refresh_from_db()
    assert opmerking.verwijderd_op is None and opmerking.tekst == "Waar blijft de tussenstand?"


def test_huurder_cannot_delete_another_s_reply(client, opbouw, opmerking):
    reactie = services.opmerking_reageren(
        opmerking=opmerking, tekst="Van de corporatie.", door=opbouw.corporatie_gebruiker
    )
    client.force_login(opbouw.huurders_gebruiker)
    assert url("reactie-verwijderen", reactie) not in pagina(client, opbouw)
    assert client.post(url("reactie-verwijderen", reactie)).status_code == 403
    reactie.refresh_from_db()
    assert reactie.verwijderd_op is None and reactie.tekst == "Van de corporatie."


def test_author_deletes_own_reply_leaving_a_placeholder(client, opbouw, opmerking):
    reactie = services.opmerking_reageren(
        opmerking=opmerking, tekst="Vergissing.", door=opbouw.corporatie_gebruiker
    )
    client.force_login(opbouw.corporatie_gebruiker)
    client.post(url("reactie-verwijderen", reactie), **HTMX)
    html = pagina(client, opbouw)
    assert "Vergissing." not in html
    assert f"Reactie verwijderd door {escape(str(opbouw.corporatie_gebruiker))} op" in html
    assert "Waar blijft de tussenstand?" in html


def test_nobody_replies_to_a_deleted_remark(client, opbouw, opmerking):
    services.opmerking_verwijderen(opmerking=opmerking, door=opbouw.huurders_gebruiker)
    client.force_login(opbouw.corporatie_gebruiker)
    assert (
        client.post(url("opmerking-reageren", opmerking), {"opmerking": "Hoi"}).status_code == 403
    )
    assert not Reactie.objects.exists()


def test_a_deleted_remark_is_not_opened_again(client, opbouw, opmerking):
    services.opmerking_verwijderen(opmerking=opmerking, door=opbouw.huurders_gebruiker)
    client.force_login(opbouw.gemeente_gebruiker)
    assert "Weer openzetten" not in pagina(client, opbouw)
    response = client.post(url("opmerking-afhandelen", opmerking), {"afgehandeld": "0"})
    assert "Deze opmerking is verwijderd" in response.content.decode()
    opmerking.refresh_from_db()
    assert opmerking.afgehandeld


# --- Other gemeente, escaping, frozen --------------------------------------------------------


def test_attacker_of_another_gemeente_cannot_reply_or_delete(client, opbouw, opmerking):
    indringer = lid(
        factories.GemeenteOrganisatieFactory(gemeente=opbouw.ander_overeenkomst.gemeente),
        Rol.BEHEERDER,
    )
    client.force_login(indringer)
    for extra in ({}, HTMX):
        antwoord = client.post(
            url("opmerking-reageren", opmerking), {"opmerking": "Ingebroken"}, **extra
        )
        assert antwoord.status_code == 403
        assert client.post(url("opmerking-verwijderen", opmerking), **extra).status_code == 403
    assert not Reactie.objects.exists()
    opmerking.refresh_from_db()
    assert opmerking.verwijderd_op is None


def test_every_text_of_a_thread_is_escaped(client, opbouw, ja):
    kwaad = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    user = opbouw.huurders_gebruiker
    user.first_name = kwaad
    user.save()
    opmerking = services.opmerking_plaatsen(
        jaarschijf=opbouw.jaarschijf, jaarafspraak=ja, tekst=kwaad, door=user
    )
    services.opmerking_reageren(opmerking=opmerking, tekst=kwaad, door=user)
    services.opmerking_verwijderen(opmerking=opmerking, door=user)
    client.force_login(opbouw.gemeente_gebruiker)
    html = pagina(client, opbouw)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert escape(kwaad) in html


@pytest.mark.parametrize("status", [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def test_threads_stay_open_on_a_frozen_jaarschijf(client, status):
    """As remarks themselves: no content, so replies, answers and deleting stay possible."""
    opbouw = paginawereld(1, status=status)
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    opmerking = services.opmerking_plaatsen(
        jaarschijf=opbouw.jaarschijf,
        jaarafspraak=ja,
        tekst="Na vaststelling.",
        door=opbouw.huurders_gebruiker,
    )
    client.force_login(opbouw.corporatie_gebruiker)
    assert client.post(url("opmerking-reageren", opmerking), {"opmerking": "Ok"}).status_code == 302
    client.force_login(opbouw.gemeente_gebruiker)
    client.post(url("opmerking-afhandelen", opmerking), {"afgehandeld": "1", "opmerking": "Klaar"})
    assert Reactie.objects.count() == 2
    opmerking.refresh_from_db()
    assert opmerking.afgehandeld


# --- E-mail ----------------------------------------------------------------------------------


def test_a_reply_mails_the_author_and_earlier_participants_not_the_replier(
    opbouw, opmerking, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.opmerking_reageren(
            opmerking=opmerking, tekst="Eerste reactie.", door=opbouw.corporatie_gebruiker
        )
    assert [m.to for m in mail.outbox] == [[opbouw.huurders_gebruiker.email]]
    assert "Eerste reactie." in mail.outbox[0].body
    # The thread, through the login page (tests/monitoring/test_links.py follows the link).
    assert f"%23opmerkingen-afspraak-{opmerking.jaarafspraak.afspraak_id}&gebruiker=" in (
        mail.outbox[0].body
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.opmerking_afhandelen(
            opmerking=opmerking, door=opbouw.gemeente_gebruiker, antwoord="Opgelost."
        )
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted(
        [opbouw.huurders_gebruiker.email, opbouw.corporatie_gebruiker.email]
    )
    assert all("Opgelost." in m.body for m in mail.outbox)


def test_reply_mail_links_in_full_when_the_base_url_is_set(
    settings, opbouw, opmerking, django_capture_on_commit_callbacks
):
    settings.DRIEHOEK_BASIS_URL = "https://driehoek.example.nl/"
    with django_capture_on_commit_callbacks(execute=True):
        services.opmerking_reageren(
            opmerking=opmerking, tekst="Ja.", door=opbouw.gemeente_gebruiker
        )
    pad = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    inloggen = reverse("gemeenten:login")
    assert f"https://driehoek.example.nl{inloggen}?next={pad}%23" in mail.outbox[0].body


def test_reply_mail_switched_off_per_person(
    client, opbouw, opmerking, django_capture_on_commit_callbacks
):
    client.force_login(opbouw.huurders_gebruiker)
    aan = [s for s in Berichtsoort.values if s != Berichtsoort.REACTIE]
    client.post(reverse("monitoring:berichten"), {"aan": aan})
    assert Berichtinstelling.objects.get(gebruiker=opbouw.huurders_gebruiker).uit == ["reactie"]
    with django_capture_on_commit_callbacks(execute=True):
        services.opmerking_reageren(
            opmerking=opmerking, tekst="Ja.", door=opbouw.gemeente_gebruiker
        )
    assert mail.outbox == []


def test_no_reply_mail_to_someone_who_left_the_agreement(
    opbouw, opmerking, django_capture_on_commit_callbacks
):
    Lidmaatschap.objects.filter(gebruiker=opbouw.huurders_gebruiker).delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.opmerking_reageren(
            opmerking=opmerking, tekst="Ja.", door=opbouw.gemeente_gebruiker
        )
    assert mail.outbox == []


# --- Open opmerkingen at the top of the jaarschijf page ---------------------------------------


def test_page_lists_open_remarks_at_the_top_with_links(client, opbouw, ja, opmerking):
    algemeen = services.opmerking_plaatsen(
        jaarschijf=opbouw.jaarschijf, tekst="Over het geheel.", door=opbouw.corporatie_gebruiker
    )
    afgehandeld = services.opmerking_plaatsen(
        jaarschijf=opbouw.jaarschijf,
        jaarafspraak=ja,
        tekst="Al klaar.",
        door=opbouw.huurders_gebruiker,
    )
    services.opmerking_afhandelen(opmerking=afgehandeld, door=opbouw.gemeente_gebruiker)
    client.force_login(opbouw.huurders_gebruiker)
    html = pagina(client, opbouw)
    bovenaan = html.split('id="kop-open-opmerkingen"')[1].split("</section>")[0]
    assert "Open opmerkingen (2)" in html
    assert f'href="#opmerkingen-afspraak-{ja.afspraak_id}"' in bovenaan
    assert 'href="#opmerkingen"' in bovenaan
    assert "Waar blijft de tussenstand?" in bovenaan and algemeen.tekst in bovenaan
    assert "Al klaar." not in bovenaan


def test_links_to_remarks_name_the_content_of_the_fold_not_the_fold(client, opbouw, ja):
    """A browser unfolds a closed <details> when the link's fragment names an element inside
    it, not when it names the <details> itself (tests/browser/test_opmerkingen_links.py
    follows the links in Chromium)."""
    services.opmerking_plaatsen(
        jaarschijf=opbouw.jaarschijf,
        jaarafspraak=ja,
        tekst="In juni?",
        door=opbouw.huurders_gebruiker,
    )
    client.force_login(opbouw.gemeente_gebruiker)
    html = pagina(client, opbouw)
    rij = html[html.index(f'id="afspraak-{ja.afspraak_id}"') :]
    vouw = rij[rij.index('<details class="opmerkingen') : rij.index("</details>")]
    kop, inhoud = vouw.split("</summary>", 1)
    assert " open" not in kop.split(">", 1)[0]  # folded in the row
    assert f'id="opmerkingen-afspraak-{ja.afspraak_id}"' in inhoud
    assert "id=" not in kop.split(">", 1)[0]


def test_page_queries_stay_constant_with_many_threads(
    client, opbouw, ja, django_assert_max_num_queries
):
    def bouw(aantal):
        for i in range(aantal):
            opmerking = services.opmerking_plaatsen(
                jaarschijf=opbouw.jaarschijf,
                jaarafspraak=ja if i % 2 else None,
                tekst=f"Opmerking {i}",
                door=opbouw.huurders_gebruiker,
            )
            services.opmerking_reageren(
                opmerking=opmerking, tekst=f"Reactie {i}", door=opbouw.corporatie_gebruiker
            )

    client.force_login(opbouw.gemeente_gebruiker)
    bouw(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as weinig:
        pagina(client, opbouw)
    bouw(40)
    with django_assert_max_num_queries(len(weinig)):
        html = pagina(client, opbouw)
    assert "Reactie 39" in html and "Open opmerkingen (41)" in html
