"""Member management by an organisation's beheerder and invitations by gemeente staff."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap
from tests import factories
from tests.scenario import bouw_scenario, lid

pytestmark = pytest.mark.django_db


@pytest.fixture
def sc():
    return bouw_scenario()


@pytest.fixture
def beheerder_client(client, sc):
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    return client


def rollen_van(user, organisatie):
    return set(
        Lidmaatschap.objects.filter(gebruiker=user, organisatie=organisatie).values_list(
            "rol", flat=True
        )
    )


def lid_van(user):
    return Lidmaatschap.objects.filter(gebruiker=user).first()


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


def test_adding_someone_who_is_member_elsewhere_is_refused(beheerder_client, sc):
    andere = sc.collega[sc.c2.pk]
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    response = beheerder_client.post(
        url, nieuw_persoon(email=andere.email.upper(), rollen=[Rol.MEDEWERKER])
    )
    assert response.status_code == 200
    assert "al ergens lid" in response.content.decode()
    assert not rollen_van(andere, sc.c1)


def test_adding_an_address_of_a_superuser_is_refused(beheerder_client, sc):
    """A closed superuser account has no memberships; adding it must not reopen it."""
    superuser = sc.gebruiker("superuser")
    Gebruiker.objects.filter(pk=superuser.pk).update(is_active=False)
    url = reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk})
    response = beheerder_client.post(
        url, nieuw_persoon(email=superuser.email, rollen=[Rol.MEDEWERKER])
    )
    assert response.status_code == 200
    superuser.refresh_from_db()
    assert not superuser.is_active
    assert not superuser.lidmaatschappen.exists()


def test_account_page_links_the_beheerder_to_their_members(beheerder_client, sc):
    tekst = beheerder_client.get(reverse("gemeenten:account")).content.decode()
    assert reverse("gemeenten:leden", kwargs={"organisatie_pk": sc.c1.pk}) in tekst


# --- Invitations by gemeente staff ----------------------------------------------------------


def test_gemeente_invites_a_person_of_a_party(client, sc, mailoutbox):
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    url = reverse("gemeenten:uitnodigen")
    keuzes = set(client.get(url).context["form"].fields["organisatie"].queryset)
    assert keuzes == {sc.c1, sc.c2, sc.h1}
    response = client.post(url, nieuw_persoon(organisatie=sc.h1.pk))
    assert response["Location"] == url
    nora = Gebruiker.objects.get(email="nora@example.org")
    assert rollen_van(nora, sc.h1) == {Rol.MEDEWERKER}
    assert len(mailoutbox) == 1
    assert "als lid van Huurders Aadorp" in mailoutbox[0].body


def test_gemeente_cannot_invite_for_another_gemeente(client, sc, mailoutbox):
    client.force_login(sc.gebruiker("gemeente_medewerker"))
    response = client.post(reverse("gemeenten:uitnodigen"), nieuw_persoon(organisatie=sc.c3.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["organisatie"]
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    "rol", ["corporatie_medewerker", "huurders_medewerker", "organisatie_beheerder"]
)
def test_only_gemeente_staff_invite(client, sc, rol):
    client.force_login(sc.gebruiker(rol))
    url = reverse("gemeenten:uitnodigen")
    assert client.get(url).status_code == 403
    assert client.post(url, nieuw_persoon(organisatie=sc.c1.pk)).status_code == 403
    assert not Gebruiker.objects.filter(email="nora@example.org").exists()


def test_gemeente_without_agreements_has_no_invite_page(client):
    gemeente = factories.GemeenteOrganisatieFactory()
    client.force_login(lid(gemeente, Rol.MEDEWERKER, username="eenzaam"))
    assert client.get(reverse("gemeenten:uitnodigen")).status_code == 403
