"""The write boundary: the two guards every service of the project calls before it writes.

`mag_handelen` asks the permission, declared once in the apps' rules.py, of the acting person
(`door`) on the object; `niet_bevroren` refuses content of a vastgesteld or ondertekend
jaarschijf, reading its status under a row lock so a vaststelling cannot slip in between.
Views check the same permissions to decide what to show; these guards make sure that a path
which forgets to (an admin action, a command, a new view) cannot write anyway.
"""

from afspraken.bevriezing import Bevroren
from afspraken.models import Jaarschijf
from afspraken.rules import jaarschijf_van
from gemeenten.services import Geweigerd

__all__ = ["Geweigerd", "mag_handelen", "niet_bevroren"]


def mag_handelen(door, perm: str, obj) -> None:
    """Raise unless `door` holds `perm` on `obj` (rules' object permission): Bevroren when a
    party meets a frozen jaarschijf (the one refusal a permitted editor meets, so it names
    the reason), Geweigerd otherwise."""
    if door is not None and door.has_perm(perm, obj):
        return
    jaarschijf = jaarschijf_van(obj)
    if (
        door is not None
        and jaarschijf is not None
        and jaarschijf.is_bevroren
        and door.has_perm("afspraken.view_overeenkomst", jaarschijf)
    ):
        raise Bevroren()
    raise Geweigerd()


def niet_bevroren(jaarschijf: Jaarschijf) -> Jaarschijf:
    """Lock the jaarschijf's row for the rest of the transaction and refuse a frozen one.

    Returns the locked, freshly read jaarschijf. On SQLite the lock is the database's write
    lock, taken at the start of the transaction (transaction_mode IMMEDIATE in settings).
    """
    vers = Jaarschijf.objects.select_for_update().get(pk=jaarschijf.pk)
    if vers.is_bevroren:
        raise Bevroren()
    return vers
