"""Staff API of signals (work list, detail, status change) and the public category tree and
handling-time statistics. Contact details appear only in the detail, only for the
responsible team and administrators."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from wijksturing.api.params import year_param
from wijksturing.signals import selectors, services
from wijksturing.signals.api import serializers as s
from wijksturing.signals.workflow import OPEN, TransitionError

MUNICIPALITY = OpenApiParameter("municipality", str, required=True, description="CBS gemeente code, e.g. GM0202")


def _code(request) -> str:
    code = (request.query_params.get("municipality") or "").upper()
    if not code:
        raise exceptions.ValidationError({"municipality": "Give the CBS gemeente code, e.g. GM0202."})
    return code


@extend_schema(tags=["signals"], parameters=[MUNICIPALITY])
class CategoryList(generics.ListAPIView):
    serializer_class = s.CategorySerializer
    permission_classes = [AllowAny]
    pagination_class = None

    def get_queryset(self):
        return selectors.category_list(municipality_code=_code(self.request))


@extend_schema(tags=["signals"], parameters=[MUNICIPALITY, OpenApiParameter("year", int)],
               responses=s.StatisticsRowSerializer(many=True))
class Statistics(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        rows = selectors.handling_statistics(municipality_code=_code(request), year=year_param(request))
        return Response(rows)


@extend_schema(tags=["signals"], parameters=[MUNICIPALITY, OpenApiParameter("open", bool)])
class SignalList(generics.ListAPIView):
    serializer_class = s.SignalSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        qs = selectors.signal_work_list(user=self.request.user, municipality_code=_code(self.request))
        if self.request.query_params.get("open") in ("true", "1"):
            qs = qs.filter(status__in=OPEN)
        return qs.order_by("-created_at", "-pk")


def _get_handled(request, pk: int):
    try:
        signal = selectors.signal_get(pk=pk)
    except ObjectDoesNotExist:
        raise exceptions.NotFound("No such signal.") from None
    if not selectors.signal_can_handle(user=request.user, signal=signal):
        raise exceptions.PermissionDenied("You are not in the team responsible for this signal.")
    return signal


@extend_schema(tags=["signals"])
class SignalDetail(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=s.SignalDetailSerializer)
    def get(self, request, pk: int):
        signal = _get_handled(request, pk)
        reporter = None
        if selectors.reporter_visible(user=request.user, signal=signal):
            r = signal.reporter
            reporter = {"name": r.name, "email": r.email, "phone": r.phone, "consent": r.consent, "removed_at": r.removed_at}
        return Response(s.SignalDetailSerializer(signal, context={"reporter": reporter}).data)


@extend_schema(tags=["signals"], request=s.TransitionSerializer, responses=s.SignalSerializer)
class SignalTransition(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, pk: int):
        signal = _get_handled(request, pk)
        data = s.TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            signal = services.signal_transition(signal_id=signal.pk, to_status=data.validated_data["status"],
                                                by=request.user, note=data.validated_data["note"],
                                                reply=data.validated_data["reply"], site_url=request.build_absolute_uri("/"))
        except TransitionError as exc:
            raise exceptions.ValidationError({"status": str(exc)}) from None
        except PermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc)) from None
        return Response(s.SignalSerializer(selectors.signal_get(pk=signal.pk)).data)
