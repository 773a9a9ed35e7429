"""URLs for `manage.py bench` only: the real site plus a trivial view that measures what the
framework itself costs on this server. Never referenced by settings."""

from django.http import HttpResponse
from django.urls import include, path


def triviaal(request):
    return HttpResponse("ok")


urlpatterns = [
    path("__bench__/triviaal/", triviaal, name="bench-triviaal"),
    path("", include("config.urls")),
]
