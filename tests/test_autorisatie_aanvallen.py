"""Who may do what, beyond the table of tests/test_autorisatie.py: POSTs with fields the user
may not change change nothing, and another organisation as POST payload is refused. The lists
and exports are in tests/test_autorisatie_lijsten.py.
"""

import pytest
from django.test import Client
from django.urls import reverse

from afspraken.constants import Voortgang
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Partij, Stap
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap
from tests.wereld import ROLLEN, autorisatiewereld

pytestmark = pytest.mark.django_db


# --- POSTs with fields the user may not change ----------------------------------------------


def test_trekker_posting_afspraak_fields_to_progress_changes_only_progress():
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    jaarafspraak = sc.a.jaarafspraken[0]
    afspraak = jaarafspraak.afspraak
    voor = Afspraak.objects.values().get(pk=afspraak.pk)
    plan = jaarafspraak.tekst
    response = client.post(
        reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk}),
        {
            "versie": jaarafspraak.versie,
            "status": Voortgang.OP_KOERS,
            # Not theirs to change either: the agreed plan of the year (issue #15, point 3).
            "tekst": "Plan C1 bijgewerkt",
            # Not theirs to change:
            "inhoud": "Gehackte afspraaktekst",
            "code": "X99",
            "thema": sc.b.thema.pk,
            "trekkers": [sc.c2.pk],
            "afspraak": sc.a.afspraken[1].pk,
            "jaarschijf": sc.b.jaarschijf.pk,
            "jaarschijf_status": "vastgesteld",
        },
    )
    assert response.status_code == 302
    jaarafspraak.refresh_from_db()
    assert (jaarafspraak.tekst, jaarafspraak.status) == (plan, Voortgang.OP_KOERS)
    assert (jaarafspraak.afspraak_id, jaarafspraak.jaarschijf_id) == (
        afspraak.pk,
        sc.a.jaarschijf.pk,
    )
    na = Afspraak.objects.values().get(pk=afspraak.pk)
    assert {k: v for k, v in na.items() if k != "versie"} == {
        k: v for k, v in voor.items() if k != "versie"
    }
    assert list(afspraak.trekkers.all()) == [sc.c1]
    assert Jaarschijf.objects.get(pk=sc.a.jaarschijf.pk).status == sc.a.jaarschijf.status


def test_corporatie_cannot_touch_progress_of_another_trekker_in_the_same_agreement():
    """In the shared agreement C1 may not change the progress or steps of C2's afspraak."""
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    jaarafspraak = sc.a.jaarafspraken[1]  # trekker C2
    stap = sc.a.stappen[1]  # C2's step
    url = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk})
    response = client.post(
        url, {"versie": jaarafspraak.versie, "tekst": "Overgenomen", "status": "gerealiseerd"}
    )
    assert response.status_code == 403
    afronden = reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk})
    assert client.post(afronden, {"afgerond": "1"}).status_code == 403
    jaarafspraak.refresh_from_db()
    stap.refresh_from_db()
    assert jaarafspraak.tekst != "Overgenomen" and not stap.afgerond


def test_trekker_completing_a_step_cannot_change_its_text_or_party():
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("corporatie_medewerker"))
    stap = sc.a.stappen[0]
    tekst, organisatie_id = stap.tekst, stap.organisatie_id
    response = client.post(
        reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk}),
        {"afgerond": "1", "tekst": "Gehackt", "organisatie": sc.c2.pk},
    )
    assert response.status_code == 302
    stap = Stap.objects.get(pk=stap.pk)
    assert stap.afgerond
    assert (stap.tekst, stap.organisatie_id) == (tekst, organisatie_id)


def test_huurders_posting_progress_changes_nothing():
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("huurders_medewerker"))
    jaarafspraak = sc.a.jaarafspraken[0]
    voor = Jaarafspraak.objects.values().get(pk=jaarafspraak.pk)
    response = client.post(
        reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk}),
        {"versie": jaarafspraak.versie, "tekst": "Huurders", "status": "vervallen"},
    )
    assert response.status_code == 403
    assert Jaarafspraak.objects.values().get(pk=jaarafspraak.pk) == voor


def test_beheerder_posting_a_higher_role_changes_nothing():
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    collega = sc.collega[sc.c1.pk]
    lid = Lidmaatschap.objects.get(gebruiker=collega)
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": lid.pk})
    response = client.post(url, {"rollen": [Rol.MEDEWERKER, Rol.ONDERTEKENAAR]})
    assert response.status_code == 200  # the form refuses the choice
    assert set(collega.lidmaatschappen.values_list("rol", flat=True)) == {Rol.MEDEWERKER}
    # Not for themselves either.
    eigen = Lidmaatschap.objects.filter(gebruiker=sc.gebruiker("organisatie_beheerder")).first()
    url = reverse("gemeenten:lid_rollen", kwargs={"lidmaatschap_pk": eigen.pk})
    client.post(url, {"rollen": [Rol.MEDEWERKER, Rol.BEHEERDER, Rol.ONDERTEKENAAR]})
    assert Rol.ONDERTEKENAAR not in set(
        Lidmaatschap.objects.filter(gebruiker=eigen.gebruiker).values_list("rol", flat=True)
    )
    aantal = Gebruiker.objects.count()
    response = client.post(
        reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": sc.c1.pk}),
        {
            "voornaam": "Nieuwe",
            "achternaam": "Tekenaar",
            "email": "tekenaar@example.org",
            "rollen": [Rol.MEDEWERKER, Rol.ONDERTEKENAAR],
        },
    )
    assert response.status_code == 200
    assert Gebruiker.objects.count() == aantal


def test_beheerder_inviting_with_a_role_field_invites_a_medewerker_only(mailoutbox):
    sc = autorisatiewereld()
    client = Client()
    client.force_login(sc.gebruiker("organisatie_beheerder"))
    response = client.post(
        reverse("gemeenten:uitnodigen"),
        {
            "organisatie": sc.c1.pk,
            "voornaam": "Nina",
            "achternaam": "Nieuw",
            "email": "nina@example.org",
            "rollen": [Rol.BEHEERDER, Rol.ONDERTEKENAAR],
            "rol": Rol.BEHEERDER,
        },
    )
    assert response.status_code == 302
    nina = Gebruiker.objects.get(email="nina@example.org")
    assert list(nina.lidmaatschappen.values_list("organisatie_id", "rol")) == [
        (sc.c1.pk, Rol.MEDEWERKER)
    ]
    assert len(mailoutbox) == 1


# --- Another organisation as POST payload, in detail --------------------------------------
# The table walks these as its `POST-aanval` rows; here the dropdown, the Dutch message and
# every foreign organisation are checked as well.


def test_gemeente_cannot_add_another_gemeentes_organisation_as_party():
    sc = autorisatiewereld()
    url = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": sc.a.overeenkomst.pk})
    for rol in ("gemeente_medewerker", "superuser"):
        client = Client()
        client.force_login(sc.gebruiker(rol))
        keuzes = client.get(url).context["form"].fields["organisatie"].queryset
        assert sc.b.gemeente_org not in keuzes and sc.c3 in keuzes, rol
        response = client.post(url, {"organisatie": sc.b.gemeente_org.pk})
        assert response.status_code == 200, rol
        assert "organisatie van een andere gemeente" in response.content.decode(), rol
    assert (
        not Partij.objects.filter(organisatie=sc.b.gemeente_org)
        .exclude(overeenkomst=sc.b.overeenkomst)
        .exists()
    )


def test_nobody_invites_into_a_foreign_organisation(mailoutbox):
    sc = autorisatiewereld()
    gebruikers, leden = Gebruiker.objects.count(), Lidmaatschap.objects.count()
    vreemd = [sc.b.gemeente_org, sc.a.gemeente_org, sc.c2, sc.c3, sc.h1]
    for rol in ROLLEN:
        if rol in ("anoniem", "superuser"):
            continue
        client = Client()
        client.force_login(sc.gebruiker(rol))
        for organisatie in vreemd:
            persoon = {
                "voornaam": "Indringer",
                "achternaam": "Overname",
                "email": f"{rol}.{organisatie.pk}@example.org",
                "rollen": [Rol.MEDEWERKER],
            }
            uitnodigen = client.post(
                reverse("gemeenten:uitnodigen"), {**persoon, "organisatie": organisatie.pk}
            )
            assert uitnodigen.status_code in (200, 403), (rol, organisatie)
            toevoegen = client.post(
                reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": organisatie.pk}),
                persoon,
            )
            assert toevoegen.status_code == 403, (rol, organisatie)
    assert (Gebruiker.objects.count(), Lidmaatschap.objects.count()) == (gebruikers, leden)
    assert mailoutbox == []
