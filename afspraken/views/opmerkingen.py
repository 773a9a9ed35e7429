"""Remarks of the partners on the jaarschijf page: per afspraak and on the jaarschijf as a
whole (DESIGN §4: partners review and comment).

Placing needs `afspraken.comment` (every party, in every status: remarks are no content);
marking handled needs `afspraken.handle_opmerking` (the gemeente). With htmx every answer is
the remarks block (`afspraken/_opmerkingen.html`) to swap in; without JavaScript a POST
redirects back to the block's anchor on the jaarschijf page, and a rejected one shows the
form as a page of its own with the input kept.
"""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from afspraken import forms, selectors, services
from afspraken.models import Jaarafspraak, Jaarschijf, Opmerking
from afspraken.views.bewerken import ServiceFormView, jaarschijf_url


def blok_anker(jaarafspraak: Jaarafspraak | None) -> str:
    if jaarafspraak is None:
        return "opmerkingen"
    return f"opmerkingen-afspraak-{jaarafspraak.afspraak_id}"


def blok_response(request, *, jaarschijf, jaarafspraak=None, form=None):
    """The remarks block, freshly read and opened, for htmx to swap in."""
    return render(
        request,
        "afspraken/_opmerkingen.html",
        {
            "jaarschijf": jaarschijf,
            "jaarafspraak": jaarafspraak,
            "opmerkingen": selectors.opmerkingen_van(jaarschijf, jaarafspraak),
            "form": form,
            "open": True,
        },
    )


class OpmerkingViewMixin:
    """The jaarschijf and (optionally) jaarafspraak a remark view is about."""

    def get_permission_denied_message(self):
        return _("U mag hier geen opmerking plaatsen of afhandelen.")

    @property
    def jaarschijf(self) -> Jaarschijf:
        return self.object.jaarschijf

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return None

    def blok(self, form=None):
        return blok_response(
            self.request, jaarschijf=self.jaarschijf, jaarafspraak=self.jaarafspraak, form=form
        )

    def get_success_url(self):
        return f"{jaarschijf_url(self.jaarschijf.pk)}#{blok_anker(self.jaarafspraak)}"

    def htmx_opgeslagen(self):
        return self.blok()


class JaarschijfOpmerkingPlaatsenView(OpmerkingViewMixin, ServiceFormView):
    """A remark on the jaarschijf as a whole."""

    permission_required = "afspraken.comment"
    object_model = Jaarschijf
    pk_kwarg = "jaarschijf_pk"
    select_related = ("overeenkomst",)
    form_class = forms.OpmerkingForm
    partial = None
    knop = _("Opmerking plaatsen")
    melding = _("Uw opmerking is geplaatst.")

    @property
    def titel(self):
        return _("Opmerking over jaarschijf %(jaar)s") % {"jaar": self.jaarschijf.jaar}

    @property
    def jaarschijf(self) -> Jaarschijf:
        return self.object

    def get(self, request, *args, **kwargs):
        if request.htmx:
            return self.blok()
        return super().get(request, *args, **kwargs)

    def form_invalid(self, form):
        if self.request.htmx:
            return self.blok(form)
        return super().form_invalid(form)

    def opslaan(self, form):
        return services.opmerking_plaatsen(
            jaarschijf=self.jaarschijf,
            jaarafspraak=self.jaarafspraak,
            tekst=form.cleaned_data["opmerking"],
            door=self.request.user,
        )


class JaarafspraakOpmerkingPlaatsenView(JaarschijfOpmerkingPlaatsenView):
    """A remark on one afspraak of the jaarschijf."""

    object_model = Jaarafspraak
    pk_kwarg = "jaarafspraak_pk"
    select_related = ("afspraak", "jaarschijf__overeenkomst")

    @property
    def titel(self):
        return _("Opmerking bij afspraak %(code)s in %(jaar)s") % {
            "code": self.object.afspraak.code,
            "jaar": self.jaarschijf.jaar,
        }

    @property
    def jaarschijf(self) -> Jaarschijf:
        return self.object.jaarschijf

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return self.object


class OpmerkingAfhandelenView(OpmerkingViewMixin, ServiceFormView):
    """Mark a remark handled, or open it again: POST `afgehandeld=1|0`."""

    permission_required = "afspraken.handle_opmerking"
    template_name = "afspraken/bevestigen_form.html"
    partial = None
    object_model = Opmerking
    pk_kwarg = "opmerking_pk"
    select_related = ("jaarschijf__overeenkomst", "jaarafspraak")
    form_class = forms.forms.Form
    knop = _("Bevestigen")
    melding = _("De opmerking is bijgewerkt.")

    @property
    def titel(self):
        if self.object.afgehandeld:
            return _("Opmerking weer openzetten?")
        return _("Opmerking afhandelen?")

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return self.object.jaarafspraak

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            uitleg=self.object.tekst,
            verborgen={"afgehandeld": "0" if self.object.afgehandeld else "1"},
            **kwargs,
        )

    def opslaan(self, form):
        afgehandeld = self.request.POST.get("afgehandeld", "1") == "1"
        return services.opmerking_afhandelen(
            opmerking=self.object, afgehandeld=afgehandeld, door=self.request.user
        )
