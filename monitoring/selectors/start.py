"""The start page as a task list (issue #15, point 1): per kind of task what waits for the
user, with counts, each leading to the exact place; and what changed lately in their
agreements. A fixed number of queries, whatever the number of agreements and afspraken."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Ondertekening, Overeenkomst
from gemeenten.constants import Rol
from gemeenten.rules import actor
from monitoring.kalender import KalenderItem
from monitoring.models import Opmerking
from monitoring.models_voortgang import Agendapunt, Voortgangsmelding, Zienswijze
from monitoring.selectors.kalender import cyclus
from voorraad.models import Voorraadmutatie

# Deadlines this many days ahead count as "soon" on the start page.
BINNENKORT_DAGEN = 30


@dataclass
class Aantal:
    """One jaarschijf in a task list, with how many things wait there (afspraken, remarks)."""

    jaarschijf_id: int
    jaar: int
    gemeente: str
    titel: str
    aantal: int
    totaal: int = 0


@dataclass
class Werk:
    """What waits for one person, per kind of task; each list is one card on the start page
    and its length (or summed `aantal`) the count in the card's heading."""

    te_bespreken: list = field(default_factory=list)
    concept_afronden: list = field(default_factory=list)
    cijfers_aanleveren: list = field(default_factory=list)
    zienswijzen_geven: list = field(default_factory=list)
    te_ondertekenen: list = field(default_factory=list)
    opmerkingen_afhandelen: list = field(default_factory=list)
    voortgang_melden: list = field(default_factory=list)
    termijnen_verlopen: list = field(default_factory=list)
    termijnen_binnenkort: list = field(default_factory=list)

    @property
    def aantal_opmerkingen(self) -> int:
        return sum(r.aantal for r in self.opmerkingen_afhandelen)

    @property
    def aantal_zienswijzen(self) -> int:
        return sum(r.aantal for r in self.zienswijzen_geven)

    @property
    def aantal_voortgang(self) -> int:
        return sum(r.aantal for r in self.voortgang_melden)

    @property
    def aantal_termijnen(self) -> int:
        return len(self.termijnen_verlopen) + len(self.termijnen_binnenkort)

    @property
    def iets(self) -> bool:
        return any(
            (
                self.te_bespreken,
                self.concept_afronden,
                self.cijfers_aanleveren,
                self.zienswijzen_geven,
                self.te_ondertekenen,
                self.opmerkingen_afhandelen,
                self.voortgang_melden,
                self.termijnen_verlopen,
                self.termijnen_binnenkort,
            )
        )


def _open_jaarschijven(user, act) -> list[Jaarschijf]:
    """The jaarschijven still moving (concept, ter bespreking, vastgesteld) of the user's
    agreements, in one query, annotated with what each role's card needs of them."""
    org = act.organisatie_id
    qs = (
        Jaarschijf.objects.for_user(user)
        .filter(
            status__in=[
                JaarschijfStatus.CONCEPT,
                JaarschijfStatus.TER_BESPREKING,
                JaarschijfStatus.VASTGESTELD,
            ]
        )
        .select_related("overeenkomst__gemeente")
        .order_by("-jaar", "overeenkomst__titel", "pk")
    )
    if act.is_corporatie:
        qs = qs.annotate(
            eigen_cijfers=Exists(
                Voorraadmutatie.objects.filter(jaarschijf=OuterRef("pk"), corporatie_id=org)
            )
        )
    if Rol.ONDERTEKENAAR in act.rollen:
        qs = qs.annotate(
            te_tekenen=Exists(
                Ondertekening.objects.filter(
                    jaarschijf=OuterRef("pk"), organisatie_id=org, ondertekend_op__isnull=True
                )
            )
        )
    if act.is_huurdersorganisatie:
        qs = qs.annotate(
            aantal_afspraken=_telling(Jaarafspraak.objects.filter(jaarschijf=OuterRef("pk"))),
            eigen_zienswijzen=_telling(
                Zienswijze.objects.filter(
                    jaarafspraak__jaarschijf=OuterRef("pk"), organisatie_id=org
                )
            ),
        )
    return list(qs)


def _telling(qs) -> Coalesce:
    """COUNT(*) of `qs` as a subquery (0 when empty), so counting adds no query. COUNT as a
    plain function: an aggregate would make Django group the subquery."""
    telling = qs.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")[:1]
    return Coalesce(Subquery(telling), 0)


def _opmerkingen_afhandelen(user, act) -> list[Aantal]:
    """Per jaarschijf the remarks still open, for who handles them (the gemeente)."""
    if not act.is_gemeente:
        return []
    # A deleted remark (a placeholder in its thread, #11 point 5) waits for nothing, as in
    # the jaarschijf page's "Open opmerkingen (n)" (monitoring.selectors.opmerkingen).
    rijen = (
        Opmerking.objects.for_user(user)
        .filter(
            afgehandeld=False,
            verwijderd_op__isnull=True,
            jaarschijf__overeenkomst__gemeente_id=act.gemeente_id,
        )
        .values(
            "jaarschijf_id",
            "jaarschijf__jaar",
            "jaarschijf__overeenkomst__gemeente__naam",
            "jaarschijf__overeenkomst__titel",
        )
        .annotate(aantal=Count("pk"))
        .order_by("-jaarschijf__jaar", "jaarschijf__overeenkomst__titel", "jaarschijf_id")
    )
    return [
        Aantal(
            r["jaarschijf_id"],
            r["jaarschijf__jaar"],
            r["jaarschijf__overeenkomst__gemeente__naam"],
            r["jaarschijf__overeenkomst__titel"],
            r["aantal"],
        )
        for r in rijen
    ]


def _voortgang_melden(user, act, vandaag: datetime.date) -> list[Aantal]:
    """Per agreed jaarschijf of this year: the afspraken the user's organisation leads, and
    how many of them have no progress report yet."""
    if act.organisatie_id is None or not (act.is_corporatie or act.is_gemeente):
        return []
    jaar = vandaag.year
    jaarschijven = (
        Jaarschijf.objects.for_user(user)
        .filter(
            status__in=[JaarschijfStatus.VASTGESTELD, JaarschijfStatus.ONDERTEKEND],
            jaar__lte=jaar,
        )
        .filter(Q(jaar=jaar) | Q(tot_jaar__gte=jaar))
    )
    rijen = (
        Jaarafspraak.objects.filter(
            jaarschijf__in=jaarschijven, afspraak__trekkers=act.organisatie_id
        )
        .annotate(gemeld=Exists(Voortgangsmelding.objects.filter(jaarafspraak=OuterRef("pk"))))
        .values(
            "jaarschijf_id",
            "jaarschijf__jaar",
            "jaarschijf__overeenkomst__gemeente__naam",
            "jaarschijf__overeenkomst__titel",
        )
        .annotate(totaal=Count("pk", distinct=True), aantal=Count("pk", filter=Q(gemeld=False)))
        .order_by("-jaarschijf__jaar", "jaarschijf__overeenkomst__titel", "jaarschijf_id")
    )
    return [
        Aantal(
            r["jaarschijf_id"],
            r["jaarschijf__jaar"],
            r["jaarschijf__overeenkomst__gemeente__naam"],
            r["jaarschijf__overeenkomst__titel"],
            r["aantal"],
            r["totaal"],
        )
        for r in rijen
        if r["aantal"]
    ]


def _termijnen(user, act, gemeenten, vandaag: datetime.date) -> tuple[list, list]:
    """Agenda rows that concern the user's organisation, overdue or due within
    BINNENKORT_DAGEN (one query), and the Woningwet cycle's deadlines in that window (one
    query, for the gemeente and the corporaties)."""
    if act.organisatie_id is None:
        return [], []
    grens = vandaag + datetime.timedelta(days=BINNENKORT_DAGEN)
    betreft = Q(wie=act.organisatie_id)
    if act.is_gemeente:
        betreft |= Q(wie__isnull=True, jaarschijf__overeenkomst__gemeente_id=act.gemeente_id)
    punten = list(
        Agendapunt.objects.for_user(user)
        .filter(betreft, datum__lte=grens, afgerond=False)
        .select_related("jaarschijf__overeenkomst__gemeente")
        .order_by("datum", "id")
        .distinct()[:40]
    )
    verlopen = [p for p in punten if p.datum < vandaag]
    binnenkort = [
        KalenderItem(
            datum=p.datum,
            wanneer=p.wanneer,
            wat=p.wat,
            soort=p.soort,
            gemeente=p.jaarschijf.overeenkomst.gemeente,
            jaarschijf=p.jaarschijf,
            agendapunt=p,
        )
        for p in punten
        if p.datum >= vandaag
    ]
    # The cycle is the gemeente's to run and the corporaties' to deliver to (their bod);
    # the huurders are asked when there is something to review or sign.
    if act.is_gemeente or act.is_corporatie:
        binnenkort += [
            item
            for item in cyclus(gemeenten, sorted({vandaag.year, grens.year}))
            if vandaag <= item.datum <= grens
        ]
    binnenkort.sort(key=lambda i: (i.datum, str(i.wat)))
    return verlopen, binnenkort


def wat_wacht(user, gemeenten=(), vandaag: datetime.date | None = None) -> Werk:
    """Everything that waits for the user, per kind of task, in a fixed number of queries:
    `gemeenten` are those of the user's agreements (the view has them already)."""
    vandaag = vandaag or timezone.localdate()
    act = actor(user)
    werk = Werk()
    for js in _open_jaarschijven(user, act):
        if js.status == JaarschijfStatus.TER_BESPREKING:
            werk.te_bespreken.append(js)
        if js.status == JaarschijfStatus.CONCEPT and user.has_perm("afspraken.change_status", js):
            werk.concept_afronden.append(js)
        if getattr(js, "te_tekenen", False):
            werk.te_ondertekenen.append(js)
        if act.is_corporatie and user.has_perm("voorraad.change_cijfers_van_jaarschijf", js):
            werk.cijfers_aanleveren.append(js)
        if act.is_huurdersorganisatie and user.has_perm("monitoring.give_zienswijze", js):
            open_ = js.aantal_afspraken - js.eigen_zienswijzen
            if open_ > 0:
                werk.zienswijzen_geven.append(
                    Aantal(
                        js.pk,
                        js.jaar,
                        js.overeenkomst.gemeente.naam,
                        js.overeenkomst.titel,
                        open_,
                        js.aantal_afspraken,
                    )
                )
    werk.opmerkingen_afhandelen = _opmerkingen_afhandelen(user, act)
    werk.voortgang_melden = _voortgang_melden(user, act, vandaag)
    werk.termijnen_verlopen, werk.termijnen_binnenkort = _termijnen(user, act, gemeenten, vandaag)
    return werk


@dataclass
class Activiteit:
    wanneer: object
    wie: object
    wat: str
    code: str
    overeenkomst_id: int
    jaar: int | None


_HANDELING = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


def _afspraak_wijzigingen(zichtbaar, aantal: int) -> list[Activiteit]:
    historie = (
        Afspraak.history.filter(overeenkomst_id__in=zichtbaar)
        .select_related("history_user")
        .only("history_date", "history_type", "history_user", "code", "overeenkomst_id")
        .order_by("-history_date")[:aantal]
    )
    return [
        Activiteit(
            h.history_date,
            h.history_user,
            _HANDELING.get(h.history_type, ""),
            h.code,
            h.overeenkomst_id,
            None,
        )
        for h in historie
    ]


def _jaarafspraak_wijzigingen(zichtbaar, aantal: int) -> list[Activiteit]:
    # The afspraak's code and the jaarschijf's year as subqueries: a historical row has no
    # joinable relations, and a query per row is what this avoids.
    jaarschijf = Jaarschijf.objects.filter(pk=OuterRef("jaarschijf_id"))
    historie = (
        Jaarafspraak.history.filter(jaarschijf__overeenkomst_id__in=zichtbaar)
        .select_related("history_user")
        .annotate(
            afspraak_code=Subquery(
                Afspraak.objects.filter(pk=OuterRef("afspraak_id")).values("code")[:1]
            ),
            overeenkomst_pk=Subquery(jaarschijf.values("overeenkomst_id")[:1]),
            jaarschijf_jaar=Subquery(jaarschijf.values("jaar")[:1]),
        )
        .order_by("-history_date")[:aantal]
    )
    return [
        Activiteit(
            h.history_date,
            h.history_user,
            _HANDELING.get(h.history_type, ""),
            h.afspraak_code or "",
            h.overeenkomst_pk,
            h.jaarschijf_jaar,
        )
        for h in historie
    ]


def _geplaatste_opmerkingen(user, aantal: int) -> list[Activiteit]:
    opmerkingen = (
        Opmerking.objects.for_user(user)
        .filter(jaarafspraak__isnull=False)
        .select_related("auteur", "jaarschijf", "jaarafspraak__afspraak")
        .order_by("-aangemaakt_op")[:aantal]
    )
    return [
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


def recente_activiteit(user, aantal: int = 10) -> list[Activiteit]:
    """The latest changes to afspraken and jaarafspraken in the user's agreements, and the
    latest remarks on afspraken (remarks on a jaarschijf as a whole name no afspraak)."""
    zichtbaar = Overeenkomst.objects.for_user(user).values("pk")
    items = (
        _geplaatste_opmerkingen(user, aantal)
        + _afspraak_wijzigingen(zichtbaar, aantal)
        + _jaarafspraak_wijzigingen(zichtbaar, aantal)
    )
    items.sort(key=lambda a: a.wanneer, reverse=True)
    return items[:aantal]
