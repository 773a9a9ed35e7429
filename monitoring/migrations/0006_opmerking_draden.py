# Remark threads (issues #11 point 5, #15 point 4): replies (Reactie) and the deletion
# placeholder of a remark (verwijderd_door, verwijderd_op).

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0003_organisatie_scope_registratie"),
        ("monitoring", "0005_berichtinstellingen"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalopmerking",
            name="verwijderd_door",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="verwijderd door",
            ),
        ),
        migrations.AddField(
            model_name="historicalopmerking",
            name="verwijderd_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="verwijderd op"),
        ),
        migrations.AddField(
            model_name="opmerking",
            name="verwijderd_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="verwijderd door",
            ),
        ),
        migrations.AddField(
            model_name="opmerking",
            name="verwijderd_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="verwijderd op"),
        ),
        migrations.CreateModel(
            name="HistoricalReactie",
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
                    "afhandeling",
                    models.BooleanField(default=False, verbose_name="antwoord bij afhandelen"),
                ),
                (
                    "verwijderd_op",
                    models.DateTimeField(blank=True, null=True, verbose_name="verwijderd op"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
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
                    "opmerking",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="monitoring.opmerking",
                        verbose_name="opmerking",
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
                (
                    "verwijderd_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="verwijderd door",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical reactie",
                "verbose_name_plural": "historical reacties",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Reactie",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
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
                    "afhandeling",
                    models.BooleanField(default=False, verbose_name="antwoord bij afhandelen"),
                ),
                (
                    "verwijderd_op",
                    models.DateTimeField(blank=True, null=True, verbose_name="verwijderd op"),
                ),
                (
                    "auteur",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="opmerking_reacties",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="auteur",
                    ),
                ),
                (
                    "opmerking",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reacties",
                        to="monitoring.opmerking",
                        verbose_name="opmerking",
                    ),
                ),
                (
                    "organisatie",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="gemeenten.organisatie",
                        verbose_name="organisatie",
                    ),
                ),
                (
                    "verwijderd_door",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="verwijderd door",
                    ),
                ),
            ],
            options={
                "verbose_name": "reactie",
                "verbose_name_plural": "reacties",
                "ordering": ["opmerking_id", "aangemaakt_op", "id"],
            },
        ),
    ]
