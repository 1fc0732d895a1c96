"""Reads of the signals app: who may see and handle what, work lists, the public view of a
signal, categories and handling-time statistics."""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role
from wijksturing.core.projection import metres_between
from wijksturing.signals.models import ApiKey, Category, Signal, Team, TeamKind
from wijksturing.signals.workflow import HANDLED, OPEN, Status, allowed_next

HANDLER_ROLES = (Role.ADMINISTRATOR, Role.AREA_TEAM, Role.SOCIAL_TEAM)


def signal_next_statuses(*, signal: Signal) -> list[str]:
    """The statuses the signal may move to now, in workflow order (the status form offers these)."""
    return allowed_next(signal.status)


def category_list(*, municipality_code: str, leaves_only: bool = False) -> QuerySet[Category]:
    qs = Category.objects.filter(municipality__code=municipality_code, is_active=True).select_related("parent")
    if leaves_only:
        qs = qs.filter(parent__isnull=False)
    return qs.order_by("parent__order", "parent__name", "order", "name")


def category_get(*, municipality_code: str, slug: str) -> Category:
    return Category.objects.select_related("parent", "municipality").get(
        municipality__code=municipality_code, slug=slug, is_active=True, parent__isnull=False)


def team_list(*, municipality_code: str) -> QuerySet[Team]:
    return Team.objects.filter(municipality__code=municipality_code)


def user_may_work(*, user, municipality_code: str) -> bool:
    """May open the staff work list of the municipality (handlers and department members)."""
    return user_has_role(user=user, municipality_code=municipality_code, roles=HANDLER_ROLES) or (
        getattr(user, "is_authenticated", False)
        and Team.objects.filter(municipality__code=municipality_code, members=user).exists()
    )


def _responsible_q(*, user, municipality_code: str) -> Q | None:
    """The signals the user is responsible for, as a filter; None means all of the municipality."""
    if user_has_role(user=user, municipality_code=municipality_code, roles=[Role.ADMINISTRATOR]):
        return None
    q = Q(team__members=user)
    for role, kind in ((Role.AREA_TEAM, TeamKind.AREA_TEAM), (Role.SOCIAL_TEAM, TeamKind.SOCIAL_TEAM)):
        if not user_has_role(user=user, municipality_code=municipality_code, roles=[role]):
            continue
        gebieden = user_gebied_codes(user=user, municipality_code=municipality_code, roles=[role])
        kind_q = Q(team__kind=kind) | Q(team__isnull=True) if kind == TeamKind.AREA_TEAM else Q(team__kind=kind)
        q |= kind_q if gebieden is None else kind_q & Q(gebied_code__in=gebieden)
    return q


def signal_work_list(*, user, municipality_code: str) -> QuerySet[Signal]:
    """The signals on the user's work list (nothing when they may not work on signals)."""
    qs = Signal.objects.filter(municipality__code=municipality_code).select_related(
        "category", "category__parent", "team", "assignee", "municipality")
    if not user_may_work(user=user, municipality_code=municipality_code):
        return qs.none()
    q = _responsible_q(user=user, municipality_code=municipality_code)
    return qs if q is None else qs.filter(q).distinct()


def signal_can_handle(*, user, signal: Signal) -> bool:
    """Staff of the responsible team, and administrators of the municipality."""
    code = signal.municipality.code
    q = _responsible_q(user=user, municipality_code=code)
    if q is None:
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    return Signal.objects.filter(pk=signal.pk).filter(q).exists()


def reporter_visible(*, user, signal: Signal) -> bool:
    """Contact details: only the responsible team and administrators (same rule as handling)."""
    return signal_can_handle(user=user, signal=signal)


def signal_get(*, pk: int) -> Signal:
    return Signal.objects.select_related("category", "category__parent", "team", "municipality", "assignee").get(pk=pk)


def signal_by_token(*, token: str) -> Signal:
    return signal_get(pk=Signal.objects.only("pk").get(token=token).pk)


def signal_public_list(*, municipality_code: str) -> QuerySet[Signal]:
    """What the public may see (Open311 GET): no reporter, no internal notes."""
    return Signal.objects.filter(municipality__code=municipality_code).select_related(
        "category", "category__parent", "team").defer("photo", "token")


def signal_is_overdue(*, signal: Signal, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return signal.status in OPEN and signal.deadline is not None and signal.deadline < today


def api_key_lookup(*, key: str) -> ApiKey | None:
    digest = hashlib.sha256(key.encode()).hexdigest()
    return ApiKey.objects.select_related("municipality").filter(key_hash=digest, revoked_at__isnull=True).first()


class _Median(Aggregate):
    """PostgreSQL's median (``percentile_cont``) of an interval."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def handling_statistics(*, municipality_code: str, year: int | None = None, gebied_code: str | None = None) -> list[dict]:
    """Per subcategory (and a total row, category None): signals, handled, median days open
    of the handled ones, and the share handled within the promised term (None without data).
    Counted in the database (one grouped query and one for the total); the medians too on
    PostgreSQL, on SQLite from the handled signals' two dates only."""
    qs = Signal.objects.filter(municipality__code=municipality_code)
    if year is not None:
        qs = qs.filter(created_at__year=year)
    if gebied_code is not None:  # one gebied only (the gebiedsrapportage)
        qs = qs.filter(gebied_code=gebied_code)
    handled = Q(status__in=HANDLED, closed_at__isnull=False)
    timed = handled & Q(deadline__isnull=False)
    closed_day = TruncDate("closed_at", tzinfo=timezone.get_current_timezone())
    qs = qs.annotate(closed_day=closed_day)
    counts = {
        "signals": Count("id"), "handled": Count("id", filter=handled), "timed": Count("id", filter=timed),
        "in_time": Count("id", filter=timed & Q(closed_day__lte=F("deadline"))),
    }
    postgres = connection.vendor == "postgresql"
    if postgres:
        counts["median"] = _Median(ExpressionWrapper(F("closed_at") - F("created_at"), output_field=DurationField()),
                                   filter=handled)
    keys = ("category__parent__name", "category__name", "category__deadline_workdays")
    groups = [((row[keys[0]] or "", row[keys[1]], row[keys[2]]), row)
              for row in qs.order_by().values(*keys).annotate(**counts)]
    total = qs.order_by().aggregate(**counts)
    groups.append((("", None, None), total))
    medians: dict[tuple, float] = {}
    if not postgres:
        days: dict[tuple, list[float]] = defaultdict(list)
        for main, sub, term, created, closed in qs.filter(handled).values_list(*keys, "created_at", "closed_at"):
            value = (closed - created).total_seconds() / 86400
            days[(main or "", sub, term)].append(value)
            days[("", None, None)].append(value)
        medians = {key: statistics.median(values) for key, values in days.items()}
    result = []
    for (main, sub, term), row in sorted(groups, key=lambda kv: (kv[0][1] is None, kv[0][0], kv[0][1] or "")):
        if not row["signals"]:
            continue
        median = (row["median"].total_seconds() / 86400 if row.get("median") is not None else None) if postgres \
            else medians.get((main, sub, term))
        result.append({
            "main_category": main, "category": sub, "deadline_workdays": term,
            "signals": row["signals"], "handled": row["handled"], "open": row["signals"] - row["handled"],
            "median_days": round(median, 1) if median is not None else None,
            "share_in_time": round(100 * row["in_time"] / row["timed"], 1) if row["timed"] else None,
        })
    return result


@dataclass(frozen=True)
class AreaSignalCounts:
    """Counts of the signals of one gebied (or a whole municipality) right now: no personal data."""

    open: int
    overdue: int
    to_triage: int
    per_category: list[tuple[str, int]]  # (main category name, open signals), most first


def signal_area_counts(*, municipality_code: str, gebied_code: str | None = None,
                       today: dt.date | None = None) -> AreaSignalCounts:
    """Open signals of a gebied (every gebied when None) per main category, how many are past
    their deadline and how many still wait for triage (received, in triage, reopened)."""
    today = today or timezone.localdate()
    qs = Signal.objects.filter(municipality__code=municipality_code, status__in=OPEN)
    if gebied_code is not None:
        qs = qs.filter(gebied_code=gebied_code)
    per_category = Counter()
    for main, sub, n in qs.order_by().values_list("category__parent__name", "category__name").annotate(n=Count("id")):
        per_category[main or sub] += n
    return AreaSignalCounts(
        open=sum(per_category.values()),
        overdue=qs.filter(deadline__lt=today).count(),
        to_triage=qs.filter(status__in=(Status.RECEIVED, Status.TRIAGE, Status.REOPENED)).count(),
        per_category=sorted(per_category.items(), key=lambda kv: (-kv[1], kv[0])),
    )


@dataclass(frozen=True)
class NearbySignal:
    """An open signal near a point, as the public may see it: no description, no reporter."""

    pk: int
    category: str
    created_at: dt.datetime
    status: str
    distance_m: int
    supports: int


def signal_nearby(*, municipality_code: str, lon: float, lat: float, category_slug: str | None = None,
                  radius_m: float = 250, days: int | None = None, limit: int = 5) -> list[NearbySignal]:
    """Open signals within ``radius_m`` of a point (of one subcategory when given), nearest
    first: "is this the same report?" before a resident sends one. ``days``: only those received
    in the last days (default: every open one — an old open report is still the same report)."""
    d_lat = radius_m / 110_574
    d_lon = radius_m / 60_000  # a generous box (cos 57°); the exact distance is checked below
    qs = Signal.objects.filter(municipality__code=municipality_code, status__in=OPEN,
                               lat__range=(lat - d_lat, lat + d_lat), lon__range=(lon - d_lon, lon + d_lon))
    if days is not None:
        qs = qs.filter(created_at__gte=timezone.now() - dt.timedelta(days=days))
    if category_slug:
        qs = qs.filter(category__slug=category_slug)
    rows = qs.select_related("category").annotate(n_supports=Count("supports")).order_by()
    found = []
    for signal in rows[:500]:
        distance = metres_between(lon, lat, signal.lon, signal.lat)
        if distance <= radius_m:
            found.append(NearbySignal(signal.pk, signal.category.name, signal.created_at, signal.get_status_display(),
                                      int(round(distance, -1)), signal.n_supports))
    return sorted(found, key=lambda s: (s.distance_m, -s.pk))[:limit]


def signal_open_public(*, municipality_code: str, gebied_code: str | None = None,
                       limit: int = 500) -> QuerySet[Signal]:
    """Open signals for the public list and map: only what Open311 shows (no description, no
    reporter, no photo); newest first, with the number of "me too"s."""
    qs = Signal.objects.filter(municipality__code=municipality_code, status__in=OPEN)
    if gebied_code:
        qs = qs.filter(Q(gebied_code=gebied_code) | Q(wijk_code=gebied_code))
    return (qs.select_related("category", "category__parent").annotate(n_supports=Count("supports"))
            .only("pk", "category", "created_at", "status", "lat", "lon", "buurt_code", "wijk_code", "gebied_code")
            .order_by("-created_at", "-pk")[:limit])


def signal_reopen_until(*, signal: Signal) -> dt.datetime | None:
    """Until when the reporter may reopen the handled signal; None when it is not handled or
    cannot be reopened (closed for good)."""
    if signal.status not in (Status.RESOLVED, Status.REJECTED) or signal.closed_at is None:
        return None
    return signal.closed_at + dt.timedelta(days=settings.SIGNALS_REOPEN_DAYS)


def signal_feedback_given(*, signal: Signal):
    """The reporter's answer for the current handling (after the last closing), or None."""
    if signal.closed_at is None:
        return None
    return signal.feedback.filter(at__gte=signal.closed_at).order_by("-at").first()
