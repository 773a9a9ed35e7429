"""The terugblik of a jaarschijf (issue #11, point 7) as a page, and `?formaat=pdf` as a PDF
through monitoring.pdf (the same template body). Permission: afspraken.view_overeenkomst."""

from functools import cached_property

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.selectors import jaarschijf_met_document
from monitoring.pdf.render import html_opmaken
from monitoring.selectors.terugblik import terugblik


class TerugblikView(PermissionRequiredMixin, TemplateView):
    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/terugblik/pagina.html"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(jaarschijf_met_document(), pk=self.kwargs["jaarschijf_pk"])

    def get_permission_object(self):
        return self.jaarschijf

    def get(self, request, *args, **kwargs):
        context = {
            "jaarschijf": self.jaarschijf,
            "overeenkomst": self.jaarschijf.overeenkomst,
            "terugblik": terugblik(request.user, self.jaarschijf),
        }
        if request.GET.get("formaat") == "pdf":
            html = render_to_string("monitoring/terugblik/pdf.html", context, request=request)
            response = HttpResponse(html_opmaken(html).pdf, content_type="application/pdf")
            naam = slugify(f"terugblik-{self.jaarschijf.overeenkomst.gemeente.naam}")
            response["Content-Disposition"] = (
                f'attachment; filename="{naam}-{self.jaarschijf.jaar}.pdf"'
            )
            return response
        return self.render_to_response(self.get_context_data(**context))
