"""Rendered fragments of the jaarschijf page, cached under a key made of what they show.

A fragment's key is a digest of every value its template reads (the rows' versions among
them) plus the viewer's permissions that change it, never the viewer: two users who may do
the same see the same bytes, and any edit, by a service, an import or the admin, changes the
digest, so nothing has to be invalidated and a stale fragment cannot be served. (Versions
alone would not do: a step's organisation may be renamed without any `versie` moving, and
test databases hand out the same pks again after a rollback.)

Per-request secrets never enter the cache: a fragment is rendered with CSRF_PLAATSHOUDER
as its CSRF token and gets the request's own on the way out (`invullen`).

The backend is settings.CACHES["default"] (CACHE_URL): per-process memory in development,
Redis or the database cache in production; one get_many and one set_many per page.
"""

import hashlib

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from gemeenten.paginacache import CSRF_PLAATSHOUDER

# Bumped when a cached fragment's template changes shape, so no old HTML is served.
SJABLOONVERSIE = 1
# A day: fragments are content-addressed, so age never makes one wrong; this only lets
# the backend forget the ones nobody asks for any more.
LEVENSDUUR = 24 * 3600


def sleutel(soort: str, *delen) -> str:
    """A cache key for a fragment of `soort` showing `delen` (any repr-able values)."""
    inhoud = repr((SJABLOONVERSIE, get_language(), delen)).encode()
    return f"driehoek:{soort}:{hashlib.blake2b(inhoud, digest_size=20).hexdigest()}"


def fragmenten(sleutels: dict, maak) -> dict:
    """{naam: html} for `sleutels` ({naam: key}): the cached ones read in one round trip,
    the others rendered by `maak(naam)` and stored in one."""
    sleutels = dict(sleutels)
    gevonden = cache.get_many(set(sleutels.values())) if sleutels else {}
    result, nieuw = {}, {}
    for naam, key in sleutels.items():
        html = gevonden.get(key)
        if html is None:
            html = nieuw[key] = str(maak(naam))
        result[naam] = html
    if nieuw:
        cache.set_many(nieuw, LEVENSDUUR)
    return result


def invullen(html: str, token: str):
    """A cached fragment with the request's CSRF token (get_token) in place of the
    stand-in."""
    if CSRF_PLAATSHOUDER in html:
        html = html.replace(CSRF_PLAATSHOUDER, token)
    # Rendered by our own templates, which escaped what they showed.
    return mark_safe(html)
