from django.db import migrations


class Migration(migrations.Migration):
    """Opmerking moves to monitoring, the floor that follows and reviews the agreement.

    Only Django's record of the models changes here: the tables afspraken_opmerking and
    afspraken_historicalopmerking stay as they are, with their rows, and monitoring 0001
    takes them over under the same names. No row moves.
    """

    dependencies = [("afspraken", "0005_versies_vastgelegde_inhoud")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalOpmerking"),
                migrations.DeleteModel(name="Opmerking"),
            ],
            database_operations=[],
        ),
    ]
