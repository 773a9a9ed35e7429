"""Signing in the application (issue #10, points 2, 3 and 7): each ondertekenaar signs their
organisation's line after re-entering password and second factor; each signature is an
incremental PAdES signature that keeps the earlier ones valid; the last one makes the
jaarschijf ondertekend and the stored PDF final, with its hash."""

import io

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarschijf, Ondertekening
from monitoring.models import Handtekening, OndertekendDocument
from monitoring.ondertekening import opslag, pades
from monitoring.ondertekening.verificatie import verifieren
from tests.monitoring.ondertekenwereld import (  # noqa: F401 (fixtures)
    _certificaatmap,
    ondertekencertificaat,
    tekenen_als,
    tekenwereld,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ondertekencertificaat")]


def test_every_party_signs_and_the_jaarschijf_becomes_ondertekend():
    wereld = tekenwereld()
    organisaties = wereld.organisaties()
    # A corporatie and the huurders sign before the gemeente, and the huurders sign last:
    # any party may be the last.
    volgorde = [organisaties[1], organisaties[0], organisaties[2]]
    for nummer, organisatie in enumerate(volgorde, start=1):
        handtekening = tekenen_als(wereld, organisatie)
        assert handtekening.geldig, handtekening.validatie
        data = opslag.lezen(OndertekendDocument.objects.get())
        uitslagen = pades.valideren(data)
        # Every signature so far still validates after the newest was appended.
        assert len(uitslagen) == nummer
        assert all(u.geldig for u in uitslagen), [u.samenvatting for u in uitslagen]
    wereld.jaarschijf.refresh_from_db()
    assert wereld.jaarschijf.status == JaarschijfStatus.ONDERTEKEND
    document = OndertekendDocument.objects.get()
    data = opslag.lezen(document)
    assert document.definitief and document.sha256 == pades.sha256(data)
    assert opslag.pdf_van(wereld.jaarschijf) == (data, True)
    namen = [u.naam for u in pades.valideren(data)]
    for organisatie in volgorde:
        assert any(organisatie.naam in naam for naam in namen), namen
    assert wereld.jaarschijf.statuswijzigingen.last().door == wereld.tekenaars[volgorde[-1].pk]


def test_the_evidence_is_kept_per_signature():
    wereld = tekenwereld()
    gemeente = wereld.organisaties()[0]
    tekenen_als(wereld, gemeente)
    bewijs = Handtekening.objects.get()
    tekenaar = wereld.tekenaars[gemeente.pk]
    assert bewijs.gebruiker == tekenaar and bewijs.organisatie == gemeente
    assert bewijs.ip_adres == "192.0.2.10"
    assert "authenticator-app" in bewijs.tweede_factor
    assert len(bewijs.certificaat_vingerafdruk) == 64 and "Driehoek test" in (
        bewijs.certificaat_onderwerp
    )
    assert bewijs.sha256_na == bewijs.document.sha256
    regel = wereld.regel(gemeente)
    regel.refresh_from_db()
    assert regel.ondertekend_door == tekenaar and regel.ondertekend_op == bewijs.op


def test_the_signature_sits_in_the_box_of_its_signatory():
    wereld = tekenwereld()
    gemeente = wereld.organisaties()[0]
    tekenen_als(wereld, gemeente)
    document = OndertekendDocument.objects.get()
    pagina, x1, y1, x2, y2 = document.velden[str(wereld.regel(gemeente).pk)]
    reader = PdfReader(io.BytesIO(opslag.lezen(document)))
    assert pagina == len(reader.pages) - 1  # the ondertekening page is the last here
    velden = [
        a.get_object()
        for a in reader.pages[pagina].get("/Annots", [])
        if a.get_object().get("/FT") == "/Sig"
    ]
    assert len(velden) == 1
    rechthoek = [float(v) for v in velden[0]["/Rect"]]
    assert rechthoek == pytest.approx([x1, y1, x2, y2], abs=1)


def test_a_changed_byte_fails_verification():
    wereld = tekenwereld()
    tekenen_als(wereld, wereld.organisaties()[0])
    data = bytearray(opslag.lezen(OndertekendDocument.objects.get()))
    # A byte inside the signed content (the first revision), not in the signature itself.
    plek = data.index(b"/Type /Page") + 2
    data[plek] ^= 0x01
    uitslagen = pades.valideren(bytes(data))
    assert uitslagen == [] or not any(u.geldig for u in uitslagen)


def test_a_new_version_is_signed_beside_the_first_which_stays(client):
    """Changing a signed jaarschijf (point 5) makes a new document version; the signed one
    keeps its PDF and hash and stays downloadable and verifiable."""
    wereld = tekenwereld()
    for organisatie in wereld.organisaties():
        tekenen_als(wereld, organisatie)
    eerste = OndertekendDocument.objects.get()
    eerste_pdf = opslag.lezen(eerste)
    # What afspraken' wijziging will do: the jaarschijf waits for signatures again.
    Jaarschijf.objects.filter(pk=wereld.jaarschijf.pk).update(status=JaarschijfStatus.VASTGESTELD)
    Ondertekening.objects.filter(jaarschijf=wereld.jaarschijf).update(
        ondertekend_op=None, ondertekend_door=None
    )
    TOTPDevice.objects.update(last_t=-1)  # a new code in the same half minute
    tekenen_als(wereld, wereld.organisaties()[0])
    tweede = OndertekendDocument.objects.get(volgnummer=2)
    eerste.refresh_from_db()
    assert eerste.definitief and opslag.lezen(eerste) == eerste_pdf
    assert not tweede.definitief and tweede.handtekeningen.count() == 1
    assert verifieren(eerste_pdf).definitief
    client.force_login(wereld.tekenaars[wereld.organisaties()[1].pk])
    url = reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    pagina = client.get(url).content.decode()
    assert eerste.sha256 in pagina and "Versie 2" in pagina
    pdf_url = reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    assert client.get(pdf_url, {"versie": "1"}).content == eerste_pdf
    assert client.get(pdf_url, {"versie": "9"}).status_code == 404
