"""The public verification page: no login, an uploaded PDF in, the verdict out. The upload
is read in memory, hashed and validated; it is never stored.

Anyone may use it, so each client address may check `LIMIET` files (django-ratelimit,
counted in the configured cache, which the app servers share); beyond that the page answers
429 in Dutch and reads nothing. The address is the one the reverse proxies vouch for
(config.proxy.client_adres), not whatever a client writes into X-Forwarded-For.
"""

from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from config.proxy import client_adres
from monitoring.ondertekening.forms import VerificatieForm
from monitoring.ondertekening.verificatie import verifieren

PAGINA = "monitoring/ondertekening/verificatie.html"
# Enough for a person checking a stack of documents; too few to hash-probe the archive.
LIMIET = "10/m"


def _client(_groep, request) -> str:
    return client_adres(request) or "onbekend"


def _te_vaak(request) -> bool:
    return is_ratelimited(
        request,
        group="monitoring.verificatie",
        key=_client,
        rate=LIMIET,
        method="POST",
        increment=True,
    )


def verificatie(request):
    uitkomst = None
    if request.method == "POST":
        if _te_vaak(request):
            return render(request, PAGINA, {"form": VerificatieForm(), "te_vaak": True}, status=429)
        form = VerificatieForm(request.POST, request.FILES)
        if form.is_valid():
            uitkomst = verifieren(form.cleaned_data["bestand"].read())
    else:
        form = VerificatieForm()
    return render(request, PAGINA, {"form": form, "uitkomst": uitkomst})
