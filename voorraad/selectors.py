"""Reads the voorraad pages share, with their joins already applied."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from afspraken.models import Jaarschijf, Partij
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


def gebruikte_perioden(overeenkomst_id: int) -> set[tuple[int, int]]:
    """The periods (jaar_van, jaar_tot) any figure of the agreement uses."""
    return set(
        Voorraadmutatie.objects.filter(jaarschijf__overeenkomst_id=overeenkomst_id)
        .values_list("jaar_van", "jaar_tot")
        .distinct()
    )


def gebruikte_peildata(overeenkomst_id: int) -> set:
    return set(
        Voorraadstand.objects.filter(jaarschijf__overeenkomst_id=overeenkomst_id)
        .values_list("peildatum", flat=True)
        .distinct()
    )


def actief_tot(overeenkomst_id: int, corporatie: Organisatie) -> int | None:
    """The corporatie's last year in the agreement (afspraken.Partij.actief_tot)."""
    return (
        Partij.objects.filter(overeenkomst_id=overeenkomst_id, organisatie=corporatie)
        .values_list("actief_tot", flat=True)
        .first()
    )


def eigen_cijfer(user, jaarschijf: Jaarschijf, corporatie: Organisatie, cel):
    """The corporatie's figure in one cell of its grid (voorraad.services.cel.Cel), if any."""
    sleutel = (
        {"categorie_id": cel.rij_id, "jaar_van": cel.jaar_van, "jaar_tot": cel.jaar_tot}
        if cel.tabel == "m"
        else {"segment_id": cel.rij_id, "peildatum": cel.peildatum}
    )
    return (
        cel.model.objects.for_user(user, "change")
        .filter(jaarschijf=jaarschijf, corporatie=corporatie, soort=cel.soort, **sleutel)
        .first()
    )


@dataclass(frozen=True)
class Wijziging:
    wie: object  # the user, or None for the system (an import, a migration)
    wanneer: object
    oud: int | None
    nieuw: int | None
    soort: str  # "+" created, "~" changed, "-" removed


def wijzigingen(cijfer) -> list[Wijziging]:
    """The figure's history, newest first, each record with the aantal before it."""
    records = list(cijfer.history.select_related("history_user").order_by("history_date", "pk"))
    uit, vorige = [], None
    for record in records:
        if record.history_type == "~" and record.aantal == vorige:
            vorige = record.aantal
            continue  # a change of another field (toelichting): no change of the cell
        uit.append(
            Wijziging(
                record.history_user, record.history_date, vorige, record.aantal, record.history_type
            )
        )
        vorige = record.aantal
    return uit[::-1]
