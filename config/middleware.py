"""Permissions-Policy: Django 6.1 sets CSP, HSTS, Referrer-Policy and COOP itself, not this one."""

from django.conf import settings


def _kop(beleid):
    return ", ".join(
        f"{functie}=({' '.join(toegestaan)})" for functie, toegestaan in beleid.items()
    )


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy` from settings.PERMISSIONS_POLICY ({feature: [origins]})."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.kop = _kop(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.kop)
        return response
