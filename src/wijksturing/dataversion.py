"""The data version: one token in the shared cache that every cached page and fragment carries
in its key (``web.pagecache``). Any write that changes what the public pages show bumps it once
per transaction (and after commit) — for a whole import as for one admin edit — so that every web
process (sharing the cache through ``CACHE_URL``) builds its pages anew.

Writers call :func:`bump` explicitly where they write in bulk (``bulk_create``, ``bulk_update``,
``.update()``, which send no model signals); single saves and deletes of the watched models are
covered by the signals in ``web.pagecache``, which call :func:`bump` too. Several calls within one
transaction renew the token once (and once more after commit).
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import transaction

KEY = "data:generation"


_unread = False  # renewed by this process and not read since: a further renewal changes nothing


def current() -> str:
    """The current token (created on first use)."""
    global _unread
    _unread = False
    token = cache.get(KEY)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex[:12], None)
        token = cache.get(KEY, "")
    return token


def _renew() -> None:
    global _unread
    cache.set(KEY, uuid.uuid4().hex[:12], None)
    _unread = True
    for listener in _listeners:
        listener()


_listeners: list = []


def on_change(listener) -> None:
    """``listener()`` runs in this process after every bump (``web.pagecache`` forgets its copy)."""
    if listener not in _listeners:
        _listeners.append(listener)


def bump(using: str | None = None) -> None:
    """Renew the token now and again after the current transaction commits (a page built in
    between from the old data must not keep the new token). Within a transaction the renewal
    after commit is scheduled once, and renewing now is skipped while nobody has read the token
    since the last renewal: a loop saving ten thousand areas renews twice, not ten thousand times."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _renew()
        return
    if not any(func is _renew for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(_renew, using=using)
    # other connections see the changes only after commit; this one (a test, a page built inside
    # the transaction) sees them now: renew unless nothing read the token since the last renewal
    if not _unread:
        _renew()
