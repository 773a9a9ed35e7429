"""The corporatie's grid: every cell of its own figures, edited in place (htmx posts one
cell to CelView and swaps it), or the whole grid at once without JavaScript (RasterView's
POST). A cell's history (who, when, old, new) comes from django-simple-history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from afspraken import boven
from gemeenten.paginacache import PaginaCacheMixin, velden
from voorraad import invulraster, selectors, services
from voorraad.invulraster import ingevuld, lees_aantal, tekst
from voorraad.services.cel import MUTATIE
from voorraad.views.cijfers import EigenCijfersMixin


class _Raster(EigenCijfersMixin):
    def rasters(self, invoer=None, fouten=None) -> list:
        js, user = self.jaarschijf, self.request.user
        overeenkomst = js.overeenkomst
        start, eind = overeenkomst.startdatum.year, overeenkomst.einddatum.year
        actief_tot = selectors.actief_tot(overeenkomst.pk, self.corporatie)
        kwargs = {"actief_tot": actief_tot, "invoer": invoer, "fouten": fouten}
        return [
            invulraster.bouw(
                "m",
                selectors.categorieen(overeenkomst.pk),
                invulraster.mutatiekolommen(
                    start, eind, selectors.gebruikte_perioden(overeenkomst.pk)
                ),
                selectors.eigen_mutaties(user, js, self.corporatie),
                **kwargs,
            ),
            invulraster.bouw(
                "s",
                selectors.segmenten(overeenkomst.pk),
                invulraster.standkolommen(
                    start, eind, selectors.gebruikte_peildata(overeenkomst.pk)
                ),
                selectors.eigen_standen(user, js, self.corporatie),
                **kwargs,
            ),
        ]

    def opslaan(self, cellen) -> dict[str, str]:
        """Write the cells the editor changed, all or nothing; the errors by field name."""
        fouten, te_schrijven = {}, []
        for naam, cel, getypt, was in cellen:
            try:
                nieuw = lees_aantal(cel.tabel, getypt)
                oud = lees_aantal(cel.tabel, was)
            except ValidationError as fout:
                fouten[naam] = invulraster.fout_tekst(fout)
                continue
            if nieuw != oud:
                te_schrijven.append((naam, cel, nieuw, oud))
        if fouten:
            return fouten
        try:
            with transaction.atomic():
                for naam, cel, nieuw, oud in te_schrijven:
                    try:
                        services.cel_bijwerken(
                            jaarschijf=self.jaarschijf,
                            corporatie=self.corporatie,
                            cel=cel,
                            nieuw=nieuw,
                            was=oud,
                            door=self.request.user,
                        )
                    except ValidationError as fout:
                        fouten[naam] = invulraster.fout_tekst(fout)
                        raise
        except ValidationError:
            return fouten
        return {}


class RasterView(_Raster, PaginaCacheMixin, TemplateView):
    template_name = "voorraad/raster.html"

    def pagina_gemeenten(self):
        return [self.jaarschijf.overeenkomst.gemeente_id]

    def pagina_sleutel(self) -> tuple:
        return velden(self.jaarschijf)

    def post(self, request, *args, **kwargs):
        fouten = self.opslaan(ingevuld(request.POST))
        if fouten:
            messages.error(
                request, _("De cijfers zijn niet opgeslagen. Bekijk de meldingen in de cellen.")
            )
            context = self.get_context_data(rasters=self.rasters(request.POST, fouten))
            return self.render_to_response(context)
        messages.success(request, _("De cijfers zijn opgeslagen."))
        return HttpResponseRedirect(request.path)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("rasters", self.rasters())
        return super().get_context_data(
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            corporatie=self.corporatie,
            jaarschijf_url=boven.jaarschijf_url(self.jaarschijf.pk),
            **kwargs,
        )


class CelView(_Raster, View):
    """One cell, posted by htmx when it changes; answers with the cell as it is now."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        cellen = ingevuld(request.POST)[:2]
        fouten = self.opslaan(cellen)
        rijen = {
            "m": {c.pk: c for c in selectors.categorieen(self.jaarschijf.overeenkomst_id)},
            "s": {s.pk: s for s in selectors.segmenten(self.jaarschijf.overeenkomst_id)},
        }
        weergave = []
        for naam, cel, getypt, was in cellen:
            rij = rijen[cel.tabel].get(cel.rij_id)
            if rij is None:
                continue
            # Refused: what was typed stays, with the message; saved: the figure as stored.
            nu = getypt if fouten else tekst(lees_aantal(cel.tabel, getypt))
            weergave.append(
                invulraster.invulcel(
                    rij,
                    cel.tabel,
                    invulraster.kolom_van(cel),
                    cel.soort,
                    waarde=nu,
                    was=was if fouten else nu,
                    fout=fouten.get(naam, ""),
                    heeft_cijfer=bool(nu) and not fouten,
                )
            )
        return render(
            request,
            "voorraad/_invulcellen.html",
            {"cellen": weergave, "cel_url": request.path, "jaarschijf": self.jaarschijf},
        )


class CelGeschiedenisView(_Raster, TemplateView):
    """Every change of one cell of the corporatie's own figures: who, when, old, new."""

    template_name = "voorraad/cel_geschiedenis.html"

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["voorraad/_cel_geschiedenis.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        cel = invulraster.lees_celnaam(self.request.GET.get("cel", ""))
        wijzigingen = []
        if cel is not None:
            cijfer = selectors.eigen_cijfer(
                self.request.user, self.jaarschijf, self.corporatie, cel
            )
            if cijfer is not None:
                wijzigingen = selectors.wijzigingen(cijfer)
        return super().get_context_data(
            cel=cel,
            wijzigingen=wijzigingen,
            jaarschijf=self.jaarschijf,
            overeenkomst=self.jaarschijf.overeenkomst,
            corporatie=self.corporatie,
            is_mutatie=cel is not None and cel.tabel == MUTATIE,
            **kwargs,
        )
