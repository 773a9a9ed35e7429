"""The jaarschijf page: the year's document with its afspraken, stock figures, signatures and
remarks, assembled here because monitoring is the floor that may see all of them.

Permission: `afspraken.view_overeenkomst` on the jaarschijf (rules' PermissionRequiredMixin):
a non-party gets 403. afspraken's edit views return here through `afspraken.boven`, and
re-render one afspraak row through `rij_response`, registered there by monitoring's AppConfig.
"""

from django.shortcuts import render
from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext
from django.views.generic import DetailView
from rules.contrib.views import PermissionRequiredMixin

from afspraken import selectors as afspraken_selectors
from afspraken.constants import OVERGANGEN, Soort, Voortgang, keuzelabels
from afspraken.models import Jaarschijf
from afspraken.rules import met_recht
from gemeenten import paginacache
from gemeenten.rules import actor
from monitoring import cache
from monitoring.constants import Oordeel
from monitoring.selectors.documentvorm import document_labels, met_volgend_jaar
from monitoring.selectors.jaarschijf import document_rij, jaarschijf_document
from monitoring.selectors.zienswijzen import Invoer, eigen_invoer

PAGINA = "monitoring/jaarschijf_detail.html"
# One afspraak of the document, rendered alone after an inline edit (the page includes it
# for every afspraak through monitoring/jaarschijf/document.html).
AFSPRAAK_RIJ = "monitoring/jaarschijf/_afspraak.html"


class _UrlSjabloon:
    """reverse() once with a stand-in pk, then the URL for any pk by joining strings: a row's
    half a dozen links would otherwise cost hundreds of reverse() calls per page."""

    PLAATSHOUDER = "2147483647"

    def __init__(self, naam: str, kwarg: str):
        self.naam, self.kwarg = naam, kwarg
        delen = reverse(naam, kwargs={kwarg: int(self.PLAATSHOUDER)}).split(self.PLAATSHOUDER)
        self.delen = delen if len(delen) == 2 else None

    def __call__(self, pk: int) -> str:
        if self.delen is None:
            return reverse(self.naam, kwargs={self.kwarg: pk})
        return f"{self.delen[0]}{pk}{self.delen[1]}"


def _rijen_voorbereiden(jaarafspraken) -> None:
    """Gives each row what its template would otherwise compute per row: `status_label` and
    the afspraak's `soort_label` (as get_FOO_display() shows them, without rebuilding and
    hashing the translated choices per call) and the URLs of its links and of its steps."""
    soorten = keuzelabels(Soort)
    voortgang = keuzelabels(Voortgang)
    bewerken = _UrlSjabloon("afspraken:jaarafspraak-bewerken", "jaarafspraak_pk")
    stap_toevoegen = _UrlSjabloon("afspraken:stap-toevoegen", "jaarafspraak_pk")
    opmerken = _UrlSjabloon("monitoring:jaarafspraak-opmerking-plaatsen", "jaarafspraak_pk")
    stap_afronden = _UrlSjabloon("afspraken:stap-afronden", "stap_pk")
    stap_bewerken = _UrlSjabloon("afspraken:stap-bewerken", "stap_pk")
    stap_verwijderen = _UrlSjabloon("afspraken:stap-verwijderen", "stap_pk")
    for ja in jaarafspraken:
        ja.status_label = voortgang.get(ja.status, ja.status)
        ja.afspraak.soort_label = soorten.get(ja.afspraak.soort, ja.afspraak.soort)
        ja.bewerk_url = bewerken(ja.pk)
        ja.stap_toevoegen_url = stap_toevoegen(ja.pk)
        ja.opmerking_url = opmerken(ja.pk)
        for stap in ja.stappen_op_volgorde:
            stap.afronden_url = stap_afronden(stap.pk)
            stap.bewerk_url = stap_bewerken(stap.pk)
            stap.verwijder_url = stap_verwijderen(stap.pk)


def afspraak_rij_context(user, jaarschijf, jaarafspraken) -> dict:
    """What the afspraak rows of the jaarschijf page ask, answered once for all of them: the
    permissions that depend on user and jaarschijf only, the jaarafspraken whose voortgang the
    user may report, and the row's fixed texts (a 290-row page would otherwise translate, ask
    permissions and reverse URLs thousands of times). Prepares the rows themselves too."""
    _rijen_voorbereiden(jaarafspraken)
    # The huurders' verdict per row (issue #15 point 8), for whom may give it: the form's
    # address and starting values on each row, so a cached row carries them in its key.
    organisatie_id = actor(user).organisatie_id
    # A verdict is an organisation's (zienswijzen_geven): not for who acts for none, whom the
    # rules would let through (a superuser).
    mag_zienswijze = organisatie_id is not None and user.has_perm(
        "monitoring.give_zienswijze", jaarschijf
    )
    zienswijze_url = _UrlSjabloon("monitoring:jaarafspraak-zienswijze", "jaarafspraak_pk")
    for ja in jaarafspraken:
        ja.zienswijze_url = zienswijze_url(ja.pk) if mag_zienswijze else ""
        ja.zienswijze_invoer = (
            eigen_invoer(getattr(ja, "zienswijzen_lijst", []), organisatie_id)
            if mag_zienswijze
            else None
        )
    return {
        "mag_inhoud": user.has_perm("afspraken.change_inhoud", jaarschijf),
        "mag_overeenkomst": user.has_perm("afspraken.change_overeenkomst", jaarschijf),
        "mag_opmerken": user.has_perm("monitoring.comment", jaarschijf),
        "mag_afhandelen": user.has_perm("monitoring.handle_opmerking", jaarschijf),
        "voortgang_ids": met_recht(user, "afspraken.change_voortgang", jaarafspraken),
        # Driehoek's own words beside the document's (documentvorm.document_labels).
        "rij_labels": {
            "driehoek": gettext("Driehoek bij deze afspraak"),
            "afgerond": gettext("afgerond"),
            "weer_openzetten": gettext("Weer openzetten"),
            "afronden": gettext("Afronden"),
            "bewerken": gettext("Bewerken"),
            "verwijderen": gettext("Verwijderen"),
            "afspraak": gettext("afspraak"),
            "stap_toevoegen": gettext("Stap toevoegen"),
            "bij_afspraak": gettext("bij afspraak"),
            "opmerking_plaatsen": gettext("Opmerking plaatsen"),
            # Progress is monitoring's, beside the agreed plan of the document: named as such.
            "voortgang": gettext("Voortgang"),
            "uw_zienswijze": gettext("Uw zienswijze"),
            "kies": gettext("Kies…"),
            "oordelen": [(o.value, str(o.label)) for o in Oordeel],
            "toelichting": gettext("Toelichting"),
            "als_opmerking": gettext("Toelichting ook als opmerking plaatsen, voor de gemeente"),
            "zienswijze_opslaan": gettext("Zienswijze opslaan"),
        },
    }


def rij_response(
    request, jaarafspraak_pk: int, jaarschijf: Jaarschijf, zienswijze_invoer: Invoer | None = None
):
    """The afspraak's row of the jaarschijf page, freshly read, for htmx to swap in after an
    inline edit in afspraken (registered as `afspraken.boven.afspraak_rij`) or a verdict
    given in the row; `zienswijze_invoer`: a rejected verdict, shown with its errors."""
    jaarafspraak = document_rij(jaarafspraak_pk, jaarschijf)
    context = afspraak_rij_context(request.user, jaarschijf, [jaarafspraak])
    if zienswijze_invoer is not None and jaarafspraak.zienswijze_url:
        jaarafspraak.zienswijze_invoer = zienswijze_invoer
    return render(
        request,
        AFSPRAAK_RIJ,
        {
            "jaarafspraak": jaarafspraak,
            "jaarschijf": jaarschijf,
            "labels": document_labels(jaarschijf),
            **context,
        },
    )


def _geheel(ja) -> bool:
    """Whether the whole row can come from the cache: not while it shows targets, verdicts or
    remarks, whose state moves without the row's own versions (those rows cache their kern)."""
    return not (ja.doelstanden or ja.zienswijzen_lijst or ja.opmerkingen_lijst)


def _rij_sleutel(ja, context: dict, geheel: bool) -> str:
    """Everything the row shows (see _afspraak.html), the whole of it or its `kern`, and the
    permissions that change it: its key in monitoring.cache."""
    afspraak = ja.afspraak
    delen = [
        ja.pk,
        ja.versie,
        ja.tekst,
        paginacache.velden(afspraak),
        afspraak.is_doorkijk,
        [(o.pk, o.naam, o.afkorting) for o in afspraak.trekkers.all()],
        [
            (
                paginacache.velden(stap),
                [(o.naam, o.afkorting) for o in stap.deelnemers],
                stap.afronden_url,
            )
            for stap in ja.stappen_op_volgorde
        ],
        ja.jaarschijf.nummering_tonen,
        sorted(context["labels"].items()),
        ja.pk in context["voortgang_ids"],
        context["mag_inhoud"],
    ]
    if geheel:
        delen += [
            ja.niveau,
            ja.naam,
            ja.status,
            ja.status_label,
            afspraak.soort_label,
            ja.bewerk_url,
            ja.opmerking_url,
            context["mag_opmerken"],
            # Who may give a verdict sees its form (a row without verdicts: empty).
            ja.zienswijze_url,
        ]
    return cache.sleutel("afspraakrij" if geheel else "afspraakkern", *delen)


def rijen_uit_cache(request, jaarafspraken, context: dict) -> None:
    """Gives each row its HTML from the cache (monitoring.cache), rendering only the rows
    whose content or the viewer's permissions on them are new: `rij_html`, the whole
    article, for a row without targets, verdicts or remarks; `kern_html` (text, data and
    steps, _afspraak.html#kern) for the others, whose rest stays live."""
    rij, kern = get_template(AFSPRAAK_RIJ), get_template(f"{AFSPRAAK_RIJ}#kern")
    per_pk = {ja.pk: ja for ja in jaarafspraken}
    geheel = {pk for pk, ja in per_pk.items() if _geheel(ja)}

    def maak(pk):
        sjabloon = rij if pk in geheel else kern
        return sjabloon.render(
            {**context, "jaarafspraak": per_pk[pk], "csrf_token": cache.CSRF_PLAATSHOUDER}
        )

    sleutels = {pk: _rij_sleutel(ja, context, pk in geheel) for pk, ja in per_pk.items()}
    html = cache.fragmenten(sleutels, maak)
    token = paginacache.csrf_token(request)
    for pk, ja in per_pk.items():
        attribuut = "rij_html" if pk in geheel else "kern_html"
        setattr(ja, attribuut, cache.invullen(html[pk], token))


# The transitions of OVERGANGEN that have a confirm page; signing has its own later.
OVERGANG_URLS = {
    "ter_bespreking": "afspraken:jaarschijf-ter-bespreking",
    "vaststellen": "afspraken:jaarschijf-vaststellen",
    "terug_naar_concept": "afspraken:jaarschijf-terug-naar-concept",
    "wijziging_starten": "afspraken:jaarschijf-wijziging-starten",
}


def mogelijke_overgangen(jaarschijf, document) -> list[tuple]:
    """(label, url) of each lifecycle step the jaarschijf's status allows now, read from the
    one table the services obey; back to concept only while nobody has signed."""
    result = []
    for actie, url_naam in OVERGANG_URLS.items():
        overgang = OVERGANGEN[actie]
        if jaarschijf.status not in overgang.van:
            continue
        if actie == "terug_naar_concept" and document.al_getekend:
            continue
        result.append((overgang.label, reverse(url_naam, kwargs={"jaarschijf_pk": jaarschijf.pk})))
    return result


class JaarschijfDetailView(PermissionRequiredMixin, paginacache.PaginaCacheMixin, DetailView):
    permission_required = "afspraken.view_overeenkomst"
    pk_url_kwarg = "jaarschijf_pk"
    context_object_name = "jaarschijf"
    template_name = PAGINA

    def get_queryset(self):
        return met_volgend_jaar(afspraken_selectors.jaarschijf_met_document())

    def get_object(self, queryset=None):
        if not hasattr(self, "_jaarschijf"):
            self._jaarschijf = super().get_object(queryset)
        return self._jaarschijf

    def pagina_gemeenten(self):
        return [self.get_object().overeenkomst.gemeente_id]

    def pagina_sleutel(self) -> tuple:
        jaarschijf = self.get_object()
        return (paginacache.velden(jaarschijf), paginacache.velden(jaarschijf.overeenkomst))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = jaarschijf_document(self.object)
        jaarafspraken = [ja for item in document.themas for ja in item.jaarafspraken]
        context["document"] = document
        context["overeenkomst"] = self.object.overeenkomst
        context["overgangen"] = mogelijke_overgangen(self.object, document)
        context.update(afspraak_rij_context(self.request.user, self.object, jaarafspraken))
        rij_context = ("jaarschijf", "rij_labels", "mag_inhoud", "mag_opmerken", "voortgang_ids")
        rijen_uit_cache(
            self.request,
            jaarafspraken,
            {key: context[key] for key in rij_context} | {"labels": document.labels},
        )
        return context
