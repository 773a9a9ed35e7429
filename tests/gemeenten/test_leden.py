"""Member management and invitations: only an organisation's own beheerder (or a superuser)
brings people in, and no answer tells whether an address already has an account."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import escape

from gemeenten import services
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap
from tests import factories
from tests.gemeenten.conftest import lid_van, rollen_van
from tests.wereld import lid

pytestmark = pytest.mark.django_db


def nieuw_persoon(**extra):
    return {
        "voornaam": "Nora",
        "achternaam": "Nieuwenhuis",
        "email": "nora@example.org",
        "functie": "Projectleider",
        **extra,
    }


# --- A beheerder and their own organisation -------------------------------------------------


def test_beheerder_sees_the_members_of_own_organisation(beheerder_client, sc):
    response = beheerder_client.get(reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk}))
    assert response.status_code == 200
    tekst = response.content.decode()
    # Escaped as the page shows them: generated names such as "van 't Wel" carry quotes.
    assert escape(sc.collega[sc.c1.pk]) in tekst
    assert escape(sc.gebruiker("corporatie_ondertekenaar")) in tekst
    assert escape(sc.collega[sc.c2.pk]) not in tekst


def test_beheerder_adds_a_member_who_gets_an_invitation(beheerder_client, sc, mailoutbox):
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    response = beheerder_client.post(url, nieuw_persoon(rollen=[Rol.MEDEWERKER]))
    assert response["Location"] == reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk})
    nora = Gebruiker.objects.get(email="nora@example.org")
    assert rollen_van(nora, sc.c1) == {Rol.MEDEWERKER}
    assert not nora.has_usable_password()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.subject == "Uitnodiging voor Driehoek"
    assert "U bent uitgenodigd voor Driehoek als lid van Corporatie Een" in mail.body
    # The link sets a password.
    link = re.search(r"https?://[^/]+(/account/wachtwoord-instellen/\S+/)", mail.body).group(1)
    client = type(beheerder_client)()
    formulier = client.get(link)["Location"]
    wachtwoord = "Lente-in-Aadorp-2026"
    client.post(formulier, {"new_password1": wachtwoord, "new_password2": wachtwoord})
    nora.refresh_from_db()
    assert nora.check_password(wachtwoord)


def test_beheerder_can_grant_beheerder_which_they_hold(beheerder_client, sc):
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    beheerder_client.post(url, nieuw_persoon(rollen=[Rol.MEDEWERKER, Rol.BEHEERDER]))
    nora = Gebruiker.objects.get(email="nora@example.org")
    assert rollen_van(nora, sc.c1) == {Rol.MEDEWERKER, Rol.BEHEERDER}


def test_beheerder_cannot_grant_ondertekenaar_which_they_lack(beheerder_client, sc):
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    keuzes = dict(beheerder_client.get(url).context["form"].fields["rollen"].choices)
    assert set(keuzes) == {Rol.MEDEWERKER, Rol.BEHEERDER}
    response = beheerder_client.post(url, nieuw_persoon(rollen=[Rol.ONDERTEKENAAR]))
    assert response.status_code == 200
    assert response.context["form"].errors["rollen"]
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()

    collega = sc.collega[sc.c1.pk]
    rollen_url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid_van(collega).pk})
    beheerder_client.post(rollen_url, {"rollen": [Rol.MEDEWERKER, Rol.ONDERTEKENAAR]})
    assert rollen_van(collega, sc.c1) == {Rol.MEDEWERKER}


def test_beheerder_with_ondertekenaar_role_can_grant_it(client, sc):
    beheerder = lid(sc.c1, Rol.MEDEWERKER, Rol.BEHEERDER, Rol.ONDERTEKENAAR, username="c1.hoofd")
    client.force_login(beheerder)
    collega = sc.collega[sc.c1.pk]
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid_van(collega).pk})
    response = client.post(url, {"rollen": [Rol.MEDEWERKER, Rol.ONDERTEKENAAR]})
    assert response.status_code == 302
    assert rollen_van(collega, sc.c1) == {Rol.MEDEWERKER, Rol.ONDERTEKENAAR}


def test_changing_roles_keeps_roles_the_beheerder_lacks(beheerder_client, sc):
    tekenaar = sc.gebruiker("corporatie_ondertekenaar")
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid_van(tekenaar).pk})
    beheerder_client.post(url, {"rollen": [Rol.MEDEWERKER, Rol.BEHEERDER]})
    assert rollen_van(tekenaar, sc.c1) == {Rol.MEDEWERKER, Rol.BEHEERDER, Rol.ONDERTEKENAAR}


def test_beheerder_cannot_drop_own_beheerder_role(beheerder_client, sc):
    zelf = sc.gebruiker("organisatie_beheerder")
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid_van(zelf).pk})
    response = beheerder_client.post(url, {"rollen": [Rol.MEDEWERKER]})
    assert response.status_code == 200
    assert "eigen beheerdersrol" in response.content.decode()
    assert Rol.BEHEERDER in rollen_van(zelf, sc.c1)


def test_beheerder_removes_a_member_whose_account_closes(beheerder_client, sc):
    collega = sc.collega[sc.c1.pk]
    url = reverse("gemeenten:lid_verwijderen", kwargs={"lidmaatschap_pk": lid_van(collega).pk})
    assert "verwijderen uit Corporatie Een" in beheerder_client.get(url).content.decode()
    response = beheerder_client.post(url)
    assert response.status_code == 302
    collega.refresh_from_db()
    assert not collega.lidmaatschappen.exists()
    assert not collega.is_active


def test_beheerder_cannot_remove_self_or_a_member_with_a_role_they_lack(beheerder_client, sc):
    zelf = sc.gebruiker("organisatie_beheerder")
    url = reverse("gemeenten:lid_verwijderen", kwargs={"lidmaatschap_pk": lid_van(zelf).pk})
    response = beheerder_client.post(url)
    assert response.status_code == 200
    assert "U kunt uzelf niet verwijderen" in response.content.decode()
    tekenaar = sc.gebruiker("corporatie_ondertekenaar")
    url = reverse("gemeenten:lid_verwijderen", kwargs={"lidmaatschap_pk": lid_van(tekenaar).pk})
    assert beheerder_client.post(url).status_code == 403
    assert rollen_van(zelf, sc.c1) and rollen_van(tekenaar, sc.c1)


# --- Other organisations --------------------------------------------------------------------


def test_beheerder_cannot_touch_another_organisation(beheerder_client, sc):
    andere = sc.collega[sc.c2.pk]
    lid_c2 = lid_van(andere)
    urls = [
        reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c2.pk}),
        reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c2.pk}),
        reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid_c2.pk}),
        reverse("gemeenten:lid_verwijderen", kwargs={"lidmaatschap_pk": lid_c2.pk}),
    ]
    for url in urls:
        assert beheerder_client.get(url).status_code == 403, url
    beheerder_client.post(urls[1], nieuw_persoon(rollen=[Rol.MEDEWERKER]))
    beheerder_client.post(urls[2], {"rollen": [Rol.MEDEWERKER, Rol.BEHEERDER]})
    beheerder_client.post(urls[3])
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()
    assert rollen_van(andere, sc.c2) == {Rol.MEDEWERKER}
    andere.refresh_from_db()
    assert andere.is_active


@pytest.mark.parametrize(
    "rol", ["gemeente_medewerker", "corporatie_medewerker", "corporatie_ondertekenaar"]
)
def test_members_without_beheerder_role_manage_nobody(client, sc, rol):
    client.force_login(sc.gebruiker(rol))
    collega = lid_van(sc.collega[sc.c1.pk])
    assert (
        client.get(reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk})).status_code
        == 403
    )
    url = reverse("gemeenten:lid_verwijderen", kwargs={"lidmaatschap_pk": collega.pk})
    assert client.post(url).status_code == 403
    assert Lidmaatschap.objects.filter(pk=collega.pk).exists()


def test_adding_someone_who_is_member_elsewhere_changes_nothing(beheerder_client, sc, mailoutbox):
    """Refused without saying so: the address's owner gets a notice, not an invitation."""
    andere = sc.collega[sc.c2.pk]
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    response = beheerder_client.post(
        url, nieuw_persoon(email=andere.email.upper(), rollen=[Rol.MEDEWERKER])
    )
    assert response["Location"] == reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk})
    assert not rollen_van(andere, sc.c1)
    assert rollen_van(andere, sc.c2) == {Rol.MEDEWERKER}
    andere.refresh_from_db()
    assert (andere.first_name, andere.last_name) != ("Nora", "Nieuwenhuis")
    assert [mail.subject for mail in mailoutbox] == ["Uitnodiging voor Driehoek niet uitgevoerd"]
    assert "Corporatie Een" in mailoutbox[0].body
    assert "wachtwoord-instellen" not in mailoutbox[0].body


def test_adding_an_address_of_a_superuser_changes_nothing(beheerder_client, sc):
    """A closed superuser account has no memberships; adding it must not reopen it."""
    superuser = sc.gebruiker("superuser")
    Gebruiker.objects.filter(pk=superuser.pk).update(is_active=False)
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    response = beheerder_client.post(
        url, nieuw_persoon(email=superuser.email, rollen=[Rol.MEDEWERKER])
    )
    assert response.status_code == 302
    superuser.refresh_from_db()
    assert not superuser.is_active
    assert not superuser.lidmaatschappen.exists()


def test_a_closed_account_is_reopened_in_the_new_organisation(beheerder_client, sc, mailoutbox):
    """Someone who left their organisation (account closed, no memberships) can be invited."""
    oud = factories.GebruikerFactory(email="oud@example.org", is_active=False)
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    beheerder_client.post(url, nieuw_persoon(email="oud@example.org", rollen=[Rol.MEDEWERKER]))
    oud.refresh_from_db()
    assert oud.is_active and rollen_van(oud, sc.c1) == {Rol.MEDEWERKER}
    assert mailoutbox[0].subject == "Uitnodiging voor Driehoek"


def zonder_csrf(tekst: str) -> str:
    """The page without its CSRF tokens, which differ per response (masked, 64 characters)."""
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "<csrf>", tekst)


def test_invite_page_answers_alike_for_known_and_unknown_addresses(beheerder_client, sc):
    """The invite form never tells whether an address already has an account."""
    url = reverse("gemeenten:uitnodigen")
    bekend = sc.collega[sc.c2.pk].email
    antwoorden = [
        beheerder_client.post(url, nieuw_persoon(organisatie=sc.c1.pk, email=adres), follow=True)
        for adres in ("nieuw@example.org", bekend)
    ]
    assert [a.redirect_chain for a in antwoorden] == [[(url, 302)], [(url, 302)]]
    onbekend_tekst, bekend_tekst = (zonder_csrf(a.content.decode()) for a in antwoorden)
    assert "Nora Nieuwenhuis is uitgenodigd voor Corporatie Een" in onbekend_tekst
    assert bekend_tekst == onbekend_tekst
    assert "al ergens lid" not in bekend_tekst
    assert Gebruiker.objects.filter(email="nieuw@example.org").exists()
    assert not rollen_van(sc.collega[sc.c2.pk], sc.c1)


def test_add_member_page_answers_alike_for_known_and_unknown_addresses(client, sc):
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    antwoorden = []
    for adres in ("nieuw@example.org", sc.collega[sc.c2.pk].email):
        response = client.post(url, nieuw_persoon(email=adres, rollen=[Rol.MEDEWERKER]))
        # The members page itself lists its members, as it should; the answer to the form
        # (status, target, body, message) is what must not differ.
        volgende = client.get(response["Location"])
        meldingen = [str(m) for m in volgende.context["messages"]]
        antwoorden.append((response.status_code, response["Location"], response.content, meldingen))
    assert antwoorden[0] == antwoorden[1]
    assert len(antwoorden[0][3]) == 1


def test_flash_message_after_adding_a_member_shows_once(beheerder_client, sc):
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    response = beheerder_client.post(url, nieuw_persoon(rollen=[Rol.MEDEWERKER]), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk}
    )
    assert response.content.decode().count("Nora Nieuwenhuis is uitgenodigd") == 1


def test_account_page_links_the_beheerder_to_their_members(beheerder_client, sc):
    tekst = beheerder_client.get(reverse("gemeenten:account")).content.decode()
    assert reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk}) in tekst


# --- The invite page: a beheerder into their own organisation ------------------------------


def test_beheerder_invites_into_own_organisation_only(beheerder_client, sc, mailoutbox):
    url = reverse("gemeenten:uitnodigen")
    keuzes = set(beheerder_client.get(url).context["form"].fields["organisatie"].queryset)
    assert keuzes == {sc.c1}
    response = beheerder_client.post(url, nieuw_persoon(organisatie=sc.c1.pk))
    assert response["Location"] == url
    nora = Gebruiker.objects.get(email="nora@example.org")
    assert rollen_van(nora, sc.c1) == {Rol.MEDEWERKER}
    assert len(mailoutbox) == 1
    assert "als lid van Corporatie Een" in mailoutbox[0].body


@pytest.mark.parametrize("organisatie", ["c2", "h1", "gemeente_a", "gemeente_b"])
def test_beheerder_cannot_invite_into_another_organisation(
    beheerder_client, sc, mailoutbox, organisatie
):
    doel = {
        "c2": sc.c2,
        "h1": sc.h1,
        "gemeente_a": sc.a.gemeente_org,
        "gemeente_b": sc.b.gemeente_org,
    }[organisatie]
    response = beheerder_client.post(
        reverse("gemeenten:uitnodigen"), nieuw_persoon(organisatie=doel.pk)
    )
    assert response.status_code == 200
    assert "waarvan u beheerder bent" in response.context["form"].errors["organisatie"][0]
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "rol",
    [
        "gemeente_medewerker",
        "corporatie_medewerker",
        "corporatie_ondertekenaar",
        "huurders_medewerker",
    ],
)
def test_members_without_beheerder_role_invite_nobody(client, sc, rol, mailoutbox):
    client.force_login(sc.gebruiker(rol))
    url = reverse("gemeenten:uitnodigen")
    assert client.get(url).status_code == 403
    for organisatie in (sc.c1, sc.h1, sc.a.gemeente_org, sc.b.gemeente_org):
        assert client.post(url, nieuw_persoon(organisatie=organisatie.pk)).status_code == 403
    assert "Iemand uitnodigen" not in client.get(reverse("gemeenten:account")).content.decode()
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()
    assert mailoutbox == []


def test_gemeente_beheerder_invites_into_the_gemeente_itself_only(client, sc):
    beheerder = lid(sc.a.gemeente_org, Rol.MEDEWERKER, Rol.BEHEERDER, username="ga.beheerder")
    client.force_login(beheerder)
    url = reverse("gemeenten:uitnodigen")
    keuzes = set(client.get(url).context["form"].fields["organisatie"].queryset)
    assert keuzes == {sc.a.gemeente_org}
    assert client.post(url, nieuw_persoon(organisatie=sc.c1.pk)).status_code == 200
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()
    assert "Iemand uitnodigen" in client.get(reverse("gemeenten:account")).content.decode()


def test_superuser_invites_into_any_organisation(client, sc):
    client.force_login(sc.gebruiker("superuser"))
    url = reverse("gemeenten:uitnodigen")
    keuzes = set(client.get(url).context["form"].fields["organisatie"].queryset)
    assert {sc.c1, sc.c3, sc.h1, sc.b.gemeente_org} <= keuzes
    client.post(url, nieuw_persoon(organisatie=sc.b.gemeente_org.pk))
    nora = Gebruiker.objects.get(email="nora@example.org")
    assert rollen_van(nora, sc.b.gemeente_org) == {Rol.MEDEWERKER}


# --- The service itself ---------------------------------------------------------------------


def test_lid_toevoegen_refuses_anyone_but_the_beheerder(sc):
    for rol in ("gemeente_medewerker", "corporatie_medewerker", "organisatie_beheerder"):
        with pytest.raises(PermissionDenied):
            services.lid_toevoegen(
                organisatie=sc.b.gemeente_org,
                voornaam="Nora",
                achternaam="Nieuwenhuis",
                email="nora@example.org",
                rollen={Rol.MEDEWERKER},
                door=sc.gebruiker(rol),
            )
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()


def test_lid_toevoegen_returns_nothing_for_an_address_that_cannot_join(sc):
    andere = sc.collega[sc.c2.pk]
    assert (
        services.lid_toevoegen(
            organisatie=sc.c1,
            voornaam="Nora",
            achternaam="Nieuwenhuis",
            email=andere.email,
            rollen={Rol.MEDEWERKER},
            door=sc.gebruiker("organisatie_beheerder"),
        )
        is None
    )
    assert not rollen_van(andere, sc.c1)
