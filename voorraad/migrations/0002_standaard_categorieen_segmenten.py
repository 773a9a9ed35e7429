from django.db import migrations

CATEGORIEEN = ["nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen"]
SEGMENTEN = ["sociale huur (DAEB)", "zorgwoningen", "woonwagens", "standplaatsen", "geliberaliseerd"]


def maak(apps, schema_editor):
    Categorie = apps.get_model("voorraad", "Categorie")
    Segment = apps.get_model("voorraad", "Segment")
    for volgorde, naam in enumerate(CATEGORIEEN, start=1):
        Categorie.objects.get_or_create(naam=naam, defaults={"volgorde": volgorde * 10})
    for volgorde, naam in enumerate(SEGMENTEN, start=1):
        Segment.objects.get_or_create(naam=naam, defaults={"volgorde": volgorde * 10})


class Migration(migrations.Migration):
    dependencies = [("voorraad", "0001_initial")]
    operations = [migrations.RunPython(maak, migrations.RunPython.noop)]
