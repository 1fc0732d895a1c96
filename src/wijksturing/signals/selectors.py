"""Reads of the signals app: who may see and handle what, work lists, the public view of a
signal, categories and handling-time statistics."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from wijksturing.accounts.models import Role
from wijksturing.accounts.selectors import user_gebied_codes, user_has_role
from wijksturing.signals.models import ApiKey, Category, Signal, Team, TeamKind
from wijksturing.signals.workflow import HANDLED, OPEN, Status

HANDLER_ROLES = (Role.ADMINISTRATOR, Role.AREA_TEAM, Role.SOCIAL_TEAM)


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
    import hashlib

    digest = hashlib.sha256(key.encode()).hexdigest()
    return ApiKey.objects.select_related("municipality").filter(key_hash=digest, revoked_at__isnull=True).first()


def handling_statistics(*, municipality_code: str, year: int | None = None) -> list[dict]:
    """Per subcategory (and a total row, category None): signals, handled, median days open
    of the handled ones, and the share handled within the promised term (None without data)."""
    qs = Signal.objects.filter(municipality__code=municipality_code)
    if year is not None:
        qs = qs.filter(created_at__year=year)
    rows = qs.values_list("category__parent__name", "category__name", "category__deadline_workdays",
                          "status", "created_at", "closed_at", "deadline")
    groups: dict[tuple, list] = defaultdict(list)
    for main, sub, term, status, created, closed, deadline in rows:
        groups[(main or "", sub, term)].append((status, created, closed, deadline))
        groups[("", None, None)].append((status, created, closed, deadline))
    result = []
    for (main, sub, term), items in sorted(groups.items(), key=lambda kv: (kv[0][1] is None, kv[0][0], kv[0][1] or "")):
        handled = [(c, cl, d) for s, c, cl, d in items if s in HANDLED and cl is not None]
        days = [(cl - c).total_seconds() / 86400 for c, cl, _ in handled]
        timed = [(cl, d) for _, cl, d in handled if d is not None]
        in_time = sum(1 for cl, d in timed if timezone.localtime(cl).date() <= d)
        result.append({
            "main_category": main, "category": sub, "deadline_workdays": term,
            "signals": len(items), "handled": len(handled), "open": len(items) - len(handled),
            "median_days": round(statistics.median(days), 1) if days else None,
            "share_in_time": round(100 * in_time / len(timed), 1) if timed else None,
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
