"""The jaarschijf as PDF: the signed file from storage once signing has begun, otherwise a
fresh rendering; `?wijzigingen=1` adds what changed since the previous jaarschijf,
`?versie=N` serves the stored PDF of document version N.
Permission: afspraken.view_overeenkomst, the jaarschijf scoped by for_user so a non-party
meets 404 before any rendering."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from afspraken.models import Jaarschijf
from afspraken.services.wijziging import huidige_versie
from monitoring.ondertekening import opslag
from monitoring.ondertekening.opslag import bestandsnaam, pdf_van


@login_required
@require_safe
def jaarschijf_pdf(request, jaarschijf_pk: int):
    jaarschijf = get_object_or_404(
        Jaarschijf.objects.for_user(request.user).select_related("overeenkomst__gemeente"),
        pk=jaarschijf_pk,
    )
    if not request.user.has_perm("afspraken.view_overeenkomst", jaarschijf):
        raise PermissionDenied
    naam = bestandsnaam(jaarschijf)
    if versie := request.GET.get("versie"):
        # An earlier signed version, kept as it was signed (point 5 of issue #10).
        document = get_object_or_404(
            jaarschijf.ondertekende_documenten, volgnummer=int(versie) if versie.isdigit() else 0
        )
        data = opslag.lezen(document)
        naam = naam.replace(".pdf", f"-versie-{document.volgnummer}.pdf")
    elif request.GET.get("wijzigingen"):
        # A reading aid: a fresh rendering with the appendix, never the signed file.
        from monitoring.pdf import jaarschijf_opmaken

        data = jaarschijf_opmaken(
            jaarschijf, volgnummer=huidige_versie(jaarschijf), met_wijzigingen=True
        ).pdf
        naam = naam.replace(".pdf", "-met-wijzigingen.pdf")
    else:
        data, _ondertekend = pdf_van(jaarschijf)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["Cache-Control"] = "private, no-store"
    return response
