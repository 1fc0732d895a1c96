"""Whole-response cache of the public pages whose content only changes on an import.

``public_page`` serves an anonymous GET from Django's cache under (scheme, host, path, query
string, language, data version). A warm hit costs one cache lookup: the data version itself is
kept in process memory for ``VERSION_SECONDS``. An import or recomputation (a new ImportRun)
changes the version; this process forgets its copy at once (signal), other processes within
``VERSION_SECONDS``. Changes outside imports (a theme colour, a team contact, an area's name in
the admin, and what the later modules' area panels show: ``PANEL_MODELS``) renew a generation
token in the cache (signals below); with a cache shared by all processes that shows at once, with
the default per-process memory cache in the other processes after at most ``PAGE_SECONDS``.

Never cached: requests with a session or messages cookie or a logged-in user (staff get their
own page and it is never stored for others), non-200 responses, responses setting a cookie or
writing the session, and pages that used a CSRF token (a public page with a POST form is
therefore never stored).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

PAGE_SECONDS = 600
VERSION_SECONDS = 2.0
GENERATION_KEY = "web:generation"
_memo: tuple[float, str] = (0.0, "")


def data_version() -> str:
    """``monitor.selectors.data_version()`` and the generation token, at most ``VERSION_SECONDS`` old."""
    global _memo
    now = time.monotonic()
    if now < _memo[0]:
        return _memo[1]
    from wijksturing.monitor.selectors import data_version as monitor_version

    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex[:8], None)
        generation = cache.get(GENERATION_KEY, "")
    value = f"{monitor_version()}.{generation}"
    _memo = (now + VERSION_SECONDS, value)
    return value


def forget_version() -> None:
    """Read the data version afresh at the next request of this process."""
    global _memo
    _memo = (0.0, "")


def invalidate() -> None:
    """A new generation: every cached page and fragment of the public site is built anew."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex[:8], None)
    forget_version()


def now_and_on_commit(func: Callable[[], None]) -> None:
    """Run ``func`` now and again after the transaction commits (a request in between could
    otherwise keep the old version for ``VERSION_SECONDS``)."""
    func()
    transaction.on_commit(func)


def _anonymous(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not (session is not None and session.modified)
            and "private" not in response.get("Cache-Control", "") and "no-store" not in response.get("Cache-Control", ""))


def page_key(request: HttpRequest) -> str:
    url = hashlib.md5(request.build_absolute_uri().encode(), usedforsecurity=False).hexdigest()
    return f"web:page:{data_version()}:{get_language()}:{url}"


def public_page(view):
    """Decorator of a public view: see the module's description."""
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET" or not _anonymous(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return response
            cache.set(key, response, PAGE_SECONDS)
            state = "miss"
        else:
            state = "hit"
        patch_vary_headers(response, ("Cookie",))
        response["X-Cache"] = state
        return response

    return wrapper


def _models_changed(sender, **kwargs) -> None:
    now_and_on_commit(forget_version if sender._meta.label == "monitor.ImportRun" else invalidate)


WATCHED = ("monitor.ImportRun", "areas.Municipality", "areas.Layout", "areas.Area", "areas.GebiedDefinition",
           "areas.TeamContact", "monitor.Indicator", "monitor.IndexDimension")
#: What the later modules' panels on the area pages show (``<app>/area_panel.html``): a change
#: renews the generation. Not ``signals.Signal``: residents' reports arrive all day, so the
#: signals panel may be up to ``PAGE_SECONDS`` old. Not the ballots of a buurtbegroting either
#: (the panel shows no ballot counts).
PANEL_MODELS = {
    "programmes": ("Agenda", "Programme", "Theme", "ThemeAgenda", "Goal", "Result", "Effort", "Measure", "Review"),
    "budgets": ("BudgetLine", "Entry", "Initiative"),
    "participation": ("Round", "Result"),
}


def connect_signals() -> None:
    """Called by the app's ``ready()``: saves and deletes of the watched models renew the version."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    labels = list(WATCHED) + [f"{app}.{model}" for app, models in PANEL_MODELS.items()
                              if apps.is_installed(f"wijksturing.{app}") for model in models]
    for label in labels:
        for signal in (post_save, post_delete):
            signal.connect(_models_changed, sender=apps.get_model(label), dispatch_uid=f"web-pagecache-{label}-{id(signal)}")
