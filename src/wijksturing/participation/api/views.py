from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets

from wijksturing.api.params import int_param
from wijksturing.participation.api.serializers import (
    ProposalSerializer,
    ResultSerializer,
    RoundSerializer,
)
from wijksturing.participation.models import Proposal, Result
from wijksturing.participation.selectors import PUBLIC_RESULT_PHASES, round_list


def _round_param(request) -> int | None:
    return int_param(request, "round", minimum=1)


@extend_schema(parameters=[OpenApiParameter("municipality", str, description="CBS gemeente code, e.g. GM0202")])
class RoundViewSet(viewsets.ReadOnlyModelViewSet):
    """Buurtbegroting rounds (neighbourhood participatory budgets)."""

    serializer_class = RoundSerializer

    def get_queryset(self):
        return round_list(municipality_code=self.request.query_params.get("municipality")).order_by("id")


@extend_schema(parameters=[OpenApiParameter("round", int, description="Round id")])
class ProposalViewSet(viewsets.ReadOnlyModelViewSet):
    """Proposals with their public review."""

    serializer_class = ProposalSerializer

    def get_queryset(self):
        qs = Proposal.objects.order_by("round_id", "id")
        round_id = _round_param(self.request)
        return qs.filter(round_id=round_id) if round_id is not None else qs


@extend_schema(parameters=[OpenApiParameter("round", int, description="Round id")])
class ResultViewSet(viewsets.ReadOnlyModelViewSet):
    """Published results: selected project ids, money per project and category, turnout per buurt
    (counts below 10 suppressed)."""

    serializer_class = ResultSerializer

    def get_queryset(self):
        qs = Result.objects.filter(published=True, round__phase__in=PUBLIC_RESULT_PHASES).order_by("round_id", "-id")
        round_id = _round_param(self.request)
        return qs.filter(round_id=round_id) if round_id is not None else qs
