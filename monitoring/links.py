"""Absolute links for what is read outside the site (e-mails, calendar feeds), built on the
setting DRIEHOEK_BASIS_URL: a mail client has no page to resolve a bare path against."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`path` (as `reverse` gives it) prefixed with the site's address; a full URL stays."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.DRIEHOEK_BASIS_URL.rstrip("/") + "/" + path.lstrip("/")


def inloglink(pad: str, *, gebruiker) -> str:
    """The login page with `gebruiker`'s username filled in, sending the person on to `pad`
    (gemeenten.views.account.InloggenView), or straight there when logged in already: a
    mailed person types only the password. A `#fragment` of `pad` is encoded into `next`,
    so it survives the login and lands the person on it."""
    query = urlencode({"next": pad, "gebruiker": gebruiker.username}, safe="/", quote_via=quote)
    return absolute_url(f"{reverse('gemeenten:login')}?{query}")
