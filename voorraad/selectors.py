"""Reads the voorraad pages share, with their joins already applied."""

from django.db.models import Q, QuerySet

from afspraken.models import Jaarschijf
from gemeenten.models import Organisatie
from gemeenten.rules import actor
from voorraad.models import Categorie, Segment, Voorraadmutatie, Voorraadstand


def eigen_corporatie(user) -> Organisatie | None:
    """The corporatie the user delivers figures for; None for anyone else (a superuser too)."""
    act = actor(user)
    if not act.is_corporatie:
        return None
    return Organisatie.objects.get(pk=act.organisatie_id)


def eigen_mutaties(user, jaarschijf: Jaarschijf, corporatie: Organisatie) -> QuerySet:
    """The corporatie's mutations in the jaarschijf, as far as the user may change them."""
    return (
        Voorraadmutatie.objects.for_user(user, "change")
        .filter(jaarschijf=jaarschijf, corporatie=corporatie)
        .select_related("categorie")
        .order_by("categorie__volgorde", "categorie__naam", "jaar_van", "jaar_tot", "soort")
    )


def eigen_standen(user, jaarschijf: Jaarschijf, corporatie: Organisatie) -> QuerySet:
    return (
        Voorraadstand.objects.for_user(user, "change")
        .filter(jaarschijf=jaarschijf, corporatie=corporatie)
        .select_related("segment")
        .order_by("segment__volgorde", "segment__naam", "peildatum", "soort")
    )


def _lijst(model, overeenkomst_id: int) -> list:
    """The agreement's own rows and the default rows it has no own row of the same name for."""
    rijen = list(
        model.objects.filter(Q(overeenkomst_id=overeenkomst_id) | Q(overeenkomst__isnull=True))
    )
    eigen = {r.naam.lower() for r in rijen if r.overeenkomst_id is not None}
    return [r for r in rijen if r.overeenkomst_id is not None or r.naam.lower() not in eigen]


def categorieen(overeenkomst_id: int) -> list[Categorie]:
    return _lijst(Categorie, overeenkomst_id)


def segmenten(overeenkomst_id: int) -> list[Segment]:
    return _lijst(Segment, overeenkomst_id)
