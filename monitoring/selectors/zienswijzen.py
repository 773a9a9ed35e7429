"""The tenants' verdicts of a jaarschijf: per afspraak (beside it on the page) and summed up
per huurdersorganisatie and verdict. Two queries for any number of afspraken; what a row's
own verdict form shows (`Invoer`) is read from the verdicts the row already holds."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from afspraken.models import Jaarschijf
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from monitoring.constants import Oordeel
from monitoring.models_voortgang import Zienswijze


@dataclass
class Samenvatting:
    organisatie: Organisatie
    aantallen: Counter = field(default_factory=Counter)
    zonder: int = 0

    @property
    def regels(self) -> list[tuple[str, str, int]]:
        return [(o.value, str(o.label), self.aantallen[o.value]) for o in Oordeel]


@dataclass(frozen=True)
class Invoer:
    """What the verdict form in an afspraak's row shows: the viewer's organisation's current
    verdict, or, after a rejected post, what was sent with the errors."""

    oordeel: str = ""
    tekst: str = ""
    als_opmerking: bool = True
    fouten: dict = field(default_factory=dict)  # {field: [message]}
    algemeen: tuple = ()  # messages about the form as a whole


def eigen_invoer(zienswijzen: list[Zienswijze], organisatie_id: int | None) -> Invoer:
    """The form's starting values from the row's verdicts (no query): the organisation's
    own verdict when it gave one."""
    eigen = next((z for z in zienswijzen if z.organisatie_id == organisatie_id), None)
    return Invoer(oordeel=eigen.oordeel, tekst=eigen.tekst) if eigen else Invoer()


def zienswijzen_per_jaarafspraak(jaarschijf: Jaarschijf) -> dict[int, list[Zienswijze]]:
    per = defaultdict(list)
    for z in (
        Zienswijze.objects.filter(jaarafspraak__jaarschijf=jaarschijf)
        .select_related("organisatie", "door")
        .order_by("organisatie__naam")
    ):
        per[z.jaarafspraak_id].append(z)
    return per


def samenvatting(jaarschijf: Jaarschijf, per: dict, aantal_afspraken: int) -> list[Samenvatting]:
    """Per huurdersorganisatie that is party: its verdicts counted, and how many afspraken
    it has not judged yet."""
    huurders = Organisatie.objects.filter(
        partijrollen__overeenkomst_id=jaarschijf.overeenkomst_id,
        type=OrganisatieType.HUURDERSORGANISATIE,
    ).order_by("naam")
    result = {o.pk: Samenvatting(o) for o in huurders}
    for zienswijzen in per.values():
        for z in zienswijzen:
            if z.organisatie_id in result:
                result[z.organisatie_id].aantallen[z.oordeel] += 1
    for s in result.values():
        s.zonder = aantal_afspraken - sum(s.aantallen.values())
    return list(result.values())
