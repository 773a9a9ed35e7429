"""load_demo: the three real documents through the importer, plus the demo accounts.

Loading takes seconds, so the demo is loaded once per module inside a transaction that is
rolled back when the module is done; each test runs in a savepoint within it.
"""

import datetime
import io
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test.utils import override_settings

from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, Jaarschijf, Ondertekening, Stap
from gemeenten.constants import OrganisatieType, Rol
from gemeenten.models import Gebruiker, Organisatie
from monitoring.management.demo import WACHTWOORD
from voorraad.constants import CijferSoort
from voorraad.models import Voorraadmutatie, Voorraadstand

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
# The suite's fast hasher (tests/conftest.py) is function-scoped; the module load needs it too,
# or the logins made here would not verify in the tests.
SNELLE_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AFKORTINGEN = {
    "Borger-Odoorn": {"BO", "LF", "WS", "HVSS", "HU"},
    "Hoogeveen": {"HGV", "WC", "DOM", "ACT", "WS", "SHDH", "CAS", "MEVM", "HVSS"},
}


def rijen_per_model() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


@contextmanager
def demo_geladen(django_db_blocker, keer: int = 1):
    """Load the demo `keer` times for a whole module; yields per load the row counts and the
    command's output. Everything is rolled back afterwards, so other modules never see it.
    """
    metingen = []
    with django_db_blocker.unblock():
        blok = transaction.atomic()
        blok.__enter__()
    try:
        with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=SNELLE_HASHER):
            for _ in range(keer):
                uitvoer = io.StringIO()
                call_command("load_demo", ook_zonder_debug=True, stdout=uitvoer)
                metingen.append((rijen_per_model(), uitvoer.getvalue()))
        yield metingen
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            blok.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_geladen(django_db_blocker, keer=2) as metingen:
        yield metingen


@pytest.fixture
def seed():
    def lees(naam: str) -> str:
        pad = SEEDS / naam
        if not pad.exists():
            pytest.skip(f"bronbestand {pad} ontbreekt")
        return pad.read_text(encoding="utf-8")

    return lees


def plat(tekst: str) -> str:
    """Text with its line breaks and runs of spaces folded, as the PDF conversion broke them."""
    return re.sub(r"\s+", " ", tekst).strip()


def bo_2026():
    return Jaarschijf.objects.get(overeenkomst__gemeente__naam="Borger-Odoorn", jaar=2026)


# --- Loading -------------------------------------------------------------------------------


def test_load_demo_twee_keer_geeft_dezelfde_rijen(demo):
    (eerste, _), (tweede, _) = demo
    assert eerste == tweede
    assert eerste["afspraken.Afspraak"] == 22 + 40 + 23
    assert eerste["afspraken.Jaarschijf"] == 3
    assert eerste["gemeenten.Organisatie"] == 12


def test_load_demo_weigert_zonder_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stil=True)


def test_load_demo_slaat_bevroren_jaarschijf_over(demo, db, settings):
    settings.PASSWORD_HASHERS = SNELLE_HASHER
    Jaarschijf.objects.filter(pk=bo_2026().pk).update(status=JaarschijfStatus.VASTGESTELD)
    Stap.objects.filter(jaarafspraak__jaarschijf__jaar=2026).delete()  # a change to undo
    uitvoer = io.StringIO()
    call_command("load_demo", ook_zonder_debug=True, stdout=uitvoer)
    assert "Niet geladen: borger-odoorn-jaarschijf-2026.xlsx" in uitvoer.getvalue()
    assert "2 werkboeken" in uitvoer.getvalue()
    # The other workbooks were imported again.
    assert Stap.objects.filter(jaarafspraak__jaarschijf__overeenkomst__gemeente__naam="Hoogeveen")


# --- Demo accounts -------------------------------------------------------------------------


def test_demo_accounts_per_organisatie_en_rol(demo, db):
    organisaties = Organisatie.objects.filter(
        afkorting__in=set().union(*AFKORTINGEN.values())
    ).prefetch_related("lidmaatschappen__gebruiker")
    assert len(organisaties) == 12
    for organisatie in organisaties:
        rollen_per_login = {}
        for lid in organisatie.lidmaatschappen.all():
            rollen_per_login.setdefault(lid.gebruiker.username, set()).add(lid.rol)
        prefix = organisatie.afkorting.lower()
        assert rollen_per_login == {
            f"{prefix}.medewerker": {Rol.MEDEWERKER},
            f"{prefix}.ondertekenaar": {Rol.MEDEWERKER, Rol.ONDERTEKENAAR},
            f"{prefix}.beheerder": {Rol.MEDEWERKER, Rol.BEHEERDER},
        }


def test_demo_accounts_hebben_naam_en_het_demowachtwoord(demo, db):
    gebruikers = list(Gebruiker.objects.all())
    assert len(gebruikers) == 1 + 12 * 3
    admin = next(g for g in gebruikers if g.username == "admin")
    assert admin.is_superuser and admin.is_staff and not admin.lidmaatschappen.exists()
    assert all(g.first_name and g.last_name and g.is_active for g in gebruikers)
    # Hashed once: every account carries the very same hash.
    assert len({g.password for g in gebruikers}) == 1
    assert admin.check_password(WACHTWOORD)


def test_overzicht_toont_url_wachtwoord_logins_en_tweestaps(demo):
    _, uitvoer = demo[1]
    assert "http://127.0.0.1:8000" in uitvoer
    assert f"Wachtwoord voor alle demo-accounts: {WACHTWOORD}" in uitvoer
    assert "37 accounts (0 nieuw)" in uitvoer
    regels = uitvoer.splitlines()
    borger_odoorn = regels.index("Borger-Odoorn:")
    hoogeveen = regels.index("Hoogeveen:")
    regel_bo = next(r for r in regels[borger_odoorn:hoogeveen] if "Gemeente Borger-Odoorn" in r)
    assert regel_bo.split()[-3:] == ["bo.medewerker", "bo.ondertekenaar", "bo.beheerder"]
    # Woonservice and Samen Sterk work in both gemeenten and are listed under both.
    for blok in (regels[borger_odoorn:hoogeveen], regels[hoogeveen:]):
        assert any("ws.medewerker" in r for r in blok)
        assert any("hvss.medewerker" in r for r in blok)
    assert any("hgv.ondertekenaar" in r for r in regels[hoogeveen:])
    assert "tweestapsverificatie" in uitvoer and "authenticator-app" in uitvoer


# --- Loaded values against the source documents ---------------------------------------------


def _mutatie(corporatie, categorie, jaar_van, jaar_tot):
    return Voorraadmutatie.objects.get(
        jaarschijf=bo_2026(),
        corporatie__afkorting=corporatie,
        categorie__naam=categorie,
        jaar_van=jaar_van,
        jaar_tot=jaar_tot,
    )


def _stand(corporatie, jaarschijf, peildatum, segment="sociale huur (DAEB)"):
    return Voorraadstand.objects.get(
        jaarschijf=jaarschijf,
        corporatie__afkorting=corporatie,
        segment__naam=segment,
        peildatum=peildatum,
    )


def test_voorraad_borger_odoorn_2026(demo, db):
    assert _mutatie("WS", "verkoop", 2026, 2027).aantal == 6
    assert _mutatie("WS", "verkoop", 2026, 2027).soort == CijferSoort.PROGNOSE
    assert _mutatie("WS", "nieuwbouw", 2024, 2024).aantal == 14
    assert _mutatie("LF", "verduurzaming", 2026, 2027).aantal == 176
    # '-' in the document: unknown, which is not 0.
    assert _mutatie("LF", "nieuwbouw", 2026, 2027).aantal is None
    assert _mutatie("LF", "sloop", 2026, 2027).aantal == 0
    dec_2025 = datetime.date(2025, 12, 31)
    assert _stand("LF", bo_2026(), dec_2025).aantal == 1129
    assert _stand("WS", bo_2026(), dec_2025).aantal == 1180


def _tabel(tekst: str, kop: str) -> dict[str, list[str]]:
    """The tab-separated stock table that starts with the line `kop<TAB>2024...`."""
    regels = tekst.splitlines()
    start = next(i for i, r in enumerate(regels) if r.startswith(f"{kop}\t2024"))
    rijen = {}
    for regel in regels[start + 1 :]:
        if "\t" not in regel:
            break
        cellen = regel.split("\t")
        rijen[re.sub(r"<[^>]+>", "", cellen[0]).strip().lower() or "totaal"] = [
            c.strip() for c in cellen[1:] if c.strip()
        ]
    return rijen


def test_voorraad_volgt_de_tabellen_van_het_document(demo, db, seed):
    tekst = seed("borger-odoorn-jaarschijf-2026.txt")
    for naam, afkorting in (("Lefier", "LF"), ("Woonservice", "WS")):
        tabel = _tabel(tekst, naam)
        for categorie in ("nieuwbouw", "sloop", "verkoop"):
            cellen = tabel[categorie]
            for cel, (van, tot) in zip(
                cellen, [(2024, 2024), (2025, 2025), (2026, 2027)], strict=True
            ):
                verwacht = None if cel == "-" else int(cel)
                assert _mutatie(afkorting, categorie, van, tot).aantal == verwacht, (naam, cel)
        stand = _stand(afkorting, bo_2026(), datetime.date(2025, 12, 31))
        assert tabel["totaal"] == [str(stand.aantal)]


def test_ondertekening_borger_odoorn_2026(demo, db, seed):
    jaarschijf = bo_2026()
    assert jaarschijf.plaats == "Exloo"
    assert jaarschijf.datum == datetime.date(2025, 11, 20)
    assert jaarschijf.geldig_tot == datetime.date(2026, 12, 31)
    namen = dict(
        Ondertekening.objects.filter(jaarschijf=jaarschijf).values_list(
            "naam", "organisatie__afkorting"
        )
    )
    assert namen == {
        "De heer H. Zwiep": "BO",
        "Mevrouw A. Van. Tongeren": "BO",
        "Mevrouw E. Dost": "LF",
        "Mevrouw J. Klijn": "WS",
        "De heer H. Herbers": "HVSS",
        "De heer R. Potse": "HU",
    }
    tekst = seed("borger-odoorn-jaarschijf-2026.txt")
    assert "Aldus overeengekomen te Exloo op 20 november 2025." in tekst
    assert "geldig tot en met 31 december 2026" in tekst
    for naam in namen:
        assert f"- {naam}" in tekst


def test_hoogeveen_stap_uit_het_document(demo, db, seed):
    stap = Stap.objects.get(
        jaarafspraak__jaarschijf__overeenkomst__gemeente__naam="Hoogeveen",
        jaarafspraak__afspraak__code="3",
        organisatie__afkorting="WC",
    )
    zin = (
        "We realiseren in 2026 scootmobielstallingen bij de complexen Dorado (Helios) en De IJssel."
    )
    assert zin in plat(stap.tekst)
    assert zin in plat(seed("hoogeveen-meerjarig-2023-2027.txt"))
    afspraak = Afspraak.objects.get(overeenkomst__gemeente__naam="Hoogeveen", code="1")
    assert "tenminste 320 eenheden" in afspraak.inhoud
    wc_2022 = Voorraadstand.objects.get(
        corporatie__afkorting="WC",
        jaarschijf__overeenkomst__gemeente__naam="Hoogeveen",
        segment__naam="sociale huur (DAEB)",
        peildatum=datetime.date(2022, 12, 31),
    )
    assert wc_2022.aantal == 3281  # "Sociale huur (DAEB) 3.281 3.141 ..."


def _afspraak_2023(code):
    return Afspraak.objects.select_related("parent").get(
        overeenkomst__titel="Groeidocument prestatieafspraken 2021-2024", code=code
    )


def test_borger_odoorn_2023_subafspraken_en_trekkers(demo, db, seed):
    assert _afspraak_2023("A5a").parent.code == "A5"
    assert _afspraak_2023("A5b").parent.code == "A5"
    assert _afspraak_2023("A5").parent is None

    tekst = seed("borger-odoorn-prestatieafspraken-2023.txt")
    afkorting = {"gemeente": "BO", "lf": "LF", "ws": "WS"}
    for code in ("A5a", "A9", "B3"):
        regel = next(r for r in tekst.splitlines() if r.startswith(f"{code} | "))
        trekker = regel.split(" | ")[4]  # nr | inhoud | resultaat | tijd | trekker | ...
        verwacht = {afkorting[d.lower()] for d in re.split(r"[\s,/]+", trekker) if d}
        trekkers = {t.afkorting for t in _afspraak_2023(code).trekkers.all()}
        assert trekkers == verwacht, (code, trekker)
    assert {t.afkorting for t in _afspraak_2023("A9").trekkers.all()} == {"BO", "WS", "LF"}


def test_organisaties_per_gemeente(demo, db):
    for gemeente, afkortingen in AFKORTINGEN.items():
        partijen = Organisatie.objects.filter(partijrollen__overeenkomst__gemeente__naam=gemeente)
        assert set(partijen.values_list("afkorting", flat=True)) == afkortingen
    gemeenten = Organisatie.objects.filter(type=OrganisatieType.GEMEENTE)
    assert set(gemeenten.values_list("afkorting", flat=True)) == {"BO", "HGV"}
