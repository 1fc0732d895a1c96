"""Public pages: the report form (works without JavaScript: the map is an image button whose
click position the browser submits), the follow page of one's own signal, the map image and the
handling-time statistics."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijksturing.areas import selectors as area_selectors
from wijksturing.signals import selectors, services
from wijksturing.signals.forms import SignalForm, check_photo
from wijksturing.signals.maps import frame_for, svg_map
from wijksturing.signals.models import Category, Source, StatusChange
from wijksturing.signals.suggest import category_suggest
from wijksturing.signals.text import round_coordinate
from wijksturing.signals.uploads import photo_forget, photo_keep, photo_kept, photo_name


def served_municipalities() -> list:
    codes = set(Category.objects.order_by().values_list("municipality__code", flat=True).distinct())
    return [m for m in area_selectors.municipality_list() if m.code in codes]


def _municipality(request):
    served = served_municipalities()
    code = (request.GET.get("gemeente") or request.POST.get("gemeente") or "").upper()
    chosen = next((m for m in served if m.code == code), None)
    if chosen is None and len(served) == 1:
        chosen = served[0]
    return chosen, served


def _map_click(request, municipality_code: str) -> tuple[float, float] | None:
    if "map.x" not in request.POST:
        return None
    frame = frame_for(municipality_code=municipality_code)
    try:
        return frame.lonlat(float(request.POST["map.x"]), float(request.POST["map.y"])) if frame else None
    except (TypeError, ValueError):
        return None


def create_from_form(request, form: SignalForm, municipality_code: str, *, source: str):
    data = form.cleaned_data
    category = selectors.category_get(municipality_code=municipality_code, slug=data["category"])
    has_point = not data["no_location"] and data.get("lat") is not None and data.get("lon") is not None
    reporter = {k: data[k] for k in ("name", "email", "phone")} if data["consent"] else {}
    reporter["consent"] = bool(data["consent"])
    return services.signal_create(
        category=category, description=data["description"], lat=data["lat"] if has_point else None,
        lon=data["lon"] if has_point else None, address="" if data["no_location"] else data["address"],
        source=source, by=request.user, reporter=reporter, photo=data.get("photo"),
        site_url=request.build_absolute_uri("/"))


def _keep_new_photo(request, token: str) -> str:
    """Keep a photo sent along with a map click (or with a form that has errors), so that the
    resident need not choose it again; say so when it cannot be used. Returns the token of the
    photo kept now (the new one, else the one kept before)."""
    upload = request.FILES.get("photo")
    if upload is None:
        return token
    try:
        check_photo(upload)
    except ValidationError as error:
        messages.error(request, _("The photo could not be used: %(reason)s") % {"reason": " ".join(error.messages)})
        return token
    photo_forget(request=request, token=token)
    return photo_keep(request=request, upload=upload)


@require_http_methods(["GET", "POST"])
def report(request):
    municipality, served = _municipality(request)
    if municipality is None:
        return render(request, "signals/choose_municipality.html", {"municipalities": served, "municipality": None})
    code = municipality.code
    point = None
    token = request.POST.get("photo_token", "") if request.method == "POST" else ""
    if token and request.POST.get("photo_remove"):
        photo_forget(request=request, token=token)
        token = ""
    clicked = _map_click(request, code) if request.method == "POST" else None
    if request.method == "POST" and (clicked is not None or _round_trip(request.POST)):
        point = clicked or _posted_point(request.POST)
        token = _keep_new_photo(request, token)
        initial = {k: request.POST.get(k, "") for k in ("category", "description", "address", "name", "email", "phone")}
        if request.POST.get("use_category"):
            initial["category"] = request.POST["use_category"]
        form = SignalForm(initial={**initial, "lon": point[0] if point else None, "lat": point[1] if point else None,
                                   "consent": bool(request.POST.get("consent")), "photo_token": token},
                          municipality_code=code)
        if clicked is not None:
            messages.info(request, _("The place on the map is chosen. Check the form and send it."))
    elif request.method == "POST":
        files = request.FILES
        if "photo" not in files and (kept := photo_kept(request=request, token=token)) is not None:
            files = files.copy()
            files["photo"] = kept
        form = SignalForm(request.POST, files, municipality_code=code)
        if form.is_valid():
            try:
                signal = create_from_form(request, form, code, source=Source.PUBLIC_FORM)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                photo_forget(request=request, token=token)
                messages.success(request, _("Thank you. We have received your report."))
                return redirect("signals:follow", token=signal.token)
        if "photo" in request.FILES and "photo" not in form.errors:
            token = _keep_new_photo(request, token)  # the form goes back: keep the photo that was fine
        form.data = form.data.copy()
        form.data["photo_token"] = token
        if form.data.get("lat") and form.data.get("lon"):
            try:
                point = (float(form.data["lon"]), float(form.data["lat"]))
            except ValueError:
                point = None
    else:
        form = SignalForm(municipality_code=code)
    has_map = frame_for(municipality_code=code) is not None
    values = form.data if form.is_bound else form.initial
    helpers = _helpers(code, values.get("description", ""), values.get("category", ""), point) \
        if request.method == "POST" else {}
    return render(request, "signals/report.html", {
        **helpers, "form": form, "municipality": municipality, "has_map": has_map, "point": point,
        "kept_photo": photo_name(request=request, token=token) if token else None,
        "categories": selectors.category_list(municipality_code=code, leaves_only=True)})


def _round_trip(post) -> bool:
    """A submit that does not send the report: "check" (suggestion and similar reports) or
    choosing the suggested category."""
    return bool(post.get("check") or post.get("use_category"))


def _posted_point(post) -> tuple[float, float] | None:
    try:
        lon, lat = float(post.get("lon") or ""), float(post.get("lat") or "")
    except ValueError:
        return None
    return (lon, lat) if -180 <= lon <= 180 and -90 <= lat <= 90 else None


def _helpers(code: str, description: str, category: str, point) -> dict:
    """The category suggestion and the open reports nearby ("is this the same report?")."""
    suggestions = category_suggest(municipality_code=code, text=description or "")
    nearby = []
    if point is not None:
        slug = category or (suggestions[0].slug if suggestions else "")
        nearby = selectors.signal_nearby(municipality_code=code, lon=point[0], lat=point[1], category_slug=slug or None)
    return {"suggestions": suggestions, "chosen_category": category, "nearby": nearby, "helpers_asked": True}


def report_helpers(request):
    """The suggestion and the nearby reports as an HTML fragment, for the form's script
    (the same fragment is in the page after a "check" without JavaScript)."""
    municipality, _served = _municipality(request)
    if municipality is None:
        raise Http404(_("Choose a municipality."))
    point = _posted_point(request.GET)
    context = _helpers(municipality.code, request.GET.get("description", "")[:3000], request.GET.get("category", ""), point)
    response = render(request, "signals/_helpers.html", {**context, "municipality": municipality})
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def support(request, pk: int):
    """ "Me too": count the resident's support of an open report instead of a duplicate."""
    try:
        signal = selectors.signal_get(pk=pk)
        supported = request.session.get("signals_supported", [])
        if pk in supported:
            messages.info(request, _("You already said you see this too. Thank you."))
        else:
            count = services.signal_support_add(signal_id=pk)
            request.session["signals_supported"] = supported + [pk]
            messages.success(request, _("Thank you. We counted you with report %(id)s (%(n)s residents see this too). "
                                        "You do not need to report it again.") % {"id": pk, "n": count})
    except ObjectDoesNotExist:
        raise Http404(_("No report with this number.")) from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(reverse("signals:report") + f"?gemeente={signal.municipality.code}")
    return redirect(reverse("signals:open") + f"?gemeente={signal.municipality.code}"
                    + (f"&gebied={signal.gebied_code}" if signal.gebied_code else "") + f"#melding-{pk}")


@require_http_methods(["GET", "POST"])
def follow(request, token: str):
    try:
        signal = selectors.signal_by_token(token=token)
    except ObjectDoesNotExist:
        raise Http404(_("No report with this link.")) from None
    if request.method == "POST":
        answer = request.POST.get("satisfied")
        if answer not in ("yes", "no"):
            messages.error(request, _("Choose yes or no."))
        else:
            try:
                services.signal_feedback(token=token, satisfied=answer == "yes", reopen=bool(request.POST.get("reopen")),
                                         comment=request.POST.get("comment", ""), site_url=request.build_absolute_uri("/"))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Your report is open again. We will look at it once more.")
                                 if answer == "no" and request.POST.get("reopen") else _("Thank you for your answer."))
        return redirect("signals:follow", token=token)
    history = StatusChange.objects.filter(signal=signal).order_by("at", "id").only("to_status", "at", "reply")
    until = selectors.signal_reopen_until(signal=signal)
    return render(request, "signals/follow.html", {
        "signal": signal, "history": history, "municipality": signal.municipality,
        "handled": signal.closed_at is not None, "feedback": selectors.signal_feedback_given(signal=signal),
        "reopen_until": until if until and until > timezone.now() else None,
        "reopen_days": settings.SIGNALS_REOPEN_DAYS})


def open_reports(request):
    """The public list and map of open reports per area: category, date, status, the buurt and a
    point rounded to about 100 m; no description, no reporter, no photo."""
    municipality, served = _municipality(request)
    if municipality is None:
        return render(request, "signals/choose_municipality.html", {"municipalities": served, "municipality": None,
                                                                       "open_list": True})
    code = municipality.code
    gebieden = list(area_selectors.area_list(municipality_code=code, level="gebied")) or \
        list(area_selectors.area_list(municipality_code=code, level="wijk"))
    chosen = next((g for g in gebieden if g.code == request.GET.get("gebied")), None)
    rows = list(selectors.signal_open_public(municipality_code=code, gebied_code=chosen.code if chosen else None))
    names = {a.code: a.name for a in area_selectors.area_list(municipality_code=code, level="buurt")}
    names.update({a.code: a.name for a in area_selectors.area_list(municipality_code=code, level="wijk")})
    for signal in rows:
        signal.place_name = names.get(signal.buurt_code) or names.get(signal.wijk_code) or ""
        signal.lat_coarse = round_coordinate(signal.lat)
        signal.lon_coarse = round_coordinate(signal.lon)
    query = f"gemeente={code}" + (f"&gebied={chosen.code}" if chosen else "")
    return render(request, "signals/open_reports.html", {
        "municipality": municipality, "gebieden": gebieden, "chosen": chosen, "rows": rows, "query": query,
        "has_map": frame_for(municipality_code=code) is not None})


def open_map_svg(request):
    municipality, _served = _municipality(request)
    if municipality is None:
        raise Http404(_("Choose a municipality."))
    gebied = request.GET.get("gebied") or None
    points = [(round_coordinate(s.lon), round_coordinate(s.lat), f"{s.category.name}")
              for s in selectors.signal_open_public(municipality_code=municipality.code, gebied_code=gebied)
              if s.lat is not None]
    svg = svg_map(municipality_code=municipality.code, points=points, title=_("Open reports"))
    if svg is None:
        raise Http404(_("No map for this municipality."))
    return HttpResponse(svg, content_type="image/svg+xml")


def map_svg(request, code: str):
    marker = None
    try:
        if request.GET.get("lat") and request.GET.get("lon"):
            marker = (float(request.GET["lon"]), float(request.GET["lat"]))
    except ValueError:
        marker = None
    svg = svg_map(municipality_code=code.upper(), marker=marker, title=_("Map of the neighbourhoods"))
    if svg is None:
        raise Http404(_("No map for this municipality."))
    return HttpResponse(svg, content_type="image/svg+xml")


def statistics(request):
    municipality, served = _municipality(request)
    if municipality is None:
        return render(request, "signals/choose_municipality.html", {"municipalities": served, "statistics": True,
                                                                       "municipality": None})
    year = request.GET.get("jaar")
    year = int(year) if year and year.isdigit() and 1900 < int(year) < 3000 else None
    rows = selectors.handling_statistics(municipality_code=municipality.code, year=year)
    return render(request, "signals/statistics.html", {"municipality": municipality, "rows": rows, "year": year})
