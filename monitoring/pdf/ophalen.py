"""What WeasyPrint may fetch while rendering: our own static files, read from disk, under the
`static:` scheme the PDF templates use. Every other URL (http, https, file, data, ftp,
relative paths) is refused, so no text a user typed, and no CSS it might smuggle in, can make
the renderer read a local file or reach the network.

The fetcher runs in the rendering process, which has no Django (monitoring.pdf.werker): it
gets the static files as a plain {name: path} map that `statische_bestanden` makes from
Django's static finders in the web process. Only names in that map can be read, so a path
that leaves the static directories has nothing to match."""

import mimetypes
from pathlib import Path

SCHEMA = "static:"


class Geweigerd(ValueError):
    pass


def statische_naam(url: str) -> str:
    """The static file's name in a `static:` URL; refuses anything else, and paths that
    climb out of the static directories."""
    if not url.startswith(SCHEMA):
        raise Geweigerd(f"URL geweigerd: {url[:80]}")
    naam = url.removeprefix(SCHEMA).lstrip("/").split("?")[0].split("#")[0]
    if not naam or ".." in Path(naam).parts:
        raise Geweigerd(f"URL geweigerd: {url[:80]}")
    return naam


def statische_bestanden() -> dict[str, str]:
    """Every static file the finders know, name -> path on disk; the first finder to list
    a name wins, as in `finders.find`. Made per PDF (about 200 files, a few milliseconds),
    so a file added while the server runs is found too."""
    from django.contrib.staticfiles import finders

    bestanden: dict[str, str] = {}
    for finder in finders.get_finders():
        for naam, opslag in finder.list([]):
            prefix = getattr(opslag, "prefix", None)
            sleutel = f"{prefix}/{naam}" if prefix else naam
            bestanden.setdefault(sleutel.replace("\\", "/"), opslag.path(naam))
    return bestanden


def statisch_bestand(url: str) -> Path:
    """The file on disk behind a `static:` URL, through Django's finders."""
    from django.contrib.staticfiles import finders

    naam = statische_naam(url)
    gevonden = finders.find(naam)
    if not gevonden:
        raise Geweigerd(f"Geen statisch bestand: {naam}")
    return Path(gevonden)


def maak_ophaler(bestanden: dict[str, str], geweigerd: list | None = None):
    """A WeasyPrint URLFetcher that reads only `bestanden` (see `statische_bestanden`);
    `geweigerd` collects the URLs it refused, for the tests and the log. Built here so
    WeasyPrint is imported only when rendering."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeOphaler(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                naam = statische_naam(url)
                if naam not in bestanden:
                    raise Geweigerd(f"Geen statisch bestand: {naam}")
            except Geweigerd:
                if geweigerd is not None:
                    geweigerd.append(url)
                raise
            pad = Path(bestanden[naam])
            soort = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, pad.read_bytes(), headers={"Content-Type": soort}, status=200
            )

    return StatischeOphaler(allowed_protocols=())
