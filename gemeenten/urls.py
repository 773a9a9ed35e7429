from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from gemeenten.views import account, leden, tweestaps

app_name = "gemeenten"

urlpatterns = [
    path("", account.account, name="account"),
    path(
        "inloggen/",
        account.InloggenView.as_view(),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(
            subject_template_name="registration/password_reset_subject.txt",
            email_template_name="registration/password_reset_email.txt",
            success_url=reverse_lazy("gemeenten:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("gemeenten:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-instellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-wijzigen/",
        auth_views.PasswordChangeView.as_view(
            success_url=reverse_lazy("gemeenten:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "wachtwoord-wijzigen/klaar/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("tweestaps/instellen/", tweestaps.instellen, name="tweestaps_instellen"),
    path("tweestaps/controleren/", tweestaps.controleren, name="tweestaps_controleren"),
    path("tweestaps/herstelcodes/", tweestaps.herstelcodes, name="tweestaps_herstelcodes"),
    path("organisaties/<int:organisatie_pk>/leden/", leden.leden, name="leden"),
    path(
        "organisaties/<int:organisatie_pk>/leden/nieuw/",
        leden.lid_toevoegen,
        name="lid_toevoegen",
    ),
    path("leden/<int:lidmaatschap_pk>/rollen/", leden.lid_rollen, name="lid_rollen"),
    path("leden/<int:lidmaatschap_pk>/verwijderen/", leden.lid_verwijderen, name="lid_verwijderen"),
    path("uitnodigen/", leden.uitnodigen, name="uitnodigen"),
]
