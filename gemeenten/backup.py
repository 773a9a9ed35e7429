"""Backup and restore of one installation: every row of the database and every file in the
default storage (MEDIA_ROOT, or the S3 bucket through django-storages), byte for byte.

A backup is a directory:
  data.xml.gz    `dumpdata` of every app with natural keys, without the tables Django fills
                 itself (content types, permissions) or that hold nothing to keep (sessions);
  bestanden/     each stored file at its own name;
  manifest.json  the SHA-256 and size of every file and the row count of every model.

The restore goes into an empty, migrated database (it refuses one that holds data), writes
the files back through the storage API and checks them against the manifest. The backup is
portable between SQLite and PostgreSQL; for a large PostgreSQL installation pg_dump/pg_restore
of the database with a copy of the bucket is the faster route (README, "Backup and restore").
Only the operator runs this, through the management commands `backup_maken` and
`backup_terugzetten`; it is no domain write and so passes no service.
"""

import contextlib
import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction

UITGESLOTEN = ["contenttypes", "auth.permission", "sessions"]
# XML, not JSON: the JSON serializer cuts timestamps to milliseconds, XML keeps them whole.
DATA = "data.xml.gz"
MAP = "bestanden"
MANIFEST = "manifest.json"


class BackupFout(Exception):
    """A restore that cannot go ahead; the message says why, for the operator."""


def _modellen():
    uitgesloten = {u for u in UITGESLOTEN if "." not in u}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in uitgesloten or label in UITGESLOTEN:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


def aantallen() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in _modellen()}


def opgeslagen_bestanden(opslag=default_storage, map_="") -> list[str]:
    """Every file name in the storage, walking its directories."""
    mappen, bestanden = opslag.listdir(map_) if _bestaat(opslag, map_) else ([], [])
    namen = [f"{map_}/{b}" if map_ else b for b in bestanden]
    for sub in mappen:
        namen.extend(opgeslagen_bestanden(opslag, f"{map_}/{sub}" if map_ else sub))
    return sorted(namen)


def _bestaat(opslag, map_) -> bool:
    try:
        opslag.listdir(map_)
    except (FileNotFoundError, NotADirectoryError):
        return False
    return True


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def maak(doel: Path) -> dict:
    """Write the backup into the new directory `doel`; returns its manifest."""
    doel.mkdir(parents=True, exist_ok=False)
    # One transaction: rows and the count in the manifest come from the same moment.
    with transaction.atomic():
        call_command(
            "dumpdata",
            exclude=UITGESLOTEN,
            natural_foreign=True,
            natural_primary=False,
            format="xml",
            output=str(doel / DATA),
            verbosity=0,
        )
        manifest = {"rijen": aantallen(), "bestanden": {}}
    for naam in opgeslagen_bestanden():
        with default_storage.open(naam, "rb") as bestand:
            data = bestand.read()
        pad = doel / MAP / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(data)
        manifest["bestanden"][naam] = {"sha256": _sha256(data), "bytes": len(data)}
    (doel / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


@contextlib.contextmanager
def _zonder_geschiedenis():
    """simple_history's own switch, read at every signal, for the length of the restore."""
    vorige = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = vorige


def terugzetten(bron: Path) -> dict:
    """Restore the backup in `bron` into this empty database and storage; returns its manifest."""
    manifest = json.loads((bron / MANIFEST).read_text())
    # A new, migrated database holds what the migrations seed (voorraad's categories and
    # segments) but no account; one with accounts is somebody's data and is not replaced.
    if get_user_model()._base_manager.exists() or opgeslagen_bestanden():
        raise BackupFout(
            "De database of de opslag is niet leeg (er zijn accounts of bestanden); zet de "
            "backup terug in een nieuwe, gemigreerde database met een lege opslag."
        )
    for naam, verwacht in manifest["bestanden"].items():
        if _sha256((bron / MAP / naam).read_bytes()) != verwacht["sha256"]:
            raise BackupFout(f"Het bestand {naam} in de backup wijkt af van het manifest.")
    # The history is restored from the backup itself: loaddata's many-to-many writes must not
    # add history rows of their own (simple_history records m2m changes even on raw loads).
    with transaction.atomic(), _zonder_geschiedenis():
        # The seeded rows make way for the backup's own (same keys, perhaps other texts).
        call_command("flush", interactive=False, verbosity=0)
        call_command("loaddata", str(bron / DATA), verbosity=0)
        if aantallen() != manifest["rijen"]:
            verschil = {
                label: (aantal, manifest["rijen"].get(label))
                for label, aantal in aantallen().items()
                if aantal != manifest["rijen"].get(label)
            }
            raise BackupFout(f"De teruggezette rijen wijken af van het manifest: {verschil}")
    for naam in manifest["bestanden"]:
        opgeslagen = default_storage.save(naam, ContentFile((bron / MAP / naam).read_bytes()))
        if opgeslagen != naam:
            raise BackupFout(f"De opslag bewaarde {naam} als {opgeslagen}.")
    return manifest
