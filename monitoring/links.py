"""Absolute links for what is read outside the site (e-mails, calendar feeds), built on the
setting DRIEHOEK_BASIS_URL: a mail client has no page to resolve a bare path against."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (as `reverse` gives it) prefixed with the site's address; a full URL stays."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.DRIEHOEK_BASIS_URL.rstrip("/") + "/" + path.lstrip("/")
