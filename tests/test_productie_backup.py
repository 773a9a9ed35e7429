"""Backup and restore (issue 14, point 4): a full demo database and every stored file, dumped,
restored into an empty database and storage, and found back: every row of every table
(history included) field by field, every file byte for byte. Files under the storage are
taken as they come, so the signed PDFs are covered as soon as the demo stores them.
"""

import os
import shutil

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from gemeenten import backup
from tests.monitoring.werkboeken import leeg_database

pytestmark = pytest.mark.django_db


def alle_rijen() -> dict[str, list]:
    """Every row of every table; a many-to-many link table's rows as their pairs, since the
    serializer stores the links on their object and the link rows get new ids."""
    rijen = {}
    for model in backup._modellen():
        if model._meta.auto_created:
            velden = [v.attname for v in model._meta.concrete_fields if not v.primary_key]
            rijen[model._meta.label_lower] = sorted(model._base_manager.values_list(*velden))
        else:
            rijen[model._meta.label_lower] = list(model._base_manager.order_by("pk").values())
    return rijen


def alle_bestanden() -> dict[str, bytes]:
    inhoud = {}
    for naam in backup.opgeslagen_bestanden():
        with default_storage.open(naam, "rb") as bestand:
            inhoud[naam] = bestand.read()
    return inhoud


@pytest.fixture
def opslag(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_a_demo_database_and_its_files_come_back_whole(opslag, tmp_path):
    call_command("load_demo", "--stil", "--ook-zonder-debug")
    default_storage.save("ondertekend/2026/jaarschijf.pdf", ContentFile(os.urandom(50_000)))
    default_storage.save("bijlagen/map met spatie/é.bin", ContentFile(bytes(range(256)) * 3))
    rijen, bestanden = alle_rijen(), alle_bestanden()
    assert sum(map(len, rijen.values())) > 500 and len(bestanden) >= 2

    call_command("backup_maken", str(tmp_path / "backup"))
    leeg_database()
    shutil.rmtree(opslag)
    assert not any(backup.aantallen().values()) and not backup.opgeslagen_bestanden()

    call_command("backup_terugzetten", str(tmp_path / "backup"))
    assert alle_rijen() == rijen
    assert alle_bestanden() == bestanden


def test_restore_refuses_a_database_that_holds_data(opslag, tmp_path):
    from tests import factories

    factories.GebruikerFactory()
    call_command("backup_maken", str(tmp_path / "backup"))
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("backup_terugzetten", str(tmp_path / "backup"))


def test_restore_refuses_a_changed_file(opslag, tmp_path):
    default_storage.save("a.pdf", ContentFile(b"%PDF-1.7 echt"))
    call_command("backup_maken", str(tmp_path / "backup"))
    (tmp_path / "backup" / backup.MAP / "a.pdf").write_bytes(b"%PDF-1.7 vals")
    shutil.rmtree(opslag)
    with pytest.raises(CommandError, match="wijkt af van het manifest"):
        call_command("backup_terugzetten", str(tmp_path / "backup"))
