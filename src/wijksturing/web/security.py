"""Security headers on every response: a strict Content-Security-Policy and a Permissions-Policy.

Scripts only from this site: no inline script, no ``eval``, no other origin. Styles from this
site's stylesheets, plus the ``<style>`` elements of the page itself (the municipality's theme
colours, the colours of a map), each allowed by its SHA-256 hash, computed here from the very
response that goes out — so a page from the page cache gets the right hashes too. No ``style``
attributes (templates use classes, SVG ``fill`` attributes or a ``<style>`` element instead).
Nothing may frame the site; forms post only to it. The Django admin keeps inline styles (its own
templates use ``style`` attributes), never inline scripts. A response that set its own policy
(the photo view: ``sandbox``) keeps it.
"""

from __future__ import annotations

import base64
import hashlib
import re

_STYLE_ELEMENT = re.compile(rb"<style(?:\s[^>]*)?>(.*?)</style>", re.DOTALL | re.IGNORECASE)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()"


def content_security_policy(style_sources: str = "'self'") -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        f"style-src {style_sources}",
        "img-src 'self' data: https:",  # a municipality's logo may live on its own site
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def style_hashes(html: bytes) -> list[str]:
    """The CSP sources that allow exactly the ``<style>`` elements of ``html``."""
    found = []
    for body in _STYLE_ELEMENT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in found:
            found.append(source)
    return found


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response.headers:
            styles = "'self'"
            if request.path.startswith("/admin/"):
                styles = "'self' 'unsafe-inline'"
            elif not getattr(response, "streaming", False) and "html" in response.get("Content-Type", ""):
                styles = " ".join(["'self'", *style_hashes(response.content)])
            response.headers["Content-Security-Policy"] = content_security_policy(styles)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
