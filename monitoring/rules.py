"""Permissions on remarks, asked as `user.has_perm("monitoring.<actie>", obj)` with a
jaarschijf, jaarafspraak or opmerking; afspraken's predicates resolve each to its agreement.
"""

import rules

from afspraken.rules import is_gemeente_van, lezen

# Every party comments, in every status: remarks are no content (see models.Opmerking).
rules.add_perm("monitoring.comment", lezen)
# Marking a remark handled is the gemeente's part: it runs the review.
rules.add_perm("monitoring.handle_opmerking", is_gemeente_van)
