"""Staff pages: the work list per team and gebied (filter, sort, map of open signals, bulk
assign, overdue marked), one signal (details, contact for the responsible team, history,
status change) and the staff intake for signals by phone or from partners."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijksturing.signals import selectors, services
from wijksturing.signals.forms import AssignForm, SignalForm, TransitionForm
from wijksturing.signals.maps import svg_map
from wijksturing.signals.models import Signal, Source, StatusChange
from wijksturing.signals.photos import photo_content_type, photo_decode
from wijksturing.signals.views.public import create_from_form, served_municipalities
from wijksturing.signals.workflow import OPEN, TransitionError

SORTS = {"nieuw": "-created_at", "oud": "created_at", "termijn": "deadline", "categorie": "category__name"}


def _work_municipality(request):
    allowed = [m for m in served_municipalities() if selectors.user_may_work(user=request.user, municipality_code=m.code)]
    if not allowed:
        raise PermissionDenied(_("You do not handle signals."))
    code = (request.GET.get("gemeente") or request.POST.get("gemeente") or "").upper()
    return next((m for m in allowed if m.code == code), allowed[0]), allowed


@login_required
def work_list(request):
    municipality, allowed = _work_municipality(request)
    code = municipality.code
    qs = selectors.signal_work_list(user=request.user, municipality_code=code)
    f = request.GET
    status = f.get("status", "open")
    if status == "open":
        qs = qs.filter(status__in=OPEN)
    elif status != "all":
        qs = qs.filter(status=status)
    if f.get("categorie"):
        qs = qs.filter(category__parent__slug=f["categorie"])
    if f.get("gebied"):
        qs = qs.filter(gebied_code=f["gebied"])
    if f.get("team"):
        qs = qs.filter(team__code=f["team"])
    if f.get("te_laat"):
        qs = qs.filter(status__in=OPEN, deadline__lt=timezone.localdate())
    qs = qs.order_by(SORTS.get(f.get("sorteer", "nieuw"), "-created_at"), "-pk")
    signals = list(qs[:500])
    today = timezone.localdate()
    for signal in signals:
        signal.overdue = selectors.signal_is_overdue(signal=signal, today=today)
    points = [(s.lon, s.lat, f"{s.pk} {s.category.name}") for s in signals if s.lat is not None and s.status in OPEN]
    return render(request, "signals/work_list.html", {
        "municipality": municipality, "municipalities": allowed, "signals": signals, "filters": f, "status": status,
        "statuses": Signal._meta.get_field("status").choices, "sorts": SORTS,
        "mains": selectors.category_list(municipality_code=code).filter(parent__isnull=True),
        "gebieden": sorted(set(selectors.signal_work_list(user=request.user, municipality_code=code).order_by()
                               .exclude(gebied_code="").values_list("gebied_code", flat=True))),
        "teams": selectors.team_list(municipality_code=code), "assign_form": AssignForm(municipality_code=code),
        "map": svg_map(municipality_code=code, points=points, title=_("Open signals on the map")),
    })


@login_required
@require_POST
def bulk_assign(request):
    municipality, _allowed = _work_municipality(request)
    form = AssignForm(request.POST, municipality_code=municipality.code)
    ids = [int(i) for i in request.POST.getlist("signals") if i.isdigit()]
    if not form.is_valid() or not ids:
        messages.error(request, _("Choose one or more signals and a team."))
        return redirect(f"{reverse('signals:work-list')}?gemeente={municipality.code}")
    team = selectors.team_list(municipality_code=municipality.code).get(pk=form.cleaned_data["team"])
    try:
        count = services.signal_assign(signal_ids=ids, team=team, by=request.user)
    except (PermissionDenied, ValidationError, TransitionError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(n)d signals assigned to %(team)s.") % {"n": count, "team": team.name})
    return redirect(f"{reverse('signals:work-list')}?gemeente={municipality.code}")


def _signal_for(request, pk: int) -> Signal:
    try:
        signal = selectors.signal_get(pk=pk)
    except Signal.DoesNotExist:
        raise Http404 from None
    if not selectors.signal_can_handle(user=request.user, signal=signal):
        raise PermissionDenied(_("You are not in the team responsible for this signal."))
    return signal


@login_required
@require_http_methods(["GET", "POST"])
def detail(request, pk: int):
    signal = _signal_for(request, pk)
    form = TransitionForm(request.POST or None,
                          next_statuses=selectors.signal_next_statuses(signal=signal))
    if request.method == "POST" and form.is_valid():
        try:
            services.signal_transition(signal_id=signal.pk, to_status=form.cleaned_data["to_status"], by=request.user,
                                       note=form.cleaned_data["note"], reply=form.cleaned_data["reply"],
                                       site_url=request.build_absolute_uri("/"))
        except TransitionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The status has been changed."))
            return redirect("signals:work-detail", pk=signal.pk)
    return render(request, "signals/work_detail.html", {
        "signal": signal, "municipality": signal.municipality, "form": form,
        "history": StatusChange.objects.filter(signal=signal).select_related("by"),
        "reporter": signal.reporter if selectors.reporter_visible(user=request.user, signal=signal) else None,
        "overdue": selectors.signal_is_overdue(signal=signal),
        "map": svg_map(municipality_code=signal.municipality.code, marker=(signal.lon, signal.lat),
                       title=_("Place of the signal")) if signal.lat is not None else None,
    })


@login_required
def photo(request, pk: int):
    signal = _signal_for(request, pk)
    content_type = photo_content_type(signal.photo.name) if signal.photo else None
    if content_type is None:
        raise Http404
    with signal.photo.open("rb") as stored:
        try:
            photo_decode(stored)  # files stored before photos were re-encoded: serve only real images
        except ValidationError:
            raise Http404 from None
    extension = signal.photo.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(signal.photo.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="melding-{signal.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def staff_intake(request):
    municipality, _allowed = _work_municipality(request)
    form = SignalForm(request.POST or None, request.FILES or None, municipality_code=municipality.code)
    if request.method == "POST" and form.is_valid():
        try:
            signal = create_from_form(request, form, municipality.code, source=Source.STAFF)
        except ValidationError as exc:
            form.add_error(None, "; ".join(exc.messages))
        else:
            messages.success(request, _("Signal %(id)s has been registered.") % {"id": signal.pk})
            return redirect("signals:work-detail", pk=signal.pk)
    return render(request, "signals/work_intake.html", {"form": form, "municipality": municipality})
