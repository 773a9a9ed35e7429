"""The acting party of work nobody does in a browser: a management command run by whoever
has shell access to the server (import_workbook, load_demo). Services take it as `door`
like a person; it holds every permission but meets the same freeze and version checks, and
history records name no user for it.
"""


class Systeem:
    """Duck-types the parts of a user that services and permission checks ask."""

    pk = None
    id = None
    is_active = True
    is_authenticated = True
    is_superuser = True
    is_staff = False
    username = "systeem"

    def has_perm(self, perm, obj=None) -> bool:
        return True

    def __str__(self):
        return "Driehoek (opdrachtregel)"


SYSTEEM = Systeem()


def geschiedenis_gebruiker(door):
    """The user a history record names: nobody for the system, else the person."""
    return None if door is None or isinstance(door, Systeem) else door
