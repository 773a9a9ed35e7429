"""Editing the hoofdstukken of a jaarschijf: the document's own texts before, inside and
after the themes and its annexes. Each view checks `afspraken.change_inhoud` on the
jaarschijf (refused once it is frozen) and calls one service (afspraken.services.hoofdstuk).
"""

from django.utils.translation import gettext_lazy as _

from afspraken import forms, services
from afspraken.models import Hoofdstuk, Jaarschijf
from afspraken.rules import jaarschijf_van
from afspraken.views.bewerken import ServiceFormView, jaarschijf_url


class NietBevrorenMixin:
    """A frozen jaarschijf offers no form at all, not even to a superuser (whom every
    permission allows): the 403 page names the freeze (ServiceFormView's message)."""

    def has_permission(self):
        return super().has_permission() and not jaarschijf_van(self.object).is_bevroren


def hoofdstuk_anker(hoofdstuk: Hoofdstuk) -> str:
    return f"{jaarschijf_url(hoofdstuk.jaarschijf_id)}#hoofdstuk-{hoofdstuk.pk}"


class HoofdstukToevoegenView(NietBevrorenMixin, ServiceFormView):
    object_model = Jaarschijf
    pk_kwarg = "jaarschijf_pk"
    select_related = ("overeenkomst",)
    form_class = forms.HoofdstukForm
    titel = _("Hoofdstuk toevoegen")
    melding = _("Het hoofdstuk is toegevoegd.")

    def get_initial(self):
        # The page's "add here" links name the place (and theme) they stand in.
        plek = self.request.GET.get("plek", "")
        thema = self.request.GET.get("thema", "")
        return {"plek": plek, "thema": thema} if plek else {}

    def form_extra_kwargs(self):
        return {
            "overeenkomst": self.object.overeenkomst,
            "instance": Hoofdstuk(jaarschijf=self.object),
        }

    def opslaan(self, form):
        return services.hoofdstuk_toevoegen(
            jaarschijf=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return hoofdstuk_anker(self.resultaat)

    def terug_url(self):
        return jaarschijf_url(self.object.pk)


class HoofdstukBewerkenView(NietBevrorenMixin, ServiceFormView):
    object_model = Hoofdstuk
    pk_kwarg = "hoofdstuk_pk"
    select_related = ("jaarschijf__overeenkomst",)
    form_class = forms.HoofdstukForm
    titel = _("Hoofdstuk bewerken")

    def form_extra_kwargs(self):
        return {"overeenkomst": self.object.jaarschijf.overeenkomst, "instance": self.object}

    def opslaan(self, form):
        return services.hoofdstuk_bijwerken(
            hoofdstuk=self.object, door=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return hoofdstuk_anker(self.object)


class HoofdstukVerwijderenView(HoofdstukBewerkenView):
    template_name = "afspraken/bevestigen_form.html"
    partial = None
    form_class = forms.forms.Form
    knop = _("Verwijderen")
    melding = _("Het hoofdstuk is verwijderd.")

    @property
    def titel(self):
        return _("Hoofdstuk %(kop)s verwijderen?") % {"kop": self.object.kop}

    def form_extra_kwargs(self):
        return {}

    def opslaan(self, form):
        services.hoofdstuk_verwijderen(hoofdstuk=self.object, door=self.request.user)

    def get_success_url(self):
        return jaarschijf_url(self.object.jaarschijf_id)


class HoofdstukVerplaatsenView(HoofdstukVerwijderenView):
    """POST `richting=omhoog|omlaag`; GET shows the two buttons (works without JavaScript)."""

    template_name = "afspraken/thema_verplaatsen_form.html"
    titel = _("Hoofdstuk verplaatsen")
    melding = _("De volgorde van de hoofdstukken is aangepast.")

    def opslaan(self, form):
        omhoog = self.request.POST.get("richting") != "omlaag"
        return services.hoofdstuk_verplaatsen(
            hoofdstuk=self.object, omhoog=omhoog, door=self.request.user
        )

    def get_success_url(self):
        return hoofdstuk_anker(self.object)
