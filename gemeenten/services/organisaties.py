"""Writes on gemeenten and organisations, each checking what `door` may do."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Gebruiker, Gemeente, Organisatie
from gemeenten.services.grens import _mag
from gemeenten.systeem import geschiedenis_gebruiker


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
