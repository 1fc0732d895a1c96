"""The open gebiedsrapportage API (read-only, public): published reports with their frozen
content, questions and answers, commitments to the council, and the IV3 taakvelden."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from wijksturing.reports import selectors
from wijksturing.reports.api.serializers import (
    AreaReportDetailSerializer,
    AreaReportSerializer,
    CommitmentSerializer,
    QuestionSerializer,
    TaakveldSerializer,
)
from wijksturing.reports.taakvelden import TAAKVELDEN

FILTERS = [
    OpenApiParameter("municipality", str, description="CBS gemeente code, e.g. GM0202"),
    OpenApiParameter("gebied", str, description="the municipality's own gebied code, e.g. W1"),
]


def _filters(request) -> dict:
    return {"municipality_code": (request.query_params.get("municipality") or "").upper() or None,
            "gebied_code": (request.query_params.get("gebied") or "").strip() or None}


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class AreaReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Published gebiedsrapportages (frozen: content, HTML and PDF with their sha256)."""

    permission_classes = [AllowAny]

    def get_serializer_class(self):
        return AreaReportDetailSerializer if self.action == "retrieve" else AreaReportSerializer

    def get_queryset(self):
        if self.action == "list":
            return selectors.area_report_published(**_filters(self.request)).defer("pdf", "html")
        return selectors.area_report_published()


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class QuestionViewSet(viewsets.ReadOnlyModelViewSet):
    """Questions of council members to the area teams on published reports, with the answers
    on the record (without the names of who asked or answered)."""

    permission_classes = [AllowAny]
    serializer_class = QuestionSerializer

    def get_queryset(self):
        f = _filters(self.request)
        qs = selectors.question_list(municipality_code=f["municipality_code"])
        if f["gebied_code"]:
            qs = qs.filter(report__gebied_code=f["gebied_code"])
        return qs.order_by("pk")


@extend_schema_view(list=extend_schema(parameters=FILTERS))
class CommitmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Commitments to the council (toezeggingen) per gebied, with owner, due date and status."""

    permission_classes = [AllowAny]
    serializer_class = CommitmentSerializer

    def get_queryset(self):
        return selectors.commitment_list(**_filters(self.request)).order_by("pk")


class TaakveldView(APIView):
    """The national IV3 taakvelden in which the area budgets are classified."""

    permission_classes = [AllowAny]

    @extend_schema(responses=TaakveldSerializer(many=True))
    def get(self, request):
        return Response(TaakveldSerializer([{"code": c, "name": n} for c, n in TAAKVELDEN], many=True).data)
