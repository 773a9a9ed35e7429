"""The client's address, as far as the reverse proxies in front of Driehoek can vouch for it.

`PROXY_COUNT` (environment, default 0) is the number of reverse proxies (load balancer,
ingress) in front of the app servers that each append the address they received the request
from to `X-Forwarded-For`. With 0 the peer address (`REMOTE_ADDR`) is the client and
`X-Forwarded-For` is ignored: a client could write anything there. With N the client is the
N-th address from the right: the left part of the header is whatever the client sent and is
never trusted. Behind a proxy without this setting every request seems to come from the
proxy, so django-axes' lockout per address would lock everybody out at once.
"""

import ipaddress

from django.conf import settings


def _geldig(adres):
    try:
        return str(ipaddress.ip_address(adres.strip()))
    except ValueError:
        return None


def client_adres(request):
    """django-axes' AXES_CLIENT_IP_CALLABLE: the client address under PROXY_COUNT."""
    peer = request.META.get("REMOTE_ADDR", "")
    aantal = getattr(settings, "PROXY_COUNT", 0)
    if not aantal:
        return peer
    keten = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(keten) < aantal:
        # Not through all the proxies (a direct request to an app server): the peer is all
        # that is known.
        return peer
    return _geldig(keten[-aantal]) or peer
