from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from wijksturing.api.pagination import KeysetPagination
from wijksturing.api.params import year_param
from wijksturing.areas.models import Level
from wijksturing.monitor.api.serializers import (
    IndexValueSerializer,
    IndicatorSerializer,
    ObservationSerializer,
    SimilarAreaSerializer,
)
from wijksturing.monitor.models import IndexValue, Observation, SimilarArea
from wijksturing.monitor.selectors import indicator_list

COMMON = [
    OpenApiParameter("municipality", str, description="CBS gemeente code"),
    OpenApiParameter("level", str, enum=[c for c, _ in Level.choices]),
    OpenApiParameter("year", int, description="Year of the figures"),
    OpenApiParameter("area", str, description="Area code"),
]


AREA_GEOMETRY = ("area__geometry",)  # never serialised here; large (boundaries as published)


def _filter(request, qs, area_prefix: str = "area"):
    params = request.query_params
    level = params.get("level")
    if level and level not in Level.values:
        raise ValidationError({"level": f"choose one of {', '.join(Level.values)}"})
    if params.get("municipality"):
        qs = qs.filter(**{f"{area_prefix}__layout__municipality__code": params["municipality"]})
    if level:
        qs = qs.filter(**{f"{area_prefix}__level": level})
    if params.get("area"):
        qs = qs.filter(**{f"{area_prefix}__code": params["area"]})
    year = year_param(request)
    if year is not None:
        qs = qs.filter(year=year)
    return qs


def _public(request) -> bool:
    """Anonymous visitors read published figures only; staff see everything."""
    return not getattr(request.user, "is_staff", False)


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet):
    """The indicator catalogue of the Leefbare Wijken Monitor (published indicators for the public)."""

    serializer_class = IndicatorSerializer
    lookup_field = "code"

    def get_queryset(self):
        return indicator_list(public=_public(self.request))


@extend_schema(parameters=COMMON + [OpenApiParameter("indicator", str, description="Indicator code")])
class ObservationViewSet(viewsets.ReadOnlyModelViewSet):
    """Figures per area and year. Suppressed values (small numbers) are empty."""

    serializer_class = ObservationSerializer
    pagination_class = KeysetPagination  # pages by primary key (cursor): the far end as fast as the first page

    def get_queryset(self):
        # without the areas' boundaries: a page of 1000 figures would otherwise parse 1000 geometries
        qs = _filter(self.request, Observation.objects.select_related("indicator", "area", "area__layout")
                     .defer(*AREA_GEOMETRY))
        if _public(self.request):
            qs = qs.filter(indicator__published=True)
        if self.request.query_params.get("indicator"):
            qs = qs.filter(indicator__code=self.request.query_params["indicator"])
        return qs.order_by("pk")


@extend_schema(parameters=COMMON)
class IndexViewSet(viewsets.ReadOnlyModelViewSet):
    """The liveability index per area and year (100 = the municipality in the base year), its
    dimensions, the indicators used, trend and flags."""

    serializer_class = IndexValueSerializer
    pagination_class = KeysetPagination

    def get_queryset(self):
        return (_filter(self.request, IndexValue.objects.select_related("area").defer(*AREA_GEOMETRY))
                .order_by("pk"))


@extend_schema(parameters=[OpenApiParameter("area", str, description="Wijk code"),
                           OpenApiParameter("municipality", str)])
class SimilarAreaViewSet(viewsets.ReadOnlyModelViewSet):
    """For each wijk the most similar wijken (any municipality) on a documented set of indicators."""

    serializer_class = SimilarAreaSerializer

    def get_queryset(self):
        qs = (SimilarArea.objects.select_related("area", "other", "other__layout__municipality")
              .defer(*AREA_GEOMETRY, "other__geometry"))
        params = self.request.query_params
        if params.get("area"):
            qs = qs.filter(area__code=params["area"])
        if params.get("municipality"):
            qs = qs.filter(area__layout__municipality__code=params["municipality"])
        return qs.order_by("area__code", "rank", "pk")
