"""The parties of an exported workbook and how the other sheets refer to them."""

from afspraken.models import Partij
from afspraken.services.bulk import PARTIJ_VELDEN
from gemeenten.constants import OrganisatieType
from gemeenten.models import Organisatie
from monitoring.werkboek.data import PartijGegevens
from monitoring.werkboek.partijen import PartijIndex


class Partijen:
    """The workbook's parties: the agreement's own, then any organisation the jaarschijf
    refers to without being a party, so the file always imports again.
    """

    def __init__(self, overeenkomst, partijen: list[Partij], jaar: int):
        self.jaar = jaar
        self.organisaties: list[Organisatie] = []
        self._partij: dict[int | None, Partij] = {}
        self._refs: dict[int | None, str] = {}
        self._namen = {p.organisatie.naam.lower() for p in partijen}
        if not any(p.organisatie.is_gemeente for p in partijen):
            self._neem(gemeente_organisatie(overeenkomst.gemeente))
        for partij in partijen:
            self._partij[partij.organisatie.pk] = partij
            self._neem(partij.organisatie)

    def _neem(self, org: Organisatie):
        # An abbreviation that clashes with another party's name or abbreviation would make
        # the reader refuse the file; such a party goes by its name instead.
        self.organisaties.append(org)
        self._namen.add(org.naam.lower())
        afkorting = org.afkorting.strip()
        bezet = {ref.lower() for ref in self._refs.values()} | (self._namen - {org.naam.lower()})
        self._refs[org.pk] = afkorting if afkorting and afkorting.lower() not in bezet else ""

    def ref(self, org: Organisatie) -> str:
        """How the sheets refer to `org`: its abbreviation, or its name."""
        if org.pk not in self._refs:
            self._neem(org)
        return self._refs[org.pk] or org.naam

    def _velden(self, org: Organisatie) -> tuple:
        partij = self._partij.get(org.pk)
        return tuple(getattr(partij, veld, None) if partij else None for veld in PARTIJ_VELDEN)

    def rijen(self) -> list[tuple]:
        return [
            (
                org.naam,
                org.type,
                self._refs[org.pk],
                *self._velden(org),
                org.kvk_nummer,
                org.l_nummer,
            )
            for org in self.organisaties
        ]

    def index(self) -> PartijIndex:
        """The parties as the reader will see them in the file: only after all other
        sheets, since every reference may add one."""
        gegevens = [
            PartijGegevens(
                rij=0,
                naam=org.naam,
                type=org.type,
                afkorting=self._refs[org.pk],
                actief_tot=getattr(self._partij.get(org.pk), "actief_tot", None),
            )
            for org in self.organisaties
        ]
        return PartijIndex(gegevens, self.jaar)

    def allen(self) -> list[str]:
        """The references `allen` stands for in this jaarschijf's year."""
        return [self.ref(self.organisaties[i]) for i in self.index().allen]


def gemeente_organisatie(gemeente) -> Organisatie:
    return Organisatie.objects.van_gemeente(gemeente) or Organisatie(
        naam=f"Gemeente {gemeente.naam}", type=OrganisatieType.GEMEENTE, gemeente=gemeente
    )
