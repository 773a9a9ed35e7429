"""A look that belongs to the Dutch public sector (issue #15, point 7): file fields speak Dutch
without script or inline style, every status has its own coloured, labelled badge whose
colours are readable, the theme is Driehoek's own, and breadcrumbs name the jaarschijf."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from afspraken.constants import JaarschijfStatus, Voortgang
from monitoring.constants import Oordeel
from tests.wereld import paginawereld

STATIC = Path(__file__).resolve().parent.parent / "templates" / "static"
CSS = STATIC / "driehoek.css"
TOKENS = STATIC / "driehoek-tokens.css"
# Every status a page shows as a badge: jaarschijf, voortgang, zienswijze, a handled remark.
STATUSSEN = [*JaarschijfStatus.values, *Voortgang.values, *Oordeel.values, "afgehandeld"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("gebruiker", "naam", "kwargs"),
    [
        ("gemeente_gebruiker", "monitoring:werkboek-import", {}),
        ("corporatie_gebruiker", "monitoring:voorraad-upload", {"jaarschijf_pk": None}),
        # The public verification page: anyone, logged in or not.
        ("gemeente_gebruiker", "monitoring:verificatie", {}),
    ],
)
def test_file_fields_speak_dutch_without_script_or_inline_style(client, gebruiker, naam, kwargs):
    wereld = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    client.force_login(getattr(wereld, gebruiker))
    if "jaarschijf_pk" in kwargs:
        kwargs["jaarschijf_pk"] = wereld.jaarschijf.pk
    html = client.get(reverse(naam, kwargs=kwargs)).content.decode()
    invoer = re.search(r'<input type="file"[^>]*>', html)[0]
    assert 'class="bestandkiezer__invoer"' in invoer and "required" in invoer
    veld_id = re.search(r'id="([^"]+)"', invoer)[1]
    assert f'<label for="{veld_id}" class="bestandkiezer__knop">Bestand kiezen</label>' in html
    assert "Geen bestand gekozen" in html and "Bestand gekozen" in html
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def _regels() -> dict[str, str]:
    """Each CSS rule's selector list with its body (no nesting in this sheet)."""
    tekst = re.sub(r"/\*.*?\*/", "", CSS.read_text(), flags=re.S)
    return {kiezer.strip(): body for kiezer, body in re.findall(r"([^{}]+)\{([^{}]*)\}", tekst)}


def _luminantie(hex_kleur: str) -> float:
    kanalen = [int(hex_kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lineair = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanalen]
    return 0.2126 * lineair[0] + 0.7152 * lineair[1] + 0.0722 * lineair[2]


def _contrast(a: str, b: str) -> float:
    licht, donker = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (licht + 0.05) / (donker + 0.05)


def _badge(status: str) -> tuple[str, str, str]:
    """The text colour, background and border style of a status's badge."""
    kleuren = [
        body
        for kiezer, body in _regels().items()
        if f".status--{status}" in [k.strip() for k in kiezer.split(",")]
    ]
    assert len(kleuren) == 1, status
    tekst = re.search(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", kleuren[0])[1]
    achtergrond = re.search(r"background-color:\s*(#[0-9a-f]{6})", kleuren[0])[1]
    rand = re.search(r"border-style:\s*(\w+)", kleuren[0])
    return tekst, achtergrond, rand[1] if rand else "solid"


@pytest.mark.parametrize("status", STATUSSEN)
def test_every_status_has_its_own_readable_colours(status):
    tekst, achtergrond, _rand = _badge(status)
    assert _contrast(tekst, achtergrond) >= 7, status


def test_no_two_statuses_look_the_same():
    assert len({_badge(status) for status in STATUSSEN}) == len(STATUSSEN)


def test_zienswijze_badges_share_the_status_colours():
    """monitoring marks a zienswijze `.zienswijze--<oordeel>`: same look as `.status--`."""
    regels = _regels()
    for oordeel in Oordeel.values:
        assert any(
            {f".status--{oordeel}", f".zienswijze--{oordeel}"}
            <= {k.strip() for k in kiezer.split(",")}
            for kiezer in regels
        ), oordeel


def test_the_jaarschijf_statuses_look_different():
    regels = _regels()
    achtergronden = set()
    for status in JaarschijfStatus.values:
        body = next(
            b
            for k, b in regels.items()
            if f".status--{status}" in [s.strip() for s in k.split(",")]
        )
        achtergronden.add(re.search(r"background-color:\s*(#[0-9a-f]{6})", body)[1])
    assert len(achtergronden) == len(JaarschijfStatus.values)


def test_every_status_badge_names_its_status():
    """A badge showing a jaarschijf's status carries its own class, so it gets its colour."""
    wortel = CSS.parent.parent.parent
    kaal = []
    for pad in wortel.glob("*/templates/**/*.html"):
        for badge in re.findall(
            r'<span class="status[^"]*">\{\{ [\w.]+get_status_display', pad.read_text()
        ):
            if "status--" not in badge:
                kaal.append(f"{pad.relative_to(wortel)}: {badge}")
    assert not kaal, kaal


def test_the_theme_is_driehoeks_own_with_bundled_open_fonts():
    """Not the NL Design System's purple example: Driehoek's tokens, its own fonts, served
    from this site (CSP font-src 'self'), under their licence."""
    tokens = TOKENS.read_text()
    assert "--voorbeeld-" not in tokens
    assert "serif" not in re.sub(r"sans-serif", "", tokens)
    for bestand in re.findall(r"url\('([^']+)'\)", tokens):
        assert (STATIC / bestand).is_file(), bestand
    assert "font-display: swap" in tokens
    assert "Open Font License" in (STATIC / "fonts" / "source-sans-3" / "LICENSE").read_text()
    basis = (STATIC.parent / "base.html").read_text()
    assert "voorbeeld-design-tokens" not in basis and 'class="driehoek-theme"' in basis


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("gebruiker", "naam"),
    [
        ("gemeente_gebruiker", "voorraad:overzicht"),
        ("gemeente_gebruiker", "monitoring:voortgang"),
        ("gemeente_gebruiker", "monitoring:agenda"),
        ("corporatie_gebruiker", "voorraad:raster"),
    ],
)
def test_breadcrumbs_under_a_jaarschijf_name_it(client, gebruiker, naam):
    wereld = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    client.force_login(getattr(wereld, gebruiker))
    antwoord = client.get(reverse(naam, kwargs={"jaarschijf_pk": wereld.jaarschijf.pk}))
    assert antwoord.status_code == 200
    kruimelpad = re.search(r'<nav class="kruimelpad".*?</nav>', antwoord.content.decode(), re.S)[0]
    jaarschijf_url = reverse(
        "monitoring:jaarschijf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk}
    )
    assert f'href="{jaarschijf_url}">Jaarschijf 2026</a>' in kruimelpad
    overeenkomst_url = reverse(
        "afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": wereld.overeenkomst.pk}
    )
    assert kruimelpad.index(overeenkomst_url) < kruimelpad.index(jaarschijf_url)


@pytest.mark.django_db
def test_the_jaarschijf_page_is_the_last_crumb_not_a_link_to_itself(client):
    wereld = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    client.force_login(wereld.gemeente_gebruiker)
    url = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk})
    kruimelpad = re.search(
        r'<nav class="kruimelpad".*?</nav>', client.get(url).content.decode(), re.S
    )[0]
    assert f'href="{url}"' not in kruimelpad and 'aria-current="page"' in kruimelpad


def test_driehoeks_tokens_cover_every_token_the_components_read():
    """The example theme is no longer loaded: every token the Utrecht components, Driehoek's
    own sheets read, and the example theme gave a value, Driehoek's theme gives one too
    (else a component would silently lose its colour, size or font)."""
    vendor = STATIC / "vendor"
    voorbeeld = set(
        re.findall(
            r"^\s*(--[\w-]+):", (vendor / "voorbeeld-design-tokens" / "theme.css").read_text(), re.M
        )
    )
    eigen = set(re.findall(r"^\s*(--[\w-]+):", TOKENS.read_text(), re.M))
    gelezen = set()
    for blad in (
        vendor / "utrecht-component-library-css" / "index.css",
        CSS,
        STATIC / "voorraad.css",
    ):
        gelezen |= set(re.findall(r"var\(\s*(--[\w-]+)", blad.read_text()))
    ontbreekt = {t for t in gelezen & voorbeeld if t not in eigen}
    assert not ontbreekt, sorted(ontbreekt)[:20]


@pytest.mark.django_db
def test_the_afspraak_edit_page_names_its_jaarschijf_in_the_breadcrumbs(client):
    wereld = paginawereld(1, status=JaarschijfStatus.CONCEPT)
    client.force_login(wereld.gemeente_gebruiker)
    jaarafspraak = wereld.jaarschijf.jaarafspraken.first()
    url = reverse("afspraken:jaarafspraak-bewerken", kwargs={"jaarafspraak_pk": jaarafspraak.pk})
    html = client.get(url).content.decode()
    kruimelpad = re.search(r'<nav class="kruimelpad".*?</nav>', html, re.S)[0]
    jaarschijf_url = reverse(
        "monitoring:jaarschijf", kwargs={"jaarschijf_pk": wereld.jaarschijf.pk}
    )
    assert f'href="{jaarschijf_url}">Jaarschijf 2026</a>' in kruimelpad
