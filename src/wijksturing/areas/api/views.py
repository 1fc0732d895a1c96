from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from wijksturing.api.params import year_param
from wijksturing.areas.api.serializers import (
    GEOMETRY_MODES,
    MAX_TOLERANCE,
    AreaSerializer,
    LookupSerializer,
    MunicipalitySerializer,
)
from wijksturing.areas.models import Level
from wijksturing.areas.selectors import area_list, area_lookup_point, municipality_list

AREA_FILTERS = [
    OpenApiParameter("municipality", str, description="CBS gemeente code, e.g. GM0202"),
    OpenApiParameter("level", str, enum=[c for c, _ in Level.choices]),
    OpenApiParameter("year", int, description="Layout year (default: each municipality's latest layout)"),
    OpenApiParameter("geometry", str, enum=list(GEOMETRY_MODES), description=(
        "Boundaries: `simplified` (default in lists: about 5 m tolerance, topology kept), `full` (as published; "
        "default for one area) or `none`.")),
    OpenApiParameter("simplify", float, description=(
        "With `geometry=simplified`: the tolerance in degrees (default 0.00005, about 5 m; at most 0.01). "
        "Street maps ask a coarser one when zoomed out.")),
]


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MunicipalitySerializer
    lookup_field = "code"
    queryset = municipality_list().prefetch_related("layouts")


@extend_schema(parameters=AREA_FILTERS)
class AreaViewSet(viewsets.ReadOnlyModelViewSet):
    """Areas (gemeente, gebied, wijk, buurt) with their boundaries as GeoJSON geometries."""

    serializer_class = AreaSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9_.-]+"

    def get_queryset(self):
        level = self.request.query_params.get("level")
        if level and level not in Level.values:
            raise ValidationError({"level": f"choose one of {', '.join(Level.values)}"})
        return area_list(municipality_code=self.request.query_params.get("municipality"), level=level,
                         year=year_param(self.request))

    def get_serializer_context(self):
        context = super().get_serializer_context()
        mode = self.request.query_params.get("geometry") if self.request else None
        if mode is not None and mode not in GEOMETRY_MODES:
            raise ValidationError({"geometry": f"choose one of {', '.join(GEOMETRY_MODES)}"})
        context["geometry"] = mode or ("full" if getattr(self, "action", None) == "retrieve" else "simplified")
        raw = self.request.query_params.get("simplify") if self.request else None
        if raw is not None:
            try:
                tolerance = float(raw)
            except ValueError:
                raise ValidationError({"simplify": "a decimal number of degrees is required"}) from None
            if not 0 < tolerance <= MAX_TOLERANCE:
                raise ValidationError({"simplify": f"must be above 0 and at most {MAX_TOLERANCE}"})
            if context["geometry"] == "full":
                context["geometry"] = "simplified"
            context["tolerance"] = tolerance
        return context

    def get_object(self):
        area = self.get_queryset().filter(code=self.kwargs["code"]).first()
        if area is None:
            raise Http404
        return area


class LookupView(APIView):
    """Which buurt, wijk, gebied and gemeente contain a point (WGS84 longitude/latitude)?"""

    @extend_schema(
        parameters=[OpenApiParameter("lon", float, required=True), OpenApiParameter("lat", float, required=True),
                    OpenApiParameter("municipality", str)],
        responses=LookupSerializer,
    )
    def get(self, request):
        values = {}
        for name, low, high in (("lon", -180, 180), ("lat", -90, 90)):
            raw = request.query_params.get(name)
            try:
                values[name] = float(raw)
            except (TypeError, ValueError):
                raise ValidationError({name: "a decimal number is required"}) from None
            if not low <= values[name] <= high:
                raise ValidationError({name: f"must be between {low} and {high}"})
        found = area_lookup_point(
            lon=values["lon"], lat=values["lat"], municipality_code=request.query_params.get("municipality")
        )
        if not found:
            raise Http404("No area contains this point.")
        data = {"lon": values["lon"], "lat": values["lat"]}
        for level in ("buurt", "wijk", "gebied", "gemeente"):
            data[level] = AreaSerializer(found[level]).data if level in found else None
        return Response(data)


