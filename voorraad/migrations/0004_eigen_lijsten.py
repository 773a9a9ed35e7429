"""Each agreement gets its own categories and segments (issue 12).

Until now one global list held every name any workbook brought. Every agreement whose
figures use a row gets its own copy, its figures (and their history) point at the copy;
the global rows that are not in the default list are then unused and go. The default rows
stay, without agreement: the list every agreement picks from.
"""

from django.db import migrations

# Frozen copies of voorraad.constants, as migrations must keep them.
CATEGORIEEN = ["nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen"]
SEGMENTEN = ["sociale huur (DAEB)", "zorgwoningen", "woonwagens", "standplaatsen", "geliberaliseerd"]
LIJSTEN = [
    ("Categorie", "Voorraadmutatie", "categorie", CATEGORIEEN),
    ("Segment", "Voorraadstand", "segment", SEGMENTEN),
]


def _eigen_maken(apps, lijst, cijfer, veld, standaard):
    Lijst = apps.get_model("voorraad", lijst)
    Cijfer = apps.get_model("voorraad", cijfer)
    Historie = apps.get_model("voorraad", f"Historical{cijfer}")
    Jaarschijf = apps.get_model("afspraken", "Jaarschijf")
    for rij in Lijst.objects.filter(overeenkomst__isnull=True):
        gebruikt = (
            Cijfer.objects.filter(**{veld: rij})
            .values_list("jaarschijf__overeenkomst_id", flat=True)
            .distinct()
        )
        for overeenkomst_id in sorted(set(gebruikt)):
            eigen = Lijst.objects.create(
                naam=rij.naam, volgorde=rij.volgorde, overeenkomst_id=overeenkomst_id
            )
            jaarschijven = Jaarschijf.objects.filter(overeenkomst_id=overeenkomst_id)
            Cijfer.objects.filter(**{veld: rij, "jaarschijf__in": jaarschijven}).update(
                **{veld: eigen}
            )
            Historie.objects.filter(
                **{f"{veld}_id": rij.pk, "jaarschijf_id__in": jaarschijven.values("pk")}
            ).update(**{f"{veld}_id": eigen.pk})
        if rij.naam.lower() not in {naam.lower() for naam in standaard}:
            rij.delete()


def eigen_lijsten(apps, schema_editor):
    for lijst, cijfer, veld, standaard in LIJSTEN:
        _eigen_maken(apps, lijst, cijfer, veld, standaard)


def terug_naar_een_lijst(apps, schema_editor):
    for lijst, cijfer, veld, _standaard in LIJSTEN:
        Lijst = apps.get_model("voorraad", lijst)
        Cijfer = apps.get_model("voorraad", cijfer)
        if lijst == "Segment":
            Lijst.objects.filter(overeenkomst__isnull=False).update(onderdeel_van=None)
        for eigen in Lijst.objects.filter(overeenkomst__isnull=False):
            algemeen = Lijst.objects.filter(
                overeenkomst__isnull=True, naam__iexact=eigen.naam
            ).first() or Lijst.objects.create(naam=eigen.naam, volgorde=eigen.volgorde)
            Cijfer.objects.filter(**{veld: eigen}).update(**{veld: algemeen})
            eigen.delete()


class Migration(migrations.Migration):
    dependencies = [("voorraad", "0003_per_overeenkomst")]
    operations = [migrations.RunPython(eigen_lijsten, terug_naar_een_lijst)]
