"""Property-based (hypothesis): random text, numbers, dates and sheet layouts thrown at the
number fields, the cell parsers and the workbook importer (issue 14, point 5).

Whatever comes in, the outcome is a value within bounds or a Dutch refusal (ValidationError,
Ongeldig, WerkboekFout), never another exception; and a refused import writes nothing.
"""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemeenten.getallen import MAX_AANTAL, MAX_JAAR, MIN_JAAR, AantalVeld, JaarVeld
from gemeenten.systeem import SYSTEEM
from monitoring.werkboek import waarden
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboeken import JAARSCHIJF_2026, tel_rijen

INSTELLINGEN = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis folder in the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text as people and programs produce it, with the digits and signs that matter here.
TEKST = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[-+]?[0-9\u0660-\u0669\uff10-\uff19., ]{0,14}", fullmatch=True),
    st.sampled_from(["=SUM(1,2)", "-", "1.000.000.000", "2026/2025", "Woonservice \U0001f3e0"]),
)
GETAL = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
)
CEL = st.one_of(st.none(), TEKST, GETAL, st.dates(), st.datetimes(), st.booleans())
NIET_WESTERS = re.compile(r"[^\x00-\x7f]")


@INSTELLINGEN
@given(invoer=st.one_of(TEKST, GETAL))
def test_number_fields_give_a_bounded_western_number_or_a_dutch_refusal(invoer):
    for veld, laag, hoog in ((AantalVeld(), 0, MAX_AANTAL), (JaarVeld(), MIN_JAAR, MAX_JAAR)):
        try:
            getal = veld.clean(invoer if isinstance(invoer, str) else str(invoer))
        except ValidationError:
            continue
        assert getal is None or laag <= getal <= hoog
        assert not (isinstance(invoer, str) and NIET_WESTERS.search(invoer.strip()))


def _formvelden():
    """The number fields of the real forms: the figures form's count and year fields and
    every year field of the agreement forms."""
    from django import forms

    from afspraken import forms as afspraken_forms
    from voorraad.forms import AantalField, jaar_veld

    velden = [(AantalField(), -MAX_AANTAL, MAX_AANTAL), (jaar_veld("jaar"), MIN_JAAR, MAX_JAAR)]
    for klasse in vars(afspraken_forms).values():
        if isinstance(klasse, type) and issubclass(klasse, forms.BaseForm):
            velden.extend(
                (veld, MIN_JAAR, MAX_JAAR)
                for naam, veld in klasse.base_fields.items()
                if naam in ("jaar", "tot_jaar", "actief_tot")
            )
    return velden


@INSTELLINGEN
@given(invoer=TEKST)
def test_the_forms_number_fields_give_a_bounded_number_or_a_dutch_refusal(invoer):
    for veld, laag, hoog in _formvelden():
        try:
            getal = veld.clean(invoer)
        except ValidationError as fout:
            assert fout.messages
            continue
        assert getal is None or laag <= getal <= hoog
        assert not NIET_WESTERS.search(invoer.strip())


@INSTELLINGEN
@given(invoer=CEL)
def test_cell_parsers_give_a_value_or_a_dutch_refusal(invoer):
    for parser in (waarden.geheel_getal, waarden.jaar, waarden.jaren, waarden.datum):
        try:
            uitkomst = parser(invoer)
        except waarden.Ongeldig as fout:
            assert str(fout)
            continue
        if parser is waarden.geheel_getal and uitkomst is not None:
            assert abs(uitkomst) <= MAX_AANTAL
        if parser is waarden.jaar:
            assert MIN_JAAR <= uitkomst <= MAX_JAAR
        if parser is waarden.datum:
            assert uitkomst is None or isinstance(uitkomst, datetime.date)


BASIS = JAARSCHIJF_2026.read_bytes()
BLADNAMEN = [blad.title for blad in openpyxl.load_workbook(io.BytesIO(BASIS)).worksheets]
VEILIGE_TITEL = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="[]:*?/\\'"),
    min_size=1,
    max_size=25,
)
MUTATIE = st.one_of(
    st.tuples(
        st.just("cel"),
        st.sampled_from(BLADNAMEN),
        st.integers(1, 30),
        st.integers(1, 8),
        CEL,
    ),
    st.tuples(
        st.just("titel"),
        st.sampled_from(BLADNAMEN),
        st.one_of(VEILIGE_TITEL, st.sampled_from([n.upper() + " " for n in BLADNAMEN])),
    ),
    st.tuples(st.just("weg"), st.sampled_from(BLADNAMEN)),
)


def _schrijfbaar(waarde):
    """openpyxl refuses control characters in cells; a real file cannot hold them either."""
    if isinstance(waarde, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", waarde)
    return waarde


def _bewerkt(mutaties) -> bytes:
    werkboek = openpyxl.load_workbook(io.BytesIO(BASIS))
    for soort, naam, *rest in mutaties:
        if naam not in werkboek.sheetnames:
            continue
        blad = werkboek[naam]
        if soort == "cel":
            rij, kolom, waarde = rest
            blad.cell(rij, kolom).value = _schrijfbaar(waarde)
        elif soort == "titel" and rest[0] not in werkboek.sheetnames:
            blad.title = rest[0]
        elif soort == "weg" and len(werkboek.sheetnames) > 1:
            werkboek.remove(blad)
    uit = io.BytesIO()
    werkboek.save(uit)
    return uit.getvalue()


@pytest.mark.django_db
@INSTELLINGEN
@given(mutaties=st.lists(MUTATIE, max_size=6))
def test_importer_imports_all_or_refuses_in_dutch_and_writes_nothing(mutaties):
    inhoud = _bewerkt(mutaties)
    with transaction.atomic():
        voor = tel_rijen()
        try:
            werkboek_importeren(werkboek=lees_werkboek(io.BytesIO(inhoud)), door=SYSTEEM)
        except WerkboekFout as fout:
            assert fout.fouten and all(str(melding) for melding in fout.fouten)
            assert tel_rijen() == voor, "a refused import wrote something"
        transaction.set_rollback(True)
