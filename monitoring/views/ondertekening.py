"""Signing a vastgesteld jaarschijf: the status page (who signed when, who is missing), the
form for the lines the user may sign, and the gemeente's reminder.

Anyone who may read the agreement sees the status; signing is `afspraken.sign` per line,
checked again by the service (monitoring.ondertekening.tekenen) together with the password
and second factor it asks for. The reminder is the gemeente's (afspraken.change_status).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from afspraken.models import Jaarschijf
from config.proxy import client_adres
from gemeenten.forms import fouten_overnemen
from monitoring.links import absolute_url
from monitoring.ondertekening import herinnering, opslag, tekenen
from monitoring.ondertekening.forms import OndertekenForm

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
    eigen = [r for r in regels if tekenen.mag_tekenen(request.user, r)]
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


@login_required
def ondertekenen(request, jaarschijf_pk: int):
    jaarschijf = _jaarschijf(request, jaarschijf_pk)
    if request.method != "POST":
        return render(request, PAGINA, _context(request, jaarschijf))
    regels = [
        r
        for r in jaarschijf.ondertekeningen.select_related("organisatie")
        if tekenen.mag_tekenen(request.user, r)
    ]
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
            messages.success(request, _("U hebt ondertekend. Dank u wel."))
            return redirect("monitoring:ondertekenen", jaarschijf_pk=jaarschijf.pk)
    return render(request, PAGINA, _context(request, jaarschijf, form), status=400)


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
