from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0006_opmerking_draden"),
    ]

    operations = []
