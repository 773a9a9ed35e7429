"""Only what you may do (issue #15, point 5): no page shows a control that answers 403 to the
person looking at it.

For every logged-in demo role the walk opens the main pages (the start page, every page it
links to and the jaarschijf page of the own agreement), collects every link, htmx target and
form action on them and follows each once: a GET link or a GET form with GET, a POST form or
hx-post with an empty POST inside a savepoint that is rolled back (the permission is checked
before the form is validated, so an empty POST answers 403 exactly when the person may not
act). None may answer 403.
"""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.db import transaction
from django.urls import reverse

from tests.paden import ingelogde_clients
from tests.wereld import ROLLEN, autorisatiewereld, voor_de_module

pytestmark = pytest.mark.django_db

# Controls that end the session or change only the language: following them proves nothing
# about rights and would log the walker out.
OVERSLAAN = {reverse("gemeenten:logout"), "/i18n/setlang/"}


class Bedieningen(HTMLParser):
    """Every (method, url) a page offers: links, htmx attributes and form actions."""

    def __init__(self, pagina: str):
        super().__init__()
        self.pagina = pagina
        self.gevonden: set[tuple[str, str]] = set()

    def _voeg_toe(self, methode: str, url: str | None) -> None:
        if url is None or url.startswith(("mailto:", "tel:", "javascript:", "data:")):
            return
        volledig = urldefrag(urljoin(self.pagina, url)).url
        deel = urlsplit(volledig)
        if deel.netloc not in {"", "testserver"} or deel.path.startswith("/static/"):
            return
        pad = deel.path + (f"?{deel.query}" if deel.query else "")
        if deel.path not in OVERSLAAN:
            self.gevonden.add((methode, pad))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self._voeg_toe("GET", a.get("href"))
        elif tag == "form":
            methode = (a.get("method") or "get").upper()
            self._voeg_toe("POST" if methode == "POST" else "GET", a.get("action") or "")
        for attr, methode in (("hx-get", "GET"), ("hx-post", "POST")):
            if attr in a:
                self._voeg_toe(methode, a[attr])


def bedieningen(pagina: str, html: str) -> set[tuple[str, str]]:
    parser = Bedieningen(pagina)
    parser.feed(html)
    return parser.gevonden


def volgen(client, methode: str, pad: str) -> int:
    if methode == "GET":
        return client.get(pad).status_code
    with transaction.atomic():
        status = client.post(pad, {}).status_code
        transaction.set_rollback(True)
    return status


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    with voor_de_module(django_db_blocker, autorisatiewereld) as sc:
        yield sc


def hoofdpaginas(client, sc) -> dict[str, str]:
    """The start page, every page it links to and the own jaarschijf page, with their HTML."""
    paginas = {}
    te_openen = [
        reverse("monitoring:start"),
        reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": sc.a.jaarschijf.pk}),
        reverse("afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": sc.a.overeenkomst.pk}),
    ]
    start = client.get(te_openen[0])
    te_openen += sorted(p for m, p in bedieningen(te_openen[0], start.text) if m == "GET")
    for pad in te_openen:
        if pad in paginas:
            continue
        response = client.get(pad)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            paginas[pad] = response.content.decode()
    return paginas


@pytest.mark.parametrize("rol", [r for r in ROLLEN if r != "anoniem"])
def test_no_control_on_a_main_page_answers_403(wereld, rol):
    client, _cookies = ingelogde_clients(wereld)[rol]
    paginas = hoofdpaginas(client, wereld)
    assert len(paginas) > 2, paginas.keys()
    gevolgd: dict[tuple[str, str], int] = {}
    verboden = []
    for pagina, html in paginas.items():
        for bediening in sorted(bedieningen(pagina, html)):
            if bediening not in gevolgd:
                gevolgd[bediening] = volgen(client, *bediening)
            if gevolgd[bediening] == 403:
                verboden.append(f"{pagina}: {bediening[0]} {bediening[1]}")
    assert not verboden, "\n".join(verboden)
