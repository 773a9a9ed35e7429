"""What the freeze proofs check with: the rows' outcomes, the roles that try, the refusals, a
dump of everything the fixed document consists of and the frozen jaarschijf's own workbook.
The frozen world itself is `tests.wereld.bevroren` (fixture `bevroren_wereld`)."""

import io
import json

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from afspraken.bevriezing import BEVROREN_MELDING
from afspraken.constants import XLSX_MEDIA_TYPE
from afspraken.models import Hoofdstuk, Jaarafspraak, Jaarschijf, Ondertekening, Stap
from monitoring.werkboek.exporter import werkboek_exporteren
from monitoring.werkboek.reader import lees_werkboek
from voorraad.models import Tabelnoot, Voorraadmutatie, Voorraadoverdracht, Voorraadstand

GEWEIGERD, OVEREENKOMST, VOORTGANG, LEZEN = "geweigerd", "overeenkomst", "voortgang", "lezen"
ROLLEN = ["gemeente_beheerder", "corporatie_medewerker", "superuser"]
# What a refusal says: the freeze itself, or a lifecycle step the status does not allow.
WEIGERINGEN = (str(BEVROREN_MELDING), "kan niet meer worden gewijzigd", "kan niet naar")


def rijen(qs, zonder=()) -> list:
    return [
        {k: v for k, v in rij.items() if k not in zonder and k != "versie"}
        for rij in qs.order_by("pk").values()
    ]


def dump(jaarschijf: Jaarschijf) -> str:
    """Everything the fixed document consists of, as one string. Progress (voortgang, a
    step done, signatures being placed) and remarks are no content and stay out."""
    vers = Jaarschijf.objects.filter(pk=jaarschijf.pk)
    inhoud = {
        "jaarschijf": rijen(vers, zonder={"status"}),
        "jaarafspraken": rijen(Jaarafspraak.objects.filter(jaarschijf=jaarschijf), {"status"}),
        "stappen": rijen(Stap.objects.filter(jaarafspraak__jaarschijf=jaarschijf), {"afgerond"}),
        "ondertekeningen": rijen(
            Ondertekening.objects.filter(jaarschijf=jaarschijf),
            {"ondertekend_op", "ondertekend_door_id"},
        ),
        "mutaties": rijen(Voorraadmutatie.objects.filter(jaarschijf=jaarschijf)),
        "standen": rijen(Voorraadstand.objects.filter(jaarschijf=jaarschijf)),
        "tabelnoten": rijen(Tabelnoot.objects.filter(jaarschijf=jaarschijf)),
        "overdrachten": rijen(Voorraadoverdracht.objects.filter(jaarschijf=jaarschijf)),
        "hoofdstukken": rijen(Hoofdstuk.objects.filter(jaarschijf=jaarschijf)),
        "gezamenlijke_stappen": sorted(
            Stap.mede_organisaties.through.objects.filter(
                stap__jaarafspraak__jaarschijf=jaarschijf
            ).values_list("stap_id", "organisatie_id")
        ),
    }
    return json.dumps(inhoud, sort_keys=True, default=str)


def eigen_xlsx(jaarschijf):
    """The frozen jaarschijf's own workbook with a changed introduction, as an upload."""
    werkboek = openpyxl.load_workbook(io.BytesIO(werkboek_exporteren(jaarschijf=jaarschijf)))
    blad = werkboek["jaarschijf"]
    for rij in blad.iter_rows():
        if rij[0].value == "inleiding":
            rij[1].value = "Gewijzigd"
    uit = io.BytesIO()
    werkboek.save(uit)
    return SimpleUploadedFile(
        "werkboek.xlsx",
        uit.getvalue(),
        content_type=XLSX_MEDIA_TYPE,
    )


def eigen_werkboek(jaarschijf):
    return lees_werkboek(eigen_xlsx(jaarschijf))
