"""Every HTML page carries the enforcing Content-Security-Policy with the project's directives.

The pages come from the URL resolver, as in the authorization walk (tests/test_autorisatie.py):
every pattern, for every role, with GET and POST, on the objects of the own agreement. The
Django admin, the error pages (404, 500, a refused CSRF token) and the login lockout are
requested besides. A new view whose HTML lacks the header, through an exemption or a response
that bypasses the middleware, fails here without anyone listing it.
"""

import copy

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path, reverse
from django.utils.csp import CSP, build_policy
from django.views.decorators.csp import csp_override

from tests import factories
from tests.paden import (
    ingelogde_clients,
    objecten_per_soort,
    url_kwargs,
    url_patronen,
)
from tests.wereld import ROLLEN, autorisatiewereld

pytestmark = pytest.mark.django_db

METHODES = ["GET", "POST"]


def ontbreekt_csp(response) -> str | None:
    """Why an HTML response does not carry the project's policy, or None when it does."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    if CSP.HEADER_ENFORCE not in response:
        if CSP.HEADER_REPORT_ONLY in response:
            return "alleen Content-Security-Policy-Report-Only"
        return "geen Content-Security-Policy"
    verwacht = build_policy(settings.SECURE_CSP)
    if response[CSP.HEADER_ENFORCE] != verwacht:
        return f"Content-Security-Policy {response[CSP.HEADER_ENFORCE]!r}, verwacht {verwacht!r}"
    return None


# --- A URLconf for the cases the site's own URLs cannot produce -----------------------------


def fout(request):
    raise RuntimeError("Een fout voor de 500-pagina.")


@csp_override({})
def zonder_csp(request):
    return HttpResponse("<!doctype html><title>Zonder beleid</title>")


urlpatterns = [
    path("__test__/fout/", fout),
    path("__test__/zonder-csp/", zonder_csp),
    path("", include("config.urls")),
]


# --- The policy itself ----------------------------------------------------------------------


def test_policy_allows_only_own_scripts_styles_and_no_plugins_or_framing():
    beleid = settings.SECURE_CSP
    assert beleid["default-src"] == [CSP.SELF]
    assert beleid["script-src"] == [CSP.SELF]
    assert beleid["style-src"] == [CSP.SELF]
    assert beleid["object-src"] == [CSP.NONE]
    assert beleid["base-uri"] == [CSP.SELF]
    assert beleid["form-action"] == [CSP.SELF]
    assert beleid["frame-ancestors"] == [CSP.NONE]
    bronnen = {bron for waarden in beleid.values() for bron in waarden}
    assert not bronnen & {CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL, CSP.UNSAFE_HASHES, "*"}
    # Enforced, not only reported.
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    assert not settings.SECURE_CSP_REPORT_ONLY


# --- Every page -----------------------------------------------------------------------------


def test_every_html_page_of_every_role_carries_the_policy():
    sc = autorisatiewereld()
    objecten = objecten_per_soort(sc)["eigen"]
    clients = ingelogde_clients(sc)
    fouten, html = [], set()

    for url_name, kwarg_namen, _naam in url_patronen():
        url = reverse(url_name, kwargs=url_kwargs(kwarg_namen, objecten))
        for rol in ROLLEN:
            client, cookies = clients[rol]
            for methode in METHODES:
                client.cookies = copy.deepcopy(cookies)
                # Rolled back, so an allowed POST does not change what the next one sees.
                with transaction.atomic():
                    response = getattr(client, methode.lower())(url)
                    transaction.set_rollback(True)
                if reden := ontbreekt_csp(response):
                    fouten.append(f"{methode} {url} als {rol} ({response.status_code}): {reden}")
                elif response.get("Content-Type", "").startswith("text/html"):
                    html.add(url_name)

    assert fouten == []
    # Not blind: the walk met the site's HTML pages (exports and redirects aside).
    for url_name in ("monitoring:start", "monitoring:jaarschijf", "gemeenten:login"):
        assert url_name in html


def test_every_admin_page_carries_the_policy():
    autorisatiewereld()
    superuser = factories.GebruikerFactory(username="csp.beheer", is_superuser=True, is_staff=True)
    anoniem = Client()
    client = Client()
    client.force_login(superuser)
    urls = [
        reverse("admin:index"),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
    ]
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls += [
            reverse("admin:app_list", kwargs={"app_label": model._meta.app_label}),
            reverse(f"admin:{info[0]}_{info[1]}_changelist"),
            reverse(f"admin:{info[0]}_{info[1]}_add"),
        ]
        if (obj := model._default_manager.first()) is not None:
            urls += [
                reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[obj.pk])
                for view in ("change", "delete", "history")
            ]
    fouten = []
    for url in dict.fromkeys(urls):
        response = client.get(url)
        # 403: a view the admin withholds even from a superuser (adding an axes log entry).
        if response.status_code not in (200, 403):
            fouten.append(f"{url}: HTTP {response.status_code}")
        if reden := ontbreekt_csp(response):
            fouten.append(f"{url}: {reden}")
    if reden := ontbreekt_csp(anoniem.get(reverse("admin:login"))):
        fouten.append(f"admin:login: {reden}")
    assert fouten == []


# --- Error pages and the login lockout ------------------------------------------------------


def test_error_pages_carry_the_policy(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)
    client.force_login(factories.GebruikerFactory())

    niet_gevonden = client.get("/bestaat-niet/")
    assert niet_gevonden.status_code == 404
    assert ontbreekt_csp(niet_gevonden) is None

    serverfout = client.get("/__test__/fout/")
    assert serverfout.status_code == 500
    assert ontbreekt_csp(serverfout) is None

    csrf = Client(enforce_csrf_checks=True).post(reverse("gemeenten:login"), {})
    assert csrf.status_code == 403
    assert ontbreekt_csp(csrf) is None


def test_login_lockout_page_carries_the_policy(settings):
    settings.AXES_ENABLED = True
    gebruiker = factories.GebruikerFactory()
    client = Client()
    url = reverse("gemeenten:login")
    for _poging in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(url, {"username": gebruiker.username, "password": "fout"})
    assert response.status_code == 429
    assert ontbreekt_csp(response) is None


def test_a_page_without_the_policy_is_caught(settings):
    """The check is not blind: a view exempted from the policy is named."""
    settings.ROOT_URLCONF = __name__
    response = Client().get("/__test__/zonder-csp/")
    assert ontbreekt_csp(response) == "geen Content-Security-Policy"
