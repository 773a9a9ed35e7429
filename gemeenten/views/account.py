from django.contrib.auth import views as auth_views
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


class InloggenView(auth_views.LoginView):
    """Django's login page, with the username already filled in when the link names the
    person (`?gebruiker=`, as the signing page reads it): the mails that bring a party to a
    jaarschijf, its agenda or a remark's thread (monitoring.berichten, links.inloglink) link
    here, so the person types only the password."""

    redirect_authenticated_user = True

    def get_initial(self):
        return {**super().get_initial(), "username": self.request.GET.get("gebruiker", "")}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if form.initial.get("username") and not form.is_bound:
            # The cursor where the person starts typing: the password.
            form.fields["username"].widget.attrs.pop("autofocus", None)
            form.fields["password"].widget.attrs["autofocus"] = True
        return form
