"""Two-factor authentication: set up an authenticator app, verify after login, recovery codes.

Setting up the first app needs the link mailed to the account's address (or a session that
has already passed two-factor, to replace an app): the password alone does not enrol one.
"""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login

from gemeenten import services
from gemeenten.forms import CodeForm
from gemeenten.services import tweestaps as inschrijven

# The session keeps the mailed key once its link was opened, so the setup page's own POST
# (the code from the app) is allowed too; the key is checked again on every request.
SESSIE_SLEUTEL = "tweestaps_inschrijfsleutel"


def _volgende(request):
    """Where to go after the step: the checked ?next=, else the start page."""
    volgende = request.POST.get("next") or request.GET.get("next")
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _qr_svg(data: str) -> str:
    """The QR code as inline SVG markup (no image request, no inline script)."""
    buffer = BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]


def _mag_inschrijven(request) -> bool:
    """Passed two-factor in this session (replacing an app), or came by the mailed link."""
    if request.user.is_verified():
        return True
    sleutel = request.GET.get("sleutel")
    if sleutel and inschrijven.inschrijfsleutel_geldig(request.user, sleutel):
        request.session[SESSIE_SLEUTEL] = sleutel
    bewaard = request.session.get(SESSIE_SLEUTEL, "")
    return inschrijven.inschrijfsleutel_geldig(request.user, bewaard)


def _gemaskeerd(adres: str) -> str:
    naam, _at, domein = adres.partition("@")
    return f"{naam[:1]}\u2022\u2022\u2022@{domein}" if domein else ""


def _link_vragen(request):
    """The setup page before the mailed link: what is needed, and a button to send it."""
    verstuurd = te_snel = None
    if request.method == "POST" and "link" in request.POST:
        try:
            verstuurd = inschrijven.inschrijflink_versturen(
                gebruiker=request.user,
                link_basis=request.build_absolute_uri(reverse("gemeenten:tweestaps_instellen")),
            )
        except inschrijven.TeSnel:
            te_snel = True
    return render(
        request,
        "gemeenten/tweestaps_link.html",
        {
            "verstuurd": verstuurd,
            "te_snel": te_snel,
            "adres": _gemaskeerd(request.user.email),
            "sleutel_ongeldig": bool(request.GET.get("sleutel")),
            "volgende": _volgende(request),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def instellen(request):
    if not _mag_inschrijven(request):
        return _link_vragen(request)
    apparaat = services.totp_apparaat_voorbereiden(gebruiker=request.user)
    form = CodeForm(request.POST or None, gebruiker=request.user, apparaten=[apparaat])
    if request.method == "POST" and form.is_valid():
        codes = services.tweestaps_activeren(gebruiker=request.user, apparaat=apparaat)
        otp_login(request, apparaat)
        request.session.pop(SESSIE_SLEUTEL, None)
        return render(
            request,
            "gemeenten/herstelcodes.html",
            {"codes": codes, "volgende": _volgende(request), "net_ingesteld": True},
        )
    return render(
        request,
        "gemeenten/tweestaps_instellen.html",
        {
            "form": form,
            "qr_svg": _qr_svg(apparaat.config_url),
            "sleutel": b32encode(apparaat.bin_key).decode(),
            "volgende": _volgende(request),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def controleren(request):
    if not user_has_device(request.user):
        return redirect("gemeenten:tweestaps_instellen")
    form = CodeForm(request.POST or None, gebruiker=request.user)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.apparaat)
        return redirect(_volgende(request))
    return render(
        request,
        "gemeenten/tweestaps_controleren.html",
        {"form": form, "volgende": _volgende(request)},
    )


@never_cache
@login_required
def herstelcodes(request):
    if not user_has_device(request.user):
        return redirect("gemeenten:tweestaps_instellen")
    if request.method == "POST":
        codes = services.herstelcodes_vernieuwen(gebruiker=request.user)
        return render(request, "gemeenten/herstelcodes.html", {"codes": codes})
    over = sum(
        apparaat.token_set.count()
        for apparaat in devices_for_user(request.user)
        if hasattr(apparaat, "token_set")
    )
    return render(request, "gemeenten/herstelcodes.html", {"aantal_over": over})
