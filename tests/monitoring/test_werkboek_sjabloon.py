"""The empty template (#15.6): empty, an instruction sheet first, Dutch headers the reader
takes, a dropdown for every closed list; imported as it is it says it is empty."""

import io

import openpyxl
import pytest

from afspraken.constants import Voortgang
from afspraken.models import Afspraak
from monitoring.werkboek import formaat, koppen
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from monitoring.werkboek.sjabloon import GESLOTEN, sjabloon_xlsx
from tests.monitoring.werkboeken import cellen

pytestmark = pytest.mark.django_db


def _open():
    return openpyxl.load_workbook(io.BytesIO(sjabloon_xlsx()))


def _opslaan(werkboek) -> io.BytesIO:
    uit = io.BytesIO()
    werkboek.save(uit)
    uit.seek(0)
    return uit


def test_het_sjabloon_is_leeg_met_eerst_een_toelichting():
    inhoud = cellen(sjabloon_xlsx())

    assert next(iter(inhoud)) == "Toelichting"
    assert list(inhoud)[1:] == [blad.naam for blad in formaat.BLADEN]
    for blad in formaat.BLADEN:
        assert inhoud[blad.naam][0] == tuple(koppen.kop(blad.naam, k) for k in blad.kolommen)
        if blad is formaat.JAARSCHIJF:
            assert all(waarde is None for _veld, waarde in inhoud[blad.naam][1:])
        else:
            assert len(inhoud[blad.naam]) == 1, blad.naam  # headers only
    toelichting = "\n".join(" ".join(str(c) for c in rij if c) for rij in inhoud["Toelichting"])
    for blad in formaat.BLADEN:
        assert f"Tabblad {blad.naam}" in toelichting
    assert "Plan voor het jaar" in toelichting and "cbs_code" in toelichting


def test_kopteksten_zijn_nederlands_en_bevroren_met_leesbare_breedte():
    werkboek = _open()
    afspraken = werkboek["afspraken"]

    assert [c.value for c in afspraken[1]][:4] == ["Code", "Thema", "Soort", "Afspraak"]
    assert afspraken.freeze_panes == "A2"
    assert afspraken.column_dimensions["D"].width >= 50
    assert all(afspraken.column_dimensions[c.column_letter].width >= 12 for c in afspraken[1])


def test_elke_gesloten_lijst_heeft_een_keuzelijst():
    werkboek = _open()

    for (blad, kolom), _lijst in GESLOTEN.items():
        letter = openpyxl.utils.get_column_letter(
            formaat.BLADEN[[b.naam for b in formaat.BLADEN].index(blad)].kolommen.index(kolom) + 1
        )
        validaties = werkboek[blad].data_validations.dataValidation
        passend = [v for v in validaties if f"{letter}2" in v.sqref]
        assert passend and passend[0].type == "list" and passend[0].showErrorMessage, (blad, kolom)
    afspraken = werkboek["afspraken"].data_validations.dataValidation
    status = next(v for v in afspraken if "I2" in v.sqref)
    assert status.formula1 == '"' + ",".join(str(label) for label in Voortgang.labels) + '"'
    jaarschijf = werkboek["jaarschijf"].data_validations.dataValidation
    assert {v.formula1 for v in jaarschijf} == {
        '"Concept,Ter bespreking,Vastgesteld,Ondertekend"',
        '"ja,nee"',
    }


def test_het_lege_sjabloon_importeren_geeft_een_duidelijke_melding():
    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(io.BytesIO(sjabloon_xlsx()))

    (melding,) = fout.value.fouten
    assert "het werkboek is nog leeg" in str(melding)
    assert fout.value.waarschuwingen == []  # the Toelichting sheet is no unknown sheet


def test_een_ingevuld_sjabloon_met_nederlandse_koppen_importeert():
    werkboek = _open()
    jaarschijf = werkboek["jaarschijf"]
    waarden = {
        "Gemeente": "Sjabloondorp",
        "Overeenkomst": "Prestatieafspraken 2026-2028",
        "Periode": "2026-2028",
        "Jaar": 2026,
        "Plaats van ondertekening": "Sjabloonstad",
        "Status": "Concept",
        "Nummering tonen": "nee",
    }
    for rij in jaarschijf.iter_rows(min_row=2):
        if rij[0].value in waarden:
            rij[1].value = waarden[rij[0].value]
    werkboek["partijen"].append(["Gemeente Sjabloondorp", "Gemeente", "GEM"])
    werkboek["partijen"].append(["Woonstichting Sjabloon", "Woningcorporatie", "WS"])
    werkboek["themas"].append(["Wonen"])
    werkboek["afspraken"].append(
        ["A1", "Wonen", "Prestatieafspraak", "Wij bouwen.", None, None, "WS, GEM", None, "Op koers"]
    )
    werkboek["stappen"].append(["A1", "WS", "Bouwt 10 woningen."])

    gelezen = lees_werkboek(_opslaan(werkboek))
    resultaat = werkboek_importeren(werkboek=gelezen)

    assert gelezen.waarschuwingen == []
    assert resultaat.jaarschijf.plaats == "Sjabloonstad"
    assert resultaat.jaarschijf.nummering_tonen is False
    afspraak = Afspraak.objects.get(code="A1", overeenkomst__gemeente__naam="Sjabloondorp")
    assert afspraak.inhoud == "Wij bouwen."
    assert afspraak.jaarafspraken.get().status == Voortgang.OP_KOERS
    # The export keeps the technical headers that files in the wild use.
    export = cellen(werkboek_exporteren(jaarschijf=resultaat.jaarschijf))
    assert export["afspraken"][0][:4] == ("code", "thema", "soort", "inhoud")
