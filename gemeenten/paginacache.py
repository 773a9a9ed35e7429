"""Whole pages from the cache: a GET page is rendered once per content generation of the
gemeenten it shows (gemeenten.generaties) and served from the cache until one of them is
written to, without reading the data it shows again.

A page's key holds everything the rendering depends on besides that content: the path with
its query string, the viewer (pages show names and controls per person, so two people never
share a page), the language, today's date (deadlines count days), the running code
(`release`) and whatever the view adds (`pagina_sleutel`, e.g. the row it loaded anyway).
The permission check runs before the cache is asked, on every request.

Per-request secrets never enter the cache: a page is rendered with CSRF_PLAATSHOUDER as its
CSRF token (`csrf_plaatshouder`, a context processor) and gets the request's own on the way
out. Pages with a message to show are rendered and not stored; htmx requests, which render
fragments, are not cached here.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import models
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from gemeenten import generaties

CSRF_PLAATSHOUDER = "csrf-plaatshouder-8c1e"
_PLAATSHOUDER_BYTES = CSRF_PLAATSHOUDER.encode()
# Keys move with every write, so stored pages are only forgotten, never wrong: an hour lets
# the backend drop the ones nobody asks for any more.
LEVENSDUUR = 3600
_BRONNEN = ("*.py", "*.html", "*.txt", "*.css", "*.js", "*.mo")


@functools.cache
def release() -> str:
    """A digest of the code, templates and translations this process runs: a page stored by
    an older release is never served by a newer one (the same on every server of a release,
    so they share pages)."""
    digest = hashlib.blake2b(digest_size=12)
    basis = Path(settings.BASE_DIR)
    for app in ("config", "gemeenten", "afspraken", "voorraad", "monitoring", "templates"):
        for patroon in _BRONNEN:
            for pad in sorted((basis / app).rglob(patroon)):
                digest.update(str(pad.relative_to(basis)).encode())
                digest.update(pad.read_bytes())
    return digest.hexdigest()


def csrf_plaatshouder(request) -> dict:
    """Context processor: the stand-in token while a page is rendered for the cache (it
    overrides Django's own csrf processor, which runs before the configured ones)."""
    if getattr(request, "driehoek_voor_cache", False):
        return {"csrf_token": CSRF_PLAATSHOUDER}
    return {}


def velden(obj: models.Model | None) -> tuple:
    """The values of an object's own columns, in a fixed order (None for no object): for a
    key of something showing that row."""
    if obj is None:
        return ()
    return tuple(getattr(obj, veld.attname) for veld in obj._meta.concrete_fields)


def csrf_token(request) -> str:
    """The token to write into a page: the stand-in while it is rendered for the cache."""
    if getattr(request, "driehoek_voor_cache", False):
        return CSRF_PLAATSHOUDER
    return get_token(request)


def _cachebaar(request) -> bool:
    if request.method != "GET" or request.headers.get("HX-Request"):
        return False
    # len() reads the pending messages without marking them shown.
    return not len(get_messages(request))


def sleutel(soort: str, *delen, gemeenten=(), landelijk: bool = False) -> str:
    """A cache key for something of `soort` rendered from `delen` and the content of
    `gemeenten` (pks; `landelijk` for every gemeente): it changes with their content
    generations, a deploy (`release`), the language and the day (pages say "today")."""
    inhoud = repr(
        (
            release(),
            get_language(),
            timezone.localdate(),
            generaties.tokens(gemeenten, landelijk=landelijk),
            delen,
        )
    ).encode()
    return f"driehoek:{soort}:{hashlib.blake2b(inhoud, digest_size=20).hexdigest()}"


def _sleutel(request, gemeente_ids, landelijk: bool, delen) -> str:
    return sleutel(
        "pagina",
        request.get_full_path(),
        request.user.pk,
        delen,
        gemeenten=gemeente_ids,
        landelijk=landelijk,
    )


def _met_token(request, inhoud: bytes) -> bytes:
    # Bytes as stored and sent: a jaarschijf page is large, and decoding and encoding it
    # again would cost more than everything else a request from the cache does.
    return inhoud.replace(_PLAATSHOUDER_BYTES, get_token(request).encode())


def pagina(request, maak, *, gemeenten=(), landelijk=False, delen=()):
    """The response of `maak()` (a view rendering a page), from the cache while the content
    of `gemeenten` (pks; `landelijk` for every gemeente) has not changed."""
    if not _cachebaar(request):
        return maak()
    sleutel = _sleutel(request, gemeenten, landelijk, delen)
    inhoud = cache.get(sleutel)
    if inhoud is not None:
        return HttpResponse(_met_token(request, inhoud))
    request.driehoek_voor_cache = True
    try:
        response = maak()
        if hasattr(response, "render"):
            response.render()
    finally:
        request.driehoek_voor_cache = False
    # Only a page: an error, a redirect or a download is passed on as it is.
    if response.status_code != 200 or response.has_header("Content-Disposition"):
        return response
    cache.set(sleutel, response.content, LEVENSDUUR)
    response.content = _met_token(request, response.content)
    return response


class PaginaCacheMixin:
    """For a class-based view whose GET renders a page about one or more gemeenten: the page
    comes from `pagina` above. The view says which gemeenten (`pagina_gemeenten`) and may add
    what else the page depends on (`pagina_sleutel`). Place it after the permission mixin:
    dispatch() then runs the check first (and a view's own get() still runs on a miss)."""

    pagina_landelijk = False

    def pagina_gemeenten(self):
        raise NotImplementedError

    def pagina_sleutel(self) -> tuple:
        return ()

    def dispatch(self, request, *args, **kwargs):
        if not _cachebaar(request):
            return super().dispatch(request, *args, **kwargs)
        return pagina(
            request,
            lambda: super(PaginaCacheMixin, self).dispatch(request, *args, **kwargs),
            gemeenten=self.pagina_gemeenten(),
            landelijk=self.pagina_landelijk,
            delen=self.pagina_sleutel(),
        )
