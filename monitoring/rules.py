"""Permissions on remarks, asked as `user.has_perm("monitoring.<actie>", obj)` with a
jaarschijf, jaarafspraak or opmerking; afspraken's predicates resolve each to its agreement.
"""

import rules

from afspraken.rules import (
    inhoud_bewerken,
    is_gemeente_van,
    is_trekker,
    lezen,
    partij_overeenkomst_ids,
)
from gemeenten.rules import (
    actor,
    is_beheerder,
    is_corporatie_medewerker,
    is_huurdersorganisatie_lid,
)


@rules.predicate
def is_auteur(user, obj):
    """The user wrote this remark or reply."""
    return getattr(obj, "auteur_id", None) is not None and obj.auteur_id == user.pk


@rules.predicate
def is_niet_verwijderd(user, obj):
    return getattr(obj, "verwijderd_op", None) is None


# Every party comments, in every status: remarks are no content (see models.Opmerking).
rules.add_perm("monitoring.comment", lezen)
# Replying (huurders and corporaties too) in the thread of a remark that still stands.
rules.add_perm("monitoring.reply", lezen & is_niet_verwijderd)
# Marking a remark handled is the gemeente's part: it runs the review.
rules.add_perm("monitoring.handle_opmerking", is_gemeente_van)
# Deleting a remark or reply (a placeholder stays): its author, or the gemeente's beheerder
# who moderates the review. Nobody changes what someone else wrote.
rules.add_perm(
    "monitoring.delete_opmerking",
    is_niet_verwijderd & ((is_auteur & lezen) | (is_gemeente_van & is_beheerder)),
)


# --- Targets, progress, calendar (issue #11) ---------------------------------------------


@rules.predicate
def is_partij_van_doel(user, obj):
    """The user's organisation is the party whose share of a target this is."""
    partij_id = getattr(obj, "partij_id", None)
    return partij_id is not None and partij_id == actor(user).organisatie_id


@rules.predicate
def is_partij_in_gemeente(user, gemeente):
    """The user's organisation is party to an agreement of this gemeente, or works for it."""
    if gemeente is None:
        return False
    act = actor(user)
    if act.is_gemeente and act.gemeente_id == gemeente.pk:
        return True
    from afspraken.models import Overeenkomst

    return Overeenkomst.objects.filter(
        gemeente_id=gemeente.pk, pk__in=partij_overeenkomst_ids(user)
    ).exists()


# Defining targets is the agreement's content, written by the gemeente like its afspraken.
rules.add_perm("monitoring.change_doel", is_gemeente_van)
# Reporting a realised value is progress, by whoever may report the afspraak's voortgang
# (the gemeente, a trekker corporatie) or, for a party's share, a corporatie of that party.
rules.add_perm(
    "monitoring.report_realisatie",
    lezen & (is_gemeente_van | (is_corporatie_medewerker & (is_trekker | is_partij_van_doel))),
)
# The agenda is the jaarschijf's content; ticking an item off is the gemeente's, all year.
rules.add_perm("monitoring.change_agenda", inhoud_bewerken)
rules.add_perm("monitoring.agenda_afronden", is_gemeente_van)
# A gemeente's dashboard and calendar: its staff and the parties of its agreements.
rules.add_perm("monitoring.view_gemeente", is_partij_in_gemeente)
# The Woningwet cycle's deadlines are the gemeente's to set (it runs the cycle).
rules.add_perm("monitoring.change_cyclus", is_gemeente_van)
rules.add_perm("monitoring.view_landelijk", rules.is_superuser)


@rules.predicate
def is_ter_bespreking(user, obj):
    from afspraken.constants import JaarschijfStatus
    from afspraken.rules import jaarschijf_van

    jaarschijf = jaarschijf_van(obj)
    return jaarschijf is not None and jaarschijf.status == JaarschijfStatus.TER_BESPREKING


# The tenants' formal verdict per afspraak, while the parties review the jaarschijf.
rules.add_perm("monitoring.give_zienswijze", is_huurdersorganisatie_lid & lezen & is_ter_bespreking)
