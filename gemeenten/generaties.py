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
    _vers().clear()
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


def _vers() -> set:
    """Scopes this connection renewed since it last read tokens: renewing them again before
    the next read would change nothing this thread can see (an import saving 100 rows
    renews once, not 100 times)."""
    connection = transaction.get_connection()
    if not hasattr(connection, "driehoek_generaties_vers"):
        connection.driehoek_generaties_vers = set()
    return connection.driehoek_generaties_vers


def _bij_commit(scopes: set) -> None:
    """Adds `scopes` to the renewal this transaction does when it commits, registering it
    on the first write. Found among the transaction's own callbacks, so a rolled-back
    transaction or savepoint leaves nothing behind."""
    connection = transaction.get_connection()
    # Only one of the same savepoint: a savepoint rolled back takes its callbacks along.
    savepoints = set(connection.savepoint_ids)
    for sids, callback, _ in connection.run_on_commit:
        if sids == savepoints and hasattr(callback, "driehoek_scopes"):
            callback.driehoek_scopes |= scopes
            return

    def callback():
        _nu_vernieuwen(callback.driehoek_scopes)

    callback.driehoek_scopes = set(scopes)
    transaction.on_commit(callback)


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
    vers = _vers()
    if nieuw := scopes - vers:
        _nu_vernieuwen(nieuw)
        vers |= nieuw
    _bij_commit(scopes)


def geschreven(model: type[models.Model], objecten) -> None:
    """For writes that send no signal (bulk_create, bulk_update, QuerySet.update): renews
    the gemeenten whose pages show `objecten`, rows of a model registered with `volgen`."""
    pks = [obj.pk for obj in objecten]
    if None in pks:
        vernieuwen(alles=True)
    elif pks:
        _schrijven(model, pks)


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


def _gemeenten_van(model, pks, instance=None) -> set[int]:
    pad = _paden[model]
    if pad == "pk":
        return set(pks)
    if instance is not None and "__" not in pad:
        # The row holds the gemeente itself: no query.
        return {getattr(instance, model._meta.get_field(pad).attname)}
    return set(model._base_manager.filter(pk__in=pks).values_list(pad, flat=True))


def _schrijven(model, pks, instance=None) -> None:
    if _paden.get(model, "") is None:
        vernieuwen(alles=True)
    elif model in _paden:
        vernieuwen(_gemeenten_van(model, pks, instance))


def _na_opslaan(sender, instance, update_fields=None, **kwargs):
    # Logging in stamps last_login, which no page shows: not worth renewing every page for.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    _schrijven(sender, [instance.pk], instance)


def _voor_verwijderen(sender, instance, **kwargs):
    # Before: afterwards the path to the gemeente is gone with the row.
    _schrijven(sender, [instance.pk], instance)


def _koppeling(sender, instance, action, model, pk_set, **kwargs):
    if not action.startswith("post_") and action != "pre_clear":
        return
    # The change seen from either side: the row holding the field, or the related rows.
    if type(instance) in _paden:
        _schrijven(type(instance), [instance.pk])
    if model in _paden and pk_set:
        _schrijven(model, pk_set)
