import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0006_opmerking_draden"),
    ]

    # A wijziging (issue #10, point 5) may replace a signatory line of an earlier, signed
    # version: the evidence of its signature stays (it names signer and organisation).
    operations = [
        migrations.AlterField(
            model_name="handtekening",
            name="ondertekening",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="handtekeningen",
                to="afspraken.ondertekening",
                verbose_name="ondertekening",
            ),
        ),
    ]
