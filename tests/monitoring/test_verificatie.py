"""The public verification page (issue #10, point 3): an uploaded PDF is, byte for byte, a
jaarschijf signed in this installation, by whom, and whether its signatures validate."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from monitoring.models import Handtekening, OndertekendDocument
from monitoring.ondertekening import certificaat, opslag
from monitoring.ondertekening.verificatie import verifieren
from tests.monitoring.ondertekenwereld import (  # noqa: F401 (fixtures)
    _certificaatmap,
    ondertekencertificaat,
    tekenen_als,
    tekenwereld,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ondertekencertificaat")]
URL = "monitoring:verificatie"


@pytest.fixture
def ondertekend():
    """A jaarschijf signed by all three parties; its final PDF and the copy after the first."""
    wereld = tekenwereld()
    for organisatie in wereld.organisaties():
        tekenen_als(wereld, organisatie)
    eerste = Handtekening.objects.order_by("id").first()
    return wereld, opslag.lezen(OndertekendDocument.objects.get()), eerste


def _controleren(client, data: bytes):
    bestand = SimpleUploadedFile("jaarschijf.pdf", data, content_type="application/pdf")
    return client.post(reverse(URL), {"bestand": bestand})


def test_the_signed_pdf_is_recognised_without_logging_in(client, ondertekend):
    _wereld, data, _eerste = ondertekend
    response = _controleren(client, data)
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "door alle partijen ondertekende jaarschijf 2026 van Aadorp" in inhoud
    for handtekening in Handtekening.objects.all():
        # Escaped as the page escapes them: the names come from Faker ("van 't Houteveen").
        assert escape(handtekening.naam) in inhoud
        assert escape(handtekening.organisatie_naam) in inhoud
    assert "niet geldig" not in inhoud
    uitkomst = verifieren(data)
    assert uitkomst.bekend and uitkomst.definitief and uitkomst.alle_geldig
    assert len(uitkomst.uitslagen) == 3


def test_an_intermediate_copy_is_recognised_as_such(ondertekend):
    _wereld, _data, eerste = ondertekend
    document = eerste.document
    # The file stored right after the first signature is still there.
    naam = document.bestand.name.rsplit("/", 1)[0] + "/handtekening-1.pdf"
    with default_storage.open(naam, "rb") as bestand:
        tussen = bestand.read()
    uitkomst = verifieren(tussen)
    assert uitkomst.bekend and not uitkomst.definitief
    assert [h.pk for h in uitkomst.handtekeningen] == [eerste.pk]
    assert uitkomst.alle_geldig


def test_a_changed_byte_is_not_a_signed_jaarschijf(client, ondertekend):
    _wereld, data, _eerste = ondertekend
    gewijzigd = bytearray(data)
    plek = gewijzigd.index(b"/Type /Page") + 2
    gewijzigd[plek] ^= 0x01
    uitkomst = verifieren(bytes(gewijzigd))
    assert not uitkomst.bekend and not uitkomst.alle_geldig
    inhoud = _controleren(client, bytes(gewijzigd)).content.decode()
    assert "niet, byte voor byte, een jaarschijf" in inhoud


def test_a_pdf_signed_with_another_certificate_does_not_validate(ondertekend, settings, tmp_path):
    _wereld, data, _eerste = ondertekend
    certificaat.maak_ontwikkelcertificaat(
        tmp_path / "ander.pem", tmp_path / "ander-sleutel.pem", naam="Iemand anders"
    )
    settings.ONDERTEKENING_CERTIFICAAT = tmp_path / "ander.pem"
    settings.ONDERTEKENING_SLEUTEL = tmp_path / "ander-sleutel.pem"
    certificaat.opnieuw_laden()
    uitkomst = verifieren(data)
    assert uitkomst.uitslagen and not any(u.geldig for u in uitkomst.uitslagen)


@pytest.mark.parametrize("data", [b"geen pdf", b"%PDF-1.7\nkapot"])
def test_anything_else_is_simply_not_recognised(client, data):
    response = _controleren(client, data)
    assert response.status_code == 200
    assert "niet, byte voor byte, een jaarschijf" in response.content.decode()


def test_the_page_opens_without_login(client):
    assert client.get(reverse(URL)).status_code == 200


def test_an_update_appended_after_the_last_signature_is_reported(ondertekend):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    _wereld, data, _eerste = ondertekend
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root["/Lang"] = generic.pdf_string("en")
    writer.update_root()
    uit = io.BytesIO()
    writer.write(uit)
    uitkomst = verifieren(uit.getvalue())
    assert not uitkomst.bekend and uitkomst.na_laatste_gewijzigd and not uitkomst.alle_geldig
    # The signatures themselves are intact over what they signed.
    assert all(u.geldig for u in uitkomst.uitslagen)
