"""Writes on people and memberships. Every function checks what `door` may do itself, so a
view, a command or a test cannot hand out more than the rules allow.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Lidmaatschap, Organisatie
from gemeenten.rules import toekenbare_rollen
from gemeenten.services.grens import Geweigerd


def _check_rollen(*, rollen: set[str], door: Gebruiker) -> None:
    if not rollen:
        raise ValidationError({"rollen": _("Kies minstens één rol.")})
    te_veel = set(rollen) - toekenbare_rollen(door)
    if te_veel:
        raise PermissionDenied(_("U kunt alleen rollen toekennen die u zelf heeft."))


@transaction.atomic
def lid_toevoegen(
    *,
    organisatie: Organisatie,
    voornaam: str,
    achternaam: str,
    email: str,
    rollen: set[str],
    door: Gebruiker,
    functie: str = "",
) -> Gebruiker | None:
    """Make a person a member of `organisatie` with `rollen`; creates the account if needed.

    Only the organisation's beheerder (with roles they hold) or a superuser brings people in
    (`gemeenten.uitnodigen`, DESIGN §5). An address whose account cannot join (a member
    elsewhere, an administrator account, someone else's username) changes nothing and
    returns None rather than an error, so no form tells whether an address has an account;
    `lid_uitnodigen` answers the same either way.
    """
    if not door.has_perm("gemeenten.uitnodigen", organisatie):
        raise PermissionDenied(
            _("Alleen een beheerder van %(organisatie)s kan daar mensen toevoegen.")
            % {"organisatie": organisatie}
        )
    _check_rollen(rollen=rollen, door=door)
    email = Gebruiker.objects.normalize_email(email).strip()
    gebruiker = Gebruiker.objects.filter(email__iexact=email).first()
    if gebruiker is None:
        if Gebruiker.objects.filter(username__iexact=email).exists():
            return None
        gebruiker = Gebruiker(username=email.lower(), email=email)
        gebruiker.set_unusable_password()
    elif gebruiker.lidmaatschappen.exists() or gebruiker.is_superuser or gebruiker.is_staff:
        # A person acts for one organisation; a (closed) administrator account has no
        # memberships, and adding it would reopen it.
        return None
    gebruiker.first_name = voornaam
    gebruiker.last_name = achternaam
    gebruiker.is_active = True
    gebruiker.full_clean(validate_unique=gebruiker.pk is None)
    gebruiker.save()
    for rol in sorted(rollen):
        lid = Lidmaatschap(gebruiker=gebruiker, organisatie=organisatie, rol=rol, functie=functie)
        lid.full_clean()
        lid.save()
    return gebruiker


def lid_uitnodigen(
    *,
    organisatie: Organisatie,
    voornaam: str,
    achternaam: str,
    email: str,
    rollen: set[str],
    door: Gebruiker,
    basis_url: str,
    functie: str = "",
) -> None:
    """Add the person (`lid_toevoegen`) and mail the address: the invitation, or, when the
    address has an account that cannot join, a notice to its owner that someone tried.

    Returns nothing on purpose: whether the address has an account is for its owner to
    know, not for whoever fills in the form, so the pages answer alike in both cases.
    """
    gebruiker = lid_toevoegen(
        organisatie=organisatie,
        voornaam=voornaam,
        achternaam=achternaam,
        email=email,
        functie=functie,
        rollen=rollen,
        door=door,
    )
    if gebruiker is not None:
        uitnodiging_versturen(gebruiker=gebruiker, organisatie=organisatie, basis_url=basis_url)
    else:
        _bestaand_account_melden(email=email, organisatie=organisatie, basis_url=basis_url)


def uitnodiging_versturen(*, gebruiker: Gebruiker, organisatie: Organisatie, basis_url: str):
    """Mail a link to set a password, made with Django's password-reset token.

    The link works once and expires after PASSWORD_RESET_TIMEOUT.
    """
    pad = reverse(
        "gemeenten:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
            "token": default_token_generator.make_token(gebruiker),
        },
    )
    context = {
        "gebruiker": gebruiker,
        "organisatie": organisatie,
        "link": basis_url.rstrip("/") + pad,
        "gebruikersnaam": gebruiker.get_username(),
    }
    mail = EmailMultiAlternatives(
        subject=_("Uitnodiging voor Driehoek"),
        body=render_to_string("gemeenten/email/uitnodiging.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[gebruiker.email],
    )
    mail.send()


def _bestaand_account_melden(*, email: str, organisatie: Organisatie, basis_url: str):
    """Tell the owner of an address with an account that an invitation was not carried out.

    Neutral on purpose: it names the organisation that tried, nothing about the account.
    """
    context = {
        "organisatie": organisatie,
        "inloggen": basis_url.rstrip("/") + reverse("gemeenten:login"),
    }
    mail = EmailMultiAlternatives(
        subject=_("Uitnodiging voor Driehoek niet uitgevoerd"),
        body=render_to_string("gemeenten/email/bestaand_account.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[Gebruiker.objects.normalize_email(email).strip()],
    )
    mail.send()


def _beheerbaar_lid(*, gebruiker: Gebruiker, organisatie: Organisatie, door: Gebruiker):
    if not door.has_perm("gemeenten.beheer_leden", organisatie):
        raise PermissionDenied
    huidige = set(
        Lidmaatschap.objects.filter(gebruiker=gebruiker, organisatie=organisatie).values_list(
            "rol", flat=True
        )
    )
    if not huidige:
        raise ValidationError(_("Deze persoon is geen lid van de organisatie."))
    return huidige


@transaction.atomic
def lid_rollen_wijzigen(
    *,
    gebruiker: Gebruiker,
    organisatie: Organisatie,
    rollen: set[str],
    door: Gebruiker,
    rollen_bij_openen: set[str] | None = None,
) -> set[str]:
    """Set the member's roles among those `door` may grant; other roles stay as they are.

    `rollen_bij_openen` are the roles the editor saw: when another beheerder changed them in
    the meantime, the save is refused (read under a row lock) instead of undoing that change.
    """
    list(
        Lidmaatschap.objects.select_for_update().filter(
            gebruiker=gebruiker, organisatie=organisatie
        )
    )
    huidige = _beheerbaar_lid(gebruiker=gebruiker, organisatie=organisatie, door=door)
    if rollen_bij_openen is not None and set(rollen_bij_openen) != huidige:
        raise ValidationError(
            _(
                "Iemand anders heeft de rollen intussen gewijzigd; nu: %(rollen)s. Kijk of uw "
                "keuze nog klopt en sla opnieuw op."
            )
            % {"rollen": ", ".join(str(Rol(rol).label).lower() for rol in sorted(huidige))},
            code="versieconflict",
        )
    toekenbaar = toekenbare_rollen(door)
    if set(rollen) - toekenbaar:
        raise PermissionDenied(_("U kunt alleen rollen toekennen die u zelf heeft."))
    nieuw = (huidige - toekenbaar) | set(rollen)
    if not nieuw:
        raise ValidationError({"rollen": _("Kies minstens één rol.")})
    if gebruiker.pk == door.pk and Rol.BEHEERDER in huidige and Rol.BEHEERDER not in nieuw:
        raise ValidationError(
            {"rollen": _("U kunt uw eigen beheerdersrol niet afnemen; vraag een andere beheerder.")}
        )
    functie = (
        Lidmaatschap.objects.filter(gebruiker=gebruiker, organisatie=organisatie)
        .values_list("functie", flat=True)
        .first()
    )
    for lid in Lidmaatschap.objects.filter(
        gebruiker=gebruiker, organisatie=organisatie, rol__in=huidige - nieuw
    ):
        lid.delete()
    for rol in sorted(nieuw - huidige):
        lid = Lidmaatschap(gebruiker=gebruiker, organisatie=organisatie, rol=rol, functie=functie)
        lid.full_clean()
        lid.save()
    return nieuw


@transaction.atomic
def lidmaatschap_beeindigen(*, gebruiker: Gebruiker, organisatie: Organisatie, door: Gebruiker):
    """End every role of the person in the organisation and close their account.

    A person acts for one organisation only, so without it the account has no use.
    """
    huidige = _beheerbaar_lid(gebruiker=gebruiker, organisatie=organisatie, door=door)
    if gebruiker.pk == door.pk:
        raise ValidationError(_("U kunt uzelf niet verwijderen; vraag een andere beheerder."))
    if huidige - toekenbare_rollen(door):
        raise PermissionDenied(_("Deze persoon heeft een rol die u zelf niet heeft."))
    for lid in Lidmaatschap.objects.filter(gebruiker=gebruiker, organisatie=organisatie):
        lid.delete()
    gebruiker.is_active = False
    gebruiker.save(update_fields=["is_active"])


@transaction.atomic
def account_instellen(
    *,
    username: str,
    voornaam: str,
    achternaam: str,
    email: str,
    wachtwoord_hash: str,
    door,
    organisatie: Organisatie | None = None,
    rollen: set[str] = frozenset(),
    functie: str = "",
    superuser: bool = False,
) -> tuple[Gebruiker, bool]:
    """Create or reset an account with a known password (the demo's logins): active, with
    these names, and member of `organisatie` with at least `rollen`. Only the system or a
    superuser sets up accounts this way; people otherwise join through their beheerder
    (`lid_toevoegen`). Returns the account and whether it is new."""
    if not getattr(door, "is_superuser", False):
        raise Geweigerd()
    gebruiker = Gebruiker.objects.filter(username=username).first() or Gebruiker(username=username)
    nieuw = gebruiker.pk is None
    gebruiker.first_name, gebruiker.last_name, gebruiker.email = voornaam, achternaam, email
    gebruiker.password = wachtwoord_hash
    gebruiker.is_active = True
    gebruiker.is_superuser = gebruiker.is_staff = superuser
    gebruiker.save()
    if organisatie is not None:
        bestaand = set(
            Lidmaatschap.objects.filter(gebruiker=gebruiker, organisatie=organisatie).values_list(
                "rol", flat=True
            )
        )
        for rol in sorted(set(rollen) - bestaand):
            lid = Lidmaatschap(
                gebruiker=gebruiker, organisatie=organisatie, rol=rol, functie=functie
            )
            lid.full_clean()
            lid.save()
    return gebruiker, nieuw
