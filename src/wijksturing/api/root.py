"""The answer at /api/v1/ itself: where the schema, its documentation and the collections are.

The footer of every page links here ("Open data (API)"), so the root must answer rather than 404.
"""

from __future__ import annotations

from importlib import import_module

from django.urls import URLPattern, URLResolver, reverse
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

#: The apps whose ``api.urls`` make up /api/v1/ (included by wijksturing.api.urls).
APPS = ["areas", "monitor", "programmes", "budgets", "participation", "signals", "reports", "organisations"]


def _plain_paths(module: str) -> list[str]:
    """Paths of ``module``'s URL patterns that take no parameter (the collections), as written."""
    out = []
    for pattern in import_module(module).urlpatterns:
        if isinstance(pattern, URLResolver):
            continue
        route = str(pattern.pattern)
        if isinstance(pattern, URLPattern) and route and "<" not in route and "(?P" not in route:
            route = route.lstrip("^").rstrip("$")
            if "\\" not in route and "." not in route:
                out.append(route)
    return out


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request):
    base = reverse("api-root")
    collections = {}
    for app in APPS:
        for route in _plain_paths(f"wijksturing.{app}.api.urls"):
            if route == "lookup/":  # needs a point: shown with an example instead
                continue
            collections[route.strip("/")] = request.build_absolute_uri(base + route)
    return Response({
        "title": "wijksturing API",
        "schema": request.build_absolute_uri(reverse("schema")),
        "documentation": request.build_absolute_uri(reverse("api-docs")),
        "licence": "open data; software EUPL-1.2",
        "collections": dict(sorted(collections.items())),
        "point_lookup": request.build_absolute_uri(reverse("lookup")) + "?lon=5.9110&lat=51.9851",
    })
