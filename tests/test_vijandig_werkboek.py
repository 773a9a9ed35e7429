"""Hostile workbooks and numbers (issue 14, point 5): each refused with a Dutch reason,
before anything is written.

- sheets `afspraken` and `AFSPRAKEN `: not the last one silently;
- `=SUM(1,2)` without a stored result in `aantal`: not "onbekend" silently;
- `import_workbook /dev/zero`, a FIFO, a directory: refused before reading;
- any source is read up to the size limit plus one byte, not further;
- `٣`, fullwidth digits and `1.000.000.000` are not figures.
"""

import io
import os
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from gemeenten.getallen import AantalVeld, JaarVeld
from monitoring.werkboek import waarden
from monitoring.werkboek.bestand import open_werkboek
from monitoring.werkboek.formaat import MAX_BESTAND_BYTES
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboeken import JAARSCHIJF_2026, als_bestand, bewerk, tel_rijen

pytestmark = pytest.mark.django_db

ARABISCH_DRIE = "\u0663"
BREED_TWAALF = "\uff11\uff12"


def importeer(pad):
    """The command as an operator runs it; returns its error message."""
    voor = tel_rijen()
    with pytest.raises(CommandError) as fout:
        call_command("import_workbook", str(pad))
    assert tel_rijen() == voor, "a refused workbook wrote something"
    return str(fout.value)


def test_near_duplicate_sheet_names_are_refused(tmp_path):
    def tweede_afspraken(werkboek):
        kopie = werkboek.copy_worksheet(werkboek["afspraken"])
        kopie.title = "AFSPRAKEN "

    melding = importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, tweede_afspraken)))
    assert "het tabblad staat er twee keer in, als 'afspraken' en 'AFSPRAKEN '" in melding


def test_a_formula_without_stored_result_names_sheet_row_and_column(tmp_path):
    def formule(werkboek):
        werkboek["voorraad"]["E3"] = "=SUM(1,2)"

    melding = importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, formule)))
    assert "voorraad, rij 3, kolom E (aantal): de formule '=SUM(1,2)' heeft geen" in melding


def test_a_formula_with_its_stored_result_is_read_as_that_result():
    """What Excel and LibreOffice write: the formula and its last result beside it."""
    import zipfile

    bron = bewerk(JAARSCHIJF_2026, lambda w: w["voorraad"].__setitem__("E3", "=SUM(1,2)"))
    uit = io.BytesIO()
    with zipfile.ZipFile(bron) as oud, zipfile.ZipFile(uit, "w") as nieuw:
        for info in oud.infolist():
            data = oud.read(info)
            if info.filename.endswith(".xml"):
                data = data.replace(b"<f>SUM(1,2)</f><v></v>", b"<f>SUM(1,2)</f><v>3</v>")
            nieuw.writestr(info, data)
    bladen = open_werkboek(io.BytesIO(uit.getvalue()))
    rij_3 = dict(bladen["voorraad"].rijen)[3]
    assert rij_3[4] == 3


@pytest.mark.parametrize("soort", ["/dev/zero", "fifo", "map"])
def test_non_regular_files_are_refused_before_reading(tmp_path, soort):
    pad = {"/dev/zero": "/dev/zero", "fifo": tmp_path / "pijp", "map": tmp_path}[soort]
    if soort == "fifo":
        os.mkfifo(pad)  # opening it for reading would block until a writer comes
    begin = time.monotonic()
    melding = importeer(pad)
    assert time.monotonic() - begin < 5
    assert "dit is geen gewoon bestand" in melding


class Eindeloos:
    """A file object without a size that never ends, counting what is asked of it."""

    gelezen = 0

    def read(self, aantal=-1):
        assert aantal >= 0, "read() without a limit on an endless source"
        self.gelezen += aantal
        return b"\0" * aantal


def test_a_source_without_size_is_read_to_the_limit_plus_one_byte():
    bron = Eindeloos()
    with pytest.raises(WerkboekFout, match="groter dan"):
        lees_werkboek(bron)
    assert bron.gelezen == MAX_BESTAND_BYTES + 1


@pytest.mark.parametrize(
    "invoer",
    [ARABISCH_DRIE, BREED_TWAALF, "1.000.000.000", "1000001", 1e12, "12,5", "1.5", "٢٠٢٦"],
)
def test_workbook_numbers_only_western_digits_within_bounds(invoer):
    with pytest.raises(waarden.Ongeldig):
        waarden.geheel_getal(invoer)


@pytest.mark.parametrize(
    ("invoer", "getal"),
    [("1.250", 1250), ("1.000.000", 1_000_000), ("-17", -17), (" 12 ", 12), (3.0, 3), ("", None)],
)
def test_workbook_numbers_as_the_documents_write_them(invoer, getal):
    assert waarden.geheel_getal(invoer) == getal


@pytest.mark.parametrize(
    "invoer", ["٢٠٢٦", "\uff12\uff10\uff12\uff16", "1899", "2201", "2026/٢٠٢٧"]
)
def test_workbook_years_only_western_digits_within_bounds(invoer):
    with pytest.raises(waarden.Ongeldig):
        waarden.jaren(invoer)


@pytest.mark.parametrize(
    ("veld", "invoer", "melding"),
    [
        (AantalVeld, ARABISCH_DRIE, "cijfers 0 tot en met 9"),
        (AantalVeld, BREED_TWAALF, "cijfers 0 tot en met 9"),
        (AantalVeld, "1.000.000.000", "meer dan 1.000.000 woningen"),
        (AantalVeld, "-3", "niet negatief"),
        (JaarVeld, "٢٠٢٦", "jaartal"),
        (JaarVeld, "3000", "tussen 1900 en 2200"),
        (JaarVeld, "1899", "tussen 1900 en 2200"),
    ],
)
def test_form_number_fields_refuse_in_dutch(veld, invoer, melding):
    form_veld = veld(required=False)
    with pytest.raises(ValidationError) as fout:
        form_veld.clean(invoer)
    assert melding in " ".join(fout.value.messages)
    assert form_veld.clean("1.250" if veld is AantalVeld else "2026") in (1250, 2026)


@pytest.mark.parametrize("invoer", [ARABISCH_DRIE, BREED_TWAALF, "1.000.000.000", "2.000.000"])
def test_voorraad_figures_form_refuses_foreign_digits_and_absurd_counts(invoer):
    from voorraad.forms import AantalField, jaar_veld

    with pytest.raises(ValidationError):
        AantalField().clean(invoer)
    assert AantalField().clean("1.250") == 1250
    assert isinstance(jaar_veld("jaar"), JaarVeld)


JAARVELDEN = {"jaar", "tot_jaar", "actief_tot"}


def test_every_year_field_of_the_agreement_forms_reads_western_digits_within_bounds():
    from django import forms

    from afspraken import forms as afspraken_forms

    gevonden = 0
    for klasse in vars(afspraken_forms).values():
        if not (isinstance(klasse, type) and issubclass(klasse, forms.BaseForm)):
            continue
        for naam, veld in klasse.base_fields.items():
            if naam in JAARVELDEN:
                gevonden += 1
                assert isinstance(veld, JaarVeld), f"{klasse.__name__}.{naam}"
                with pytest.raises(ValidationError):
                    veld.clean("٢٠٢٧")
    assert gevonden


def test_a_column_named_twice_once_dutch_once_technical_is_refused(tmp_path):
    """`inhoud` and its Dutch header `Afspraak` (#15.6) are one column: not the last one
    silently."""

    def dubbel(werkboek):
        afspraken = werkboek["afspraken"]
        afspraken.cell(1, afspraken.max_column + 1).value = "Afspraak"

    melding = importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, dubbel)))

    assert "kolom inhoud: de kolom staat er twee keer in" in melding


def test_the_instruction_sheet_is_passed_by_but_not_a_way_around_the_checks(tmp_path):
    """A `Toelichting` sheet is not read, so nothing in it is imported; a formula without a
    stored result there is still refused like anywhere else."""

    def toelichting(werkboek):
        blad = werkboek.create_sheet("Toelichting")
        blad["A1"] = "=SUM(1,2)"

    melding = importeer(als_bestand(tmp_path, bewerk(JAARSCHIJF_2026, toelichting)))

    assert "toelichting" in melding.lower()
