"""URLs of Open311 GeoReport v2, one operation per format (``.json`` / ``.xml``) so that the
OpenAPI description names the right media type for each."""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)

from wijksturing.signals.open311 import schema, views
from wijksturing.signals.open311.renderers import Open311JSONRenderer, Open311XMLRenderer

JURISDICTION = OpenApiParameter(
    "jurisdiction_id", str, description="CBS gemeente code, e.g. GM0202. Optional when only one municipality is served.")
LIST_PARAMS = [
    JURISDICTION,
    OpenApiParameter("service_request_id", str, description="Comma-separated ids; overrides all other filters."),
    OpenApiParameter("service_code", str, description="Comma-separated service codes."),
    OpenApiParameter("start_date", str, description="W3C date-time; the window may not exceed 90 days."),
    OpenApiParameter("end_date", str, description="W3C date-time; default now (and start = end − 90 days)."),
    OpenApiParameter("status", str, description="open, closed, or both comma-separated."),
]
ERROR_LIST = {"type": "array", "items": {"type": "object", "required": ["code", "description"], "properties": {
    "code": {"type": "integer"}, "description": {"type": "string"}}}}
ERRORS = {code: OpenApiResponse(ERROR_LIST, description=text) for code, text in
          ((400, "Bad request: the description names the parameter."), (403, "Missing or invalid api_key."),
           (404, "Unknown jurisdiction_id, service_code or service_request_id."))}
TAG = ["open311"]


def _doc(fmt: str, name: str, method: str, **kwargs):
    return extend_schema(operation_id=f"open311_{name}_{fmt}", tags=TAG, **kwargs)


def _variant(view, fmt: str, name: str, docs: dict):
    renderer = Open311JSONRenderer if fmt == "json" else Open311XMLRenderer
    cls = type(f"{view.__name__}{fmt.upper()}", (view,), {"renderer_classes": [renderer]})
    return extend_schema_view(**{m: _doc(fmt, f"{name}_{m}" if len(docs) > 1 else name, m, **d) for m, d in docs.items()})(cls)


SERVICES = {"get": {"summary": "List the services (signal subcategories)", "parameters": [JURISDICTION],
                    "responses": {200: schema.ServiceSerializer(many=True), **ERRORS}}}
DEFINITION = {"get": {"summary": "The definition of one service (its extra attributes)", "parameters": [JURISDICTION],
                      "responses": {200: schema.ServiceDefinitionSerializer, **ERRORS}}}
REQUESTS = {
    "get": {"summary": "Search service requests (signals)", "parameters": LIST_PARAMS,
            "responses": {200: schema.ServiceRequestSerializer(many=True), **ERRORS}},
    "post": {"summary": "Create a service request (needs an api_key)", "parameters": [JURISDICTION],
             "request": {"application/x-www-form-urlencoded": schema.CreateRequestSerializer,
                         "multipart/form-data": schema.CreateRequestSerializer,
                         "application/json": schema.CreateRequestSerializer},
             "responses": {200: schema.CreatedSerializer(many=True), **ERRORS},
             "examples": [OpenApiExample("Pothole", request_only=True, value={
                 "api_key": "…", "jurisdiction_id": "GM0202", "service_code": "onderhoud-straat-fietspad-en-stoep",
                 "lat": 51.98, "long": 5.91,
                 "description": "Gat in de weg"})]},
}
DETAIL = {"get": {"summary": "One service request", "parameters": [JURISDICTION],
                  "responses": {200: schema.ServiceRequestSerializer(many=True), **ERRORS}}}

urlpatterns = []
for fmt in ("json", "xml"):
    urlpatterns += [
        path(f"open311/v2/services.{fmt}", _variant(views.ServiceListView, fmt, "services", SERVICES).as_view(),
             {"format": fmt}, name=f"open311-services-{fmt}"),
        path(f"open311/v2/services/<str:service_code>.{fmt}",
             _variant(views.ServiceDefinitionView, fmt, "service_definition", DEFINITION).as_view(),
             {"format": fmt}, name=f"open311-service-{fmt}"),
        path(f"open311/v2/requests.{fmt}", _variant(views.RequestListView, fmt, "requests", REQUESTS).as_view(),
             {"format": fmt}, name=f"open311-requests-{fmt}"),
        path(f"open311/v2/requests/<str:request_id>.{fmt}",
             _variant(views.RequestDetailView, fmt, "request", DETAIL).as_view(),
             {"format": fmt}, name=f"open311-request-{fmt}"),
    ]
