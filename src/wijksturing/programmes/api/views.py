from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets

from wijksturing.programmes import selectors
from wijksturing.programmes.api.serializers import (
    AgendaSerializer,
    GoalSerializer,
    ProgrammeListSerializer,
    ProgrammeSerializer,
)
from wijksturing.programmes.models import Agenda, Goal
from wijksturing.programmes.progress import annotate_goal, annotate_programme

MUNICIPALITY = OpenApiParameter("municipality", str, description="CBS gemeente code, e.g. GM0202")


@extend_schema(parameters=[MUNICIPALITY])
class AgendaViewSet(viewsets.ReadOnlyModelViewSet):
    """City-wide change agendas (veranderopgaven)."""

    serializer_class = AgendaSerializer

    def get_queryset(self):
        qs = Agenda.objects.select_related("municipality")
        if self.request.query_params.get("municipality"):
            qs = qs.filter(municipality__code=self.request.query_params["municipality"].upper())
        return qs


@extend_schema(parameters=[MUNICIPALITY, OpenApiParameter("area", str, description="gebied code (W1) or gemeente code")])
class ProgrammeViewSet(viewsets.ReadOnlyModelViewSet):
    """Area programmes with themes, goals, intended results, efforts and progress. Public:
    published programmes only; staff and council of the municipality also see drafts."""

    def get_serializer_class(self):
        return ProgrammeListSerializer if self.action == "list" else ProgrammeSerializer

    def get_queryset(self):
        params = self.request.query_params
        return selectors.programme_list(
            user=self.request.user, municipality_code=(params.get("municipality") or "").upper() or None,
            area_code=params.get("area") or None,
        ).order_by("municipality__code", "area_code", "-start_year")

    def get_object(self):
        return annotate_programme(super().get_object())


class GoalViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Goals with indicator measures (baseline, target, series) and computed or recorded progress."""

    serializer_class = GoalSerializer

    def get_queryset(self):
        readable = selectors.programme_list(user=self.request.user).values("pk")
        return Goal.objects.filter(theme__programme__in=readable).select_related("theme__programme__municipality")

    def get_object(self):
        return annotate_goal(super().get_object())
