from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from wijksturing.api.params import year_param
from wijksturing.budgets import selectors
from wijksturing.budgets.api.serializers import BudgetSerializer, InitiativeSerializer
from wijksturing.budgets.models import Initiative

REQUIRED = [
    OpenApiParameter("municipality", str, required=True, description="CBS gemeente code, e.g. GM0202"),
    OpenApiParameter("gebied", str, required=True, description="the municipality's own gebied code, e.g. W1"),
]


def _required(request, name: str) -> str:
    value = (request.query_params.get(name) or "").strip()
    if not value:
        raise ValidationError({name: "This parameter is required."})
    return value


class BudgetView(APIView):
    """The area budget of a gebied in a year per domain: budget set by the council, commitments,
    spending, remaining and warnings (amounts as exact decimals)."""

    @extend_schema(parameters=REQUIRED + [OpenApiParameter("year", int, description="default: latest year with a budget")],
                   responses=BudgetSerializer)
    def get(self, request):
        municipality = _required(request, "municipality").upper()
        gebied = _required(request, "gebied")
        years = selectors.budget_years(municipality_code=municipality, gebied_code=gebied)
        year = year_param(request, default=years[-1] if years else None)
        if year is None:
            raise ValidationError({"year": "No budget for this gebied: give a year."})
        lines, total = selectors.budget_overview(municipality_code=municipality, gebied_code=gebied, year=year)
        data = {"municipality": municipality, "gebied": gebied, "year": year, "lines": lines, "total": total}
        return Response(BudgetSerializer(data).data)


@extend_schema(parameters=REQUIRED)
class InitiativeViewSet(viewsets.ReadOnlyModelViewSet):
    """Resident initiatives of a gebied (public: decided and approved ones only; no personal data)."""

    serializer_class = InitiativeSerializer

    def get_queryset(self):
        if self.action == "list":
            return selectors.initiative_list(user=self.request.user,
                                             municipality_code=_required(self.request, "municipality").upper(),
                                             gebied_code=_required(self.request, "gebied"))

        return Initiative.objects.filter(status__in=selectors.PUBLIC_STATUSES).select_related("municipality")
