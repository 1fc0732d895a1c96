"""Open311 GeoReport v2 at /open311/v2/ (see docs/open311.md). Errors use the specification's
own format (``[{"code": 400, "description": "..."}]`` / ``<errors><error>…``), not the API's
``{"errors": [...]}``: these views set ``native_errors = True`` and render their errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import validate_email
from django.http import Http404
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from wijksturing.areas import selectors as area_selectors
from wijksturing.core.numbers import parse_coordinate
from wijksturing.signals import selectors, services
from wijksturing.signals.models import Category, Source
from wijksturing.signals.open311 import documents
from wijksturing.signals.open311.renderers import Open311JSONRenderer, Open311XMLRenderer
from wijksturing.signals.text import first_control_character
from wijksturing.signals.workflow import HANDLED

WINDOW = dt.timedelta(days=90)
MAX_RESULTS = 1000
_FIELD_NAMES = {"lon": "long", "address": "address_string", "name": "first_name", "__all__": "request"}


class Open311Error(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code, self.description = code, description


class ByFormat(DefaultContentNegotiation):
    """The URL's .json/.xml decides the format, whatever the Accept header says."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = format_suffix or "json"
        for renderer in renderers:
            if renderer.format == wanted:
                return renderer, renderer.media_type
        return renderers[0], renderers[0].media_type


def _param(data, name: str) -> str:
    value = data.get(name) if hasattr(data, "get") else None
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise Open311Error(400, f"{name} must be a text value")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Open311Error(400, f"{name} is not valid UTF-8 text") from None
    if (bad := first_control_character(value)) is not None:
        # refused at the door: stored, it would make requests.xml ill-formed for every client
        raise Open311Error(400, f"{name} contains a control character (U+{ord(bad):04X}); send plain text")
    return value.strip()


class Open311PostThrottle(SimpleRateThrottle):
    """POSTs per API key (its hash prefix), else per client address; reads are not limited here."""

    scope = "open311_post"

    def get_cache_key(self, request, view):
        if request.method != "POST":
            return None
        key = request.headers.get("X-Api-Key") or (request.POST.get("api_key") if hasattr(request, "POST") else "")
        ident = "key:" + hashlib.sha256(key.encode()).hexdigest()[:16] if key else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class Open311View(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [Open311PostThrottle]
    native_errors = True
    content_negotiation_class = ByFormat
    parser_classes = [FormParser, MultiPartParser, JSONParser]
    renderer_classes = [Open311JSONRenderer, Open311XMLRenderer]

    def respond(self, data, root: str, status: int = 200) -> Response:
        response = Response(data, status=status)
        response.open311_root = root
        return response

    def handle_exception(self, exc):
        if isinstance(exc, Open311Error):
            code, description = exc.code, exc.description
        elif isinstance(exc, (Http404, ObjectDoesNotExist)):
            code, description = 404, str(exc) or "Not found"
        elif isinstance(exc, exceptions.APIException):
            code, description = exc.status_code, str(exc.detail)
        else:
            raise exc
        response = self.respond([{"code": code, "description": description}], "errors", status=code)
        if isinstance(exc, exceptions.MethodNotAllowed):
            response["Allow"] = ", ".join(self.allowed_methods)
        if isinstance(exc, exceptions.Throttled) and exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    def jurisdiction(self, request, data=None) -> str:
        code = _param(request.query_params, "jurisdiction_id") or (_param(data, "jurisdiction_id") if data else "")
        if not code:
            served = list(Category.objects.order_by().values_list("municipality__code", flat=True).distinct()[:2])
            if len(served) == 1:
                return served[0]
            raise Open311Error(400, "jurisdiction_id is required (the CBS gemeente code, e.g. GM0202)")
        try:
            return area_selectors.municipality_get(code=code).code
        except ObjectDoesNotExist:
            raise Open311Error(404, f"jurisdiction_id {code!r} is not served here") from None


class ServiceListView(Open311View):
    def get(self, request, format=None):
        code = self.jurisdiction(request)
        services_ = [documents.service_doc(c) for c in selectors.category_list(municipality_code=code, leaves_only=True)]
        return self.respond(services_, "services")


class ServiceDefinitionView(Open311View):
    def get(self, request, service_code: str, format=None):
        code = self.jurisdiction(request)
        try:
            category = selectors.category_get(municipality_code=code, slug=service_code)
        except ObjectDoesNotExist:
            raise Open311Error(404, f"service_code {service_code!r} not found") from None
        return self.respond(documents.service_definition_doc(category), "service_definition")


def _when(value: str, name: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = parse_datetime(value)
        if parsed is None and (day := parse_date(value)) is not None:
            parsed = dt.datetime.combine(day, dt.time.min)
    except ValueError:
        parsed = None
    if parsed is None:
        raise Open311Error(400, f"{name} is not a W3C date-time (e.g. 2026-05-01T00:00:00Z)")
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class RequestListView(Open311View):
    def get(self, request, format=None):
        code = self.jurisdiction(request)
        params = request.query_params
        qs = documents.with_status_notes(selectors.signal_public_list(municipality_code=code))
        ids = [i for i in (_param(params, "service_request_id") or "").split(",") if i.strip()]
        if ids:
            numbers = [n for n in (_int_id(i) for i in ids) if n is not None]
            qs = qs.filter(pk__in=numbers)
        else:
            start, end = _when(_param(params, "start_date"), "start_date"), _when(_param(params, "end_date"), "end_date")
            if start and end and end < start:
                raise Open311Error(400, "end_date is before start_date")
            if start and end and end - start > WINDOW:
                raise Open311Error(400, "start_date and end_date may not span more than 90 days")
            end = end or (start + WINDOW if start else timezone.now())
            start = start or end - WINDOW
            qs = qs.filter(created_at__gte=start, created_at__lte=end)
            if services_ := [s for s in _param(params, "service_code").split(",") if s.strip()]:
                qs = qs.filter(category__slug__in=[s.strip() for s in services_])
            statuses = {s.strip() for s in _param(params, "status").split(",") if s.strip()}
            if statuses - {"open", "closed"}:
                raise Open311Error(400, "status must be open, closed or both (comma-separated)")
            if statuses == {"open"}:
                qs = qs.exclude(status__in=HANDLED)
            elif statuses == {"closed"}:
                qs = qs.filter(status__in=HANDLED)
        docs = [documents.request_doc(s) for s in qs.order_by("-created_at", "-pk")[:MAX_RESULTS]]
        return self.respond(docs, "service_requests")

    def post(self, request, format=None):
        data = request.data
        if "api_key" in request.query_params:
            # a key in the URL ends up in server and proxy logs: refused, whatever its value
            raise Open311Error(400, "api_key must be sent in the request body or the X-Api-Key header, never in the URL")
        key = _param(data, "api_key") or _param(request.headers, "X-Api-Key")
        api_key = selectors.api_key_lookup(key=key) if key else None
        if api_key is None:
            raise Open311Error(403, "api_key is missing or invalid")
        wanted = (_param(request.query_params, "jurisdiction_id") or _param(data, "jurisdiction_id")).upper()
        # a key belongs to one municipality: that is the jurisdiction unless another one is named
        code = api_key.municipality.code if wanted in ("", api_key.municipality.code) else self.jurisdiction(request, data)
        if api_key.municipality.code != code:
            raise Open311Error(403, f"this api_key may not post to jurisdiction_id {code!r}")
        service_code = _param(data, "service_code")
        if not service_code:
            raise Open311Error(400, "service_code is required")
        try:
            category = selectors.category_get(municipality_code=code, slug=service_code)
        except ObjectDoesNotExist:
            raise Open311Error(400, f"service_code {service_code!r} not found") from None
        lat, lon = _number(data, "lat"), _number(data, "long")
        address = _param(data, "address_string") or _param(data, "address_id")
        if (lat is None or lon is None) and not address:
            raise Open311Error(400, "a location is required: lat and long, address_string or address_id")
        email = _param(data, "email")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise Open311Error(400, "email is not a valid e-mail address") from None
        name = " ".join(p for p in (_param(data, "first_name"), _param(data, "last_name")) if p)[:150]
        reporter = {"email": email, "phone": _param(data, "phone")[:30], "name": name,
                    "device_id": _param(data, "device_id")[:100], "consent": bool(email or _param(data, "phone"))}
        try:
            signal = services.signal_create(
                category=category, description=_param(data, "description"), lat=lat, lon=lon, address=address,
                source=Source.OPEN311, reporter=reporter, media_url=_param(data, "media_url")[:500],
                site_url=request.build_absolute_uri("/"))
        except ValidationError as exc:
            raise Open311Error(400, _describe(exc)) from None
        return self.respond([documents.created_doc(signal)], "service_requests")


def _number(data, name: str) -> float | None:
    raw = _param(data, name)
    if not raw:
        return None
    try:
        return parse_coordinate(raw)  # the one parser: 52.0123 or 52,0123; no NaN, no exponent
    except ValueError:
        raise Open311Error(400, f"{name} is not a number") from None


def _int_id(text: str) -> int | None:
    text = text.strip()
    if re.fullmatch(r"[0-9]{1,18}", text) and int(text) > 0:
        return int(text)
    return None


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{_FIELD_NAMES.get(f, f)}: {' '.join(m)}" for f, m in exc.message_dict.items())
    return " ".join(exc.messages)


class RequestDetailView(Open311View):
    def get(self, request, request_id: str, format=None):
        code = self.jurisdiction(request)
        qs = documents.with_status_notes(selectors.signal_public_list(municipality_code=code))
        number = _int_id(request_id)
        signal = qs.filter(pk=number).first() if number is not None else None
        if signal is None:
            raise Open311Error(404, f"service_request_id {request_id!r} not found")
        return self.respond([documents.request_doc(signal)], "service_requests")
