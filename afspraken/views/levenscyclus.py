"""The lifecycle of a jaarschijf: concept -> ter bespreking -> vastgesteld (-> ondertekend,
when every party has signed; the signing itself is a later issue), back to concept until the
first signature, and preparing next year's jaarschijf as a copy.

GET shows a confirmation page, POST calls the one service of that transition.
"""

from functools import cached_property

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from afspraken import forms, services
from afspraken.models import Jaarschijf
from afspraken.services.volgend_jaar import volgend_jaar_voorstel
from afspraken.views.bewerken import ServiceFormView, jaarschijf_url


class OvergangView(ServiceFormView):
    permission_required = "afspraken.change_status"
    template_name = "afspraken/bevestigen_form.html"
    partial = None
    object_model = Jaarschijf
    pk_kwarg = "jaarschijf_pk"
    select_related = ("overeenkomst",)
    form_class = forms.forms.Form
    service = None
    uitleg = ""

    def opslaan(self, form):
        return type(self).service(jaarschijf=self.object, door=self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(uitleg=self.uitleg, **kwargs)

    def get_success_url(self):
        return jaarschijf_url(self.object.pk)


class TerBesprekingView(OvergangView):
    service = services.jaarschijf_ter_bespreking
    titel = _("Jaarschijf ter bespreking voorleggen?")
    uitleg = _("De partners kunnen de jaarschijf dan lezen en becommentariëren.")
    knop = _("Ter bespreking voorleggen")
    melding = _("De jaarschijf ligt ter bespreking.")


class VaststellenView(OvergangView):
    service = services.jaarschijf_vaststellen
    titel = _("Jaarschijf vaststellen?")
    uitleg = _(
        "Na vaststelling ligt de inhoud vast en kan de jaarschijf worden ondertekend. "
        "Zolang niemand heeft getekend, kan de gemeente haar terugzetten naar concept."
    )
    knop = _("Vaststellen")
    melding = _("De jaarschijf is vastgesteld.")


class TerugNaarConceptView(OvergangView):
    service = services.jaarschijf_terug_naar_concept
    titel = _("Jaarschijf terugzetten naar concept?")
    uitleg = _("De inhoud kan dan weer worden gewijzigd.")
    knop = _("Terug naar concept")
    melding = _("De jaarschijf is weer een concept.")


class VolgendJaarView(OvergangView):
    """Next year's jaarschijf as a copy: a change to the agreement (change_overeenkomst). The
    page names the year, lists the afspraken to carry over and says what is copied; a
    jaarschijf that already covers next year is linked instead of offered again."""

    permission_required = "afspraken.change_overeenkomst"
    template_name = "afspraken/volgend_jaar_form.html"
    form_class = forms.VolgendJaarForm
    service = services.jaarschijf_volgend_jaar_voorbereiden
    titel = _("Volgend jaar voorbereiden?")
    knop = _("Volgend jaar voorbereiden")

    @cached_property
    def voorstel(self):
        return volgend_jaar_voorstel(self.object)

    def form_extra_kwargs(self):
        return {"voorstel": self.voorstel}

    def get_context_data(self, **kwargs):
        form = kwargs.get("form") or self.get_form()
        gekozen = {str(w) for w in (form["jaarafspraken"].value() or [])}
        regels = [
            {"jaarafspraak": ja, "loopt_door": loopt, "gekozen": str(ja.pk) in gekozen}
            for ja, loopt in self.voorstel.jaarafspraken
        ]
        bestaand = self.voorstel.bestaand
        return super().get_context_data(
            voorstel=self.voorstel,
            regels=regels,
            bestaand_url=jaarschijf_url(bestaand.pk) if bestaand else None,
            **kwargs,
        )

    def opslaan(self, form):
        return services.jaarschijf_volgend_jaar_voorbereiden(
            jaarschijf=self.object, door=self.request.user, **form.cleaned_data
        )

    def meld_opgeslagen(self):
        overgenomen = self.resultaat.jaarafspraken.count()
        totaal = len(self.voorstel.jaarafspraken)
        messages.success(
            self.request,
            _("De jaarschijf voor het volgende jaar is aangemaakt.")
            + " "
            + ngettext(
                "Jaarschijf %(jaren)s: %(x)s van %(y)s afspraak overgenomen.",
                "Jaarschijf %(jaren)s: %(x)s van %(y)s afspraken overgenomen.",
                totaal,
            )
            % {"jaren": self.resultaat.jaren, "x": overgenomen, "y": totaal},
        )

    def get_success_url(self):
        return jaarschijf_url(self.resultaat.pk)

    def terug_url(self):
        # Cancel leads back to this year's jaarschijf; the new one exists only after POST.
        return jaarschijf_url(self.object.pk)
