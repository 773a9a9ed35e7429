"""Importing a checked workbook (reader.Werkboek) into the database in one transaction.

Objects are matched on their natural keys, so importing the same file twice changes nothing:
gemeente by name, overeenkomst by gemeente and title, jaarschijf by year, organisaties by
name and type, thema by name, afspraak by code, jaarafspraak per afspraak, figures by their
unique key. The jaarschijf's stappen and ondertekeningen are replaced by the file's.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from afspraken.models import Jaarschijf, Overeenkomst, Partij
from afspraken.services.grens import mag_handelen
from afspraken.services.overeenkomst import gemeentepartij_controleren
from gemeenten.constants import OrganisatieType
from gemeenten.models import Gemeente, Organisatie
from gemeenten.systeem import SYSTEEM, geschiedenis_gebruiker
from monitoring.workbook.data import Werkboek
from monitoring.workbook.importer_inhoud import schrijf_afspraken, schrijf_themas
from monitoring.workbook.importer_jaar import (
    schrijf_jaarafspraken,
    schrijf_ondertekeningen,
    schrijf_stappen,
)
from monitoring.workbook.importer_voorraad import schrijf_voorraad, schrijf_voorraadstanden
from monitoring.workbook.meldingen import Melding, WerkboekFout
from monitoring.workbook.schrijver import Schrijver, zet

SOORTEN = (
    ("partijen", gettext_lazy("partijen")),
    ("themas", gettext_lazy("thema's")),
    ("afspraken", gettext_lazy("afspraken")),
    ("stappen", gettext_lazy("stappen")),
    ("voorraad", gettext_lazy("voorraadmutaties")),
    ("voorraadstand", gettext_lazy("voorraadstanden")),
    ("ondertekenaars", gettext_lazy("ondertekenaars")),
)


@dataclass
class ImportResultaat:
    jaarschijf: Jaarschijf
    aantallen: dict[str, int]
    nieuw: dict[str, int]
    gewijzigd: dict[str, int]
    waarschuwingen: list[Melding] = field(default_factory=list)

    def samenvatting(self) -> str:
        jaarschijf = self.jaarschijf
        delen = [
            f"{self.aantallen[soort]} {label}"
            + (
                _(" ({nieuw} nieuw, {gewijzigd} gewijzigd)").format(
                    nieuw=self.nieuw.get(soort, 0), gewijzigd=self.gewijzigd.get(soort, 0)
                )
                if self.nieuw.get(soort) or self.gewijzigd.get(soort)
                else ""
            )
            for soort, label in SOORTEN
        ]
        return _("Jaarschijf {jaar} van {gemeente} ({overeenkomst}) geïmporteerd: {delen}.").format(
            jaar=jaarschijf.jaar,
            gemeente=jaarschijf.overeenkomst.gemeente.naam,
            overeenkomst=jaarschijf.overeenkomst.titel,
            delen=", ".join(delen),
        )


def werkboek_importeren(
    *, werkboek: Werkboek, door=SYSTEEM, gemeente: Gemeente | None = None
) -> ImportResultaat:
    """Write the workbook as `door`; all or nothing. With `gemeente`, the workbook must be
    about that gemeente (an upload by its staff). Without `door` the command line imports
    (gemeenten.systeem). Raises WerkboekFout when the database refuses it, e.g. because the
    jaarschijf is vastgesteld or ondertekend, and Geweigerd when `door` may not import for
    the workbook's gemeente.
    """
    try:
        return _importeren(werkboek, door, gemeente)
    except ValidationError as exc:
        # The reader checks what a file can get wrong; what is left is a conflict with data
        # already in the database. The transaction has been rolled back by now.
        raise WerkboekFout(
            [
                Melding(
                    _("het werkboek botst met gegevens in Driehoek: {reden}").format(
                        reden=" ".join(exc.messages)
                    )
                )
            ]
        ) from exc
    except IntegrityError as exc:
        raise WerkboekFout(
            [Melding(_("het werkboek botst met gegevens in Driehoek en is niet opgeslagen"))]
        ) from exc


@transaction.atomic
def _importeren(werkboek: Werkboek, door, gemeente: Gemeente | None) -> ImportResultaat:
    gegevens = werkboek.jaarschijf
    schrijver = Schrijver(geschiedenis_gebruiker(door))
    gem = _gemeente(gegevens, gemeente, schrijver)
    # The same permission the services ask for a new agreement of this gemeente.
    mag_handelen(door, "afspraken.add_overeenkomst", gem)
    organisaties = _organisaties(werkboek, gem, schrijver)
    overeenkomst = _overeenkomst(gegevens, gem, schrijver)
    _partijen(overeenkomst, organisaties, schrijver)
    jaarschijf = _jaarschijf(gegevens, overeenkomst, schrijver)

    themas = schrijf_themas(werkboek.themas, overeenkomst, schrijver)
    afspraken = schrijf_afspraken(werkboek.afspraken, overeenkomst, themas, organisaties, schrijver)
    jaarafspraken = schrijf_jaarafspraken(werkboek.afspraken, jaarschijf, afspraken, schrijver)
    schrijf_stappen(werkboek.stappen, jaarschijf, jaarafspraken, organisaties, schrijver)
    schrijf_ondertekeningen(werkboek.ondertekenaars, jaarschijf, organisaties, schrijver)
    schrijf_voorraad(werkboek.voorraad, jaarschijf, organisaties, schrijver)
    schrijf_voorraadstanden(werkboek.voorraadstand, jaarschijf, organisaties, schrijver)

    aantallen = {soort: len(getattr(werkboek, soort)) for soort, _label in SOORTEN}
    return ImportResultaat(
        jaarschijf=jaarschijf,
        aantallen=aantallen,
        nieuw=dict(schrijver.nieuw),
        gewijzigd=dict(schrijver.gewijzigd),
        waarschuwingen=werkboek.waarschuwingen,
    )


def _weiger(reden: str, kolom: str = ""):
    raise WerkboekFout([Melding(reden, "jaarschijf", kolom=kolom)])


def _gemeente(gegevens, alleen: Gemeente | None, schrijver: Schrijver) -> Gemeente:
    if alleen is not None and gegevens.gemeente.lower() != alleen.naam.lower():
        _weiger(
            _(
                "het werkboek gaat over gemeente '{werkboek}'; u kunt alleen werkboeken "
                "van gemeente '{eigen}' importeren"
            ).format(werkboek=gegevens.gemeente, eigen=alleen.naam),
            "gemeente",
        )
    gemeente = Gemeente.objects.filter(naam__iexact=gegevens.gemeente).first()
    code = gegevens.cbs_code or None
    if code and Gemeente.objects.filter(cbs_code=code).exclude(pk=getattr(gemeente, "pk", None)):
        _weiger(_("de CBS-code {code} hoort bij een andere gemeente").format(code=code), "cbs_code")
    if gemeente is None:
        gemeente = Gemeente(naam=gegevens.gemeente, cbs_code=code)
        gemeente.full_clean()
        gemeente.save()
    elif code and gemeente.cbs_code != code:
        if gemeente.cbs_code:
            _weiger(
                _("gemeente {naam} heeft CBS-code {bekend}, niet {code}").format(
                    naam=gemeente.naam, bekend=gemeente.cbs_code, code=code
                ),
                "cbs_code",
            )
        gemeente.cbs_code = code
        gemeente.save(update_fields=["cbs_code"])
    return gemeente


def _organisaties(werkboek: Werkboek, gemeente: Gemeente, schrijver) -> list[Organisatie]:
    """The Organisatie of each party, in the workbook's order; reused by name and type.

    The one gemeente party is the workbook's own gemeente (afspraken.services.overeenkomst):
    a gemeente organisation of another gemeente, a second one, or a new one next to the
    organisation the gemeente already has, is refused on its row.
    """
    bestaand = {
        (org.naam.lower(), org.type): org
        for org in Organisatie.objects.annotate(naam_lower=Lower("naam")).filter(
            naam_lower__in=[p.naam.lower() for p in werkboek.partijen]
        )
    }
    organisaties = []
    for partij in werkboek.partijen:
        org = bestaand.get((partij.naam.lower(), partij.type))
        is_gemeente = partij.type == OrganisatieType.GEMEENTE
        eigen = (
            Organisatie.objects.filter(type=OrganisatieType.GEMEENTE, gemeente=gemeente).first()
            if org is None and is_gemeente
            else None
        )
        if eigen is not None:
            _weiger_partij(
                _(
                    "gemeente {gemeente} heeft in Driehoek al een organisatie, {eigen}; "
                    "noem die als partij van het type gemeente"
                ).format(gemeente=gemeente.naam, eigen=eigen.naam),
                partij,
            )
        if org is None:
            org = Organisatie(
                naam=partij.naam,
                type=partij.type,
                afkorting=partij.afkorting,
                gemeente=gemeente if is_gemeente else None,
            )
        try:
            gemeentepartij_controleren(gemeente=gemeente, organisatie=org, naast=organisaties)
        except ValidationError as fout:
            _weiger_partij(" ".join(fout.messages), partij)
        if org.pk is None:
            org.full_clean(exclude=["gemeente"], validate_constraints=False)
            schrijver.bewaar(org, "partijen", nieuw=True)
        elif partij.afkorting and not org.afkorting:
            zet(org, afkorting=partij.afkorting)
            schrijver.bewaar(org, "partijen", nieuw=False)
        organisaties.append(org)
    return organisaties


def _weiger_partij(reden: str, partij):
    raise WerkboekFout([Melding(reden, "partijen", partij.rij, "naam")])


def _overeenkomst(gegevens, gemeente, schrijver) -> Overeenkomst:
    overeenkomst = Overeenkomst.objects.filter(
        gemeente=gemeente, titel=gegevens.overeenkomst
    ).first()
    nieuw = overeenkomst is None
    if nieuw:
        overeenkomst = Overeenkomst(gemeente=gemeente, titel=gegevens.overeenkomst)
    if zet(overeenkomst, startdatum=gegevens.startdatum, einddatum=gegevens.einddatum) or nieuw:
        overeenkomst.full_clean(exclude=["gemeente"], validate_unique=False)
        schrijver.bewaar(overeenkomst, "overeenkomst", nieuw=nieuw)
    return overeenkomst


def _partijen(overeenkomst, organisaties, schrijver):
    bestaand = {
        p.organisatie_id: p
        for p in Partij.objects.filter(overeenkomst=overeenkomst).select_related("organisatie")
    }
    nieuw, gewijzigd = [], []
    for volgorde, org in enumerate(organisaties, start=1):
        partij = bestaand.get(org.pk)
        if partij is None:
            try:
                # The parties the agreement has already count too (one gemeente party).
                gemeentepartij_controleren(
                    gemeente=overeenkomst.gemeente,
                    organisatie=org,
                    naast=[p.organisatie for p in bestaand.values()],
                )
            except ValidationError as fout:
                raise WerkboekFout(
                    [Melding(" ".join(fout.messages), "partijen", kolom="naam")]
                ) from fout
            nieuw.append(Partij(overeenkomst=overeenkomst, organisatie=org, volgorde=volgorde))
        elif zet(partij, volgorde=volgorde):
            gewijzigd.append(partij)
    # Partij has no history of its own: the overeenkomst's parties are plain rows.
    Partij.objects.bulk_create(nieuw)
    Partij.objects.bulk_update(gewijzigd, ["volgorde"])


def _jaarschijf(gegevens, overeenkomst, schrijver) -> Jaarschijf:
    # Locked: a vaststelling cannot slip in between this check and the writes.
    jaarschijf = (
        Jaarschijf.objects.select_for_update()
        .filter(overeenkomst=overeenkomst, jaar=gegevens.jaar)
        .first()
    )
    nieuw = jaarschijf is None
    if nieuw:
        jaarschijf = Jaarschijf(overeenkomst=overeenkomst, jaar=gegevens.jaar)
    elif jaarschijf.is_bevroren:
        _weiger(
            _(
                "jaarschijf {jaar} van '{overeenkomst}' is {status}; de inhoud kan niet meer "
                "worden gewijzigd, ook niet met een werkboek"
            ).format(
                jaar=jaarschijf.jaar,
                overeenkomst=overeenkomst.titel,
                status=jaarschijf.get_status_display().lower(),
            )
        )
    gewijzigd = zet(
        jaarschijf,
        titel=gegevens.titel,
        inleiding=gegevens.inleiding,
        plaats=gegevens.plaats,
        datum=gegevens.datum,
        geldig_tot=gegevens.geldig_tot,
    )
    if gewijzigd or nieuw:
        jaarschijf.full_clean(exclude=["overeenkomst"], validate_unique=False)
        if not nieuw and hasattr(jaarschijf, "versie"):
            jaarschijf.versie += 1
        schrijver.bewaar(jaarschijf, "jaarschijf", nieuw=nieuw)
    return jaarschijf
