"""Organisation beheerders manage their members and bring people in; nobody else does
(`gemeenten.uitnodigen`, DESIGN §5). Both invite pages answer alike whether or not an address
already has an account (see services.lid_uitnodigen)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rules.contrib.views import objectgetter, permission_required

from gemeenten import services
from gemeenten.constants import Rol
from gemeenten.forms import LidToevoegenForm, RollenForm, UitnodigenForm, fouten_overnemen
from gemeenten.models import Lidmaatschap, Organisatie
from gemeenten.rules import BEHEREN, toekenbare_rollen

organisatie_van_url = objectgetter(Organisatie, "organisatie_pk")
lidmaatschap_van_url = objectgetter(
    Lidmaatschap.objects.select_related("gebruiker", "organisatie"), "lidmaatschap_pk"
)


def _basis_url(request):
    return request.build_absolute_uri("/")


@login_required
@permission_required("gemeenten.beheer_leden", fn=organisatie_van_url, raise_exception=True)
def leden(request, organisatie_pk):
    organisatie = get_object_or_404(Organisatie, pk=organisatie_pk)
    rijen = (
        Lidmaatschap.objects.for_user(request.user, BEHEREN)
        .filter(organisatie=organisatie)
        .select_related("gebruiker")
        .order_by("gebruiker__last_name", "gebruiker__first_name", "gebruiker_id", "rol")
    )
    personen = {}
    for lid in rijen:
        persoon = personen.setdefault(
            lid.gebruiker_id, {"gebruiker": lid.gebruiker, "lid": lid, "rollen": []}
        )
        persoon["rollen"].append(lid.get_rol_display())
    return render(
        request,
        "gemeenten/leden.html",
        {"organisatie": organisatie, "personen": list(personen.values())},
    )


def _uitgenodigd(request, *, organisatie, data, rollen):
    """Invite, then say the same whatever became of the address (services.lid_uitnodigen)."""
    services.lid_uitnodigen(
        organisatie=organisatie,
        voornaam=data["voornaam"],
        achternaam=data["achternaam"],
        email=data["email"],
        functie=data["functie"],
        rollen=rollen,
        door=request.user,
        basis_url=_basis_url(request),
    )
    messages.success(
        request,
        _(
            "%(naam)s is uitgenodigd voor %(organisatie)s; het opgegeven adres krijgt een "
            "e-mail. Hoort dat adres al bij een account in Driehoek, dan wordt niemand "
            "toegevoegd en leest de eigenaar van het adres dat in de e-mail."
        )
        % {"naam": f"{data['voornaam']} {data['achternaam']}", "organisatie": organisatie},
    )


@login_required
@permission_required("gemeenten.uitnodigen", fn=organisatie_van_url, raise_exception=True)
def lid_toevoegen(request, organisatie_pk):
    organisatie = get_object_or_404(Organisatie, pk=organisatie_pk)
    form = LidToevoegenForm(request.POST or None, door=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            _uitgenodigd(
                request,
                organisatie=organisatie,
                data=form.cleaned_data,
                rollen=set(form.cleaned_data["rollen"]),
            )
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        else:
            return redirect("gemeenten:leden", organisatie_pk=organisatie.pk)
    return render(
        request, "gemeenten/lid_toevoegen.html", {"organisatie": organisatie, "form": form}
    )


@login_required
@permission_required("gemeenten.beheer_leden", fn=lidmaatschap_van_url, raise_exception=True)
def lid_rollen(request, lidmaatschap_pk):
    lid = lidmaatschap_van_url(request, lidmaatschap_pk=lidmaatschap_pk)
    huidige = set(
        Lidmaatschap.objects.filter(
            gebruiker=lid.gebruiker, organisatie=lid.organisatie
        ).values_list("rol", flat=True)
    )
    form = RollenForm(
        request.POST or None,
        door=request.user,
        initial={
            "rollen": sorted(huidige & toekenbare_rollen(request.user)),
            "rollen_bij_openen": ",".join(sorted(huidige)),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.lid_rollen_wijzigen(
                gebruiker=lid.gebruiker,
                organisatie=lid.organisatie,
                rollen=set(form.cleaned_data["rollen"]),
                rollen_bij_openen=form.cleaned_data["rollen_bij_openen"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        else:
            messages.success(
                request, _("De rollen van %(naam)s zijn gewijzigd.") % {"naam": lid.gebruiker}
            )
            return redirect("gemeenten:leden", organisatie_pk=lid.organisatie_id)
    return render(request, "gemeenten/lid_rollen.html", {"lid": lid, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@permission_required("gemeenten.beheer_leden", fn=lidmaatschap_van_url, raise_exception=True)
def lid_verwijderen(request, lidmaatschap_pk):
    lid = lidmaatschap_van_url(request, lidmaatschap_pk=lidmaatschap_pk)
    fout = None
    if request.method == "POST":
        try:
            services.lidmaatschap_beeindigen(
                gebruiker=lid.gebruiker, organisatie=lid.organisatie, door=request.user
            )
        except ValidationError as e:
            fout = e.messages
        else:
            messages.success(request, _("%(naam)s is geen lid meer.") % {"naam": lid.gebruiker})
            return redirect("gemeenten:leden", organisatie_pk=lid.organisatie_id)
    return render(request, "gemeenten/lid_verwijderen.html", {"lid": lid, "fouten": fout})


@login_required
@permission_required("gemeenten.uitnodigen", raise_exception=True)
def uitnodigen(request):
    form = UitnodigenForm(request.POST or None, door=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            _uitgenodigd(
                request,
                organisatie=form.cleaned_data["organisatie"],
                data=form.cleaned_data,
                rollen={Rol.MEDEWERKER},
            )
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        else:
            return redirect("gemeenten:uitnodigen")
    return render(request, "gemeenten/uitnodigen.html", {"form": form})
