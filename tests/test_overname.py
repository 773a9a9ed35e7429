"""The takeover of another gemeente (issue 8), replayed end to end, and every path it took.

As reported: `bo.medewerker` (gemeente Borger-Odoorn) adds Gemeente Hoogeveen as a party to
a Borger-Odoorn agreement, invites a new person into Gemeente Hoogeveen, sets that password
from the invitation link and, as a Hoogeveen member, edits Hoogeveen's agreement, moves its
jaarschijf to ter bespreking and imports workbooks for it. Each step must be refused with a
Dutch message, and afterwards nothing of Hoogeveen has changed and nobody new exists.

The rules that stop it live in one place each: one gemeente party per agreement, its own
(afspraken.services.overeenkomst, asked by the service, the add-party form, the admin and
the workbook importer); people join an organisation only through its own beheerder
(gemeenten.rules.is_uitnodiger, asked by both invite pages, their links and
gemeenten.services.lid_toevoegen).
"""

import io

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse

from afspraken import services
from afspraken.admin import PartijInline
from afspraken.constants import XLSX_MEDIA_TYPE
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Overeenkomst, Partij, Thema
from afspraken.services.overeenkomst import mogelijke_partijen
from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap, Organisatie
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests import factories
from tests.monitoring.werkboeken import bewerk, zet_cel
from tests.wereld import lid, partijwereld

pytestmark = pytest.mark.django_db

XLSX = XLSX_MEDIA_TYPE
# The 403 page (templates/403.html) heads every refusal in Dutch, whatever the reason given.
GEEN_TOEGANG = '<h1 class="utrecht-heading-1">Geen toegang</h1>'
INDRINGER = "indringer@example.org"


class Wereld:
    """Borger-Odoorn and Hoogeveen as in the demo: each its gemeente organisation, corporaties
    (Woonservice works in both) and huurders, one agreement with a concept jaarschijf."""

    def __init__(self):
        ws = factories.OrganisatieFactory(naam="Woonservice", afkorting="WS")
        lf = factories.OrganisatieFactory(naam="Lefier", afkorting="LF")
        dom = factories.OrganisatieFactory(naam="Domesta", afkorting="DOM")
        hvss = factories.HuurdersorganisatieFactory(naam="Samen Sterk", afkorting="HVSS")
        shdh = factories.HuurdersorganisatieFactory(naam="Huurders De Hoogte", afkorting="SHDH")
        self.bo = partijwereld("Borger-Odoorn", [ws, lf], hvss)
        self.hgv = partijwereld("Hoogeveen", [ws, dom], shdh)
        self.bo_medewerker = lid(self.bo.gemeente_org, Rol.MEDEWERKER, username="bo.medewerker")
        self.bo_beheerder = lid(
            self.bo.gemeente_org, Rol.MEDEWERKER, Rol.BEHEERDER, username="bo.beheerder"
        )
        self.hgv_medewerker = lid(self.hgv.gemeente_org, Rol.MEDEWERKER, username="hgv.medewerker")
        self.superuser = factories.GebruikerFactory(
            username="admin", is_superuser=True, is_staff=True
        )


@pytest.fixture
def wereld():
    return Wereld()


def stand_van(partijwereld) -> dict:
    """Every row of the gemeente's organisation and agreement, and everyone on the site."""
    overeenkomst = partijwereld.overeenkomst
    organisatie = partijwereld.gemeente_org
    return {
        "organisatie": list(Organisatie.objects.filter(pk=organisatie.pk).values()),
        "leden": list(Lidmaatschap.objects.filter(organisatie=organisatie).values()),
        "partij bij": list(Partij.objects.filter(organisatie=organisatie).values()),
        "overeenkomst": list(Overeenkomst.objects.filter(pk=overeenkomst.pk).values()),
        "partijen": list(Partij.objects.filter(overeenkomst=overeenkomst).values()),
        "themas": list(Thema.objects.filter(overeenkomst=overeenkomst).values()),
        "afspraken": list(Afspraak.objects.filter(overeenkomst=overeenkomst).values()),
        "jaarschijven": list(Jaarschijf.objects.filter(overeenkomst=overeenkomst).values()),
        "jaarafspraken": list(
            Jaarafspraak.objects.filter(jaarschijf__overeenkomst=overeenkomst).values()
        ),
        "gebruikers": list(Gebruiker.objects.values_list("pk", "username", "is_active")),
        "lidmaatschappen": list(Lidmaatschap.objects.values_list("pk", flat=True)),
    }


def ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def upload(inhoud) -> dict:
    if hasattr(inhoud, "getvalue"):
        inhoud = inhoud.getvalue()
    return {"bestand": SimpleUploadedFile("werkboek.xlsx", inhoud, content_type=XLSX)}


def met_gemeentepartij(partijwereld, naam: str) -> io.BytesIO:
    """The agreement's workbook with another name in the gemeente party's row (row 2)."""

    def wijzig(werkboek):
        zet_cel(werkboek["partijen"], 2, "naam", naam)

    return bewerk(werkboek_exporteren(jaarschijf=partijwereld.jaarschijf), wijzig)


def nieuw_persoon(organisatie) -> dict:
    return {
        "organisatie": organisatie.pk,
        "voornaam": "Ingrid",
        "achternaam": "Indringer",
        "email": INDRINGER,
        "rollen": [Rol.MEDEWERKER, Rol.BEHEERDER],
    }


# --- The takeover, step by step ---------------------------------------------------------------


def test_overname_van_hoogeveen_wordt_bij_elke_stap_geweigerd(wereld, mailoutbox):
    bo, hgv = wereld.bo, wereld.hgv
    voor = stand_van(hgv)
    client = ingelogd(wereld.bo_medewerker)
    _stap_1_partij(client, bo, hgv)
    _stap_2_lid(client, ingelogd(wereld.bo_beheerder), hgv)
    _stap_3_wachtwoord(mailoutbox)
    _stap_4_overeenkomst(client, hgv)

    # Nothing of Hoogeveen changed, and nobody new exists.
    assert stand_van(hgv) == voor
    assert not Gebruiker.objects.filter(email__iexact=INDRINGER).exists()
    assert not Partij.objects.filter(overeenkomst=bo.overeenkomst, organisatie=hgv.gemeente_org)


def _stap_1_partij(client, bo, hgv):
    """1. Gemeente Hoogeveen as a party of Borger-Odoorn's agreement: not offered, and
    refused."""
    partijen_url = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": bo.overeenkomst.pk})
    keuzes = client.get(partijen_url).context["form"].fields["organisatie"].queryset
    assert hgv.gemeente_org not in keuzes
    assert set(hgv.corporaties) - set(bo.corporaties) <= set(keuzes)
    response = client.post(partijen_url, {"organisatie": hgv.gemeente_org.pk})
    assert response.status_code == 200
    assert "de organisatie van een andere gemeente, kan niet worden toegevoegd" in (
        response.content.decode()
    )
    # The same choice through a Borger-Odoorn workbook that names Hoogeveen as its gemeente.
    import_url = reverse("monitoring:werkboek-import")
    response = client.post(import_url, upload(met_gemeentepartij(bo, hgv.gemeente_org.naam)))
    assert response.status_code == 200
    assert [str(fout) for fout in response.context["fouten"]] == [
        "partijen, rij 2, kolom naam: Gemeente Hoogeveen is de gemeente Hoogeveen. Bij een "
        "overeenkomst van gemeente Borger-Odoorn is alleen gemeente Borger-Odoorn zelf partij."
    ]
    assert "Gemeente Hoogeveen is de gemeente Hoogeveen" in response.content.decode()


def _stap_2_lid(client, beheerder, hgv):
    """2. A new person in Gemeente Hoogeveen: a gemeente medewerker invites nobody, and the
    beheerder of Borger-Odoorn only into Borger-Odoorn."""
    for url in (
        reverse("gemeenten:uitnodigen"),
        reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": hgv.gemeente_org.pk}),
    ):
        response = client.post(url, nieuw_persoon(hgv.gemeente_org))
        assert response.status_code == 403
        assert GEEN_TOEGANG in response.content.decode()
    response = beheerder.post(reverse("gemeenten:uitnodigen"), nieuw_persoon(hgv.gemeente_org))
    assert response.status_code == 200
    assert "waarvan u beheerder bent" in response.content.decode()
    response = beheerder.post(
        reverse("gemeenten:lid_toevoegen", kwargs={"organisatie_pk": hgv.gemeente_org.pk}),
        nieuw_persoon(hgv.gemeente_org),
    )
    assert response.status_code == 403


def _stap_3_wachtwoord(mailoutbox):
    """3. No invitation link to set a password with; asking for one finds no account
    either."""
    assert mailoutbox == []
    anoniem = Client()
    response = anoniem.post(reverse("gemeenten:password_reset"), {"email": INDRINGER})
    assert response.status_code == 302
    assert mailoutbox == []


def _stap_4_overeenkomst(client, hgv):
    """4. Hoogeveen's agreement, its jaarschijf and its workbook stay out of reach."""
    import_url = reverse("monitoring:werkboek-import")
    stappen = [
        (
            reverse(
                "afspraken:overeenkomst-bewerken", kwargs={"overeenkomst_pk": hgv.overeenkomst.pk}
            ),
            {"titel": "Overgenomen", "startdatum": "2026-01-01", "einddatum": "2026-12-31"},
        ),
        (
            reverse(
                "afspraken:jaarschijf-ter-bespreking", kwargs={"jaarschijf_pk": hgv.jaarschijf.pk}
            ),
            {},
        ),
        (reverse("afspraken:partijen", kwargs={"overeenkomst_pk": hgv.overeenkomst.pk}), {}),
    ]
    for url, data in stappen:
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert GEEN_TOEGANG in response.content.decode(), url
    response = client.post(import_url, upload(werkboek_exporteren(jaarschijf=hgv.jaarschijf)))
    assert response.status_code == 200
    assert [fout.reden for fout in response.context["fouten"]] == [
        "het werkboek gaat over gemeente 'Hoogeveen'; u kunt alleen werkboeken van gemeente "
        "'Borger-Odoorn' importeren"
    ]


def test_hoogeveen_zelf_kan_nog_gewoon_werken(wereld):
    """The refusals above are about the other gemeente: Hoogeveen's own staff still edit."""
    client = ingelogd(wereld.hgv_medewerker)
    url = reverse(
        "afspraken:jaarschijf-ter-bespreking", kwargs={"jaarschijf_pk": wereld.hgv.jaarschijf.pk}
    )
    assert client.post(url).status_code == 302
    assert Jaarschijf.objects.get(pk=wereld.hgv.jaarschijf.pk).status == "ter_bespreking"


# --- One gemeente party, its own: every path that writes parties ------------------------------


def test_partij_toevoegen_weigert_een_andere_gemeente_ook_voor_een_superuser(wereld):
    with pytest.raises(ValidationError) as fout:
        services.partij_toevoegen(
            overeenkomst=wereld.bo.overeenkomst,
            organisatie=wereld.hgv.gemeente_org,
            door=wereld.superuser,
        )
    assert fout.value.message_dict["organisatie"] == [
        "Gemeente Hoogeveen is de gemeente Hoogeveen. Bij een overeenkomst van gemeente "
        "Borger-Odoorn is alleen gemeente Borger-Odoorn zelf partij."
    ]
    assert not Partij.objects.filter(organisatie=wereld.hgv.gemeente_org).exclude(
        overeenkomst=wereld.hgv.overeenkomst
    )


def test_partij_toevoegen_weigert_een_tweede_gemeentepartij(wereld):
    tweede = factories.GemeenteOrganisatieFactory(
        gemeente=wereld.bo.gemeente, naam="Gemeente Borger-Odoorn (oud)"
    )
    with pytest.raises(ValidationError, match="één gemeente als partij"):
        services.partij_toevoegen(
            overeenkomst=wereld.bo.overeenkomst, organisatie=tweede, door=wereld.superuser
        )
    assert tweede not in mogelijke_partijen(wereld.bo.overeenkomst)


def test_de_eigen_gemeente_blijft_partij(wereld):
    partij = Partij.objects.get(
        overeenkomst=wereld.bo.overeenkomst, organisatie=wereld.bo.gemeente_org
    )
    with pytest.raises(ValidationError, match="blijft daarom partij"):
        services.partij_verwijderen(partij=partij, door=wereld.bo_medewerker)
    client = ingelogd(wereld.bo_medewerker)
    url = reverse("afspraken:partij-verwijderen", kwargs={"partij_pk": partij.pk})
    response = client.post(url)
    assert response.status_code == 200
    assert (
        "Gemeente Borger-Odoorn is de gemeente van deze overeenkomst en blijft daarom partij"
        in (response.content.decode())
    )
    assert Partij.objects.filter(pk=partij.pk).exists()


def test_een_overeenkomst_begint_met_haar_eigen_gemeente(wereld):
    zonder = factories.GemeenteFactory(naam="Westerveld")
    aantal = Overeenkomst.objects.count()
    with pytest.raises(ValidationError, match="heeft nog geen organisatie in Driehoek"):
        services.overeenkomst_aanmaken(
            gemeente=zonder,
            titel="Zonder gemeente",
            startdatum="2026-01-01",
            einddatum="2026-12-31",
            door=wereld.superuser,
        )
    assert Overeenkomst.objects.count() == aantal


def test_het_werkboek_maakt_geen_tweede_gemeente_aan(wereld):
    voor = stand_van(wereld.bo)
    werkboek = lees_werkboek(met_gemeentepartij(wereld.bo, "Gemeente Borger-Odoorn 2"))
    with pytest.raises(WerkboekFout) as fout:
        werkboek_importeren(werkboek=werkboek, door=wereld.superuser)
    assert [str(melding) for melding in fout.value.fouten] == [
        "partijen, rij 2, kolom naam: gemeente Borger-Odoorn heeft in Driehoek al een "
        "organisatie, Gemeente Borger-Odoorn; noem die als partij van het type gemeente"
    ]
    assert stand_van(wereld.bo) == voor
    assert not Organisatie.objects.filter(naam="Gemeente Borger-Odoorn 2").exists()


# --- The Django admin meets the same rule ----------------------------------------------------


def test_admin_voegt_geen_andere_gemeente_toe_en_verwijdert_de_eigen_niet(wereld):
    client = ingelogd(wereld.superuser)
    aantal = Partij.objects.count()
    response = client.post(
        reverse("admin:afspraken_partij_add"),
        {
            "overeenkomst": wereld.bo.overeenkomst.pk,
            "organisatie": wereld.hgv.gemeente_org.pk,
            "volgorde": 9,
            "vertegenwoordiger": "",
            "functie": "",
        },
    )
    assert response.status_code == 200
    assert "is de gemeente Hoogeveen" in response.content.decode()
    assert Partij.objects.count() == aantal

    eigen = Partij.objects.get(
        overeenkomst=wereld.bo.overeenkomst, organisatie=wereld.bo.gemeente_org
    )
    assert client.get(reverse("admin:afspraken_partij_delete", args=[eigen.pk])).status_code == 403
    assert client.post(reverse("admin:afspraken_partij_delete", args=[eigen.pk])).status_code == 403
    wijzig = client.get(reverse("admin:afspraken_partij_change", args=[eigen.pk]))
    assert "organisatie" not in wijzig.context["adminform"].form.fields
    assert Partij.objects.filter(pk=eigen.pk).exists()


def partij_formset(wereld, overeenkomst, wijzig):
    """The admin's party inline of `overeenkomst`, bound to its current rows after `wijzig`."""
    request = RequestFactory().post("/")
    request.user = wereld.superuser
    inline = PartijInline(Overeenkomst, admin.site)
    formset_klasse = inline.get_formset(request, overeenkomst)
    leeg = formset_klasse(instance=overeenkomst)
    data = {
        f"{leeg.prefix}-TOTAL_FORMS": str(len(leeg.forms)),
        f"{leeg.prefix}-INITIAL_FORMS": str(len(leeg.forms)),
    }
    for form in leeg.forms:
        for naam in form.fields:
            waarde = form[naam].value()
            if waarde is not None and waarde is not False:
                data[f"{form.prefix}-{naam}"] = waarde
    wijzig(data, leeg.prefix, len(leeg.forms))
    return formset_klasse(data, instance=overeenkomst)


def test_admin_inline_houdt_een_gemeentepartij_de_eigen(wereld):
    overeenkomst = wereld.bo.overeenkomst
    hgv = wereld.hgv.gemeente_org

    def erbij(data, prefix, aantal):
        data[f"{prefix}-TOTAL_FORMS"] = str(aantal + 1)
        data[f"{prefix}-{aantal}-organisatie"] = hgv.pk
        data[f"{prefix}-{aantal}-overeenkomst"] = overeenkomst.pk
        data[f"{prefix}-{aantal}-volgorde"] = 9

    formset = partij_formset(wereld, overeenkomst, erbij)
    assert not formset.is_valid()
    assert "is de gemeente Hoogeveen" in str(formset.errors)

    eigen_index = next(
        i
        for i, p in enumerate(Partij.objects.filter(overeenkomst=overeenkomst))
        if p.organisatie_id == wereld.bo.gemeente_org.pk
    )

    def weg(data, prefix, aantal):
        data[f"{prefix}-{eigen_index}-DELETE"] = "on"

    formset = partij_formset(wereld, overeenkomst, weg)
    assert not formset.is_valid()
    assert "blijft daarom partij" in str(formset.non_form_errors())

    def omwisselen(data, prefix, aantal):
        # Changing the organisation of a stored row is no way around it: the field is fixed.
        data[f"{prefix}-{eigen_index}-organisatie"] = hgv.pk

    formset = partij_formset(wereld, overeenkomst, omwisselen)
    assert formset.is_valid()
    assert formset.forms[eigen_index].cleaned_data["organisatie"] == wereld.bo.gemeente_org
