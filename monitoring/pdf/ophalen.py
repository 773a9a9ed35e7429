"""What WeasyPrint may fetch while rendering: our own static files, read from disk through
Django's static finders, under the `static:` scheme the PDF templates use. Every other URL
(http, https, file, data, ftp, relative paths) is refused, so no text a user typed, and no
CSS it might smuggle in, can make the renderer read a local file or reach the network."""

import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders

SCHEMA = "static:"


class Geweigerd(ValueError):
    pass


def statisch_bestand(url: str) -> Path:
    """The file on disk behind a `static:` URL; refuses anything else, and paths that
    leave the static directories."""
    if not url.startswith(SCHEMA):
        raise Geweigerd(f"URL geweigerd: {url[:80]}")
    naam = url.removeprefix(SCHEMA).lstrip("/").split("?")[0].split("#")[0]
    if not naam or ".." in Path(naam).parts:
        raise Geweigerd(f"URL geweigerd: {url[:80]}")
    gevonden = finders.find(naam)
    if not gevonden:
        raise Geweigerd(f"Geen statisch bestand: {naam}")
    return Path(gevonden)


def maak_ophaler(geweigerd: list | None = None):
    """A WeasyPrint URLFetcher (built here so WeasyPrint is imported only when rendering);
    `geweigerd` collects the URLs it refused, for the tests and the log."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeOphaler(URLFetcher):
        def fetch(self, url, headers=None):
            try:
                pad = statisch_bestand(url)
            except Geweigerd:
                if geweigerd is not None:
                    geweigerd.append(url)
                raise
            soort = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, pad.read_bytes(), headers={"Content-Type": soort}, status=200
            )

    return StatischeOphaler(allowed_protocols=())
