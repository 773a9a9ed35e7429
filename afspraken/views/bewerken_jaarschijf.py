"""Editing a jaarschijf: its texts, the year's text and voortgang per afspraak (inline on the
jaarschijf page with htmx, or as a full page without JavaScript) and the per-party steps.
"""

from functools import cached_property

from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRefresh

from afspraken import boven, forms, services
from afspraken.models import Jaarafspraak, Jaarschijf, Overeenkomst, Stap
from afspraken.views.bewerken import ServiceFormView, jaarschijf_url, overeenkomst_url


def afspraak_anker(jaarafspraak: Jaarafspraak) -> str:
    return f"{jaarschijf_url(jaarafspraak.jaarschijf_id)}#afspraak-{jaarafspraak.afspraak_id}"


def rij_response(request, jaarafspraak: Jaarafspraak):
    """The afspraak's row of the jaarschijf page as text again, for htmx to swap in. The page
    and its row are monitoring's (they show remarks); afspraken asks through its hook."""
    return boven.afspraak_rij(request, jaarafspraak.pk, jaarafspraak.jaarschijf)


class JaarschijfAanmakenView(ServiceFormView):
    object_model = Overeenkomst
    pk_kwarg = "overeenkomst_pk"
    form_class = forms.JaarschijfForm
    titel = _("Nieuwe jaarschijf")
    melding = _("De jaarschijf is aangemaakt.")

    def opslaan(self, form):
        return services.jaarschijf_aanmaken(
            overeenkomst=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return jaarschijf_url(self.resultaat.pk)

    def terug_url(self):
        return overeenkomst_url(self.object.pk)


class JaarschijfBewerkenView(ServiceFormView):
    object_model = Jaarschijf
    pk_kwarg = "jaarschijf_pk"
    select_related = ("overeenkomst",)
    form_class = forms.JaarschijfForm
    titel = _("Jaarschijf bewerken")

    def form_extra_kwargs(self):
        return {"instance": self.object}

    def opslaan(self, form):
        return services.jaarschijf_bijwerken(
            jaarschijf=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return jaarschijf_url(self.object.pk)


class JaarafspraakBewerkenView(ServiceFormView):
    """One afspraak of the jaarschijf page. The gemeente edits the afspraak's main fields and
    the year's plan (change_inhoud); a trekker reports progress (change_voortgang): a status
    with its explanation onto the timeline, never over the plan (issue #15, point 3).

    With htmx, GET answers the row as a form and a successful POST the row as text again;
    `?weergave=rij` answers the row unchanged (cancel).
    """

    permission_required = "afspraken.change_voortgang"
    template_name = "afspraken/jaarafspraak_form.html"
    partial = "rij-formulier"
    object_model = Jaarafspraak
    pk_kwarg = "jaarafspraak_pk"
    select_related = ("afspraak__overeenkomst", "afspraak__thema", "jaarschijf__overeenkomst")

    @cached_property
    def volledig(self) -> bool:
        return self.request.user.has_perm("afspraken.change_inhoud", self.object)

    @property
    def melding(self):
        if self.volledig:
            return _("De afspraak is opgeslagen.")
        return _("De voortgang is opgeslagen.")

    @property
    def titel(self):
        return _("Afspraak %(code)s in %(jaar)s") % {
            "code": self.object.afspraak.code,
            "jaar": self.object.jaarschijf.jaar,
        }

    def get_form_class(self):
        return forms.JaarafspraakRegelForm if self.volledig else forms.JaarafspraakVoortgangForm

    def form_extra_kwargs(self):
        return {"jaarafspraak": self.object}

    def get(self, request, *args, **kwargs):
        if request.htmx and request.GET.get("weergave") == "rij":
            return rij_response(request, self.object)
        return super().get(request, *args, **kwargs)

    def opslaan(self, form):
        data = form.cleaned_data
        # A row's kop is the heading of its group: a new one regroups the whole theme.
        self.kop_gewijzigd = self.volledig and data["kop"] != self.object.afspraak.kop
        if self.volledig:
            return services.jaarafspraak_regel_bijwerken(
                jaarafspraak=self.object, door=self.request.user, **data
            )
        # Progress is monitoring's timeline (status, explanation, who, when), reached through
        # the hook: afspraken names nothing above it.
        boven.voortgang_melden(
            jaarafspraak=self.object,
            versie=data["versie"],
            status=data["status"],
            toelichting=data["toelichting"],
            door=self.request.user,
        )
        return self.object

    def htmx_opgeslagen(self):
        if self.kop_gewijzigd:
            return HttpResponseClientRefresh()
        return rij_response(self.request, self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            jaarafspraak=self.object,
            afspraak=self.object.afspraak,
            volledig=self.volledig,
            **kwargs,
        )

    def get_success_url(self):
        return afspraak_anker(self.object)


class StapToevoegenView(ServiceFormView):
    object_model = Jaarafspraak
    pk_kwarg = "jaarafspraak_pk"
    select_related = ("afspraak", "jaarschijf__overeenkomst")
    form_class = forms.StapForm
    melding = _("De stap is toegevoegd.")

    @property
    def titel(self):
        return _("Stap toevoegen bij afspraak %(code)s") % {"code": self.object.afspraak.code}

    def form_extra_kwargs(self):
        return {
            "overeenkomst": self.object.jaarschijf.overeenkomst,
            "instance": Stap(jaarafspraak=self.object),
        }

    def opslaan(self, form):
        return services.stap_toevoegen(
            jaarafspraak=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return afspraak_anker(self.object)


class StapBewerkenView(ServiceFormView):
    object_model = Stap
    pk_kwarg = "stap_pk"
    select_related = ("jaarafspraak__afspraak", "jaarafspraak__jaarschijf__overeenkomst")
    form_class = forms.StapForm
    titel = _("Stap bewerken")

    def form_extra_kwargs(self):
        return {
            "overeenkomst": self.object.jaarafspraak.jaarschijf.overeenkomst,
            "instance": self.object,
        }

    def opslaan(self, form):
        return services.stap_bijwerken(
            stap=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return afspraak_anker(self.object.jaarafspraak)


class StapVerwijderenView(StapBewerkenView):
    template_name = "afspraken/bevestigen_form.html"
    partial = None
    form_class = forms.forms.Form
    knop = _("Verwijderen")
    melding = _("De stap is verwijderd.")

    @property
    def titel(self):
        return _("Stap verwijderen?")

    def form_extra_kwargs(self):
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(uitleg=self.object.tekst, **kwargs)

    def opslaan(self, form):
        services.stap_verwijderen(stap=self.object, door=self.request.user)


class StapAfrondenView(StapVerwijderenView):
    """Mark a step done (or open again): progress, so also for trekkers and after
    vaststelling. POST `afgerond=1|0`."""

    permission_required = "afspraken.change_voortgang"
    knop = _("Bevestigen")
    melding = _("De stap is bijgewerkt.")

    @property
    def titel(self):
        if self.object.afgerond:
            return _("Stap weer openzetten?")
        return _("Stap afronden?")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            verborgen={"afgerond": "0" if self.object.afgerond else "1"}, **kwargs
        )

    def opslaan(self, form):
        afgerond = self.request.POST.get("afgerond", "1") == "1"
        services.stap_afronden(stap=self.object, afgerond=afgerond, door=self.request.user)

    def htmx_opgeslagen(self):
        return rij_response(self.request, self.object.jaarafspraak)
