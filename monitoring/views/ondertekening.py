"""Signing a vastgesteld jaarschijf: the status page (who signed when, who is missing), the
form for the lines the user may sign, and the gemeente's reminder.

Anyone who may read the agreement sees the status; signing is `afspraken.sign` per line,
checked again by the service (monitoring.ondertekening.tekenen) together with the password
and second factor it asks for. The reminder is the gemeente's (afspraken.change_status).

Arriving logged out (the mailed link), a person gets one form instead of the login pages:
username, password, code and "Inloggen en ondertekenen". Both factors are checked as the
login would (django-axes, django-otp's throttling), the person is logged in with the second
factor passed, and their line is signed with that same check as re-authentication. Nothing
about the jaarschijf is shown before that.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from afspraken.models import Jaarschijf
from config.proxy import client_adres
from gemeenten import paginacache
from gemeenten.forms import fouten_overnemen
from monitoring.links import absolute_url
from monitoring.ondertekening import herauthenticatie, herinnering, opslag, tekenen
from monitoring.ondertekening.forms import InloggenEnOndertekenenForm, OndertekenForm

PAGINA = "monitoring/ondertekening/ondertekenen.html"


def _jaarschijf(request, jaarschijf_pk: int) -> Jaarschijf:
    jaarschijf = get_object_or_404(
        Jaarschijf.objects.for_user(request.user).select_related("overeenkomst__gemeente"),
        pk=jaarschijf_pk,
    )
    if not request.user.has_perm("afspraken.view_overeenkomst", jaarschijf):
        raise PermissionDenied
    return jaarschijf


def _context(request, jaarschijf, form=None) -> dict:
    regels = list(jaarschijf.ondertekeningen.select_related("organisatie", "ondertekend_door"))
    for regel in regels:
        regel.jaarschijf = jaarschijf
    eigen = _eigen_regels(request.user, jaarschijf)
    if eigen and form is None:
        form = OndertekenForm(regels=eigen)
    document = opslag.huidig_document(jaarschijf)
    return {
        "jaarschijf": jaarschijf,
        "overeenkomst": jaarschijf.overeenkomst,
        "regels": regels,
        "ontbrekend": [r for r in regels if r.ondertekend_op is None],
        "form": form if eigen else None,
        "document": document,
        # Every version's PDF stays with its hash once a signed jaarschijf is changed.
        "versies": list(jaarschijf.ondertekende_documenten.order_by("-volgnummer")),
        "handtekeningen": list(document.handtekeningen.all()) if document else [],
        "mag_herinneren": jaarschijf.status == "vastgesteld"
        and request.user.has_perm("afspraken.change_status", jaarschijf),
    }


def _eigen_regels(gebruiker, jaarschijf) -> list:
    """The lines this person may sign, the one bearing their own name first."""
    regels = list(jaarschijf.ondertekeningen.select_related("organisatie"))
    for regel in regels:
        regel.jaarschijf = jaarschijf
    regels = [r for r in regels if tekenen.mag_tekenen(gebruiker, r)]
    return sorted(regels, key=lambda r: not _eigen_naam(gebruiker, r))


def _eigen_naam(gebruiker, regel) -> bool:
    return regel.naam.strip().casefold() == gebruiker.get_full_name().strip().casefold()


def _ondertekend(request, jaarschijf, regel):
    messages.success(
        request,
        _("U hebt ondertekend namens %(organisatie)s. Dank u wel.")
        % {"organisatie": regel.organisatie.naam},
    )
    return redirect("monitoring:ondertekenen", jaarschijf_pk=jaarschijf.pk)


@never_cache
@sensitive_post_parameters("wachtwoord", "code")
def ondertekenen(request, jaarschijf_pk: int):
    if not request.user.is_authenticated:
        return _inloggen_en_ondertekenen(request, jaarschijf_pk)
    jaarschijf = _jaarschijf(request, jaarschijf_pk)
    if request.method != "POST":
        # Who signed and who may: all of it in the gemeente's content or the person's
        # memberships, so the page comes from the cache until one of them changes.
        return paginacache.pagina(
            request,
            lambda: render(request, PAGINA, _context(request, jaarschijf)),
            gemeenten=[jaarschijf.overeenkomst.gemeente_id],
            delen=paginacache.velden(jaarschijf),
        )
    regels = _eigen_regels(request.user, jaarschijf)
    if not regels:
        raise PermissionDenied
    form = OndertekenForm(request.POST, regels=regels)
    if form.is_valid():
        regel = next(r for r in regels if r.pk == form.cleaned_data["ondertekening"])
        try:
            tekenen.ondertekenen(
                ondertekening=regel,
                wachtwoord=form.cleaned_data["wachtwoord"],
                code=form.cleaned_data["code"],
                ip_adres=client_adres(request),
                door=request.user,
            )
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        else:
            return _ondertekend(request, jaarschijf, regel)
    return render(request, PAGINA, _context(request, jaarschijf, form), status=400)


def _inloggen_en_ondertekenen(request, jaarschijf_pk: int):
    """Logged out: one form to log in and sign. Which jaarschijf it is, and whether it
    exists, is said only after both factors passed."""
    if request.method != "POST":
        form = InloggenEnOndertekenenForm(initial={"username": request.GET.get("gebruiker", "")})
        return render(request, PAGINA, {"inlogform": form})
    form = InloggenEnOndertekenenForm(request.POST)
    if not form.is_valid():
        return render(request, PAGINA, {"inlogform": form}, status=400)
    try:
        tekenen.certificaat_controleren()  # before the code is used up
        gebruiker, bewijs = herauthenticatie.inloggen_en_controleren(
            request,
            gebruikersnaam=form.cleaned_data["username"],
            wachtwoord=form.cleaned_data["wachtwoord"],
            code=form.cleaned_data["code"],
        )
    except ValidationError as fout:
        fouten_overnemen(form, fout)
        return render(request, PAGINA, {"inlogform": form}, status=400)
    # Both factors passed: the person is logged in as the login pages would have done.
    login(request, gebruiker)
    otp_login(request, bewijs.apparaat)
    jaarschijf = _jaarschijf(request, jaarschijf_pk)
    regels = _eigen_regels(gebruiker, jaarschijf)
    if not regels:
        raise PermissionDenied
    eigen = [r for r in regels if _eigen_naam(gebruiker, r)]
    regel = regels[0] if len(regels) == 1 else (eigen[0] if len(eigen) == 1 else None)
    if regel is None:
        messages.info(
            request,
            _(
                "U kunt meer dan één regel ondertekenen. Kies hieronder namens wie, met uw "
                "wachtwoord en een nieuwe code."
            ),
        )
        return redirect("monitoring:ondertekenen", jaarschijf_pk=jaarschijf.pk)
    try:
        tekenen.ondertekenen(
            ondertekening=regel,
            herauthenticatie=bewijs,
            ip_adres=client_adres(request),
            door=gebruiker,
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("monitoring:ondertekenen", jaarschijf_pk=jaarschijf.pk)
    return _ondertekend(request, jaarschijf, regel)


@login_required
@require_POST
def herinneren(request, jaarschijf_pk: int):
    jaarschijf = _jaarschijf(request, jaarschijf_pk)
    if not request.user.has_perm("afspraken.change_status", jaarschijf):
        raise PermissionDenied
    link = absolute_url(reverse("monitoring:ondertekenen", kwargs={"jaarschijf_pk": jaarschijf.pk}))
    try:
        aantal = herinnering.herinneren(jaarschijf=jaarschijf, link=link, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            _("Herinnering verstuurd aan %(aantal)s ondertekenaar(s).") % {"aantal": aantal},
        )
    return redirect("monitoring:ondertekenen", jaarschijf_pk=jaarschijf.pk)
