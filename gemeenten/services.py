"""Writes on gemeenten, organisations, people and memberships. Every function checks what
`door` may do itself, so a view, a command or a test cannot hand out more than the rules
allow.
"""

from collections.abc import Sequence
from dataclasses import dataclass

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
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gemeenten.constants import Rol
from gemeenten.models import Gebruiker, Gemeente, Lidmaatschap, Organisatie
from gemeenten.rules import toekenbare_rollen
from gemeenten.systeem import geschiedenis_gebruiker

AANTAL_HERSTELCODES = 10


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


# --- Gemeenten and organisations --------------------------------------------------------------


@dataclass
class Vastgelegd[T]:
    """What a write left: the object, and whether it was created or changed."""

    obj: T
    nieuw: bool = False
    gewijzigd: bool = False


@transaction.atomic
def gemeente_aanmaken_of_bijwerken(
    *, naam: str, cbs_code: str = "", door: Gebruiker
) -> Vastgelegd[Gemeente]:
    """The gemeente named `naam` (in any case), created when Driehoek does not know it yet;
    a missing CBS code is filled in, a different one refused (ValidationError on cbs_code).

    Creating a gemeente is the beheer's (`gemeenten.add_gemeente`); an existing one is
    written only by its own people (`gemeenten.gemeente_aanvullen`)."""
    gemeente = Gemeente.objects.filter(naam__iexact=naam).first()
    if gemeente is None:
        _mag(door, "gemeenten.add_gemeente", None)
    else:
        _mag(door, "gemeenten.gemeente_aanvullen", gemeente)
    code = cbs_code or None
    if code and Gemeente.objects.filter(cbs_code=code).exclude(pk=getattr(gemeente, "pk", None)):
        raise ValidationError(
            {"cbs_code": _("de CBS-code {code} hoort bij een andere gemeente").format(code=code)}
        )
    if gemeente is None:
        gemeente = Gemeente(naam=naam, cbs_code=code)
        gemeente.full_clean()
        gemeente.save()
        return Vastgelegd(gemeente, nieuw=True)
    if code and gemeente.cbs_code != code:
        if gemeente.cbs_code:
            raise ValidationError(
                {
                    "cbs_code": _("gemeente {naam} heeft CBS-code {bekend}, niet {code}").format(
                        naam=gemeente.naam, bekend=gemeente.cbs_code, code=code
                    )
                }
            )
        gemeente.cbs_code = code
        gemeente.full_clean(validate_unique=False)
        gemeente.save(update_fields=["cbs_code"])
        return Vastgelegd(gemeente, gewijzigd=True)
    return Vastgelegd(gemeente)


class OrganisatieFout(ValidationError):
    """Organisation `index` (0-based, in the order given) is refused."""

    def __init__(self, index: int, fout: ValidationError):
        super().__init__(fout.error_dict if hasattr(fout, "error_dict") else fout.error_list)
        self.index = index


def organisaties_vastleggen(
    *, organisaties: Sequence[tuple[Organisatie, str]], namens: Gemeente, door: Gebruiker
) -> list[Vastgelegd[Organisatie]]:
    """Save each new organisation, or fill in the missing afkorting of a known one, given as
    (organisatie, afkorting), on behalf of the gemeente whose agreement names them
    (`gemeenten.organisatie_vastleggen` on `namens`). A known organisation keeps an
    afkorting it has. Uniqueness is left to the database: the caller found them by name and
    type. Permission and validation come first; then all are written or none."""
    resultaat = []
    for index, (organisatie, afkorting) in enumerate(organisaties):
        nieuw = organisatie.pk is None
        if not nieuw and (organisatie.afkorting or not afkorting):
            resultaat.append(Vastgelegd(organisatie))
            continue
        _mag(door, "gemeenten.organisatie_vastleggen", namens)
        organisatie.afkorting = organisatie.afkorting or afkorting
        try:
            organisatie.full_clean(
                exclude=["gemeente"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as fout:
            raise OrganisatieFout(index, fout) from fout
        resultaat.append(Vastgelegd(organisatie, nieuw=nieuw, gewijzigd=not nieuw))
    _opslaan([v.obj for v in resultaat if v.nieuw or v.gewijzigd], door)
    return resultaat


# Without a savepoint of its own inside a transaction (the afspraken bulk services): a
# savepoint costs two queries, and nothing is refused once the writing has begun.
@transaction.atomic(savepoint=False)
def _opslaan(organisaties: list[Organisatie], door: Gebruiker) -> None:
    for organisatie in organisaties:
        organisatie._history_user = geschiedenis_gebruiker(door)
        organisatie.save()


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


def totp_apparaat_voorbereiden(*, gebruiker: Gebruiker) -> TOTPDevice:
    """The not yet confirmed authenticator app of the user, created on first visit."""
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(
            user=gebruiker, name=_("Authenticator-app"), confirmed=False
        )
    return apparaat


@transaction.atomic
def tweestaps_activeren(*, gebruiker: Gebruiker, apparaat: TOTPDevice) -> list[str]:
    """Confirm the app (after a correct code), replace older ones, make new recovery codes."""
    if apparaat.user_id != gebruiker.pk:
        raise PermissionDenied
    TOTPDevice.objects.filter(user=gebruiker).exclude(pk=apparaat.pk).delete()
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    return herstelcodes_vernieuwen(gebruiker=gebruiker)


@transaction.atomic
def herstelcodes_vernieuwen(*, gebruiker: Gebruiker) -> list[str]:
    """Replace all recovery codes; the new ones are returned once and shown once."""
    StaticDevice.objects.filter(user=gebruiker).delete()
    apparaat = StaticDevice.objects.create(user=gebruiker, name=_("Herstelcodes"))
    codes = [StaticToken.random_token() for _i in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=code) for code in codes)
    return codes


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
