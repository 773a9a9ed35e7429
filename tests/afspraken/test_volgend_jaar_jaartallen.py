"""The year numbers of a copied text (issue #15, point 2): only the old jaarschijf's own
years move, in one pass; other years and spans stay as written."""

import pytest

from afspraken.models import Jaarschijf
from afspraken.services.volgend_jaar import jaartallen_verschoven


def schijf(jaar, tot_jaar=None):
    return Jaarschijf(jaar=jaar, tot_jaar=tot_jaar)


@pytest.mark.parametrize(
    ("oud", "nieuw", "tekst", "verwacht"),
    [
        (schijf(2026), schijf(2027), "De jaarschijf 2026 …", "De jaarschijf 2027 …"),
        (schijf(2026), schijf(2027, 2028), "Jaarschijf 2026", "Jaarschijf 2027-2028"),
        (schijf(2026, 2027), schijf(2028, 2029), "Jaarschijf 2026-2027", "Jaarschijf 2028-2029"),
        (schijf(2026, 2027), schijf(2028, 2029), "in 2026 en in 2027", "in 2028 en in 2029"),
        (schijf(2026, 2027), schijf(2028), "in 2026 en in 2027", "in 2028 en in 2028"),
        (
            schijf(2026),
            schijf(2027),
            "looptijd 2024-2028, sinds 2025",
            "looptijd 2024-2028, sinds 2025",
        ),
        (schijf(2026), schijf(2027), "2026 en 2027", "2027 en 2027"),
        (
            schijf(2026),
            schijf(2027),
            "postcode 92026 en \u0662\u0660\u0662\u0666",
            "postcode 92026 en \u0662\u0660\u0662\u0666",
        ),
        (schijf(2026), schijf(2027), "", ""),
    ],
)
def test_only_the_jaarschijfs_own_years_move(oud, nieuw, tekst, verwacht):
    assert jaartallen_verschoven(tekst, oud, nieuw) == verwacht
