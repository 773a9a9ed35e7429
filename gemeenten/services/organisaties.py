"""Writes on gemeenten and organisations, each checking what `door` may do."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


@dataclass(frozen=True)
class Identiteit:
    """How an import names an organisation: name and type, and any registration numbers."""

    naam: str
    type: str
    kvk_nummer: str = ""
    l_nummer: str = ""


def organisaties_zoeken(
    *, identiteiten: Sequence[Identiteit], gemeente: Gemeente
) -> list[Organisatie | None]:
    """Per identiteit the organisation it names exactly, or None for a new one
    (docs/organisaties.md): by registration number anywhere in Driehoek (a legal entity's
    own number), else by name (any case) and type among those visible to `gemeente`, its
    own before the shared ones. Refused (OrganisatieFout): numbers that name two
    organisations, or one of another type, and a name whose organisation has another
    number (two different organisations, or a wrong number in the file)."""
    nummers = _per_nummer(identiteiten)
    namen = {i.naam.lower() for i in identiteiten}
    per_naam: dict[tuple[str, str], Organisatie] = {}
    zichtbaar = (
        Organisatie.objects.zichtbaar_voor_gemeente(gemeente)
        .annotate(naam_lower=Lower("naam"))
        .filter(naam_lower__in=namen)
        .order_by(F("aangemaakt_voor").asc(nulls_last=True), "pk")
    )
    for org in zichtbaar:
        per_naam.setdefault((org.naam.lower(), org.type), org)
    gevonden = [
        _gevonden(index, identiteit, nummers, per_naam)
        for index, identiteit in enumerate(identiteiten)
    ]
    eerder: dict[int, Identiteit] = {}
    for index, (org, identiteit) in enumerate(zip(gevonden, identiteiten, strict=True)):
        if org is not None and eerder.setdefault(org.pk, identiteit) is not identiteit:
            raise OrganisatieFout(
                index,
                ValidationError(
                    _("{naam} is dezelfde organisatie als {eerder} (hetzelfde nummer)").format(
                        naam=identiteit.naam, eerder=eerder[org.pk].naam
                    )
                ),
            )
    return gevonden


_NUMMERS = {"kvk_nummer": gettext_lazy("KvK-nummer"), "l_nummer": gettext_lazy("L-nummer")}


def _per_nummer(identiteiten: Sequence[Identiteit]) -> dict[tuple[str, str], Organisatie]:
    filter_ = Q(pk__in=[])
    for veld in _NUMMERS:
        waarden = {getattr(i, veld) for i in identiteiten} - {""}
        if waarden:
            filter_ |= Q(**{f"{veld}__in": waarden})
    return {
        (veld, getattr(org, veld)): org
        for org in Organisatie.objects.filter(filter_)
        for veld in _NUMMERS
        if getattr(org, veld)
    }


def _gevonden(index, identiteit: Identiteit, nummers, per_naam) -> Organisatie | None:
    def fout(veld, bericht):
        return OrganisatieFout(index, ValidationError({veld: bericht}))

    op_nummer = {
        veld: nummers[(veld, getattr(identiteit, veld))]
        for veld in _NUMMERS
        if (veld, getattr(identiteit, veld)) in nummers
    }
    if len({org.pk for org in op_nummer.values()}) > 1:
        raise fout("l_nummer", _("het KvK-nummer en het L-nummer horen bij twee organisaties"))
    for veld, org in op_nummer.items():
        if org.type != identiteit.type:
            raise fout(
                veld,
                _("{nummer} {waarde} hoort bij een organisatie van het type {type}").format(
                    nummer=_NUMMERS[veld],
                    waarde=getattr(identiteit, veld),
                    type=org.get_type_display(),
                ),
            )
        return org
    org = per_naam.get((identiteit.naam.lower(), identiteit.type))
    for veld in _NUMMERS:
        bekend, gegeven = getattr(org, veld, ""), getattr(identiteit, veld)
        if bekend and gegeven and bekend != gegeven:
            raise fout(
                veld,
                _(
                    "{naam} staat in Driehoek met {nummer} {bekend}, niet {gegeven}; is het "
                    "een andere organisatie, geef haar dan een andere naam"
                ).format(naam=org.naam, nummer=_NUMMERS[veld], bekend=bekend, gegeven=gegeven),
            )
    return org


def organisaties_vastleggen(
    *, organisaties: Sequence[tuple], namens: Gemeente, door: Gebruiker
) -> list[Vastgelegd[Organisatie]]:
    """Save each new organisation, or fill in what a known one misses, given as
    (organisatie, afkorting) or (organisatie, afkorting, kvk_nummer, l_nummer), on behalf
    of the gemeente whose agreement names them (`gemeenten.organisatie_vastleggen` on
    `namens`). A known organisation keeps an afkorting and numbers it has. A new one is
    scoped to `namens` unless a superuser brings it in or it is a gemeente itself; a
    scoped one another gemeente now names (by its number) becomes shared
    (docs/organisaties.md). Uniqueness is left to the database: the caller found them by
    organisaties_zoeken. Permission and validation come first; then all are written or
    none."""
    resultaat = []
    for index, (organisatie, afkorting, *nummers) in enumerate(organisaties):
        aanvulling = _aanvulling(organisatie, afkorting, nummers, namens, door)
        if organisatie.pk is not None and not aanvulling:
            resultaat.append(Vastgelegd(organisatie))
            continue
        _mag(door, "gemeenten.organisatie_vastleggen", namens)
        for veld, waarde in aanvulling.items():
            setattr(organisatie, veld, waarde)
        try:
            _gedeeld_kan(organisatie, aanvulling)
            organisatie.full_clean(
                exclude=["gemeente", "aangemaakt_voor"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as fout:
            raise OrganisatieFout(index, fout) from fout
        nieuw = organisatie.pk is None
        resultaat.append(Vastgelegd(organisatie, nieuw=nieuw, gewijzigd=not nieuw))
    _opslaan([v.obj for v in resultaat if v.nieuw or v.gewijzigd], door)
    return resultaat


def _aanvulling(organisatie, afkorting, nummers, namens, door) -> dict:
    """The fields to set on `organisatie`: what it misses, and its scope."""
    gegeven = {"afkorting": afkorting, **dict(zip(_NUMMERS, nummers, strict=False))}
    aanvulling = {
        veld: waarde
        for veld, waarde in gegeven.items()
        if waarde and not getattr(organisatie, veld)
    }
    if organisatie.pk is None:
        gedeeld = organisatie.is_gemeente or (door is not None and door.is_superuser)
        aanvulling["aangemaakt_voor"] = None if gedeeld else namens
    elif organisatie.aangemaakt_voor_id not in (None, namens.pk):
        aanvulling["aangemaakt_voor"] = None
    return aanvulling


def _gedeeld_kan(organisatie: Organisatie, aanvulling: dict) -> None:
    """A scoped organisation that becomes shared may not take the name of a shared one."""
    if organisatie.pk is None or "aangemaakt_voor" not in aanvulling:
        return
    if (
        Organisatie.objects.filter(
            aangemaakt_voor__isnull=True, naam__iexact=organisatie.naam, type=organisatie.type
        )
        .exclude(pk=organisatie.pk)
        .exists()
    ):
        raise ValidationError(
            {
                "naam": _(
                    "{naam} bestaat al als gedeelde organisatie; vraag een beheerder van "
                    "Driehoek om de twee samen te voegen"
                ).format(naam=organisatie.naam)
            }
        )


# Without a savepoint of its own inside a transaction (the afspraken bulk services): a
# savepoint costs two queries, and nothing is refused once the writing has begun.
@transaction.atomic(savepoint=False)
def _opslaan(organisaties: list[Organisatie], door: Gebruiker) -> None:
    for organisatie in organisaties:
        organisatie._history_user = geschiedenis_gebruiker(door)
        organisatie.save()
