"""Content generations: one token per gemeente that changes whenever anything shown on that
gemeente's pages is written, so a page rendered for a generation can be cached under it
(gemeenten.paginacache) and is never served once the content moved on.

Every app registers its models with the path from a row to its gemeente (`volgen`, from the
AppConfig's ready()); a save, delete or many-to-many change of such a row renews the
gemeente's token, whoever writes it (a service, the admin, an import). Writes that send no
signal (bulk_create, bulk_update, QuerySet.update) renew explicitly with `vernieuwen`.
Organisations and people are shared between gemeenten: a change to them renews ALLES, a token
every page key includes.

Tokens are random, not counters, and live in the shared cache (settings.CACHES): an evicted
token is replaced by a new one, which can only cause a miss, never a stale page. A write
renews at once and again when its transaction commits: a page rendered between the two from
the not yet committed state is keyed by the first token and orphaned by the second.
"""

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete

ALLES = "alles"
LANDELIJK = "landelijk"
# Tokens outlive the pages keyed by them; evicting one only renews it.
LEVENSDUUR = 7 * 24 * 3600

_paden: dict[type[models.Model], str | None] = {}


def _sleutel(scope) -> str:
    return f"driehoek:generatie:{scope}"


def tokens(gemeente_ids: Iterable[int] = (), *, landelijk: bool = False) -> tuple:
    """The current tokens of these gemeenten (sorted by pk), of ALLES and, for pages about
    every gemeente, LANDELIJK: one cache round trip; a missing token is created."""
    # A write after this read must renew again, even within the same transaction.
    for bij_commit in _renewals():
        bij_commit.vers.clear()
    scopes = [ALLES, *([LANDELIJK] if landelijk else []), *sorted(set(gemeente_ids))]
    sleutels = {_sleutel(scope): scope for scope in scopes}
    gevonden = cache.get_many(list(sleutels))
    ontbrekend = {sleutel: uuid.uuid4().hex for sleutel in sleutels if sleutel not in gevonden}
    for sleutel, token in ontbrekend.items():
        # add(), not set(): of two requests creating the same token, both use the first.
        if not cache.add(sleutel, token, LEVENSDUUR):
            ontbrekend[sleutel] = cache.get(sleutel) or token
    gevonden |= ontbrekend
    return tuple((scope, gevonden[sleutel]) for sleutel, scope in sleutels.items())


def _nu_vernieuwen(scopes) -> None:
    cache.set_many({_sleutel(scope): uuid.uuid4().hex for scope in scopes}, LEVENSDUUR)


class _BijCommit:
    """A transaction's (or savepoint's) renewal when it commits, registered with its first
    write, and what it renewed at once since this thread last read tokens: renewing those
    again before the next read would change nothing anyone can see (an import saving 100
    rows renews once, not 100 times). It lives among the transaction's on_commit callbacks,
    so a rollback, which drops them, leaves no state behind."""

    def __init__(self):
        self.scopes: set = set()
        self.vers: set = set()
        self.paden: dict = {}

    def __call__(self):
        _nu_vernieuwen(self.scopes)


def _renewals() -> list[_BijCommit]:
    connection = transaction.get_connection()
    return [c for _, c, _ in connection.run_on_commit if isinstance(c, _BijCommit)]


def _bij_commit() -> _BijCommit:
    connection = transaction.get_connection()
    savepoints = set(connection.savepoint_ids)
    for sids, callback, _ in connection.run_on_commit:
        if sids == savepoints and isinstance(callback, _BijCommit):
            return callback
    callback = _BijCommit()
    transaction.on_commit(callback)
    return callback


def vernieuwen(gemeente_ids: Iterable[int] = (), *, alles: bool = False) -> None:
    """Renews the tokens of these gemeenten (and the national one), or ALLES: now and again
    when the surrounding transaction commits (see the module's docstring)."""
    scopes = {gid for gid in gemeente_ids if gid is not None}
    if alles:
        scopes.add(ALLES)
    if not scopes:
        return
    scopes.add(LANDELIJK)
    if not transaction.get_connection().in_atomic_block:
        _nu_vernieuwen(scopes)
        return
    bij_commit = _bij_commit()
    bij_commit.scopes |= scopes
    if nieuw := scopes - bij_commit.vers:
        _nu_vernieuwen(nieuw)
        bij_commit.vers |= nieuw


def geschreven(model: type[models.Model], objecten) -> None:
    """For writes that send no signal (bulk_create, bulk_update, QuerySet.update): renews
    the gemeenten whose pages show `objecten`, rows of a model registered with `volgen`."""
    objecten = list(objecten)
    pks = [obj.pk for obj in objecten]
    if None in pks:
        vernieuwen(alles=True)
    elif pks:
        _schrijven(model, pks, objecten)


def volgen(model: type[models.Model], pad: str | None) -> None:
    """Renew a gemeente's token on every write of `model`: `pad` is the lookup from a row to
    its gemeente's pk ("overeenkomst__gemeente"), None for rows shared between gemeenten
    (a write renews ALLES)."""
    _paden[model] = pad
    uid = f"driehoek-generatie-{model._meta.label}"
    post_save.connect(_na_opslaan, sender=model, dispatch_uid=uid)
    pre_delete.connect(_voor_verwijderen, sender=model, dispatch_uid=uid)
    for veld in model._meta.local_many_to_many:
        m2m_changed.connect(_koppeling, sender=veld.remote_field.through, dispatch_uid=uid)


_ONBEKEND = object()


def _uit_geheugen(instance, pad: str):
    """The gemeente at the end of `pad`, read from the related objects the row holds in
    memory already (a service or import that built it from its parents): no query."""
    *tussen, laatste = pad.split("__")
    for naam in tussen:
        veld = instance._meta.get_field(naam)
        if not veld.is_cached(instance):
            return _ONBEKEND
        instance = getattr(instance, naam)
        if instance is None:
            return None
    return getattr(instance, instance._meta.get_field(laatste).attname)


def _gemeenten_van(model, pks, instances=()) -> set[int]:
    pad = _paden[model]
    if pad == "pk":
        return set(pks)
    gevonden = {_uit_geheugen(instance, pad) for instance in instances}
    if instances and _ONBEKEND not in gevonden:
        return gevonden
    if len(instances) != 1:
        return set(model._base_manager.filter(pk__in=pks).values_list(pad, flat=True))
    # From the row's own foreign key: the rest of the path once per parent and transaction
    # (an import's hundred rows of one jaarschijf ask once).
    eerste, _, rest = pad.partition("__")
    veld = model._meta.get_field(eerste)
    ouder = getattr(instances[0], veld.attname)
    if ouder is None:
        return set()
    return {_via(veld.related_model, rest, ouder)}


def _via(model, pad: str, pk: int):
    sleutel = (model, pad, pk)
    onthouden = [c.paden for c in _renewals()]
    for paden in onthouden:
        if sleutel in paden:
            return paden[sleutel]
    gemeente = model._base_manager.filter(pk=pk).values_list(pad, flat=True).first()
    if transaction.get_connection().in_atomic_block:
        # The path from a row to its gemeente never changes while the row exists; kept by
        # this savepoint's renewal, so it goes with it if the row was made in it.
        _bij_commit().paden[sleutel] = gemeente
    return gemeente


def _schrijven(model, pks, instances=()) -> None:
    if _paden.get(model, "") is None:
        vernieuwen(alles=True)
    elif model in _paden:
        vernieuwen(_gemeenten_van(model, pks, instances))


def _na_opslaan(sender, instance, update_fields=None, raw=False, **kwargs):
    # Logging in stamps last_login, which no page shows: not worth renewing every page for.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    if raw:
        # loaddata (a restore, a fixture): every page at once rather than a query per row.
        vernieuwen(alles=True)
        return
    _schrijven(sender, [instance.pk], [instance])


def _voor_verwijderen(sender, instance, **kwargs):
    # Before: afterwards the path to the gemeente is gone with the row.
    _schrijven(sender, [instance.pk], [instance])


def _koppeling(sender, instance, action, model, pk_set, **kwargs):
    if not action.startswith("post_") and action != "pre_clear":
        return
    # The change seen from either side: the row holding the field, or the related rows.
    if type(instance) in _paden:
        _schrijven(type(instance), [instance.pk], [instance])
    if model in _paden and pk_set:
        _schrijven(model, pk_set)
