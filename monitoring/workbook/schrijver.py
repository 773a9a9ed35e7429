"""Writing model objects for the importer with their history (every change attributable):
bulk operations through simple_history, and a tally of what was new or changed.
"""

from collections import Counter

from simple_history.utils import bulk_create_with_history, bulk_update_with_history


def zet(obj, **waarden) -> bool:
    """Set the attributes that differ; True when anything changed."""
    gewijzigd = False
    for naam, waarde in waarden.items():
        if getattr(obj, naam) != waarde:
            setattr(obj, naam, waarde)
            gewijzigd = True
    return gewijzigd


class Schrijver:
    def __init__(self, door=None):
        self.door = door
        self.nieuw: Counter = Counter()
        self.gewijzigd: Counter = Counter()
        self.verwijderd: Counter = Counter()

    def gebruiker(self, obj):
        """Mark `obj` so its history records name the importing user."""
        if self.door is not None:
            obj._history_user = self.door
        return obj

    def bewaar(self, obj, soort: str, nieuw: bool):
        """Save one object (its own history record through the post_save signal)."""
        self.gebruiker(obj).save()
        (self.nieuw if nieuw else self.gewijzigd)[soort] += 1
        return obj

    def maak(self, model, objecten: list, soort: str) -> list:
        if not objecten:
            return []
        gemaakt = bulk_create_with_history(objecten, model, default_user=self.door)
        self.nieuw[soort] += len(gemaakt)
        return gemaakt

    def werk_bij(self, model, objecten: list, velden: list[str], soort: str):
        """Save changed objects; a `versie` column (optimistic locking) goes up by one."""
        if not objecten:
            return
        if any(f.name == "versie" for f in model._meta.concrete_fields):
            for obj in objecten:
                obj.versie += 1
            velden = [*velden, "versie"]
        bulk_update_with_history(objecten, model, velden, default_user=self.door)
        self.gewijzigd[soort] += len(objecten)

    def verwijder(self, objecten: list, soort: str):
        for obj in objecten:
            self.gebruiker(obj).delete()
        self.verwijderd[soort] += len(objecten)
