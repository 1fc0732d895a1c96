"""The favicon at /favicon.ico: browsers ask for it on every site, whatever the page links to.

The error pages themselves are templates (403.html, 403_csrf.html, 404.html, 500.html in
web/templates), which Django's own error views find by name."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static


def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponsePermanentRedirect(static("web/favicon.svg"))

