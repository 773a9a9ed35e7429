"""django-axes with a limit per kind of lockout: per account from one address, per account
from anywhere, and per address over all accounts (password spraying).

Axes (8.3) counts failures for each entry of AXES_LOCKOUT_PARAMETERS but compares them all
with the one AXES_FAILURE_LIMIT. Spraying (80 attempts over 20 accounts from one address:
four per account) stays under any limit that is fair to one person mistyping, so each entry
gets its own limit here (settings.INLOGSLOT_LIMIETEN), scaled onto AXES_FAILURE_LIMIT for
axes' own comparison. A successful login resets only that account's failures from that
address: one valid account must not wipe the address's count of failures on others.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def _sleutel(parameter) -> tuple[str, ...]:
    return (parameter,) if isinstance(parameter, str) else tuple(parameter)


class InlogslotHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        limiet = settings.AXES_FAILURE_LIMIT
        parameters = get_lockout_parameters(request, credentials)
        pogingen = self.get_user_attempts(request, credentials)
        hoogste = 0
        for parameter, attempts in zip(parameters, pogingen, strict=True):
            eigen = settings.INLOGSLOT_LIMIETEN.get(_sleutel(parameter), limiet)
            som = attempts.aggregate(som=Sum("failures_since_start"))["som"] or 0
            # At or over its own limit <=> at or over axes' one limit after scaling.
            hoogste = max(hoogste, som * limiet // eigen)
        return hoogste

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        aantal, _soorten = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address
        ).delete()
        return aantal
