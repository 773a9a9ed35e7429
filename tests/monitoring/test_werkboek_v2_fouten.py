"""Version 2's errors: in the Dutch row-level form of version 1, every error of a file at
once, and a file with any error imports nothing."""

import pytest

from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboek_v2 import veld, werkboek_v2
from tests.monitoring.werkboeken import tel_rijen

pytestmark = pytest.mark.django_db


def fouten(wijzig) -> list[str]:
    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(werkboek_v2(wijzig))
    return [str(melding) for melding in fout.value.fouten]


def cel(blad: str, rij: int, kolom: int, waarde):
    """A change of one cell; `rij` as Excel numbers it (the header is row 1)."""

    def wijzig(bladen):
        bladen[blad][rij - 2][kolom] = waarde

    return wijzig


@pytest.mark.parametrize(
    ("wijzig", "verwacht"),
    [
        pytest.param(
            cel("hoofdstukken", 4, 0, "midden"),
            "hoofdstukken, rij 4, kolom plek: onbekende plek 'midden'; kies uit voor, "
            "thema:<naam>, voorraad, na, bijlage",
            id="plek",
        ),
        pytest.param(
            cel("hoofdstukken", 4, 0, "thema:Leefbaarheid"),
            "hoofdstukken, rij 4, kolom plek: onbekend thema 'Leefbaarheid'; dat thema staat "
            "niet op het tabblad themas of afspraken",
            id="plek-thema",
        ),
        pytest.param(
            cel("hoofdstukken", 2, 2, "inleiding"),
            "hoofdstukken, rij 2, kolom soort: onbekende waarde 'inleiding'; kies uit context, "
            "rollen, voorbehoud, geldigheid, slotbepaling, begrippen, bijlage, overig",
            id="hoofdstuk-soort",
        ),
        pytest.param(
            cel("hoofdstukken", 3, 3, None),
            "hoofdstukken, rij 3, kolom tekst: verplicht, maar leeg",
            id="hoofdstuk-tekst",
        ),
        pytest.param(
            cel("partijen", 4, 8, "volgend jaar"),
            "partijen, rij 4, kolom actief_tot: 'volgend jaar' is geen jaartal",
            id="actief_tot-tekst",
        ),
        pytest.param(
            cel("partijen", 4, 8, 2031),
            "partijen, rij 4, kolom actief_tot: 2031 valt buiten de periode van de "
            "overeenkomst (2025-2028); laat het leeg als de partij de hele looptijd meedoet",
            id="actief_tot-buiten-periode",
        ),
        pytest.param(
            cel("partijen", 2, 8, 2026),
            "partijen, rij 2, kolom actief_tot: de gemeente doet de hele looptijd mee; laat de "
            "cel leeg",
            id="actief_tot-gemeente",
        ),
        pytest.param(
            lambda b: veld(b, "jaar", "2026-2028"),
            "jaarschijf, rij 6, veld jaar: een jaarschijf beslaat één jaar of twee "
            "opeenvolgende jaren (zoals 2026-2027); '2026-2028' is dat niet",
            id="jaar-drie-jaren",
        ),
        pytest.param(
            lambda b: veld(b, "jaar", "2028-2029"),
            "jaarschijf, rij 6, veld jaar: het jaar 2029 valt buiten de periode van de "
            "overeenkomst",
            id="jaar-buiten-periode",
        ),
        pytest.param(
            lambda b: veld(b, "nummering_tonen", "soms"),
            "jaarschijf, rij 14, veld nummering_tonen: 'soms' is geen ja of nee",
            id="nummering_tonen",
        ),
        pytest.param(
            lambda b: veld(b, "geldig_vanaf", "zodra het kan"),
            "jaarschijf, rij 16, veld geldig_vanaf: 'zodra het kan' is geen datum en niet 'na "
            "ondertekening door alle partijen' (schrijf bijvoorbeeld 2026-01-01, of "
            "2026-01-01 na ondertekening door alle partijen)",
            id="geldig_vanaf",
        ),
        pytest.param(
            lambda b: veld(b, "status", "klaar"),
            "jaarschijf, rij 13, veld status: onbekende waarde 'klaar'; kies uit concept, "
            "ter_bespreking, vastgesteld, ondertekend",
            id="status",
        ),
        pytest.param(
            cel("afspraken", 2, 2, "wens"),
            "afspraken, rij 2, kolom soort: onbekende waarde 'wens'; kies uit "
            "prestatieafspraak, procesafspraak, ambitie, doorkijk",
            id="soort",
        ),
        pytest.param(
            cel("stappen", 2, 1, "Gemeente + zorgpartijen"),
            "stappen, rij 2, kolom partij: onbekende partij 'zorgpartijen'",
            id="stap-onbekende-partij",
        ),
        pytest.param(
            cel("stappen", 5, 1, "W2"),
            "stappen, rij 5, kolom partij: Woonstichting Twee doet na 2025 niet meer mee "
            "(kolom actief_tot op het tabblad partijen)",
            id="stap-partij-doet-niet-meer-mee",
        ),
        pytest.param(
            cel("ondertekenaars", 3, 0, "W2"),
            "ondertekenaars, rij 3, kolom partij: Woonstichting Twee doet na 2025 niet meer "
            "mee (kolom actief_tot op het tabblad partijen)",
            id="ondertekenaar-doet-niet-meer-mee",
        ),
    ],
)
def test_fout_per_rij_en_kolom(wijzig, verwacht):
    assert fouten(wijzig) == [verwacht]


def test_alle_fouten_tegelijk_en_niets_geimporteerd():
    def veel(bladen):
        cel("hoofdstukken", 4, 0, "midden")(bladen)
        veld(bladen, "jaar", "2026-2028")
        cel("partijen", 4, 8, "later")(bladen)

    voor = tel_rijen()
    with pytest.raises(WerkboekFout) as fout:
        werkboek_importeren(werkboek=lees_werkboek(werkboek_v2(veel)))
    assert len(fout.value.fouten) == 3
    assert tel_rijen() == voor


def test_twee_jaarschijven_vallen_niet_over_elkaar():
    werkboek_importeren(werkboek=lees_werkboek(werkboek_v2()))

    with pytest.raises(WerkboekFout) as fout:
        werkboek_importeren(
            werkboek=lees_werkboek(werkboek_v2(lambda b: veld(b, "jaar", "2027-2028")))
        )
    assert [str(m) for m in fout.value.fouten] == [
        "jaarschijf, rij 6, veld jaar: Jaarschijf 2026-2027 van deze overeenkomst valt al in "
        "deze jaren."
    ]
