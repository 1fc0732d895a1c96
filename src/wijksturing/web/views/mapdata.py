"""Data for the street maps' scripts: address search (PDOK locatieserver, with the offline
fallback of :mod:`wijksturing.web.geocode`) as JSON."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from wijksturing.web.geocode import GeocodeUnavailableError, address_search, normalise_postcode

MAX_RESULTS = 8


@require_GET
def address_json(request: HttpRequest) -> JsonResponse:
    """``?q=`` an address or a postcode with house number → ``{"results": [{label, lon, lat}]}``;
    503 when no address source can be reached."""
    query = (request.GET.get("q") or "").strip()[:200]
    if not query:
        return JsonResponse({"results": []})
    parts = query.replace(",", " ").split()
    postcode = normalise_postcode("".join(parts[:2])) if len(parts) >= 2 else None
    try:
        if postcode and len(parts) >= 3 and parts[2].isdigit():
            found = address_search(postcode=postcode, number=parts[2])
        else:
            found = address_search(text=query)
    except GeocodeUnavailableError:
        return JsonResponse({"results": [], "unavailable": True}, status=503)
    results = [{"label": a.label, "lon": a.lon, "lat": a.lat} for a in found[:MAX_RESULTS]]
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "no-store"
    return response
