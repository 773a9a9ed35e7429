"""Permissions on agreements: one predicate per question, each asked by views, templates,
admin and tests through `user.has_perm("afspraken.<actie>", obj)`.

Rights follow from the user's organisation being a party to the agreement (DESIGN §1).
Objects of any level (overeenkomst, thema, afspraak, jaarschijf, jaarafspraak, stap,
ondertekening, and an upper app's object with one of those fields, such as monitoring's
opmerking) are resolved to their overeenkomst first.
"""

import rules

from afspraken.constants import JaarschijfStatus
from gemeenten.rules import (
    actor,
    is_corporatie_medewerker,
    is_gemeente_medewerker,
    is_ondertekenaar,
)


def partij_overeenkomst_ids(user) -> frozenset:
    """Ids of the agreements the user's organisation is a party to (cached on the user)."""
    cached = getattr(user, "_driehoek_partij_ids", None)
    if cached is not None:
        return cached
    from afspraken.models import Partij

    organisatie_id = actor(user).organisatie_id
    ids = frozenset(
        Partij.objects.filter(organisatie_id=organisatie_id).values_list(
            "overeenkomst_id", flat=True
        )
        if organisatie_id
        else ()
    )
    user._driehoek_partij_ids = ids
    return ids


def _overeenkomst_van(obj):
    """The agreement an object belongs to, following the cheapest path to it."""
    from afspraken.models import Overeenkomst

    if obj is None or isinstance(obj, Overeenkomst):
        return obj
    for pad in ("overeenkomst", "jaarschijf", "jaarafspraak", "afspraak"):
        if hasattr(obj, pad):
            return _overeenkomst_van(getattr(obj, pad))
    return None


def jaarschijf_van(obj):
    from afspraken.models import Jaarschijf

    if obj is None or isinstance(obj, Jaarschijf):
        return obj
    for pad in ("jaarschijf", "jaarafspraak"):
        if hasattr(obj, pad):
            return jaarschijf_van(getattr(obj, pad))
    return None


@rules.predicate
def is_partij(user, obj):
    """The user's organisation is a party, or the user works for the agreement's gemeente."""
    overeenkomst = _overeenkomst_van(obj)
    if overeenkomst is None:
        return False
    act = actor(user)
    return overeenkomst.pk in partij_overeenkomst_ids(user) or (
        act.is_gemeente and act.gemeente_id == overeenkomst.gemeente_id
    )


@rules.predicate
def is_gemeente_van(user, obj):
    """The user works for the gemeente whose agreement this is."""
    act = actor(user)
    if not act.is_gemeente:
        return False
    if obj is not None and obj.__class__.__name__ == "Gemeente":
        return obj.pk == act.gemeente_id
    overeenkomst = _overeenkomst_van(obj)
    return overeenkomst is not None and overeenkomst.gemeente_id == act.gemeente_id


@rules.predicate
def is_trekker(user, obj):
    """The user's organisation is trekker of the afspraak (of a jaarafspraak or stap)."""
    from afspraken.models import Afspraak

    afspraak = obj
    while afspraak is not None and not isinstance(afspraak, Afspraak):
        afspraak = getattr(afspraak, "afspraak", None) or getattr(afspraak, "jaarafspraak", None)
    organisatie_id = actor(user).organisatie_id
    if afspraak is None or organisatie_id is None:
        return False
    trekkers = getattr(afspraak, "_prefetched_objects_cache", {}).get("trekkers")
    if trekkers is not None:
        return any(t.pk == organisatie_id for t in trekkers)
    return afspraak.trekkers.filter(pk=organisatie_id).exists()


@rules.predicate
def is_bewerkbaar(user, obj):
    """Content may change: the jaarschijf (if any) is not vastgesteld or ondertekend."""
    jaarschijf = jaarschijf_van(obj)
    return jaarschijf is None or not jaarschijf.is_bevroren


@rules.predicate
def is_vastgesteld(user, obj):
    jaarschijf = jaarschijf_van(obj)
    return jaarschijf is not None and jaarschijf.status == JaarschijfStatus.VASTGESTELD


@rules.predicate
def is_eigen_ondertekening(user, obj):
    """An Ondertekening line of the user's own organisation."""
    organisatie_id = getattr(obj, "organisatie_id", None)
    return organisatie_id is not None and organisatie_id == actor(user).organisatie_id


@rules.predicate
def is_niet_ondertekend(user, obj):
    """A signature is placed once; signing again would overwrite who signed and when."""
    return getattr(obj, "ondertekend_op", None) is None


def met_recht(user, perm: str, objecten) -> set:
    """Pks of the `objecten` on which `user` has `perm`: the answer `user.has_perm(perm, obj)`
    gives for each, asked of the rules registry directly. Pages with hundreds of rows would
    otherwise run Django's loop over every auth backend per row. The active superuser, whom
    Django allows everything before asking any backend, keeps that here."""
    objecten = list(objecten)
    if user.is_active and user.is_superuser:
        return {obj.pk for obj in objecten}
    return {obj.pk for obj in objecten if rules.has_perm(perm, user, obj)}


lezen = is_partij
inhoud_bewerken = is_gemeente_van & is_bewerkbaar

rules.add_perm("afspraken.view_overeenkomst", lezen)
rules.add_perm("afspraken.add_overeenkomst", is_gemeente_medewerker & is_gemeente_van)
rules.add_perm("afspraken.change_overeenkomst", is_gemeente_van)
rules.add_perm("afspraken.change_inhoud", inhoud_bewerken)
rules.add_perm("afspraken.change_status", is_gemeente_van)
# A wijziging of a signed jaarschijf is a lifecycle step like the others: the gemeente's.
rules.add_perm("afspraken.start_wijziging", is_gemeente_van)
# Progress is reported by the gemeente and by corporaties that are trekker; huurders read
# and comment but edit nothing, even where they share an afspraak ("allen").
rules.add_perm(
    "afspraken.change_voortgang",
    lezen & (is_gemeente_van | (is_corporatie_medewerker & is_trekker)),
)
rules.add_perm("afspraken.export", lezen)
# Correcting any record in the Django admin (afspraken.services.beheer): superusers only.
rules.add_perm("afspraken.beheer", rules.is_superuser)
rules.add_perm(
    "afspraken.sign",
    is_ondertekenaar & is_partij & is_vastgesteld & is_eigen_ondertekening & is_niet_ondertekend,
)
# The last signature completes the jaarschijf (afspraken.services.jaarschijf_ondertekend_
# verklaren, which also requires every line signed): the last signatory may be of any party.
rules.add_perm("afspraken.complete_signing", is_gemeente_van | (is_ondertekenaar & is_partij))
