"""A look that belongs to the Dutch public sector (issue #15, point 7, in part): file fields
speak Dutch without script or inline style, and every status has its own coloured, labelled
badge whose colours are readable."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from afspraken.constants import JaarschijfStatus, Voortgang
from tests.wereld import paginawereld

CSS = Path(__file__).resolve().parent.parent / "templates" / "static" / "driehoek.css"


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


@pytest.mark.parametrize("status", [*JaarschijfStatus.values, *Voortgang.values])
def test_every_status_has_its_own_readable_colours(status):
    kleuren = [
        body
        for kiezer, body in _regels().items()
        if f".status--{status}" in [k.strip() for k in kiezer.split(",")]
    ]
    assert len(kleuren) == 1, status
    tekst = re.search(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", kleuren[0])[1]
    achtergrond = re.search(r"background-color:\s*(#[0-9a-f]{6})", kleuren[0])[1]
    assert _contrast(tekst, achtergrond) >= 7, status


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
