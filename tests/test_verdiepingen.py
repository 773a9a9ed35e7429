"""The apps stack like floors (DESIGN §3): gemeenten <- afspraken <- voorraad <- monitoring.
No app imports, looks up, links or names anything of an app above it.

Every Python file (migrations included) and template of each app is read for:
- imports of an upper app's modules;
- names of an upper app as strings: URL names (`reverse("monitoring:...")`), dotted paths and
  permissions (`"monitoring.views..."`, `has_perm("monitoring.comment")`), template paths
  (`"monitoring/..."`), and in migrations the app label itself (dependencies, `to=`);
- ORM reach through the reverse relations that upper apps' models add to lower models
  (`jaarschijf.voorraadmutaties`, `prefetch_related("opmerkingen")`,
  `exclude(voorraadmutaties__corporatie_id=...)`), read from the model registry;
- in templates, `{% url '<upper>:` , `{% include/extends "<upper>/`, `has_perm "<upper>.`
  and variables through those reverse relations (`{{ jaarschijf.opmerkingen.all }}`).

A finding names the file and line. afspraken reaches the pages above only through its hook,
`afspraken.boven`, which monitoring fills (tested below too).
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from afspraken import boven

VERDIEPINGEN = ["gemeenten", "afspraken", "voorraad", "monitoring"]
BOVEN = {app: VERDIEPINGEN[i + 1 :] for i, app in enumerate(VERDIEPINGEN)}
ROOT = Path(settings.BASE_DIR)


def omgekeerde_relaties(app: str) -> set[str]:
    """The names an upper app's models add to the models of `app` and the floors below it:
    accessors (`voorraadmutaties`, `opmerking_set`) and query names used in lookups."""
    eronder = set(VERDIEPINGEN[: VERDIEPINGEN.index(app) + 1])
    namen = set()
    for model in apps.get_models():
        if model._meta.app_label not in BOVEN[app]:
            continue
        for veld in model._meta.get_fields():
            doel = getattr(veld, "related_model", None)
            if not veld.is_relation or veld.auto_created or doel is None:
                continue
            if doel._meta.app_label not in eronder or veld.remote_field.hidden:
                continue
            namen.add(veld.remote_field.get_accessor_name())
            if veld.remote_field.related_name:
                namen.add(veld.related_query_name())
    return namen


def _woorden_van_lookup(tekst: str) -> list[str]:
    return tekst.split("__") if re.fullmatch(r"[a-z_]+", tekst) else []


def vondsten_in_python(bron: str, boven: list[str], relaties: set[str], migratie: bool):
    """(line, what) for every upward reference in one Python source."""
    if not boven:
        return []
    naam = re.compile(rf"^({'|'.join(boven)})[.:/]")
    vondsten = []
    boom = ast.parse(bron)
    # A field's choices are values, not references: a plek `voorraad` names no app.
    keuzen = {
        id(k)
        for kw in ast.walk(boom)
        if isinstance(kw, ast.keyword) and kw.arg == "choices"
        for k in ast.walk(kw.value)
    }
    for knoop in ast.walk(boom):
        regel = getattr(knoop, "lineno", 0)
        if isinstance(knoop, ast.Import):
            modules = [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            modules = [knoop.module or ""] if not knoop.level else []
        else:
            modules = []
        for module in modules:
            if module.split(".")[0] in boven:
                vondsten.append((regel, f"importeert {module}"))
        if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            tekst = knoop.value
            if naam.match(tekst) or (migratie and tekst in boven and id(knoop) not in keuzen):
                vondsten.append((regel, f"noemt {tekst!r}"))
            elif not migratie and set(_woorden_van_lookup(tekst)) & relaties:
                vondsten.append((regel, f"zoekt via {tekst!r}"))
        if migratie:
            # A migration names its own models' related_name; only app labels count there.
            continue
        if isinstance(knoop, ast.Attribute) and knoop.attr in relaties:
            vondsten.append((regel, f"loopt via .{knoop.attr}"))
        if isinstance(knoop, ast.keyword) and set(_woorden_van_lookup(knoop.arg or "")) & relaties:
            vondsten.append((regel, f"zoekt via {knoop.arg}="))
    return sorted(vondsten)


_TAG = re.compile(r"\{[{%].*?[%}]\}", re.DOTALL)


def vondsten_in_template(bron: str, boven: list[str], relaties: set[str]):
    if not boven:
        return []
    apps_ = "|".join(boven)
    verboden = [
        re.compile(rf"\burl\s+['\"]({apps_}):"),
        re.compile(rf"\b(include|extends)\s+['\"]({apps_})/"),
        re.compile(rf"\bhas_perm\s+['\"]({apps_})\."),
    ]
    if relaties:
        verboden.append(re.compile(rf"\.({'|'.join(sorted(relaties))})\b"))
    vondsten = []
    for tag in _TAG.finditer(bron):
        for patroon in verboden:
            if treffer := patroon.search(tag.group()):
                regel = bron.count("\n", 0, tag.start() + treffer.start()) + 1
                vondsten.append((regel, f"{treffer.group()!r} in {tag.group()[:60]!r}"))
    return sorted(vondsten)


def bestanden(app: str):
    for pad in sorted((ROOT / app).rglob("*")):
        if "__pycache__" in pad.parts or not pad.is_file():
            continue
        if pad.suffix in {".py", ".html", ".txt"}:
            yield pad


@pytest.mark.parametrize("app", VERDIEPINGEN)
def test_no_app_refers_to_an_app_above_it(app):
    relaties = omgekeerde_relaties(app)
    fouten = []
    for pad in bestanden(app):
        bron = pad.read_text(encoding="utf-8")
        if pad.suffix == ".py":
            migratie = "migrations" in pad.parts
            gevonden = vondsten_in_python(bron, BOVEN[app], relaties, migratie)
        elif "templates" in pad.parts:
            gevonden = vondsten_in_template(bron, BOVEN[app], relaties)
        else:
            continue
        fouten += [f"{pad.relative_to(ROOT)}:{regel}: {wat}" for regel, wat in gevonden]
    assert fouten == [], f"{app} verwijst naar een app erboven:\n" + "\n".join(fouten)


def test_the_scan_is_not_blind():
    relaties = omgekeerde_relaties("afspraken")
    assert {"voorraadmutaties", "voorraadstanden", "opmerkingen"} <= relaties
    python = """
from monitoring.models import Opmerking
import voorraad.services
jaarschijf.voorraadmutaties.all()
Jaarschijf.objects.exclude(voorraadmutaties__corporatie_id=1)
Jaarafspraak.objects.prefetch_related("opmerkingen")
reverse("monitoring:start")
user.has_perm("monitoring.comment", jaarschijf)
render(request, "monitoring/jaarschijf_detail.html")
"""
    gevonden = vondsten_in_python(python, BOVEN["afspraken"], relaties, migratie=False)
    assert [regel for regel, _wat in gevonden] == [2, 3, 4, 5, 6, 7, 8, 9]
    migratie = 'dependencies = [("monitoring", "0001_initial")]\n'
    assert vondsten_in_python(migratie, BOVEN["afspraken"], relaties, migratie=True)
    template = """{% load rules %}
<a href="{% url 'monitoring:start' %}">Start</a>
{% include "monitoring/_opmerkingen.html" %}
{% has_perm "voorraad.change_cijfer" user jaarschijf as mag %}
{% for o in jaarschijf.opmerkingen.all %}{{ o }}{% endfor %}
<p class="opmerkingen">prose and classes are no reference</p>
"""
    gevonden = vondsten_in_template(template, BOVEN["afspraken"], relaties)
    assert [regel for regel, _wat in gevonden] == [2, 3, 4, 5]


def test_every_slot_of_afspraken_boven_is_filled_by_an_upper_floor():
    """afspraken's pages link to these without naming them; each reverses with its kwargs."""
    for slot, kwarg_namen in boven.URL_SLOTS.items():
        adres = boven.url(slot, **dict.fromkeys(kwarg_namen, 1))
        assert adres.startswith("/"), slot
    assert boven.jaarschijf_url(7) == reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": 7})
    assert boven._weergaven["afspraak_rij"] == "monitoring.views.jaarschijf.rij_response"
