"""Messages name a column as the uploaded file writes it: a workbook with the template's
Dutch headers hears its Dutch headers back, one with the technical names of WORKBOOK.md its
technical names, and the jaarschijf sheet's rows are named by their veld as column A writes
it. The command line and the upload page say the same.

The workbooks are the export of the Borger-Odoorn seed (fixtures/), its headers and velden
rewritten as the empty template writes them (koppen) for the Dutch case.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import CommandError
from django.urls import reverse

from afspraken.constants import XLSX_MEDIA_TYPE
from afspraken.models import Jaarschijf
from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from monitoring.werkboek import formaat, koppen
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests.monitoring.werkboeken import (
    JAARSCHIJF_2026,
    als_bestand,
    bewerk,
    importeer,
    kolom,
    uploaden_en_bevestigen,
    zet_cel,
)
from tests.wereld import lid

pytestmark = pytest.mark.django_db


@pytest.fixture
def export() -> bytes:
    """The seed's jaarschijf as exported, with the technical headers."""
    importeer(JAARSCHIJF_2026)
    return werkboek_exporteren(jaarschijf=Jaarschijf.objects.get())


def nederlands(werkboek):
    """Headers and velden as the empty template writes them."""
    for blad in formaat.BLADEN:
        for cel in werkboek[blad.naam][1]:
            cel.value = koppen.kop(blad.naam, cel.value)
    for (cel,) in werkboek["jaarschijf"].iter_rows(min_row=2, max_col=1):
        cel.value = koppen.JAARSCHIJF_VELDEN[cel.value]


def veldrij(werkboek, veld: str) -> int:
    for (cel,) in werkboek["jaarschijf"].iter_rows(min_row=2, max_col=1):
        if cel.value == veld:
            return cel.row
    raise KeyError(veld)


def zet_veld(werkboek, veld: str, waarde):
    werkboek["jaarschijf"].cell(veldrij(werkboek, veld), 2).value = waarde


def met(*wijzigingen):
    def wijzig(werkboek):
        for wijziging in wijzigingen:
            wijziging(werkboek)

    return wijzig


def kapot(werkboek):
    """One bad cell on each of five sheets, by technical column (before any renaming)."""
    zet_veld(werkboek, "nummering_tonen", "soms")
    # A party's last year, not its type: an unknown party would fail every row naming it.
    zet_cel(werkboek["partijen"], 3, "actief_tot", "volgend jaar")
    zet_cel(werkboek["afspraken"], 4, "inhoud", None)
    zet_cel(werkboek["afspraken"], 5, "status", "bijna klaar")
    zet_cel(werkboek["voorraad"], 3, "soort", "gok")


def plaatsen(fout: WerkboekFout | CommandError) -> list[str]:
    meldingen = fout.fouten if isinstance(fout, WerkboekFout) else _regels(str(fout))
    return [str(melding).partition(": ")[0] for melding in meldingen]


def _regels(tekst: str) -> list[str]:
    return [regel.removeprefix("- ") for regel in tekst.splitlines() if regel.startswith("- ")]


def _upload(inhoud: bytes):
    return SimpleUploadedFile("werkboek.xlsx", inhoud, content_type=XLSX_MEDIA_TYPE)


NEDERLANDS = [
    "jaarschijf, rij 14, veld Nummering tonen",
    "partijen, rij 3, kolom Actief tot en met",
    "afspraken, rij 4, kolom Afspraak",
    "afspraken, rij 5, kolom Voortgang",
    "voorraad, rij 3, kolom Soort cijfer",
]
TECHNISCH = [
    "jaarschijf, rij 14, veld nummering_tonen",
    "partijen, rij 3, kolom actief_tot",
    "afspraken, rij 4, kolom inhoud",
    "afspraken, rij 5, kolom status",
    "voorraad, rij 3, kolom soort",
]


@pytest.mark.parametrize(
    ("koppen_van", "verwacht"),
    [(nederlands, NEDERLANDS), (lambda werkboek: None, TECHNISCH)],
    ids=["nederlands", "technisch"],
)
def test_een_fout_noemt_de_kolom_zoals_het_bestand_hem_schrijft(export, koppen_van, verwacht):
    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(bewerk(export, met(kapot, koppen_van)))

    assert plaatsen(fout.value) == verwacht


def test_de_opdrachtregel_en_de_uploadpagina_zeggen_hetzelfde(client, export, tmp_path):
    bestand = bewerk(export, met(kapot, nederlands))
    with pytest.raises(CommandError) as opdrachtregel:
        importeer(als_bestand(tmp_path, bestand))
    client.force_login(lid(Organisatie.objects.get(afkorting="BO"), Rol.MEDEWERKER))

    pagina = client.post(
        reverse("monitoring:werkboek-import"), {"bestand": _upload(bestand.getvalue())}
    )

    assert plaatsen(opdrachtregel.value) == NEDERLANDS
    assert [str(m) for m in pagina.context["fouten"]] == _regels(str(opdrachtregel.value))
    html = pagina.content.decode()
    assert '<td class="utrecht-table__cell">Actief tot en met</td>' in html
    assert '<td class="utrecht-table__cell">Nummering tonen</td>' in html
    assert ">actief_tot</td>" not in html and ">waarde</td>" not in html


def zonder_inhoud_en_jaar(werkboek):
    afspraken = werkboek["afspraken"]
    afspraken.delete_cols(kolom(afspraken, "inhoud"))
    werkboek["jaarschijf"].delete_rows(veldrij(werkboek, "jaar"))


@pytest.mark.parametrize(
    ("koppen_van", "verwacht"),
    [
        (
            nederlands,
            ["jaarschijf, veld Jaar", "afspraken, rij 1, kolom Afspraak"],
        ),
        (
            lambda werkboek: None,
            ["jaarschijf, veld jaar", "afspraken, rij 1, kolom inhoud"],
        ),
    ],
    ids=["nederlands", "technisch"],
)
def test_een_ontbrekende_kolom_heet_zoals_de_rest_van_het_bestand(export, koppen_van, verwacht):
    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(bewerk(export, met(zonder_inhoud_en_jaar, koppen_van)))

    assert plaatsen(fout.value) == verwacht
    assert [m.reden for m in fout.value.fouten] == [
        "het verplichte veld ontbreekt",
        "de verplichte kolom ontbreekt",
    ]


def test_een_fout_van_het_importeren_noemt_het_veld_zoals_het_bestand(export):
    """The importer's own check (a document signed outside Driehoek needs its place and
    date) comes after the reader, and still speaks the file's words."""

    def ondertekend_zonder_plaats(werkboek):
        zet_veld(werkboek, "status", "ondertekend")
        zet_veld(werkboek, "plaats", None)
        zet_veld(werkboek, "datum", None)

    werkboek = lees_werkboek(bewerk(export, met(ondertekend_zonder_plaats, nederlands)))
    with pytest.raises(WerkboekFout) as fout:
        werkboek_importeren(werkboek=werkboek)

    [melding] = fout.value.fouten
    assert str(melding).startswith("jaarschijf, rij 13, veld Status: een jaarschijf met status")
    assert melding.reden.endswith("vul Plaats van ondertekening en Datum van ondertekening in")


def test_voorbeeld_en_bevestiging_noemen_een_onbekende_kolom_en_veld_zoals_geschreven(
    client, export
):
    def extra(werkboek):
        afspraken = werkboek["afspraken"]
        afspraken.cell(1, afspraken.max_column + 1).value = "Opmerking gemeente"
        jaarschijf = werkboek["jaarschijf"]
        jaarschijf.append(["Wethouder", "H. Zwiep"])

    client.force_login(lid(Organisatie.objects.get(afkorting="BO"), Rol.MEDEWERKER))

    voorbeeld = client.post(
        reverse("monitoring:werkboek-import"),
        {"bestand": _upload(bewerk(export, met(nederlands, extra)).getvalue())},
    )

    waarschuwingen = [
        "jaarschijf, rij 17, veld Wethouder: onbekend veld, genegeerd",
        "afspraken, rij 1, kolom Opmerking gemeente: onbekende kolom, genegeerd",
    ]
    assert voorbeeld.status_code == 200 and "voorbeeld" in voorbeeld.context
    assert [str(m) for m in voorbeeld.context["waarschuwingen"]] == waarschuwingen
    # After the confirmation the same warnings come back as messages.
    bevestigd = uploaden_en_bevestigen(client, bewerk(export, met(nederlands, extra)))
    assert bevestigd.status_code == 302
    berichten = [str(m) for m in get_messages(bevestigd.wsgi_request)]
    assert berichten[1:] == waarschuwingen


def test_een_dubbele_kolom_noemt_ook_de_andere_schrijfwijze(export):
    def dubbel(werkboek):
        afspraken = werkboek["afspraken"]
        afspraken.cell(1, afspraken.max_column + 1).value = "Afspraak"

    with pytest.raises(WerkboekFout) as fout:
        lees_werkboek(bewerk(export, dubbel))

    assert [str(m) for m in fout.value.fouten] == [
        "afspraken, rij 1, kolom inhoud: de kolom staat er twee keer in, ook als 'Afspraak'"
    ]
