"""The calendar (issue #11, point 4): a jaarschijf's agenda (its content: the gemeente adds
and removes rows until vaststelling; ticking a row off stays possible), a gemeente's calendar
(its cycle and agenda), the person's own page with the address of their iCalendar feed, and
the feed itself, read with the secret token instead of a login."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.selectors import jaarschijf_met_document, partij_organisaties
from gemeenten.forms import fouten_overnemen
from gemeenten.models import Gemeente
from monitoring.forms_voortgang import AgendapuntForm
from monitoring.ical import ical
from monitoring.links import absolute_url
from monitoring.models_voortgang import Kalendertoken
from monitoring.selectors import kalender as selectors
from monitoring.voortgang import (
    agendapunt_afronden,
    agendapunt_vastleggen,
    agendapunt_verwijderen,
    kalendertoken_geven,
    kalendertoken_vernieuwen,
)


class AgendaView(PermissionRequiredMixin, TemplateView):
    permission_required = "afspraken.view_overeenkomst"
    template_name = "monitoring/kalender/agenda.html"

    @cached_property
    def jaarschijf(self):
        return get_object_or_404(jaarschijf_met_document(), pk=self.kwargs["jaarschijf_pk"])

    def get_permission_object(self):
        return self.jaarschijf

    def _form(self, data=None):
        if not self.request.user.has_perm("monitoring.change_agenda", self.jaarschijf):
            return None
        return AgendapuntForm(data, partijen=partij_organisaties(self.jaarschijf.overeenkomst))

    def get_context_data(self, form=None, **kwargs):
        punten = selectors.agendapunten([self.jaarschijf])
        for punt in punten:
            punt.jaarschijf = self.jaarschijf
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            punten=punten,
            vandaag=timezone.localdate(),
            form=form or self._form(),
            mag_afronden=self.request.user.has_perm("monitoring.agenda_afronden", self.jaarschijf),
            **kwargs,
        )

    def _punt(self, request):
        punt = self.jaarschijf.agenda.filter(pk=request.POST.get("punt", "").strip() or 0).first()
        if punt is None:
            raise Http404
        return punt

    def post(self, request, *args, **kwargs):
        actie = request.POST.get("actie")
        if actie in ("afronden", "heropenen", "verwijderen"):
            punt = self._punt(request)
            try:
                if actie == "verwijderen":
                    agendapunt_verwijderen(agendapunt=punt, door=request.user)
                else:
                    agendapunt_afronden(
                        agendapunt=punt,
                        versie=punt.versie,
                        door=request.user,
                        afgerond=actie == "afronden",
                    )
            except ValidationError as fout:
                messages.error(request, " ".join(fout.messages))
            return HttpResponseRedirect(request.path)
        form = self._form(request.POST)
        if form is None:
            raise PermissionDenied
        if self.jaarschijf.is_bevroren:  # a superuser's form: the freeze still says no
            form.add_error(None, BEVROREN_MELDING)
        elif form.is_valid():
            try:
                agendapunt_vastleggen(
                    jaarschijf=self.jaarschijf, door=request.user, **form.cleaned_data
                )
            except ValidationError as fout:
                fouten_overnemen(form, fout)
            else:
                messages.success(request, _("Agendapunt toegevoegd."))
                return HttpResponseRedirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class GemeenteKalenderView(PermissionRequiredMixin, TemplateView):
    permission_required = "monitoring.view_gemeente"
    template_name = "monitoring/kalender/gemeente.html"

    @cached_property
    def gemeente(self):
        return get_object_or_404(Gemeente, pk=self.kwargs["gemeente_pk"])

    def get_permission_object(self):
        return self.gemeente

    def get_context_data(self, **kwargs):
        jaar = self.request.GET.get("jaar", "")
        vandaag = timezone.localdate()
        jaar = int(jaar) if jaar.isdigit() and 1900 < int(jaar) < 3000 else vandaag.year
        return super().get_context_data(
            gemeente=self.gemeente,
            jaar=jaar,
            vandaag=vandaag,
            items=selectors.gemeente_kalender(self.request.user, self.gemeente, jaar),
            **kwargs,
        )


class MijnKalenderView(LoginRequiredMixin, TemplateView):
    """The address of the person's feed; a POST replaces the secret (the old one stops)."""

    template_name = "monitoring/kalender/mijn.html"

    def get_context_data(self, **kwargs):
        token = Kalendertoken.objects.filter(gebruiker=self.request.user).first()
        url = None
        if token:
            url = absolute_url(reverse("monitoring:kalender-ics", kwargs={"token": token.token}))
        return super().get_context_data(url=url, **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("actie") == "vernieuwen":
            kalendertoken_vernieuwen(door=request.user)
            messages.success(request, _("Er is een nieuw adres; het oude werkt niet meer."))
        else:
            kalendertoken_geven(door=request.user)
        return HttpResponseRedirect(request.path)


@require_GET
def ical_feed(request, token: str):
    """No login: the token is the key. An inactive person's feed is gone."""
    gevonden = (
        Kalendertoken.objects.select_related("gebruiker")
        .filter(token=token, gebruiker__is_active=True)
        .first()
    )
    if gevonden is None:
        raise Http404
    items = selectors.persoonlijke_kalender(gevonden.gebruiker)
    inhoud = ical(items, naam=_("Driehoek: prestatieafspraken"), domein=request.get_host())
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="driehoek.ics"'
    return response
