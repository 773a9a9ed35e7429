"""The start page: what waits for the user, and what changed lately in their agreements."""

from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from afspraken.constants import JaarschijfStatus
from afspraken.models import Afspraak, Jaarafspraak, Jaarschijf, Ondertekening, Overeenkomst
from gemeenten.constants import Rol
from gemeenten.rules import actor
from monitoring.models import Opmerking
from monitoring.selectors.kalender import verlopen_voor


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


def agendapunten_verlopen(user):
    """Overdue agenda rows that concern the user's organisation (monitoring.selectors.kalender)."""
    return verlopen_voor(user)
