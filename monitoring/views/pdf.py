"""The jaarschijf as PDF: the signed file from storage once signing has begun, otherwise a
fresh rendering. Permission: afspraken.view_overeenkomst, the jaarschijf scoped by for_user
so a non-party meets 404 before any rendering."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from afspraken.models import Jaarschijf
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
    data, _ondertekend = pdf_van(jaarschijf)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam(jaarschijf)}"'
    response["Cache-Control"] = "private, no-store"
    return response
