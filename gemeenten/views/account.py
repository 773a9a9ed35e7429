from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django_otp import user_has_device

from gemeenten.models import Organisatie
from gemeenten.rules import BEHEREN


@login_required
def account(request):
    """The user's own account: password, two-factor, and the pages their roles open."""
    return render(
        request,
        "gemeenten/account.html",
        {
            "beheerde_organisaties": Organisatie.objects.for_user(request.user, BEHEREN),
            "heeft_tweestaps": user_has_device(request.user),
            "lidmaatschappen": request.user.lidmaatschappen.select_related("organisatie"),
        },
    )
