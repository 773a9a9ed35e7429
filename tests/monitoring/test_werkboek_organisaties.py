"""A workbook import reuses an organisation only on an exact identity (#14, point 6;
docs/organisaties.md): the same KvK- or L-nummer, or the same name and type among what the
importing gemeente sees. Otherwise a gemeente's import creates one of its own, which no other
gemeente sees: the attack of the issue ("Woonservice 🏠" listed everywhere) replayed."""

import pytest
from django.urls import reverse

from afspraken.models import Partij
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.importer import werkboek_importeren
from monitoring.werkboek.meldingen import WerkboekFout
from monitoring.werkboek.reader import lees_werkboek
from tests import factories
from tests.monitoring.werkboek_v2 import veld, werkboek_v2
from tests.monitoring.werkboeken import cellen, uploaden_en_bevestigen
from tests.wereld import lid

pytestmark = pytest.mark.django_db


def _gemeente(naam, cbs):
    gemeente = factories.GemeenteFactory(naam=naam, cbs_code=cbs)
    organisatie = factories.GemeenteOrganisatieFactory(gemeente=gemeente)
    return gemeente, lid(organisatie, username=f"medewerker.{naam.lower()}")


def _bestand(naam, cbs, *, woonservice=("Woonservice 🏠", "", ""), extra=None):
    """The version-2 workbook of gemeente `naam`, its huurdersorganisatie named
    `woonservice` (naam, kvk, l_nummer); `extra(bladen)` changes more."""

    def wijzig(bladen):
        veld(bladen, "gemeente", naam)
        veld(bladen, "cbs_code", cbs)
        veld(bladen, "overeenkomst", f"Prestatieafspraken {naam} 2025-2028")
        veld(bladen, "titel", f"Jaarschijf 2026-2027 gemeente {naam}")
        bladen["partijen"][0][0] = f"Gemeente {naam}"
        rij = bladen["partijen"][3]
        rij[0] = woonservice[0]
        rij.extend([woonservice[1], woonservice[2]])
        if extra is not None:
            extra(bladen)

    return werkboek_v2(wijzig)


def _voor(naam, cbs, **opties):
    return lees_werkboek(_bestand(naam, cbs, **opties))


def _importeer(werkboek, gemeente, door):
    return werkboek_importeren(werkboek=werkboek, door=door, gemeente=gemeente)


def _woonservices():
    return list(Organisatie.objects.filter(naam="Woonservice 🏠").order_by("pk"))


def test_twee_gemeenten_krijgen_elk_hun_eigen_organisatie():
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    b, medewerker_b = _gemeente("Anderdorp", "GM0998")

    _importeer(_voor("Proefdorp", "GM0999"), a, medewerker_a)
    _importeer(_voor("Anderdorp", "GM0998"), b, medewerker_b)

    van_a, van_b = _woonservices()
    assert (van_a.aangemaakt_voor, van_b.aangemaakt_voor) == (a, b)
    assert van_a.type == OrganisatieType.HUURDERSORGANISATIE
    assert Partij.objects.get(organisatie=van_a).overeenkomst.gemeente == a
    assert Partij.objects.get(organisatie=van_b).overeenkomst.gemeente == b
    # Neither gemeente sees the other's, nor does anyone outside them.
    assert van_b not in Organisatie.objects.zichtbaar_voor(medewerker_a)
    assert van_a not in Organisatie.objects.zichtbaar_voor(medewerker_b)
    buiten = factories.GebruikerFactory()
    assert not set(_woonservices()) & set(Organisatie.objects.zichtbaar_voor(buiten))

    # Importing again reuses its own (exact name, any case, same type).
    _importeer(
        _voor("Proefdorp", "GM0999", woonservice=("WOONSERVICE 🏠", "", "")), a, medewerker_a
    )
    assert Organisatie.objects.filter(naam__iexact="Woonservice 🏠").count() == 2


def test_de_aanval_uit_het_issue_via_de_upload(client):
    """Gemeente A's medewerker uploads a file naming "Woonservice 🏠"; gemeente B's staff
    neither see it among the parties they can add nor add it by posting its pk."""
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    b, medewerker_b = _gemeente("Anderdorp", "GM0998")
    eigen_b = ("Huurdersraad Anderdorp", "", "")
    van_b = _importeer(_voor("Anderdorp", "GM0998", woonservice=eigen_b), b, medewerker_b)
    client.force_login(medewerker_a)
    inhoud = _bestand("Proefdorp", "GM0999").getvalue()
    upload = uploaden_en_bevestigen(client, inhoud)
    assert upload.status_code == 302
    (woonservice,) = _woonservices()
    assert woonservice.aangemaakt_voor == a

    client.force_login(medewerker_b)
    overeenkomst_b = van_b.jaarschijf.overeenkomst
    url = reverse("afspraken:partijen", kwargs={"overeenkomst_pk": overeenkomst_b.pk})
    assert "Woonservice" not in client.get(url).content.decode()
    assert client.post(url, {"organisatie": woonservice.pk}).status_code == 200
    assert not Partij.objects.filter(organisatie=woonservice, overeenkomst=overeenkomst_b)


def test_een_gedeelde_organisatie_wordt_door_beide_hergebruikt():
    gedeeld = factories.HuurdersorganisatieFactory(naam="Woonservice 🏠")
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    b, medewerker_b = _gemeente("Anderdorp", "GM0998")
    _importeer(_voor("Proefdorp", "GM0999"), a, medewerker_a)
    _importeer(_voor("Anderdorp", "GM0998"), b, medewerker_b)
    assert _woonservices() == [gedeeld]
    assert Partij.objects.filter(organisatie=gedeeld).count() == 2
    gedeeld.refresh_from_db()
    assert gedeeld.aangemaakt_voor is None


def test_wat_het_systeem_invoert_is_gedeeld():
    """The command line (and a superuser) bring organisations in for everyone, as today."""
    werkboek_importeren(werkboek=_voor("Proefdorp", "GM0999"))
    (woonservice,) = _woonservices()
    assert woonservice.aangemaakt_voor is None
    assert Organisatie.objects.filter(aangemaakt_voor__isnull=False).count() == 0


def test_het_registratienummer_is_een_identiteit_over_gemeenten_heen():
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    b, medewerker_b = _gemeente("Anderdorp", "GM0998")

    def met_l_nummer(bladen):
        bladen["partijen"][1].extend(["12345678", "L0042"])

    jaarschijf = _importeer(_voor("Proefdorp", "GM0999", extra=met_l_nummer), a, medewerker_a)
    corporatie = Organisatie.objects.get(naam="Woonstichting Een")
    assert (corporatie.kvk_nummer, corporatie.l_nummer) == ("12345678", "L0042")
    assert corporatie.aangemaakt_voor == a
    # The export writes them back in their columns.
    partijen = cellen(werkboek_exporteren(jaarschijf=jaarschijf.jaarschijf))["partijen"]
    assert partijen[0][-2:] == ("kvk", "l_nummer")
    assert ("Woonstichting Een", "12345678", "L0042") in {(r[0], *r[-2:]) for r in partijen}

    def andere_naam(bladen):
        bladen["partijen"][1][0] = "Stichting Woonstichting Een"
        bladen["partijen"][1].extend([None, "L0042"])

    _importeer(_voor("Anderdorp", "GM0998", extra=andere_naam), b, medewerker_b)
    corporatie.refresh_from_db()
    # The same legal entity: reused under its own name, now in two gemeenten: shared.
    assert not Organisatie.objects.filter(naam="Stichting Woonstichting Een").exists()
    assert Partij.objects.filter(organisatie=corporatie).count() == 2
    assert corporatie.aangemaakt_voor is None


def _fout(werkboek, gemeente, door) -> str:
    with pytest.raises(WerkboekFout) as fout:
        _importeer(werkboek, gemeente, door)
    return str(fout.value)


def test_een_naam_met_een_ander_nummer_wordt_geweigerd():
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    factories.HuurdersorganisatieFactory(naam="Woonservice 🏠", kvk_nummer="11111111")
    aantal = Organisatie.objects.count()
    melding = _fout(
        _voor("Proefdorp", "GM0999", woonservice=("Woonservice 🏠", "22222222", "")),
        a,
        medewerker_a,
    )
    assert "staat in Driehoek met KvK-nummer 11111111, niet 22222222" in melding
    assert Organisatie.objects.count() == aantal


def test_een_nummer_van_een_ander_type_wordt_geweigerd():
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    factories.OrganisatieFactory(naam="Woonstede", kvk_nummer="33333333")
    melding = _fout(
        _voor("Proefdorp", "GM0999", woonservice=("Woonservice 🏠", "33333333", "")),
        a,
        medewerker_a,
    )
    assert "KvK-nummer 33333333 hoort bij een organisatie van het type Woningcorporatie" in melding


@pytest.mark.parametrize(
    ("kvk", "l_nummer", "melding"),
    [
        ("1234", "", "Een KvK-nummer bestaat uit 8 cijfers."),
        ("", "L42", "Een L-nummer is een L gevolgd door 4 cijfers"),
        ("", "L0042", "alleen een woningcorporatie heeft een L-nummer"),
    ],
)
def test_de_lezer_controleert_de_nummers(kvk, l_nummer, melding):
    with pytest.raises(WerkboekFout) as fout:
        _voor("Proefdorp", "GM0999", woonservice=("Woonservice 🏠", kvk, l_nummer))
    meldingen = [str(m) for m in fout.value.fouten]
    assert any(melding in m and "partijen" in m for m in meldingen), meldingen


def test_twee_rijen_met_hetzelfde_nummer_zijn_een_fout():
    a, medewerker_a = _gemeente("Proefdorp", "GM0999")
    factories.OrganisatieFactory(naam="Woonstede", kvk_nummer="44444444")

    def twee_keer(bladen):
        bladen["partijen"][1].extend(["44444444", None])
        bladen["partijen"][2].extend(["44444444", None])

    melding = _fout(_voor("Proefdorp", "GM0999", extra=twee_keer), a, medewerker_a)
    assert "Woonstichting Twee is dezelfde organisatie als Woonstichting Een" in melding
    assert "partijen, rij 4" in melding


def test_een_kvk_nummer_als_getal_houdt_zijn_voorloopnul():
    werkboek = _voor("Proefdorp", "GM0999", woonservice=("Woonservice 🏠", 1234567, ""))
    assert werkboek.partijen[3].kvk_nummer == "01234567"
