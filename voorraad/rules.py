"""Permissions on stock figures: a corporatie edits only its own, in agreements it is party to."""

import rules

from afspraken.rules import inhoud_bewerken, is_bewerkbaar, is_partij
from gemeenten.rules import actor, is_corporatie_medewerker


@rules.predicate
def is_eigen_corporatie(user, cijfer):
    """The figure is the user's corporatie's (`cijfer`: a Voorraadmutatie or Voorraadstand).

    Anything without a corporatie (a jaarschijf, an overeenkomst) is nobody's figure: comparing
    its pk with the user's organisation id would grant rights by coincidence of numbers.
    """
    corporatie_id = getattr(cijfer, "corporatie_id", None)
    return corporatie_id is not None and corporatie_id == actor(user).organisatie_id


rules.add_perm("voorraad.view_cijfer", is_partij)
rules.add_perm(
    "voorraad.change_cijfer",
    is_corporatie_medewerker & is_eigen_corporatie & is_partij & is_bewerkbaar,
)
# The page where a corporatie delivers its figures for a jaarschijf: asked on the jaarschijf,
# by the view, the link on the jaarschijf page and the tests. Which figures it may touch
# there is `change_cijfer` / `for_user(user, "change")`: only its own.
rules.add_perm(
    "voorraad.change_cijfers_van_jaarschijf",
    is_corporatie_medewerker & is_partij & is_bewerkbaar,
)
# A note under a table: the gemeente under any, a corporatie under its own (the service
# voorraad.services.tabelnoot_toevoegen tells which). A transfer is the gemeente's content.
rules.add_perm(
    "voorraad.add_tabelnoot",
    inhoud_bewerken | (is_corporatie_medewerker & is_partij & is_bewerkbaar),
)
rules.add_perm("voorraad.add_voorraadoverdracht", inhoud_bewerken)
