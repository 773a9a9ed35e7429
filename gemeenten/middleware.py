"""Two-factor authentication as a gate: until a user has passed their second factor in this
session, they reach only the pages that get them there (and logout).

- A user with a confirmed device goes to the verify step after the password login.
- A user for whom two-factor is required (`gemeenten.rules.moet_tweestaps`: ondertekenaars,
  beheerders, superusers) and who has no device yet goes to the setup page.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

from gemeenten.rules import moet_tweestaps


class TweestapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        doel = self._doel(request)
        if doel is not None:
            return redirect(f"{reverse(doel)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _doel(self, request):
        """The URL name the user must go to first, or None to let the request through."""
        user = request.user
        if not settings.TWEESTAPS_VERPLICHT or not user.is_authenticated or user.is_verified():
            return None
        if user_has_device(user):
            doel = "gemeenten:tweestaps_controleren"
        elif moet_tweestaps(user):
            doel = "gemeenten:tweestaps_instellen"
        else:
            return None
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            return None
        # Only the step itself and logging out stay open.
        return None if view_name in {doel, "gemeenten:logout"} else doel
