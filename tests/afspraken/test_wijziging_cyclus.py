"""The whole wijziging with real signatures (issue #10, point 5): a jaarschijf signed by
every party is changed, goes through review, vaststelling and signing again, and ends with two
signed PDFs: the first byte for byte as it was, still recognised by the verification page
as version 1, the second as version 2; the page lists both with hash and signatures."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from afspraken import services
from afspraken.constants import JaarschijfStatus
from afspraken.models import Jaarafspraak
from afspraken.services.bulk_jaarschijf import OndertekeningRegel
from monitoring.models import Handtekening, OndertekendDocument
from monitoring.ondertekening import opslag, pades
from monitoring.ondertekening.verificatie import verifieren
from monitoring.selectors.versies import jaarschijf_versies
from tests.monitoring.ondertekenwereld import (  # noqa: F401 (fixtures)
    _certificaatmap,
    ondertekencertificaat,
    tekenen_als,
    tekenwereld,
)
from tests.monitoring.test_pdf import tekst_van

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("ondertekencertificaat")]
REDEN = "Een afspraak is na de ondertekening aangepast."


def _allen_tekenen(wereld):
    for organisatie in wereld.organisaties():
        # Each signer signs again within the same half minute: their app shows the same
        # code, which django-otp accepts once per time step.
        apparaat = wereld.apparaten[organisatie.pk]
        apparaat.last_t = -1
        apparaat.save()
        wereld.regel(organisatie).refresh_from_db()
        tekenen_als(wereld, organisatie)


def test_a_signed_jaarschijf_is_changed_and_signed_again(client):
    wereld = tekenwereld()
    js = wereld.jaarschijf
    gemeente = wereld.tekenaars[wereld.wereld.gemeente_org.pk]
    _allen_tekenen(wereld)
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.ONDERTEKEND
    eerste = OndertekendDocument.objects.get(jaarschijf=js)
    bytes_1 = opslag.lezen(eerste)

    services.wijziging_starten(jaarschijf=js, reden=REDEN, door=gemeente)
    ja = Jaarafspraak.objects.filter(jaarschijf=js).first()
    services.jaarafspraak_bijwerken(
        jaarafspraak=ja, versie=ja.versie, tekst="Het gewijzigde plan", door=gemeente
    )
    services.jaarschijf_ter_bespreking(jaarschijf=js, door=gemeente)
    services.jaarschijf_vaststellen(jaarschijf=js, door=gemeente)
    # Vastgesteld again: the download is the new version, not the earlier signed file.
    nieuw, _ondertekend = opslag.pdf_van(js)
    assert nieuw != bytes_1
    _allen_tekenen(wereld)
    js.refresh_from_db()
    assert js.status == JaarschijfStatus.ONDERTEKEND

    eerste.refresh_from_db()
    tweede = OndertekendDocument.objects.get(jaarschijf=js, volgnummer=2)
    assert tweede.definitief and eerste.definitief
    assert opslag.lezen(eerste) == bytes_1 and pades.sha256(bytes_1) == eerste.sha256
    assert Handtekening.objects.filter(document=eerste).count() == 3
    assert Handtekening.objects.filter(document=tweede).count() == 3

    for document, volgnummer in ((eerste, 1), (tweede, 2)):
        uitkomst = verifieren(opslag.lezen(document))
        assert uitkomst.bekend and uitkomst.definitief and uitkomst.alle_geldig
        assert uitkomst.document.volgnummer == volgnummer

    versies = jaarschijf_versies(js)
    assert [(v.nummer, v.document) for v in versies] == [(1, eerste), (2, tweede)]
    assert versies[0].wijziging.reden == REDEN and versies[1].huidig

    client.force_login(gemeente)
    html = client.get(reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": js.pk}))
    html = html.content.decode()
    for document in (eerste, tweede):
        assert document.sha256 in html
        assert f"?versie={document.volgnummer}" in html
    assert escape(REDEN) in html
    for handtekening in Handtekening.objects.filter(document=eerste):
        assert escape(handtekening.naam) in html
    response = client.get(
        reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": js.pk}) + "?versie=1"
    )
    assert response.content == bytes_1


def test_the_next_version_is_named_on_the_cover_before_it_is_signed():
    wereld = tekenwereld("Beerta")
    js = wereld.jaarschijf
    gemeente = wereld.tekenaars[wereld.wereld.gemeente_org.pk]
    _allen_tekenen(wereld)
    services.wijziging_starten(jaarschijf=js, reden=REDEN, door=gemeente)
    pdf, ondertekend = opslag.pdf_van(js)
    assert not ondertekend
    assert "Versie 2" in tekst_van(pdf)


def test_a_new_signatory_in_the_next_version_leaves_the_evidence_of_the_first():
    """The next version's workbook names another signatory: the line that was signed is
    replaced, and the first PDF still verifies with the names of those who signed it."""
    wereld = tekenwereld("Finsterwolde")
    js = wereld.jaarschijf
    gemeente = wereld.tekenaars[wereld.wereld.gemeente_org.pk]
    _allen_tekenen(wereld)
    namen = sorted(Handtekening.objects.values_list("naam", flat=True))
    services.wijziging_starten(jaarschijf=js, reden=REDEN, door=gemeente)
    services.ondertekeningen_vervangen(
        jaarschijf=js,
        ondertekeningen=[
            OndertekeningRegel(organisatie=o, naam=f"Nieuwe bestuurder {o.afkorting}")
            for o in wereld.organisaties()
        ],
        door=gemeente,
    )
    assert not Handtekening.objects.filter(ondertekening__isnull=False).exists()
    uitkomst = verifieren(opslag.lezen(OndertekendDocument.objects.get(jaarschijf=js)))
    assert uitkomst.definitief and uitkomst.alle_geldig
    assert sorted(h.naam for h in uitkomst.handtekeningen) == namen


def test_a_changed_paper_signed_jaarschijf_is_signed_in_driehoek_as_version_two(client):
    wereld = tekenwereld("Wildervank")
    js = wereld.jaarschijf
    gemeente = wereld.tekenaars[wereld.wereld.gemeente_org.pk]
    # Signed on paper (the workbook's status ondertekend): no document of Driehoek's own.
    type(js).objects.filter(pk=js.pk).update(
        status=JaarschijfStatus.ONDERTEKEND, ondertekend_buiten_driehoek=True
    )
    js.refresh_from_db()
    services.wijziging_starten(jaarschijf=js, reden=REDEN, door=gemeente)
    services.jaarschijf_ter_bespreking(jaarschijf=js, door=gemeente)
    services.jaarschijf_vaststellen(jaarschijf=js, door=gemeente)
    _allen_tekenen(wereld)

    (document,) = OndertekendDocument.objects.filter(jaarschijf=js)
    assert document.volgnummer == 2 and document.definitief
    assert "Versie 2" in tekst_van(opslag.lezen(document))
    assert verifieren(opslag.lezen(document)).document.volgnummer == 2
    client.force_login(gemeente)
    with_changes = client.get(
        reverse("monitoring:jaarschijf-pdf", kwargs={"jaarschijf_pk": js.pk}) + "?wijzigingen=1"
    )
    assert "Versie 2" in tekst_van(with_changes.content)
