"""Reads that afspraken's views share: querysets with their joins and prefetches applied.

Every list starts from `Model.objects.for_user(user, "view")`. What combines the agreement
with stock figures and remarks (the jaarschijf page, the start page, the SMART check) is
read in monitoring.selectors, on the floor that may see all of them.
"""

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from afspraken.models import (
    Afspraak,
    Jaarafspraak,
    Jaarschijf,
    Overeenkomst,
    Partij,
    Stap,
    Thema,
)
from gemeenten.models import Organisatie

# ---------------------------------------------------------------------------------------------
# Overeenkomst


def overeenkomsten_voor(user) -> QuerySet[Overeenkomst]:
    return Overeenkomst.objects.for_user(user).select_related("gemeente")


def overeenkomst_basis() -> QuerySet[Overeenkomst]:
    return Overeenkomst.objects.select_related("gemeente")


def overeenkomst_met_inhoud() -> QuerySet[Overeenkomst]:
    """An agreement with its parties (and representatives), themes and jaarschijven."""
    return Overeenkomst.objects.select_related("gemeente").prefetch_related(*overeenkomst_inhoud())


def overeenkomst_inhoud() -> tuple[Prefetch, ...]:
    """What overeenkomst_met_inhoud prefetches, for an overeenkomst loaded already."""
    return (
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
# Jaarschijf


def jaarschijf_met_document() -> QuerySet[Jaarschijf]:
    return Jaarschijf.objects.select_related("overeenkomst", "overeenkomst__gemeente")


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
