"""Every new part of the document is editable in the browser by the gemeente (issue #9),
through the existing forms and views; a partner cannot, and a frozen jaarschijf refuses."""

import pytest
from django.urls import reverse

from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.constants import JaarschijfStatus, Plek, Soort
from afspraken.models import Afspraak, Hoofdstuk, Jaarafspraak, Jaarschijf, Partij, Stap
from tests import factories
from tests.wereld import HTMX, paginawereld

pytestmark = pytest.mark.django_db


@pytest.fixture
def opbouw():
    return paginawereld(2, status=JaarschijfStatus.CONCEPT)


@pytest.fixture
def gemeente(client, opbouw):
    client.force_login(opbouw.gemeente_gebruiker)
    return client


def _url(naam, **kwargs):
    return reverse(f"afspraken:{naam}", kwargs=kwargs)


def test_hoofdstukken_in_the_browser(gemeente, opbouw):
    js = opbouw.jaarschijf
    thema = opbouw.overeenkomst.themas.get(letter="A")
    toevoegen = _url("hoofdstuk-toevoegen", jaarschijf_pk=js.pk)
    assert gemeente.get(f"{toevoegen}?plek=thema&thema={thema.pk}").status_code == 200
    response = gemeente.post(
        toevoegen, {"plek": "thema", "soort": "context", "kop": "Context", "tekst": "Waarom."}
    )
    assert "Kies het thema waarin deze tekst staat." in response.content.decode()
    data = {"plek": "thema", "thema": thema.pk, "soort": "context", "kop": "Context"}
    response = gemeente.post(toevoegen, {**data, "tekst": "Waarom."})
    eerste = Hoofdstuk.objects.get(jaarschijf=js)
    assert response.status_code == 302 and response["Location"].endswith(f"#hoofdstuk-{eerste.pk}")
    gemeente.post(toevoegen, {**data, "kop": "Tweede", "tekst": "Daarna."})
    tweede = Hoofdstuk.objects.get(jaarschijf=js, kop="Tweede")
    gemeente.post(_url("hoofdstuk-verplaatsen", hoofdstuk_pk=tweede.pk), {"richting": "omhoog"})
    assert [h.kop for h in js.hoofdstukken.order_by("volgorde")] == ["Tweede", "Context"]
    eerste.refresh_from_db()
    response = gemeente.post(
        _url("hoofdstuk-bewerken", hoofdstuk_pk=eerste.pk),
        {
            "plek": "na",
            "soort": "slotbepaling",
            "kop": "Slot",
            "tekst": "Einde.",
            "versie": eerste.versie,
        },
    )
    assert response.status_code == 302
    eerste.refresh_from_db()
    assert (eerste.plek, eerste.thema, eerste.kop) == (Plek.NA, None, "Slot")
    gemeente.post(_url("hoofdstuk-verwijderen", hoofdstuk_pk=eerste.pk))
    assert not Hoofdstuk.objects.filter(pk=eerste.pk).exists()


def test_partners_may_not_edit_hoofdstukken(client, opbouw):
    client.force_login(opbouw.corporatie_gebruiker)
    url = _url("hoofdstuk-toevoegen", jaarschijf_pk=opbouw.jaarschijf.pk)
    response = client.post(url, {"plek": "voor", "soort": "overig", "kop": "X", "tekst": "X"})
    assert response.status_code == 403
    assert not Hoofdstuk.objects.exists()


def test_the_jaarschijf_form_takes_the_document_fields(gemeente, opbouw):
    js = opbouw.jaarschijf
    response = gemeente.post(
        _url("jaarschijf-bewerken", jaarschijf_pk=js.pk),
        {
            "titel": "Jaarschijf 2026-2027",
            "tot_jaar": "2027",
            "documentdatum": "November 2025",
            "geldig_vanaf": "2026-01-01",
            "geldig_na_ondertekening": "on",
            "geldig_tot": "2027-12-31",
            "versie": js.versie,
        },
    )
    assert response.status_code == 302
    js.refresh_from_db()
    assert (js.jaren, js.documentdatum, js.geldig_na_ondertekening) == (
        "2026-2027",
        "November 2025",
        True,
    )
    # Unchecked, as a browser sends it: the document has no numbers.
    assert js.nummering_tonen is False


def test_a_new_jaarschijf_that_overlaps_is_refused_in_dutch(gemeente, opbouw):
    url = _url("jaarschijf-aanmaken", overeenkomst_pk=opbouw.overeenkomst.pk)
    response = gemeente.post(url, {"jaar": "2024", "tot_jaar": "2025", "nummering_tonen": "on"})
    html = response.content.decode()
    assert "Er is al een jaarschijf 2025 voor deze overeenkomst." in html
    assert "Een jaarschijf 2024-2025 zou die overlappen." in html
    response = gemeente.post(url, {"jaar": "2027", "tot_jaar": "2028", "nummering_tonen": "on"})
    assert response.status_code == 302
    assert Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027).tot_jaar == 2028


def test_volgend_jaar_in_the_browser_takes_tot_jaar(gemeente, opbouw):
    url = _url("jaarschijf-volgend-jaar", jaarschijf_pk=opbouw.jaarschijf.pk)
    assert 'name="tot_jaar"' in gemeente.get(url).content.decode()
    assert gemeente.post(url, {"tot_jaar": "2028"}).status_code == 302
    assert Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027).tot_jaar == 2028


def test_a_joint_step_in_the_browser(gemeente, opbouw):
    ja = Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf).first()
    response = gemeente.post(
        _url("stap-toevoegen", jaarafspraak_pk=ja.pk),
        {
            "organisatie": opbouw.gemeente.pk,
            "mede_organisaties": [opbouw.corporatie.pk],
            "aanduiding": "Gemeente + corporaties",
            "tekst": "Samen bouwen",
        },
    )
    assert response.status_code == 302
    stap = Stap.objects.get(tekst="Samen bouwen")
    assert stap.organisatie_ids() == {opbouw.gemeente.pk, opbouw.corporatie.pk}
    assert stap.aanduiding == "Gemeente + corporaties"


def test_party_and_theme_fields_in_the_browser(gemeente, opbouw):
    partij = Partij.objects.get(overeenkomst=opbouw.overeenkomst, organisatie=opbouw.corporatie)
    gemeente.post(
        _url("partij-bewerken", partij_pk=partij.pk),
        {
            "mandaat": "namens het bestuur",
            "aanduiding": "de corporatie",
            "rol": "Bouwt.",
            "actief_tot": "2026",
            "versie": partij.versie,
        },
    )
    partij.refresh_from_db()
    assert (partij.mandaat, partij.aanduiding, partij.actief_tot) == (
        "namens het bestuur",
        "de corporatie",
        2026,
    )
    thema = opbouw.overeenkomst.themas.get(letter="A")
    gemeente.post(
        _url("thema-bewerken", thema_pk=thema.pk),
        {"naam": thema.naam, "letter": "A", "doel": "Genoeg woningen", "versie": thema.versie},
    )
    thema.refresh_from_db()
    assert thema.doel == "Genoeg woningen"


def test_afspraak_kop_soort_and_betrokkenen_in_the_browser(gemeente, opbouw):
    ja = Jaarafspraak.objects.select_related("afspraak").filter(jaarschijf=opbouw.jaarschijf)[0]
    response = gemeente.post(
        _url("jaarafspraak-bewerken", jaarafspraak_pk=ja.pk),
        {
            "code": ja.afspraak.code,
            "inhoud": ja.afspraak.inhoud,
            "kop": "Doorkijk naar 2027",
            "soort": Soort.DOORKIJK,
            "betrokkenen": "zorgpartijen",
            "versie": ja.versie,
            "afspraak_versie": ja.afspraak.versie,
        },
        **HTMX,
    )
    # A new kop regroups the theme: the page reloads instead of swapping one row.
    assert response.status_code == 200 and response["HX-Refresh"] == "true"
    afspraak = Afspraak.objects.get(pk=ja.afspraak_id)
    assert (afspraak.kop, afspraak.soort, afspraak.betrokkenen) == (
        "Doorkijk naar 2027",
        Soort.DOORKIJK,
        "zorgpartijen",
    )
    afspraak.refresh_from_db()
    response = gemeente.post(
        _url("jaarafspraak-bewerken", jaarafspraak_pk=ja.pk),
        {
            "code": afspraak.code,
            "inhoud": afspraak.inhoud,
            "kop": afspraak.kop,
            "soort": Soort.DOORKIJK,
            "versie": ja.versie + 1,
            "afspraak_versie": afspraak.versie,
        },
        **HTMX,
    )
    assert 'class="afspraak__soort">Doorkijk<' in response.content.decode()


@pytest.mark.parametrize("status", [JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND])
def test_a_frozen_jaarschijf_offers_no_new_edit(gemeente, opbouw, status):
    bestaand = Hoofdstuk.objects.create(jaarschijf=opbouw.jaarschijf, kop="Context", tekst="T")
    factories.zet_status(opbouw.jaarschijf, status)
    js = opbouw.jaarschijf
    stap = Stap.objects.filter(jaarafspraak__jaarschijf=js).first()
    pogingen = [
        (_url("hoofdstuk-toevoegen", jaarschijf_pk=js.pk), {"plek": "voor", "kop": "X"}),
        (_url("hoofdstuk-bewerken", hoofdstuk_pk=bestaand.pk), {"plek": "na", "kop": "X"}),
        (_url("hoofdstuk-verplaatsen", hoofdstuk_pk=bestaand.pk), {"richting": "omlaag"}),
        (_url("hoofdstuk-verwijderen", hoofdstuk_pk=bestaand.pk), {}),
        (_url("jaarschijf-bewerken", jaarschijf_pk=js.pk), {"nummering_tonen": ""}),
        (_url("stap-bewerken", stap_pk=stap.pk), {"mede_organisaties": [opbouw.corporatie.pk]}),
    ]
    for url, data in pogingen:
        response = gemeente.post(url, {"tekst": "X", "soort": "overig", "versie": 1, **data})
        assert response.status_code == 403, url
        assert str(BEVROREN_MELDING) in response.content.decode(), url
    assert list(Hoofdstuk.objects.values_list("kop", flat=True)) == ["Context"]
    assert not Stap.mede_organisaties.through.objects.exists()
    assert Jaarschijf.objects.get(pk=js.pk).nummering_tonen
    # The page offers none of it either.
    html = gemeente.get(reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": js.pk}))
    assert "/hoofdstukken/" not in html.content.decode()


def test_the_admin_refuses_overlapping_years(admin_client, opbouw):
    js = opbouw.jaarschijf
    url = reverse("admin:afspraken_jaarschijf_change", args=[js.pk])
    response = admin_client.post(
        url,
        {
            "overeenkomst": opbouw.overeenkomst.pk,
            "jaar": "2025",
            "tot_jaar": "2026",
            "titel": js.titel,
            "nummering_tonen": "on",
            "versie_bij_openen": js.versie,
            **{
                f"{prefix}-{veld}": waarde
                for prefix in ("hoofdstukken", "ondertekeningen", "statuswijzigingen")
                for veld, waarde in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
            },
        },
    )
    assert "Er is al een jaarschijf 2025 voor deze overeenkomst." in response.content.decode()
    assert Jaarschijf.objects.get(pk=js.pk).jaar == 2026
