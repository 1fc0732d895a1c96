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
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from wijksturing import dataversion
from wijksturing.monitor.selectors import data_version as monitor_version

PAGE_SECONDS = 600
VERSION_SECONDS = 2.0
GENERATION_KEY = dataversion.KEY
_memo: tuple[float, str] = (0.0, "")


def data_version() -> str:
    """``monitor.selectors.data_version()`` and the shared generation token
    (``wijksturing.dataversion``), at most ``VERSION_SECONDS`` old."""
    global _memo
    now = time.monotonic()
    if now < _memo[0]:
        return _memo[1]

    value = f"{monitor_version()}.{dataversion.current()}"
    _memo = (now + VERSION_SECONDS, value)
    return value


def forget_version() -> None:
    """Read the data version afresh at the next request of this process."""
    global _memo
    _memo = (0.0, "")


dataversion.on_change(forget_version)


def invalidate() -> None:
    """A new generation: every cached page and fragment of the public site is built anew (in
    every process sharing the cache; once per transaction however many rows changed)."""
    dataversion.bump()


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


#: The query parameters public pages read. Only these make a page key: ``?x=<random>`` gets the
#: cached page of the same URL without it, instead of a full render and one more cache entry
#: each time. A public page that reads another parameter must add it here.
CACHE_PARAMS = frozenset({"gemeente", "jaar", "indicator", "niveau", "klassen", "gebied", "gevonden", "lijst",
                          "postcode", "huisnummer", "adres", "lat", "lon", "pagina", "page", "status", "categorie",
                          "thema", "format"})
MAX_VALUE = 200  # longer values (no page parameter is this long) are not cached at all


def _cache_query(request: HttpRequest) -> str | None:
    """The allow-listed part of the query string in a fixed order, or None when a value is too long."""
    pairs = []
    for name in sorted(set(request.GET) & CACHE_PARAMS):
        for value in request.GET.getlist(name):
            if len(value) > MAX_VALUE:
                return None
            pairs.append((name, value))
    return urlencode(pairs)


def _drop_other_params(request: HttpRequest) -> None:
    query = _cache_query(request) or ""
    if set(request.GET) - CACHE_PARAMS:
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


def page_key(request: HttpRequest) -> str | None:
    """The cache key of a public page, or None when the request is not to be cached."""
    query = _cache_query(request)
    if query is None:
        return None
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    return f"web:page:{data_version()}:{get_language()}:{digest}"


def public_page(view):
    """Decorator of a public view: see the module's description."""
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET" or not _anonymous(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        _drop_other_params(request)  # the page stored under the key is the one without them
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
    if sender._meta.label == "monitor.ImportRun":
        now_and_on_commit(forget_version)  # the monitor's data version is read from the database
    else:
        invalidate()  # once per transaction, however many rows are saved


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
    "organisations": ("Organisation", "OrganisationArea", "Location"),
}


def connect_signals() -> None:
    """Called by the app's ``ready()``: saves and deletes of the watched models renew the version."""
    labels = list(WATCHED) + [f"{app}.{model}" for app, models in PANEL_MODELS.items()
                              if apps.is_installed(f"wijksturing.{app}") for model in models]
    for label in labels:
        for signal in (post_save, post_delete):
            signal.connect(_models_changed, sender=apps.get_model(label), dispatch_uid=f"web-pagecache-{label}-{id(signal)}")
