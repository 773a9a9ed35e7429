"""Remarks of the partners on the jaarschijf page: per afspraak and on the jaarschijf as a
whole (DESIGN §4: partners review and comment).

Placing needs `monitoring.comment` (every party, in every status: remarks are no content);
replying in a remark's thread `monitoring.reply`; marking handled, optionally with an answer
kept as a reply, `monitoring.handle_opmerking` (the gemeente); deleting, which leaves a
placeholder, `monitoring.delete_opmerking` (the author, or the gemeente's beheerder).
With htmx every answer is the remarks block (`monitoring/_opmerkingen.html`) to swap in;
without JavaScript a POST redirects back to the block's anchor on the jaarschijf page, and a
rejected one shows the form as a page of its own with the input kept.
"""

from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from rules.contrib.views import PermissionRequiredMixin

from afspraken.models import Jaarafspraak, Jaarschijf
from gemeenten.forms import fouten_overnemen
from monitoring import services
from monitoring.forms import AntwoordForm, OpmerkingForm
from monitoring.models import Opmerking, Reactie
from monitoring.selectors.opmerkingen import opmerkingen_van


def blok_anker(jaarafspraak: Jaarafspraak | None) -> str:
    if jaarafspraak is None:
        return "opmerkingen"
    return f"opmerkingen-afspraak-{jaarafspraak.afspraak_id}"


def blok_response(request, *, jaarschijf, jaarafspraak=None, form=None, draad=None):
    """The remarks block, freshly read and opened, for htmx to swap in. A rejected reply
    (`draad`: its remark) shows its errors and input in that thread, not in the new-remark
    form."""
    return render(
        request,
        "monitoring/_opmerkingen.html",
        {
            "jaarschijf": jaarschijf,
            "jaarafspraak": jaarafspraak,
            "opmerkingen": opmerkingen_van(jaarschijf, jaarafspraak),
            "form": form if draad is None else None,
            "draad_form": form if draad is not None else None,
            "draad_id": draad.pk if draad is not None else None,
            "open": True,
        },
    )


class OpmerkingView(PermissionRequiredMixin, FormView):
    """Loads the object of the URL, asks the permission on it and hands the valid form to
    `opslaan`; answers htmx with the remarks block, a plain POST with a redirect back."""

    model = None
    pk_kwarg = None
    select_related = ()
    knop = _("Opmerking plaatsen")
    melding = ""

    @cached_property
    def object(self):
        queryset = self.model._default_manager.select_related(*self.select_related)
        return get_object_or_404(queryset, pk=self.kwargs[self.pk_kwarg])

    def get_permission_object(self):
        return self.object

    def get_permission_denied_message(self):
        return _("U mag hier geen opmerking plaatsen of afhandelen.")

    @property
    def jaarschijf(self) -> Jaarschijf:
        return self.object.jaarschijf

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return None

    # The remark whose thread a rejected form belongs to (None: the new-remark form).
    draad = None

    def blok(self, form=None):
        return blok_response(
            self.request,
            jaarschijf=self.jaarschijf,
            jaarafspraak=self.jaarafspraak,
            form=form,
            draad=self.draad,
        )

    def opslaan(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.opslaan(form)
        except ValidationError as fout:
            fouten_overnemen(form, fout)
            return self.form_invalid(form)
        if self.request.htmx:
            return self.blok()
        messages.success(self.request, self.melding)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self):
        pagina = reverse("monitoring:jaarschijf", kwargs={"jaarschijf_pk": self.jaarschijf.pk})
        return f"{pagina}#{blok_anker(self.jaarafspraak)}"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("titel", self.titel)
        kwargs.setdefault("knop", self.knop)
        kwargs.setdefault("terug_url", self.get_success_url())
        return super().get_context_data(**kwargs)


class JaarschijfOpmerkingPlaatsenView(OpmerkingView):
    """A remark on the jaarschijf as a whole."""

    permission_required = "monitoring.comment"
    template_name = "afspraken/bewerken_form.html"
    model = Jaarschijf
    pk_kwarg = "jaarschijf_pk"
    select_related = ("overeenkomst",)
    form_class = OpmerkingForm
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
        services.opmerking_plaatsen(
            jaarschijf=self.jaarschijf,
            jaarafspraak=self.jaarafspraak,
            tekst=form.cleaned_data["opmerking"],
            door=self.request.user,
        )


class JaarafspraakOpmerkingPlaatsenView(JaarschijfOpmerkingPlaatsenView):
    """A remark on one afspraak of the jaarschijf."""

    model = Jaarafspraak
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


class OpmerkingAfhandelenView(OpmerkingView):
    """Mark a remark handled, or open it again: POST `afgehandeld=1|0`, with an optional
    answer in `opmerking` (the thread's textarea) kept as a reply."""

    permission_required = "monitoring.handle_opmerking"
    template_name = "afspraken/bevestigen_form.html"
    model = Opmerking
    pk_kwarg = "opmerking_pk"
    select_related = ("jaarschijf__overeenkomst", "jaarafspraak")
    form_class = AntwoordForm
    knop = _("Bevestigen")

    @property
    def draad(self):
        return self.object

    melding = _("De opmerking is bijgewerkt.")

    @property
    def titel(self):
        if self.object.afgehandeld:
            return _("Opmerking weer openzetten?")
        return _("Opmerking afhandelen?")

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return self.object.jaarafspraak

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.object.afgehandeld:
            # Opening again takes no answer; a reply says why, if needed.
            form.fields.pop("opmerking")
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            uitleg=self.object.tekst,
            verborgen={"afgehandeld": "0" if self.object.afgehandeld else "1"},
            **kwargs,
        )

    def form_invalid(self, form):
        if self.request.htmx:
            return self.blok()
        return super().form_invalid(form)

    def opslaan(self, form):
        afgehandeld = self.request.POST.get("afgehandeld", "1") == "1"
        services.opmerking_afhandelen(
            opmerking=self.object,
            afgehandeld=afgehandeld,
            antwoord=form.cleaned_data.get("opmerking", "") if afgehandeld else "",
            door=self.request.user,
        )


class OpmerkingReagerenView(OpmerkingView):
    """A reply in the thread of a remark, in place (htmx) or on a page of its own."""

    permission_required = "monitoring.reply"
    template_name = "afspraken/bewerken_form.html"
    model = Opmerking
    pk_kwarg = "opmerking_pk"
    select_related = ("jaarschijf__overeenkomst", "jaarafspraak__afspraak", "auteur")
    form_class = OpmerkingForm
    knop = _("Reageren")

    @property
    def draad(self):
        return self.object

    melding = _("Uw reactie is geplaatst.")

    @property
    def titel(self):
        return _("Reageren op de opmerking van %(auteur)s") % {"auteur": self.object.auteur}

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return self.object.jaarafspraak

    def get(self, request, *args, **kwargs):
        if request.htmx:
            return self.blok()
        return super().get(request, *args, **kwargs)

    def form_invalid(self, form):
        if self.request.htmx:
            # The block again, with the error beside this thread's textarea.
            return self.blok(form)
        return super().form_invalid(form)

    def opslaan(self, form):
        services.opmerking_reageren(
            opmerking=self.object, tekst=form.cleaned_data["opmerking"], door=self.request.user
        )


class OpmerkingVerwijderenView(OpmerkingView):
    """Delete a remark (its author, or the gemeente's beheerder): a placeholder stays."""

    permission_required = "monitoring.delete_opmerking"
    template_name = "afspraken/bevestigen_form.html"
    model = Opmerking
    pk_kwarg = "opmerking_pk"
    select_related = ("jaarschijf__overeenkomst", "jaarafspraak")
    form_class = forms.Form
    knop = _("Verwijderen")
    titel = _("Opmerking verwijderen?")
    melding = _("De opmerking is verwijderd.")

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return self.object.jaarafspraak

    def get_context_data(self, **kwargs):
        return super().get_context_data(uitleg=self.object.tekst, **kwargs)

    def opslaan(self, form):
        services.opmerking_verwijderen(opmerking=self.object, door=self.request.user)


class ReactieVerwijderenView(OpmerkingVerwijderenView):
    """Delete a reply (its author, or the gemeente's beheerder): a placeholder stays."""

    model = Reactie
    pk_kwarg = "reactie_pk"
    select_related = ("opmerking__jaarschijf__overeenkomst", "opmerking__jaarafspraak")
    titel = _("Reactie verwijderen?")
    melding = _("De reactie is verwijderd.")

    @property
    def jaarschijf(self) -> Jaarschijf:
        return self.object.opmerking.jaarschijf

    @property
    def jaarafspraak(self) -> Jaarafspraak | None:
        return self.object.opmerking.jaarafspraak

    def opslaan(self, form):
        services.reactie_verwijderen(reactie=self.object, door=self.request.user)
