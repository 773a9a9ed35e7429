import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def _content_types_verhuizen(apps, schema_editor, van: str, naar: str) -> None:
    """The models' content types follow them, so permissions granted on remarks and the
    admin's log entries keep pointing at them. A fresh database has none yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    alle = ContentType.objects.using(schema_editor.connection.alias)
    for model in ("opmerking", "historicalopmerking"):
        if not alle.filter(app_label=naar, model=model).exists():
            alle.filter(app_label=van, model=model).update(app_label=naar)


def naar_monitoring(apps, schema_editor):
    _content_types_verhuizen(apps, schema_editor, van="afspraken", naar="monitoring")


def terug_naar_afspraken(apps, schema_editor):
    _content_types_verhuizen(apps, schema_editor, van="monitoring", naar="afspraken")


class Migration(migrations.Migration):
    """Opmerking (with its history) comes from afspraken (afspraken 0006). The tables keep
    their names (db_table, and table_name of the history), so this creates no table and moves
    no row: only Django's record of the models and their content types change."""

    initial = True

    dependencies = [
        ("afspraken", "0006_opmerking_naar_monitoring"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("gemeenten", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HistoricalOpmerking",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("tekst", models.TextField(verbose_name="tekst")),
                        (
                            "aangemaakt_op",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="geplaatst op"
                            ),
                        ),
                        (
                            "afgehandeld",
                            models.BooleanField(default=False, verbose_name="afgehandeld"),
                        ),
                        (
                            "afgehandeld_op",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="afgehandeld op"
                            ),
                        ),
                        (
                            "versie",
                            models.PositiveIntegerField(
                                default=1, editable=False, verbose_name="versie"
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "afgehandeld_door",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="afgehandeld door",
                            ),
                        ),
                        (
                            "auteur",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="auteur",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "jaarafspraak",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                help_text="Leeg: een opmerking over de jaarschijf als geheel.",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="afspraken.jaarafspraak",
                                verbose_name="afspraak in jaarschijf",
                            ),
                        ),
                        (
                            "jaarschijf",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="afspraken.jaarschijf",
                                verbose_name="jaarschijf",
                            ),
                        ),
                        (
                            "organisatie",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="gemeenten.organisatie",
                                verbose_name="organisatie",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical opmerking",
                        "verbose_name_plural": "historical opmerkingen",
                        "db_table": "afspraken_historicalopmerking",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Opmerking",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("tekst", models.TextField(verbose_name="tekst")),
                        (
                            "aangemaakt_op",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="geplaatst op"
                            ),
                        ),
                        (
                            "afgehandeld",
                            models.BooleanField(default=False, verbose_name="afgehandeld"),
                        ),
                        (
                            "afgehandeld_op",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="afgehandeld op"
                            ),
                        ),
                        (
                            "versie",
                            models.PositiveIntegerField(
                                default=1, editable=False, verbose_name="versie"
                            ),
                        ),
                        (
                            "afgehandeld_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="afgehandeld door",
                            ),
                        ),
                        (
                            "auteur",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="opmerkingen",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="auteur",
                            ),
                        ),
                        (
                            "jaarafspraak",
                            models.ForeignKey(
                                blank=True,
                                help_text="Leeg: een opmerking over de jaarschijf als geheel.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="opmerkingen",
                                to="afspraken.jaarafspraak",
                                verbose_name="afspraak in jaarschijf",
                            ),
                        ),
                        (
                            "jaarschijf",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="opmerkingen",
                                to="afspraken.jaarschijf",
                                verbose_name="jaarschijf",
                            ),
                        ),
                        (
                            "organisatie",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="opmerkingen",
                                to="gemeenten.organisatie",
                                verbose_name="organisatie",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "opmerking",
                        "verbose_name_plural": "opmerkingen",
                        "db_table": "afspraken_opmerking",
                        "ordering": ["jaarschijf_id", "aangemaakt_op", "id"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(naar_monitoring, terug_naar_afspraken),
    ]
