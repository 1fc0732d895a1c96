from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from wijksturing.areas.selectors import area_list
from wijksturing.organisations import hsds, selectors
from wijksturing.organisations.api.serializers import OrganisationSerializer
from wijksturing.organisations.models import Kind, Organisation, Theme

MUNICIPALITY = OpenApiParameter("municipality", str, required=True, description="CBS gemeente code, e.g. GM0202")
FILTERS = [
    OpenApiParameter("area", str, description="only entries working in this area (gebied, wijk or buurt code) or below it"),
    OpenApiParameter("theme", str, enum=Theme.values, description="only entries with this theme"),
    OpenApiParameter("kind", str, enum=Kind.values, description="only entries of this kind"),
]


def _municipality(request) -> str:
    value = (request.query_params.get("municipality") or "").strip().upper()
    if not value:
        raise ValidationError({"municipality": "This parameter is required."})
    return value


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Strengths in the wijk: public entries (the organisation agreed; active) of a municipality."""

    serializer_class = OrganisationSerializer

    @extend_schema(parameters=[MUNICIPALITY] + FILTERS)
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        if self.action != "list":
            return Organisation.objects.filter(selectors.PUBLIC).select_related("municipality").prefetch_related(
                "areas", "locations")
        code = _municipality(self.request)
        area = self.request.query_params.get("area")
        codes = None
        if area:
            found = area_list(municipality_code=code).filter(code=area).first()
            if found is None:
                raise ValidationError({"area": "Unknown area."})
            codes = selectors.area_codes_around(area=found)
        theme = self.request.query_params.get("theme") or None
        if theme and theme not in Theme.values:
            raise ValidationError({"theme": "Unknown theme."})
        return selectors.organisation_public_list(municipality_code=code, area_codes=codes, theme=theme,
                                                  kind=self.request.query_params.get("kind") or None)


class HsdsView(APIView):
    """The public register of a municipality as an Open Referral HSDS 3.0 document
    (organizations, services, locations)."""

    @extend_schema(parameters=[MUNICIPALITY], responses=OpenApiTypes.OBJECT)
    def get(self, request):
        return Response(hsds.export_document(municipality_code=_municipality(request)))
