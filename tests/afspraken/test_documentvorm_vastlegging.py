"""The frozen copy keeps the document's own shape (issue #9), and older copies still read."""

import pytest

from afspraken import vastlegging
from afspraken.constants import JaarschijfStatus
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def jaarschijf():
    jaarschijf = f.JaarschijfFactory()
    overeenkomst = jaarschijf.overeenkomst
    f.PartijFactory(
        overeenkomst=overeenkomst,
        organisatie__naam="Woonstichting Oost",
        vertegenwoordiger="J. Jansen",
        functie="directeur-bestuurder",
        mandaat="gemachtigd door de raad van commissarissen",
        aanduiding="de corporatie",
        rol="Bouwt en beheert.",
        actief_tot=2026,
    )
    thema = f.ThemaFactory(overeenkomst=overeenkomst, doel="Genoeg woningen")
    ja = f.JaarafspraakFactory(
        jaarschijf=jaarschijf,
        afspraak__thema=thema,
        afspraak__kop="Prestaties gemeente 2026",
        afspraak__betrokkenen="zorgpartijen, werkgroep wonen",
    )
    stap = f.StapFactory(jaarafspraak=ja)
    stap.mede_organisaties.add(f.OrganisatieFactory(naam="Woonzorg Samen"))
    return f.zet_status(jaarschijf, JaarschijfStatus.VASTGESTELD)


def test_the_copy_keeps_the_new_fields_and_gives_them_back(jaarschijf):
    overeenkomst = jaarschijf.overeenkomst
    # Later edits of the agreement do not reach the fixed document.
    overeenkomst.partijrollen.update(mandaat="anders", aanduiding="", actief_tot=None)
    overeenkomst.themas.update(doel="Ander doel")
    overeenkomst.afspraken.update(kop="Andere kop", betrokkenen="")

    vast = vastlegging.vastgelegd(jaarschijf)
    [partij] = vast.partijen
    assert partij.mandaat == "gemachtigd door de raad van commissarissen"
    assert (partij.aanduiding, partij.rol, partij.actief_tot) == (
        "de corporatie",
        "Bouwt en beheert.",
        2026,
    )
    assert not partij.actief_in(2027)
    assert vast.themas[0].doel == "Genoeg woningen"
    [afspraak] = vast.afspraken.values()
    assert afspraak.kop == "Prestaties gemeente 2026"
    assert afspraak.betrokkenen_lijst == ["zorgpartijen", "werkgroep wonen"]


def test_the_organisations_of_joint_steps_are_in_the_copy(jaarschijf):
    namen = {o["naam"] for o in jaarschijf.vastgelegde_inhoud["organisaties"]}
    assert "Woonzorg Samen" in namen


def test_a_vorm_1_copy_still_reads_with_defaults(jaarschijf):
    inhoud = jaarschijf.vastgelegde_inhoud
    inhoud["vorm"] = 1
    for partij in inhoud["partijen"]:
        for veld in ("mandaat", "aanduiding", "rol", "actief_tot"):
            del partij[veld]
    for thema in inhoud["themas"]:
        del thema["doel"]
    for afspraak in inhoud["afspraken"].values():
        del afspraak["kop"], afspraak["betrokkenen"]

    vast = vastlegging.Vastgelegd(inhoud)
    [partij] = vast.partijen
    assert (partij.vertegenwoordiger, partij.mandaat, partij.actief_tot) == ("J. Jansen", "", None)
    assert vast.themas[0].doel == ""
    [afspraak] = vast.afspraken.values()
    assert (afspraak.kop, afspraak.betrokkenen_lijst) == ("", [])
