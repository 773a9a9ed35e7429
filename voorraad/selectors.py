"""Reads the voorraad pages share, with their joins already applied."""

from django.db.models import QuerySet

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


def categorieen() -> list[Categorie]:
    return list(Categorie.objects.all())


def segmenten() -> list[Segment]:
    return list(Segment.objects.all())
