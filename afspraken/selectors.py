"""Reads that views share: querysets with their joins and prefetches applied.

Every list starts from `Model.objects.for_user(user, "view")`. Stock figures are reached
through the reverse relations `voorraadmutaties`/`voorraadstanden` of Jaarschijf, so this
module never imports the voorraad app (apps only import downwards).
"""

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from afspraken import vastlegging
from afspraken.constants import JaarschijfStatus
from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Ondertekening,
    Opmerking,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from gemeenten.constants import Rol
from gemeenten.models import Organisatie
from gemeenten.rules import actor

# ---------------------------------------------------------------------------------------------
# Overeenkomst


def overeenkomsten_voor(user) -> QuerySet[Overeenkomst]:
    return Overeenkomst.objects.for_user(user).select_related("gemeente")


def overeenkomst_basis() -> QuerySet[Overeenkomst]:
    return Overeenkomst.objects.select_related("gemeente")


def overeenkomst_met_inhoud() -> QuerySet[Overeenkomst]:
    """An agreement with its parties (and representatives), themes and jaarschijven."""
    return Overeenkomst.objects.select_related("gemeente").prefetch_related(
        Prefetch(
            "partijrollen",
            queryset=Partij.objects.select_related("organisatie"),
            to_attr="partijen_op_volgorde",
        ),
        Prefetch(
            "themas", queryset=Thema.objects.order_by("volgorde", "id"), to_attr="thema_lijst"
        ),
        Prefetch(
            "jaarschijven",
            queryset=Jaarschijf.objects.order_by("-jaar"),
            to_attr="jaarschijf_lijst",
        ),
    )


def partij_organisaties(overeenkomst: Overeenkomst) -> QuerySet[Organisatie]:
    return Organisatie.objects.filter(partijrollen__overeenkomst=overeenkomst).order_by(
        "partijrollen__volgorde", "naam"
    )


# ---------------------------------------------------------------------------------------------
# Jaarschijf as a document


def opmerkingen_met_auteur() -> QuerySet[Opmerking]:
    return Opmerking.objects.select_related("auteur", "organisatie").order_by("aangemaakt_op", "id")


def opmerkingen_van(jaarschijf: Jaarschijf, jaarafspraak: Jaarafspraak | None) -> list:
    """The remarks of one block: on `jaarafspraak`, or on the jaarschijf as a whole."""
    return list(opmerkingen_met_auteur().filter(jaarschijf=jaarschijf, jaarafspraak=jaarafspraak))


def jaarafspraken_voor_document(opmerkingen: bool = True) -> QuerySet[Jaarafspraak]:
    """Jaarafspraken with everything one afspraak row of the document shows.

    The editing views re-render a single row with this queryset, so the row partial never
    triggers a query of its own. `opmerkingen=False` leaves the remarks to the caller
    (jaarschijf_document reads those of the whole jaarschijf at once).
    """
    prefetches = [
        "afspraak__trekkers",
        Prefetch(
            "stappen",
            queryset=Stap.objects.select_related("organisatie").order_by("volgorde", "id"),
            to_attr="stappen_op_volgorde",
        ),
    ]
    if opmerkingen:
        prefetches.append(
            Prefetch("opmerkingen", queryset=opmerkingen_met_auteur(), to_attr="opmerkingen_lijst")
        )
    # Not afspraak__thema: a row shows no theme (the page groups by thema_id), and 290 theme
    # objects per page are measurable.
    return Jaarafspraak.objects.select_related("afspraak").prefetch_related(*prefetches)


def jaarschijf_met_document() -> QuerySet[Jaarschijf]:
    return Jaarschijf.objects.select_related("overeenkomst", "overeenkomst__gemeente")


@dataclass
class DocumentThema:
    thema: Thema
    jaarafspraken: list = field(default_factory=list)


@dataclass
class Voorraadtabel:
    """One corporatie's stock table: rows are categories/segments, columns are periods."""

    corporatie: Organisatie
    kolommen: list
    rijen: list  # [(label, [cel, ...])], a cel is a list of figures (realisatie, prognose)


@dataclass
class JaarschijfDocument:
    jaarschijf: Jaarschijf
    # The agreement as this jaarschijf shows it: its own copy once vastgesteld.
    overeenkomst: Overeenkomst
    themas: list
    mutatietabellen: list
    standtabellen: list
    ondertekenaars: list  # [(organisatie, [ondertekening, ...])]
    # Lifecycle: back to concept only until the first signature; next year once.
    al_getekend: bool = False
    volgend_jaar: Jaarschijf | None = None
    # Remarks on the jaarschijf as a whole; those on an afspraak hang on its jaarafspraak.
    opmerkingen: list = field(default_factory=list)


def _geordend_met_subafspraken(jaarafspraken):
    """Parents followed by their sub-afspraken; `niveau` 1 marks a sub-afspraak.

    A sub-afspraak whose parent is not in this jaarschijf stays on the top level.
    """
    aanwezig = {ja.afspraak_id for ja in jaarafspraken}
    kinderen = defaultdict(list)
    top = []
    for ja in jaarafspraken:
        parent_id = ja.afspraak.parent_id
        if parent_id in aanwezig:
            kinderen[parent_id].append(ja)
        else:
            top.append(ja)
    result = []

    def plaats(ja, niveau):
        ja.niveau = niveau
        result.append(ja)
        for kind in kinderen[ja.afspraak_id]:
            plaats(kind, niveau + 1)

    for ja in top:
        plaats(ja, 0)
    return result


def _periode_label(jaar_van: int, jaar_tot: int) -> str:
    return str(jaar_van) if jaar_van == jaar_tot else f"{jaar_van}/{jaar_tot}"


def _voorraadtabellen(cijfers, rij_van, kolom_van):
    """Group figures per corporatie into tables; rows and columns only where data exists."""
    tabellen = []
    for corporatie, groep in itertools.groupby(
        sorted(cijfers, key=lambda c: (c.corporatie.naam, c.corporatie_id)),
        key=lambda c: c.corporatie,
    ):
        groep = list(groep)
        kolommen = sorted({kolom_van(c) for c in groep})
        rij_sleutels = sorted({rij_van(c) for c in groep})
        cellen = defaultdict(list)
        for c in sorted(groep, key=lambda c: c.soort != "realisatie"):
            cellen[(rij_van(c), kolom_van(c))].append(c)
        rijen = [
            (sleutel[-1], [cellen.get((sleutel, k), []) for k in kolommen])
            for sleutel in rij_sleutels
        ]
        tabellen.append(Voorraadtabel(corporatie, [k[-1] for k in kolommen], rijen))
    return tabellen


def jaarschijf_document(jaarschijf: Jaarschijf) -> JaarschijfDocument:
    """Everything the jaarschijf page shows, in a fixed number of queries whatever the number
    of afspraken and remarks. A vastgesteld or ondertekend jaarschijf shows the afspraken,
    themes and names as they were fixed (afspraken.vastlegging), not as they are now."""
    vast = vastlegging.vastgelegd(jaarschijf)
    live_themas = vast.themas if vast else jaarschijf.overeenkomst.themas.order_by("volgorde", "id")
    themas = [DocumentThema(t) for t in live_themas]
    per_thema = {dt.thema.pk: dt for dt in themas}
    jaarafspraken = list(
        jaarafspraken_voor_document(opmerkingen=False)
        .filter(jaarschijf=jaarschijf)
        .order_by("afspraak__volgorde", "afspraak__code")
    )
    # One query for every remark of the jaarschijf, general ones and per afspraak.
    opmerkingen_per_afspraak = defaultdict(list)
    for opmerking in opmerkingen_met_auteur().filter(jaarschijf=jaarschijf):
        opmerkingen_per_afspraak[opmerking.jaarafspraak_id].append(opmerking)
    for ja in jaarafspraken:
        ja.jaarschijf = jaarschijf  # rows ask permissions on it; avoids a query per row
        ja.opmerkingen_lijst = opmerkingen_per_afspraak.get(ja.pk, [])
        if vast:
            ja.afspraak = vast.afspraken.get(ja.pk, ja.afspraak)
            for stap in ja.stappen_op_volgorde:
                stap.organisatie = vast.organisatie(stap.organisatie)
    if vast:
        jaarafspraken.sort(key=lambda ja: (ja.afspraak.volgorde, ja.afspraak.code))
    per_thema_lijst = defaultdict(list)
    for ja in jaarafspraken:
        per_thema_lijst[ja.afspraak.thema_id].append(ja)
    for thema_id, lijst in per_thema_lijst.items():
        if thema_id in per_thema:
            per_thema[thema_id].jaarafspraken = _geordend_met_subafspraken(lijst)

    mutaties = list(
        jaarschijf.voorraadmutaties.select_related("corporatie", "categorie").order_by()
    )
    mutatietabellen = _voorraadtabellen(
        mutaties,
        rij_van=lambda m: (m.categorie.volgorde, m.categorie.naam),
        kolom_van=lambda m: (m.jaar_van, m.jaar_tot, _periode_label(m.jaar_van, m.jaar_tot)),
    )
    standen = list(jaarschijf.voorraadstanden.select_related("corporatie", "segment").order_by())
    standtabellen = _voorraadtabellen(
        standen,
        rij_van=lambda s: (s.segment.volgorde, s.segment.naam),
        kolom_van=lambda s: (s.peildatum, s.peildatum.strftime("%d-%m-%Y")),
    )

    ondertekeningen = Ondertekening.objects.filter(jaarschijf=jaarschijf).select_related(
        "organisatie"
    )
    ondertekenaars = []
    for organisatie, groep in itertools.groupby(ondertekeningen, key=lambda o: o.organisatie):
        ondertekenaars.append((vast.organisatie(organisatie) if vast else organisatie, list(groep)))
    if vast:
        for tabel in [*mutatietabellen, *standtabellen]:
            tabel.corporatie = vast.organisatie(tabel.corporatie)
    return JaarschijfDocument(
        jaarschijf=jaarschijf,
        overeenkomst=vast.overeenkomst if vast else jaarschijf.overeenkomst,
        themas=themas,
        mutatietabellen=mutatietabellen,
        standtabellen=standtabellen,
        ondertekenaars=ondertekenaars,
        al_getekend=any(o.ondertekend_op for _, groep in ondertekenaars for o in groep),
        volgend_jaar=Jaarschijf.objects.filter(
            overeenkomst_id=jaarschijf.overeenkomst_id, jaar=jaarschijf.jaar + 1
        ).first(),
        opmerkingen=opmerkingen_per_afspraak.get(None, []),
    )


# ---------------------------------------------------------------------------------------------
# Afspraken lists


def afspraken_van_overeenkomst(user, overeenkomst: Overeenkomst) -> QuerySet[Afspraak]:
    return (
        Afspraak.objects.for_user(user)
        .filter(overeenkomst=overeenkomst)
        .select_related("thema", "parent")
        .prefetch_related("trekkers")
    )


def met_jaarstand(afspraken: QuerySet[Afspraak], jaarschijf: Jaarschijf | None):
    """Annotate each afspraak with its status and text in `jaarschijf` (None: empty)."""
    if jaarschijf is None:
        return afspraken.annotate(
            jaarstatus=Subquery(Jaarafspraak.objects.none().values("status")),
            jaartekst=Subquery(Jaarafspraak.objects.none().values("tekst")),
        )
    in_jaar = Jaarafspraak.objects.filter(jaarschijf=jaarschijf, afspraak=OuterRef("pk"))
    return afspraken.annotate(
        jaarstatus=Subquery(in_jaar.values("status")[:1]),
        jaartekst=Subquery(in_jaar.values("tekst")[:1]),
    )


def partij_toezeggingen(overeenkomst: Overeenkomst, organisatie: Organisatie):
    """Afspraken the organisation leads (trekker) or takes a step in, with its own steps.

    Each afspraak gets `eigen_jaarafspraken`: its jaarafspraken (newest year first) that
    hold steps of this organisation, each with `eigen_stappen`.
    """
    trekker = Afspraak.trekkers.through.objects.filter(organisatie=organisatie).values(
        "afspraak_id"
    )
    met_stap = Stap.objects.filter(
        organisatie=organisatie, jaarafspraak__jaarschijf__overeenkomst=overeenkomst
    ).values("jaarafspraak__afspraak_id")
    return (
        Afspraak.objects.filter(overeenkomst=overeenkomst)
        .filter(Q(pk__in=trekker) | Q(pk__in=met_stap))
        .select_related("thema")
        .prefetch_related(
            "trekkers",
            Prefetch(
                "jaarafspraken",
                queryset=Jaarafspraak.objects.filter(stappen__organisatie=organisatie)
                .distinct()
                .select_related("jaarschijf")
                .order_by("-jaarschijf__jaar")
                .prefetch_related(
                    Prefetch(
                        "stappen",
                        queryset=Stap.objects.filter(organisatie=organisatie),
                        to_attr="eigen_stappen",
                    )
                ),
                to_attr="eigen_jaarafspraken",
            ),
        )
        .order_by("thema__volgorde", "thema_id", "volgorde", "code")
    )


# ---------------------------------------------------------------------------------------------
# SMART check

_CIJFER = re.compile(r"\d")


def smart_gebreken(afspraak: Afspraak) -> list[str]:
    """What makes an afspraak not SMART enough to monitor, as Dutch reasons (empty: fine).

    The rule, deliberately simple so every party can predict it:
    * Specifiek/Toewijsbaar: at least one trekker;
    * Tijdgebonden: a periode is filled in;
    * Meetbaar: a `doel` is filled in, or the inhoud or beoogd resultaat contains a digit
      (a number, percentage, year or date: "320 woningen", "90%", "voor 1 juli").
    Applies to every soort; `trekkers` must be prefetched to keep this query-free.
    """
    gebreken = []
    if not afspraak.trekkers.all():
        gebreken.append(_("geen trekker"))
    if not afspraak.periode.strip():
        gebreken.append(_("geen periode"))
    if not afspraak.doel.strip() and not _CIJFER.search(f"{afspraak.inhoud} {afspraak.resultaat}"):
        gebreken.append(_("niets meetbaars (geen doel en geen getal)"))
    return gebreken


def _smart_kandidaten() -> Q:
    """A database filter that keeps every afspraak smart_gebreken() could fault (and maybe a
    few more), so a national-size overeenkomst does not load its sound afspraken at all.

    Plain ASCII classes on purpose: whatever SQLite's and PostgreSQL's regex make of Unicode,
    a row with an ASCII letter or digit is certainly not blank, and with an ASCII digit
    certainly measurable; smart_gebreken() stays the judge of what is left.
    """
    heeft_trekker = Exists(Afspraak.trekkers.through.objects.filter(afspraak_id=OuterRef("pk")))
    niet_leeg = r"[0-9A-Za-z]"
    getal = r"[0-9]"
    return (
        ~heeft_trekker
        | ~Q(periode__regex=niet_leeg)
        | (~Q(doel__regex=niet_leeg) & ~Q(inhoud__regex=getal) & ~Q(resultaat__regex=getal))
    )


def smart_check(user, overeenkomst: Overeenkomst) -> list[tuple[Afspraak, list[str]]]:
    afspraken = (
        afspraken_van_overeenkomst(user, overeenkomst)
        .filter(_smart_kandidaten())
        .order_by("thema__volgorde", "volgorde", "code")
    )
    result = []
    for afspraak in afspraken:
        gebreken = smart_gebreken(afspraak)
        if gebreken:
            result.append((afspraak, gebreken))
    return result


# ---------------------------------------------------------------------------------------------
# Start page


def jaarschijven_ter_bespreking(user) -> QuerySet[Jaarschijf]:
    return (
        Jaarschijf.objects.for_user(user)
        .filter(status=JaarschijfStatus.TER_BESPREKING)
        .select_related("overeenkomst__gemeente")
        .order_by("-jaar", "overeenkomst__titel")
    )


def jaarschijven_te_ondertekenen(user) -> QuerySet[Jaarschijf]:
    """Vastgesteld jaarschijven the user still has to sign for their organisation.

    Only an ondertekenaar can act on this; a colleague without that role is not asked to.
    """
    act = actor(user)
    if Rol.ONDERTEKENAAR not in act.rollen:
        return Jaarschijf.objects.none()
    organisatie_id = act.organisatie_id
    open_ondertekening = Ondertekening.objects.filter(
        organisatie_id=organisatie_id, ondertekend_op__isnull=True
    ).values("jaarschijf_id")
    return (
        Jaarschijf.objects.for_user(user)
        .filter(status=JaarschijfStatus.VASTGESTELD, pk__in=open_ondertekening)
        .select_related("overeenkomst__gemeente")
        .order_by("-jaar", "overeenkomst__titel")
    )


def jaarschijven_cijfers_aanleveren(user) -> QuerySet[Jaarschijf]:
    """For a corporatie: open jaarschijven of its agreements without any figure of its own."""
    act = actor(user)
    if not act.is_corporatie:
        return Jaarschijf.objects.none()
    return (
        Jaarschijf.objects.for_user(user)
        .filter(
            status__in=[JaarschijfStatus.CONCEPT, JaarschijfStatus.TER_BESPREKING],
            overeenkomst__partijrollen__organisatie_id=act.organisatie_id,
        )
        .exclude(voorraadmutaties__corporatie_id=act.organisatie_id)
        .select_related("overeenkomst__gemeente")
        .order_by("-jaar", "overeenkomst__titel")
    )


@dataclass
class Activiteit:
    wanneer: object
    wie: object
    wat: str
    code: str
    overeenkomst_id: int
    jaar: int | None


_HANDELING = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


def recente_activiteit(user, aantal: int = 10) -> list[Activiteit]:
    """The latest changes to afspraken and jaarafspraken in the user's agreements, and the
    latest remarks on afspraken (remarks on a jaarschijf as a whole name no afspraak)."""
    zichtbaar = Overeenkomst.objects.for_user(user).values("pk")
    afspraken = (
        Afspraak.history.filter(overeenkomst_id__in=zichtbaar)
        .select_related("history_user")
        .only("history_date", "history_type", "history_user", "code", "overeenkomst_id")
        .order_by("-history_date")[:aantal]
    )
    jaarafspraken = (
        Jaarafspraak.history.filter(jaarschijf__overeenkomst_id__in=zichtbaar)
        .select_related("history_user")
        .annotate(
            afspraak_code=Subquery(
                Afspraak.objects.filter(pk=OuterRef("afspraak_id")).values("code")[:1]
            ),
            overeenkomst_pk=Subquery(
                Jaarschijf.objects.filter(pk=OuterRef("jaarschijf_id")).values("overeenkomst_id")[
                    :1
                ]
            ),
            jaarschijf_jaar=Subquery(
                Jaarschijf.objects.filter(pk=OuterRef("jaarschijf_id")).values("jaar")[:1]
            ),
        )
        .order_by("-history_date")[:aantal]
    )
    opmerkingen = (
        Opmerking.objects.for_user(user)
        .filter(jaarafspraak__isnull=False)
        .select_related("auteur", "jaarschijf", "jaarafspraak__afspraak")
        .order_by("-aangemaakt_op")[:aantal]
    )
    items = (
        [
            Activiteit(
                o.aangemaakt_op,
                o.auteur,
                _("opmerking geplaatst"),
                o.jaarafspraak.afspraak.code,
                o.jaarschijf.overeenkomst_id,
                o.jaarschijf.jaar,
            )
            for o in opmerkingen
        ]
        + [
            Activiteit(
                h.history_date,
                h.history_user,
                _HANDELING.get(h.history_type, ""),
                h.code,
                h.overeenkomst_id,
                None,
            )
            for h in afspraken
        ]
        + [
            Activiteit(
                h.history_date,
                h.history_user,
                _HANDELING.get(h.history_type, ""),
                h.afspraak_code or "",
                h.overeenkomst_pk,
                h.jaarschijf_jaar,
            )
            for h in jaarafspraken
        ]
    )
    items.sort(key=lambda a: a.wanneer, reverse=True)
    return items[:aantal]
