"""Editing an overeenkomst: the agreement itself, its parties, themes and afspraken.

Every view loads its object from the URL, checks one permission on it through rules'
PermissionRequiredMixin, validates with a form and hands cleaned_data to one service.
A ValidationError from the service (a conflict, a frozen jaarschijf, a duplicate number)
lands back in the form with the user's input kept.
"""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_htmx.http import HttpResponseClientRedirect
from rules.contrib.views import PermissionRequiredMixin

from afspraken import boven, forms, services
from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.models import (
    Afspraak,
    Jaarschijf,
    Overeenkomst,
    Partij,
    Thema,
)
from afspraken.rules import jaarschijf_van
from gemeenten.forms import fouten_overnemen
from gemeenten.models import Gemeente


def overeenkomst_url(overeenkomst_pk: int) -> str:
    return reverse("afspraken:overeenkomst-detail", kwargs={"overeenkomst_pk": overeenkomst_pk})


def jaarschijf_url(jaarschijf_pk: int) -> str:
    """The jaarschijf page, which monitoring assembles (afspraken.boven)."""
    return boven.jaarschijf_url(jaarschijf_pk)


class ServiceFormView(PermissionRequiredMixin, FormView):
    """GET shows the form; a valid POST calls `opslaan(form)` and redirects back.

    Subclasses name the object (`object_model`, `pk_kwarg`), the permission, the form and
    the service call.
    """

    template_name = "afspraken/bewerken_form.html"
    # The template partial an htmx request gets instead of the whole page (None: no partial).
    partial = "formulier"
    permission_required = "afspraken.change_inhoud"
    object_model = None
    pk_kwarg = None
    select_related = ()
    titel = ""
    knop = _("Opslaan")
    melding = _("Opgeslagen.")

    @cached_property
    def object(self):
        queryset = self.object_model._default_manager.all()
        if self.select_related:
            # select_related() without names is deprecated (and would follow every FK).
            queryset = queryset.select_related(*self.select_related)
        return get_object_or_404(queryset, pk=self.kwargs[self.pk_kwarg])

    def get_permission_object(self):
        return self.object

    def get_permission_denied_message(self):
        # The 403 page says why: a frozen jaarschijf is the one refusal a permitted editor
        # meets, and "not allowed" alone would leave them guessing.
        jaarschijf = jaarschijf_van(self.object)
        if jaarschijf is not None and jaarschijf.is_bevroren:
            return BEVROREN_MELDING
        return _("U mag dit niet wijzigen.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(self.form_extra_kwargs())
        return kwargs

    def form_extra_kwargs(self) -> dict:
        return {}

    def opslaan(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.resultaat = self.opslaan(form)
        except ValidationError as fout:
            fouten_overnemen(form, fout)
            return self.form_invalid(form)
        if self.request.htmx:
            return self.htmx_opgeslagen()
        self.meld_opgeslagen()
        return HttpResponseRedirect(self.get_success_url())

    def meld_opgeslagen(self):
        if self.melding:
            messages.success(self.request, self.melding)

    def htmx_opgeslagen(self):
        """After a save through htmx: load the next page as a whole (a 302 would be followed
        inside the XHR and its full page swapped into the form). Views that answer with a
        fragment instead override this and leave the message out: no page would show it
        until some later, unrelated one."""
        self.meld_opgeslagen()
        return HttpResponseClientRedirect(self.get_success_url())

    def get_template_names(self):
        if self.request.htmx and self.partial:
            return [f"{self.template_name}#{self.partial}"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("titel", self.titel)
        kwargs.setdefault("knop", self.knop)
        kwargs.setdefault("terug_url", self.terug_url())
        return super().get_context_data(**kwargs)

    def terug_url(self) -> str:
        return self.get_success_url()


# --- Overeenkomst ---------------------------------------------------------------------------


class OvereenkomstAanmakenView(ServiceFormView):
    """A gemeente medewerker starts a new agreement for their own gemeente."""

    permission_required = "afspraken.add_overeenkomst"
    form_class = forms.OvereenkomstForm
    titel = _("Nieuwe overeenkomst")
    melding = _("De overeenkomst is aangemaakt.")

    @cached_property
    def object(self):
        # The user's own gemeente; None (no gemeente) makes the permission check refuse.
        return Gemeente.objects.van_gebruiker(self.request.user)

    def opslaan(self, form):
        return services.overeenkomst_aanmaken(
            gemeente=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return overeenkomst_url(self.resultaat.pk)

    def terug_url(self):
        return boven.url("start")


class OvereenkomstBewerkenView(ServiceFormView):
    permission_required = "afspraken.change_overeenkomst"
    object_model = Overeenkomst
    pk_kwarg = "overeenkomst_pk"
    form_class = forms.OvereenkomstForm
    titel = _("Overeenkomst bewerken")

    def form_extra_kwargs(self):
        return {"instance": self.object}

    def opslaan(self, form):
        return services.overeenkomst_bijwerken(
            overeenkomst=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return overeenkomst_url(self.object.pk)


# --- Partijen -------------------------------------------------------------------------------


class PartijenView(ServiceFormView):
    """The parties of an agreement, with a form to add one."""

    permission_required = "afspraken.change_overeenkomst"
    template_name = "afspraken/partijen_form.html"
    partial = None
    object_model = Overeenkomst
    pk_kwarg = "overeenkomst_pk"
    form_class = forms.PartijToevoegenForm
    titel = _("Partijen")
    knop = _("Partij toevoegen")
    melding = _("De partij is toegevoegd.")

    def form_extra_kwargs(self):
        return {"overeenkomst": self.object}

    def opslaan(self, form):
        return services.partij_toevoegen(
            overeenkomst=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_context_data(self, **kwargs):
        partijen = self.object.partijrollen.select_related("organisatie")
        return super().get_context_data(overeenkomst=self.object, partijen=partijen, **kwargs)

    def get_success_url(self):
        return reverse("afspraken:partijen", kwargs={"overeenkomst_pk": self.object.pk})

    def terug_url(self):
        return overeenkomst_url(self.object.pk)


class PartijBewerkenView(ServiceFormView):
    permission_required = "afspraken.change_overeenkomst"
    object_model = Partij
    pk_kwarg = "partij_pk"
    select_related = ("organisatie", "overeenkomst")
    form_class = forms.PartijForm

    @property
    def titel(self):
        return _("Partij %(naam)s bewerken") % {"naam": self.object.organisatie.naam}

    def form_extra_kwargs(self):
        return {"instance": self.object}

    def opslaan(self, form):
        return services.partij_bijwerken(
            partij=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse(
            "afspraken:partijen", kwargs={"overeenkomst_pk": self.object.overeenkomst_id}
        )


class PartijVerwijderenView(PartijBewerkenView):
    template_name = "afspraken/bevestigen_form.html"
    partial = None
    form_class = forms.forms.Form
    knop = _("Verwijderen")
    melding = _("De partij is verwijderd.")

    @property
    def titel(self):
        return _("%(naam)s verwijderen als partij?") % {"naam": self.object.organisatie.naam}

    def form_extra_kwargs(self):
        return {}

    def opslaan(self, form):
        services.partij_verwijderen(partij=self.object, door=self.request.user)


# --- Thema's --------------------------------------------------------------------------------


class ThemaAanmakenView(ServiceFormView):
    object_model = Overeenkomst
    pk_kwarg = "overeenkomst_pk"
    form_class = forms.ThemaForm
    titel = _("Nieuw thema")
    melding = _("Het thema is aangemaakt.")

    def opslaan(self, form):
        return services.thema_aanmaken(
            overeenkomst=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return overeenkomst_url(self.object.pk)


class ThemaBewerkenView(ServiceFormView):
    object_model = Thema
    pk_kwarg = "thema_pk"
    select_related = ("overeenkomst",)
    form_class = forms.ThemaForm
    titel = _("Thema bewerken")

    def form_extra_kwargs(self):
        return {"instance": self.object}

    def opslaan(self, form):
        return services.thema_bijwerken(
            thema=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return overeenkomst_url(self.object.overeenkomst_id)


class ThemaVerplaatsenView(ThemaBewerkenView):
    """POST `richting=omhoog|omlaag`; GET shows two buttons (works without JavaScript)."""

    template_name = "afspraken/thema_verplaatsen_form.html"
    partial = None
    form_class = forms.forms.Form
    titel = _("Thema verplaatsen")
    melding = _("De volgorde van de thema's is aangepast.")

    def form_extra_kwargs(self):
        return {}

    def opslaan(self, form):
        omhoog = self.request.POST.get("richting") != "omlaag"
        return services.thema_verplaatsen(thema=self.object, omhoog=omhoog, door=self.request.user)


# --- Afspraken ------------------------------------------------------------------------------


class AfspraakAanmakenView(ServiceFormView):
    """A new afspraak in the agreement; from a jaarschijf it is taken up in that year too."""

    object_model = Overeenkomst
    pk_kwarg = "overeenkomst_pk"
    form_class = forms.AfspraakForm
    titel = _("Nieuwe afspraak")
    melding = _("De afspraak is toegevoegd.")

    @cached_property
    def jaarschijf(self):
        return None

    @cached_property
    def overeenkomst(self):
        return self.object

    def form_extra_kwargs(self):
        return {
            "overeenkomst": self.overeenkomst,
            "instance": Afspraak(overeenkomst=self.overeenkomst),
            "met_jaartekst": self.jaarschijf is not None,
        }

    def opslaan(self, form):
        return services.afspraak_aanmaken(
            overeenkomst=self.overeenkomst,
            jaarschijf=self.jaarschijf,
            door=self.request.user,
            **form.cleaned_data,
        )

    def get_success_url(self):
        return overeenkomst_url(self.overeenkomst.pk)


class JaarschijfAfspraakAanmakenView(AfspraakAanmakenView):
    object_model = Jaarschijf
    pk_kwarg = "jaarschijf_pk"
    select_related = ("overeenkomst",)

    @cached_property
    def jaarschijf(self):
        return self.object

    @cached_property
    def overeenkomst(self):
        return self.object.overeenkomst

    def get_success_url(self):
        return jaarschijf_url(self.jaarschijf.pk)


class AfspraakBewerkenView(ServiceFormView):
    object_model = Afspraak
    pk_kwarg = "afspraak_pk"
    select_related = ("overeenkomst",)
    form_class = forms.AfspraakForm

    @property
    def titel(self):
        return _("Afspraak %(code)s bewerken") % {"code": self.object.code}

    def form_extra_kwargs(self):
        return {"overeenkomst": self.object.overeenkomst, "instance": self.object}

    def opslaan(self, form):
        return services.afspraak_bijwerken(
            afspraak=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        # Back to where the editor came from (a jaarschijf page), else to the agreement.
        terug = self.request.GET.get("terug", "")
        if url_has_allowed_host_and_scheme(terug, allowed_hosts=None):
            return terug
        return overeenkomst_url(self.object.overeenkomst_id)
