"""Limits on how often something may happen, kept in the Django cache so that every process
sees the same counts when the cache is shared (Redis via ``CACHE_URL`` in production; the local
memory cache of development counts per process).

Fixed windows: ``limit_hit`` counts one event in the current window of ``window`` seconds and
says whether the limit is now passed; ``limit_reached`` only looks. Keys are hashed, so an
e-mail address or an IP address is never a readable cache key.
"""

from __future__ import annotations

import hashlib
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

#: (events, seconds) per scope; overridable per scope with settings.WIJKSTURING_RATE_LIMITS
DEFAULT_LIMITS = {
    "vote_code_ip": (10, 60),        # wrong voting codes per IP per minute
    "vote_code_round": (300, 60),    # wrong voting codes per round per minute (from every IP)
    "report_ip": (10, 600),          # public signal reports per IP per 10 minutes
    "form_ip": (20, 600),            # other public forms (initiatives, proposals) per IP per 10 minutes
    "mail_address": (5, 86400),      # e-mails to one address per day from anonymous forms
    "mail_ip": (20, 3600),           # anonymous forms that send e-mail, per IP per hour
}


def limits(scope: str) -> tuple[int, int]:
    configured = getattr(settings, "WIJKSTURING_RATE_LIMITS", {}) or {}
    return tuple(configured.get(scope, DEFAULT_LIMITS[scope]))


def _key(scope: str, key: str, window: int) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{key}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{int(time.time() // window)}"


def limit_hit(*, scope: str, key: str) -> bool:
    """Count one event for ``key``; True when this event is over the limit of ``scope``."""
    limit, window = limits(scope)
    cache_key = _key(scope, key, window)
    if cache.add(cache_key, 1, timeout=window + 1):
        return limit < 1
    try:
        return cache.incr(cache_key) > limit
    except ValueError:  # expired between add and incr: a new window
        cache.add(cache_key, 1, timeout=window + 1)
        return limit < 1


def limit_reached(*, scope: str, key: str) -> bool:
    """True when ``key`` has used up the limit of ``scope`` in the current window (counts nothing)."""
    limit, window = limits(scope)
    return (cache.get(_key(scope, key, window)) or 0) >= limit


def client_ip(request) -> str:
    """The client's address as the server sees it (behind a proxy, the proxy must pass it on as
    REMOTE_ADDR, e.g. gunicorn's ``--forwarded-allow-ips`` with a proxy protocol)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


# --- the client of the current request, for limits kept in services ------------------------------

_client: ContextVar[str] = ContextVar("wijksturing_client", default="")


def current_client() -> str:
    """The address of the client whose request is being handled ('' outside a request): the
    services that count per client (voting codes, public forms, e-mail) read it here, so that
    every way in (page, API) is limited alike."""
    return _client.get()


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _client.reset(token)

