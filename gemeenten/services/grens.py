"""The ground floor's write boundary: who may act, asked of the acting person (`door`)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


class Geweigerd(PermissionDenied):
    """The acting person may not do this; the message says so in Dutch. Raised by the write
    boundary of every floor (afspraken.services.grens raises it too)."""

    def __init__(self, message=None):
        self.message = message or _("U mag dit niet wijzigen.")
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


def _mag(door, perm: str, obj) -> None:
    if door is None or not door.has_perm(perm, obj):
        raise Geweigerd()
