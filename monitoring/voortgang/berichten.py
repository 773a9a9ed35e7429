"""A person's own choice of e-mails (issue #11, point 6): which kinds they switched off."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gebruiker
from gemeenten.services import Geweigerd
from monitoring.constants import Berichtsoort
from monitoring.models_voortgang import Berichtinstelling


@transaction.atomic
def berichtinstelling_bijwerken(*, door: Gebruiker, uit: list[str]) -> Berichtinstelling:
    """Only for oneself: the kinds in `uit` are no longer mailed to `door`."""
    if door is None or not getattr(door, "is_authenticated", False):
        raise Geweigerd()
    if onbekend := set(uit) - set(Berichtsoort.values):
        raise ValidationError(
            _("Onbekende soort bericht: %(soort)s") % {"soort": ", ".join(sorted(onbekend))}
        )
    instelling, _nieuw = Berichtinstelling.objects.get_or_create(gebruiker=door)
    instelling.uit = sorted(set(uit))
    instelling.save()
    return instelling
