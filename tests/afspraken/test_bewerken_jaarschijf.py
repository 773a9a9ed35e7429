"""Editing a jaarschijf: its texts, the year's text and voortgang per afspraak inline on the
jaarschijf page (htmx) or as a full page (no JavaScript), and the per-party steps."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from afspraken.constants import Voortgang
from afspraken.models import Jaarafspraak, Jaarschijf, Stap
from tests.wereld import HTMX

pytestmark = pytest.mark.django_db


def jaarafspraak(opbouw, code) -> Jaarafspraak:
    return Jaarafspraak.objects.select_related("afspraak").get(
        jaarschijf=opbouw.jaarschijf, afspraak__code=code
    )


def regel_url(ja):
    return reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": ja.pk})


def regeldata(ja, **extra):
    data = {
        "code": ja.afspraak.code,
        "inhoud": ja.afspraak.inhoud,
        "periode": ja.afspraak.periode,
        "trekkers": [t.pk for t in ja.afspraak.trekkers.all()],
        "tekst": ja.tekst,
        "versie": ja.versie,
        "afspraak_versie": ja.afspraak.versie,
    }
    data.update(extra)
    return data


def test_jaarschijf_aanmaken_en_dubbel_jaar(gemeente, opbouw):
    url = reverse(
        "afspraken:jaarschijf-aanmaken", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk}
    )
    response = gemeente.post(url, {"jaar": 2027, "titel": "Jaarschijf 2027"})
    nieuw = Jaarschijf.objects.get(overeenkomst=opbouw.overeenkomst, jaar=2027)
    assert response["Location"].endswith(f"/jaarschijven/{nieuw.pk}/")
    assert str(nieuw.geldig_tot) == "2027-12-31"

    response = gemeente.post(url, {"jaar": 2026, "titel": "Nog een 2026"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Er is al een jaarschijf 2026 voor deze overeenkomst." in html
    assert 'value="Nog een 2026"' in html


def test_jaarschijf_bewerken_en_versieconflict(gemeente, opbouw):
    js = opbouw.jaarschijf
    url = reverse("afspraken:jaarschijf-bewerken", kwargs={"jaarschijf_pk": js.pk})
    assert gemeente.get(url).status_code == 200
    basis = {
        "titel": js.titel,
        "plaats": "Exloo",
        "datum": "2025-12-10",
        "geldig_tot": "2026-12-31",
    }
    response = gemeente.post(url, {**basis, "inleiding": "Nieuwe inleiding", "versie": js.versie})
    assert response.status_code == 302
    assert "Nieuwe inleiding" in gemeente.get(response["Location"]).content.decode()

    response = gemeente.post(url, {**basis, "inleiding": "Mijn oude versie", "versie": js.versie})
    html = response.content.decode()
    assert response.status_code == 200
    assert "heeft dit intussen gewijzigd" in html
    assert "Mijn oude versie" in html
    js.refresh_from_db()
    assert js.inleiding == "Nieuwe inleiding"


def test_regel_htmx_formulier_opslaan_en_annuleren(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A1")
    status = ja.status
    url = regel_url(ja)
    formulier = gemeente.get(url, **HTMX).content.decode()
    assert "<html" not in formulier
    assert f'id="afspraak-{ja.afspraak_id}"' in formulier
    assert 'name="tekst"' in formulier and 'name="code"' in formulier
    # The form opens with the saved values, including the versions it guards.
    assert 'value="A1"' in formulier and "Plan A1 in 2026" in formulier
    assert f'name="versie" value="{ja.versie}"' in formulier

    rij = gemeente.get(f"{url}?weergave=rij", **HTMX).content.decode()
    assert 'name="tekst"' not in rij and "<html" not in rij
    assert "Plan A1 in 2026" in rij

    # The row edits the plan, never the progress (issue #15, point 3): a posted status is
    # ignored, progress goes onto the timeline.
    assert 'name="status"' not in formulier
    response = gemeente.post(
        url, regeldata(ja, tekst="Nieuw plan voor 2026", status=Voortgang.GEREALISEERD), **HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and 'class="afspraak' in html
    assert "Nieuw plan voor 2026" in html
    ja.refresh_from_db()
    assert (ja.tekst, ja.status) == ("Nieuw plan voor 2026", status)
    assert ja.versie == 2


def test_regel_zonder_javascript(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A1")
    pagina = gemeente.get(regel_url(ja)).content.decode()
    assert "<html" in pagina and 'method="post"' in pagina
    response = gemeente.post(regel_url(ja), regeldata(ja, inhoud="Andere inhoud"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#afspraak-{ja.afspraak_id}")
    ja.afspraak.refresh_from_db()
    assert ja.afspraak.inhoud == "Andere inhoud"


def test_regel_ongeldig_houdt_invoer(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A1")
    response = gemeente.post(
        regel_url(ja), regeldata(ja, code="", tekst="Mijn lange getypte jaartekst"), **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in html
    assert "Mijn lange getypte jaartekst" in html
    assert "<html" not in html


def test_regel_versieconflict_houdt_getypte_tekst(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A3")
    verouderd = regeldata(ja, tekst="Mijn versie")
    gemeente.post(regel_url(ja), regeldata(ja, tekst="Versie collega"))
    response = gemeente.post(regel_url(ja), verouderd, **HTMX)
    html = response.content.decode()
    assert "heeft dit intussen gewijzigd" in html
    assert "Mijn versie" in html
    ja.refresh_from_db()
    assert ja.tekst == "Versie collega"


def test_trekker_rapporteert_voortgang_maar_niet_de_afspraak(client, opbouw):
    ja = jaarafspraak(opbouw, "B2")  # trekker: the corporatie
    client.force_login(opbouw.corporatie_gebruiker)
    plan = ja.tekst
    formulier = client.get(regel_url(ja), **HTMX).content.decode()
    # A progress report: status and explanation; the plan is shown, not offered to rewrite.
    assert 'name="status"' in formulier and 'name="toelichting"' in formulier
    assert 'name="tekst"' not in formulier and 'name="code"' not in formulier
    assert plan in formulier
    response = client.post(
        regel_url(ja),
        {
            "tekst": "Loopt",
            "status": Voortgang.OP_KOERS,
            "toelichting": "Loopt",
            "versie": ja.versie,
            "inhoud": "Poging om de afspraak te wijzigen",
        },
    )
    assert response.status_code == 302
    ja.refresh_from_db()
    ja.afspraak.refresh_from_db()
    assert (ja.tekst, ja.status) == (plan, Voortgang.OP_KOERS)
    assert ja.afspraak.inhoud == "Afspraak nummer 2 over wonen"


def test_niet_trekker_en_huurders_mogen_regel_niet_bewerken(client, opbouw):
    client.force_login(opbouw.corporatie_gebruiker)
    assert client.get(regel_url(jaarafspraak(opbouw, "A1"))).status_code == 403
    client.force_login(opbouw.huurders_gebruiker)
    assert client.get(regel_url(jaarafspraak(opbouw, "B2"))).status_code == 403


def test_jaarschijfpagina_toont_bewerkknoppen_per_recht(client, opbouw):
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    a1, b2 = jaarafspraak(opbouw, "A1"), jaarafspraak(opbouw, "B2")
    client.force_login(opbouw.gemeente_gebruiker)
    html = client.get(url).content.decode()
    assert f'hx-get="{regel_url(a1)}"' in html and f'hx-get="{regel_url(b2)}"' in html
    assert "Stap toevoegen" in html and "Jaarschijf bewerken" in html
    client.force_login(opbouw.corporatie_gebruiker)
    html = client.get(url).content.decode()
    assert f'href="{regel_url(b2)}"' in html
    assert f'href="{regel_url(a1)}"' not in html
    assert "Stap toevoegen" not in html and "Jaarschijf bewerken" not in html


def test_stappen_toevoegen_bewerken_afronden_verwijderen(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A1")
    url = reverse("afspraken:stap-toevoegen", kwargs={"jaarafspraak_pk": ja.pk})
    response = gemeente.post(url, {"organisatie": opbouw.corporatie.pk, "tekst": "WS bouwt 10"})
    assert response.status_code == 302
    stap = Stap.objects.get(jaarafspraak=ja, tekst="WS bouwt 10")

    bewerk = reverse("afspraken:stap-bewerken", kwargs={"stap_pk": stap.pk})
    gemeente.post(
        bewerk, {"organisatie": opbouw.corporatie.pk, "tekst": "WS bouwt 12", "versie": 1}
    )
    stap.refresh_from_db()
    assert stap.tekst == "WS bouwt 12"

    afronden = reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk})
    rij = gemeente.post(afronden, {"afgerond": "1"}, **HTMX).content.decode()
    stap.refresh_from_db()
    assert stap.afgerond
    assert "WS bouwt 12" in rij and "stap--afgerond" in rij and "<html" not in rij
    gemeente.post(afronden, {"afgerond": "0"})
    stap.refresh_from_db()
    assert not stap.afgerond

    weg = reverse("afspraken:stap-verwijderen", kwargs={"stap_pk": stap.pk})
    assert "WS bouwt 12" in gemeente.get(weg).content.decode()
    gemeente.post(weg)
    assert not Stap.objects.filter(pk=stap.pk).exists()


def test_stap_zonder_tekst_nederlandse_melding(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A1")
    url = reverse("afspraken:stap-toevoegen", kwargs={"jaarafspraak_pk": ja.pk})
    response = gemeente.post(url, {"organisatie": opbouw.corporatie.pk, "tekst": ""})
    assert "Dit veld is verplicht." in response.content.decode()


def test_trekker_rondt_eigen_stap_af(client, opbouw):
    ja = jaarafspraak(opbouw, "B2")
    stap = Stap.objects.filter(jaarafspraak=ja).first()
    client.force_login(opbouw.corporatie_gebruiker)
    url = reverse("afspraken:stap-afronden", kwargs={"stap_pk": stap.pk})
    assert client.post(url, {"afgerond": "1"}).status_code == 302
    stap.refresh_from_db()
    assert stap.afgerond
    # Adding or deleting steps is content: the gemeente's.
    nieuw = reverse("afspraken:stap-toevoegen", kwargs={"jaarafspraak_pk": ja.pk})
    assert client.get(nieuw).status_code == 403


def test_bewerkknoppen_worden_niet_geprint(gemeente, opbouw):
    """Print CSS hides `.acties` and `.niet-printen`: every edit control sits in one."""
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    html = gemeente.get(url).content.decode()
    assert "driehoek.css" in html
    controls = BewerkControls()
    controls.feed(html)
    assert controls.gevonden > 5
    assert controls.zichtbaar_in_print == []
    css = (Path(settings.BASE_DIR) / "templates/static/driehoek.css").read_text()
    print_regels = css.split("@media print", 1)[1]
    assert ".acties" in print_regels and ".niet-printen" in print_regels


class BewerkControls(HTMLParser):
    """Finds links and forms that lead to an edit page, and those outside a print-hidden
    container."""

    LEEG = {"input", "br", "meta", "link", "img", "hr"}

    def __init__(self):
        super().__init__()
        self.stapel = []
        self.gevonden = 0
        self.zichtbaar_in_print = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        doel = attrs.get("href") or attrs.get("action") or ""
        if (
            tag in ("a", "form")
            and doel.startswith("/overeenkomsten/")
            and ("/bewerken/" in doel or "/stappen/" in doel or "/nieuw/" in doel)
        ):
            self.gevonden += 1
            verborgen = any(
                "acties" in klasse or "niet-printen" in klasse
                for klasse in [*self.stapel, attrs.get("class") or ""]
            )
            if not verborgen:
                self.zichtbaar_in_print.append(doel)
        if tag not in self.LEEG:
            self.stapel.append(attrs.get("class") or "")

    def handle_endtag(self, tag):
        if tag not in self.LEEG and self.stapel:
            self.stapel.pop()


def test_htmx_rij_laat_geen_melding_achter_voor_een_latere_pagina(gemeente, opbouw):
    ja = jaarafspraak(opbouw, "A1")
    gemeente.post(regel_url(ja), regeldata(ja, tekst="Stil opgeslagen"), **HTMX)
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": opbouw.jaarschijf.pk})
    html = gemeente.get(url).content.decode()
    assert "Stil opgeslagen" in html
    assert "De afspraak is opgeslagen." not in html
