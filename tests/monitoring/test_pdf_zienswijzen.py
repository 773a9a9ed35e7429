"""The tenants' verdict in the PDF (issue #11, point 5): before the ondertekening page a
summary per huurdersorganisatie (akkoord / met kanttekening / niet akkoord, and how many
afspraken it left without a verdict), then per afspraak each verdict with its text; no such
section when nobody gave a verdict. Read back with pdftotext."""

import pytest

from afspraken.models import Jaarafspraak
from monitoring.pdf import jaarschijf_opmaken
from monitoring.pdf.inhoud import pdf_context
from monitoring.voortgang import zienswijzen_geven
from monitoring.voortgang.zienswijzen import Oordeelregel
from tests import factories
from tests.monitoring.test_pdf import tekst_van
from tests.wereld import lid, paginawereld

pytestmark = pytest.mark.django_db

KOP = "Zienswijzen van de huurdersorganisaties"


def _jaarafspraken(opbouw):
    return list(
        Jaarafspraak.objects.filter(jaarschijf=opbouw.jaarschijf)
        .select_related("afspraak", "jaarschijf")
        .order_by("afspraak__volgorde", "afspraak__code")
    )


def test_the_pdf_prints_the_verdicts_summed_up_and_per_afspraak():
    opbouw = paginawereld(3)
    stil = factories.HuurdersorganisatieFactory(naam="Huurders Zwijgzaam", afkorting="HZ")
    factories.PartijFactory(overeenkomst=opbouw.overeenkomst, organisatie=stil)
    eerste, tweede, derde = _jaarafspraken(opbouw)[:3]
    zienswijzen_geven(
        regels=[
            Oordeelregel(eerste, "akkoord"),
            Oordeelregel(tweede, "kanttekening", "Alleen met <b>extra</b> woningen"),
            Oordeelregel(derde, "niet_akkoord", "De huren stijgen te hard"),
        ],
        door=opbouw.huurders_gebruiker,
    )

    tekst = tekst_van(jaarschijf_opmaken(opbouw.jaarschijf).pdf)

    assert KOP in tekst
    # Before the signing page, which stays last of the document proper.
    assert tekst.index(KOP) < tekst.index("Partijen,")
    # The summary: one row per huurdersorganisatie that is party, also the silent one.
    assert "Samen Sterk 1 1 1 0" in tekst
    assert "Huurders Zwijgzaam 0 0 0 3" in tekst
    # Per afspraak: the verdict with its text, the text as written (escaped, not markup).
    assert "Samen Sterk: Akkoord met kanttekening. Alleen met <b>extra</b> woningen" in tekst
    assert "Samen Sterk: Niet akkoord. De huren stijgen te hard" in tekst
    assert "Samen Sterk: Akkoord" in tekst
    assert eerste.afspraak.inhoud.split()[0] in tekst


def test_no_verdicts_no_section():
    opbouw = paginawereld(2)
    assert pdf_context(opbouw.jaarschijf)["zienswijzen"] is None
    assert KOP not in tekst_van(jaarschijf_opmaken(opbouw.jaarschijf).pdf)


def test_a_second_huurdersorganisatie_is_counted_apart():
    opbouw = paginawereld(2)
    tweede = factories.HuurdersorganisatieFactory(naam="Huurdersvereniging Oost", afkorting="HO")
    factories.PartijFactory(overeenkomst=opbouw.overeenkomst, organisatie=tweede)
    eerste, volgende = _jaarafspraken(opbouw)[:2]
    zienswijzen_geven(regels=[Oordeelregel(eerste, "akkoord")], door=opbouw.huurders_gebruiker)
    zienswijzen_geven(
        regels=[Oordeelregel(eerste, "niet_akkoord"), Oordeelregel(volgende, "niet_akkoord")],
        door=lid(tweede),
    )
    inhoud = pdf_context(opbouw.jaarschijf)["zienswijzen"]
    tellingen = {
        s.organisatie.naam: ([aantal for _w, _l, aantal in s.regels], s.zonder)
        for s in inhoud.samenvatting
    }
    assert tellingen == {
        "Huurdersvereniging Oost": ([0, 0, 2], 0),
        "Samen Sterk": ([1, 0, 0], 1),
    }
    assert [len(r.zienswijzen) for r in inhoud.afspraken] == [2, 1]
