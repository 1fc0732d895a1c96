"""Public handling statistics are counted in the database; the figures are those of a plain
count in Python over every signal (the reference below, the implementation before)."""

import datetime as dt
import statistics
from collections import defaultdict

import pytest
from django.utils import timezone

from wijksturing.signals.models import Signal
from wijksturing.signals.selectors import handling_statistics
from wijksturing.signals.workflow import HANDLED, Status


def reference(municipality_code: str, year=None) -> list[dict]:
    qs = Signal.objects.filter(municipality__code=municipality_code)
    if year is not None:
        qs = qs.filter(created_at__year=year)
    groups = defaultdict(list)
    for main, sub, term, status, created, closed, deadline in qs.values_list(
            "category__parent__name", "category__name", "category__deadline_workdays", "status", "created_at",
            "closed_at", "deadline"):
        for key in ((main or "", sub, term), ("", None, None)):
            groups[key].append((status, created, closed, deadline))
    out = []
    for (main, sub, term), items in sorted(groups.items(), key=lambda kv: (kv[0][1] is None, kv[0][0], kv[0][1] or "")):
        handled = [(c, cl, d) for s, c, cl, d in items if s in HANDLED and cl is not None]
        days = [(cl - c).total_seconds() / 86400 for c, cl, _ in handled]
        timed = [(cl, d) for _, cl, d in handled if d is not None]
        in_time = sum(1 for cl, d in timed if timezone.localtime(cl).date() <= d)
        out.append({"main_category": main, "category": sub, "deadline_workdays": term, "signals": len(items),
                    "handled": len(handled), "open": len(items) - len(handled),
                    "median_days": round(statistics.median(days), 1) if days else None,
                    "share_in_time": round(100 * in_time / len(timed), 1) if timed else None})
    return out


@pytest.mark.django_db
def test_statistics_in_the_database_match_a_count_over_every_signal(make_signal, municipality, django_assert_max_num_queries):
    assert handling_statistics(municipality_code="GM9999") == []
    start = timezone.make_aware(dt.datetime(2024, 3, 4, 22, 30))  # late evening: the local day differs from UTC's
    plan = [("boom", Status.RESOLVED, 1.0, 5), ("boom", Status.RESOLVED, 9.5, 5), ("boom", Status.CLOSED, 3.2, 2),
            ("boom", Status.RECEIVED, None, 5), ("dumping", Status.REJECTED, 0.1, 1), ("dumping", Status.RESOLVED, 2.0, None),
            ("dumping", Status.ASSIGNED, None, 1), ("zorg-om-buurtbewoner", Status.RESOLVED, 0.06, 0)]
    for number, (slug, status, days, term_days) in enumerate(plan):
        signal = make_signal(slug=slug)
        created = start + dt.timedelta(days=number)
        closed = created + dt.timedelta(days=days) if days is not None else None
        deadline = timezone.localtime(created).date() + dt.timedelta(days=term_days) if term_days is not None else None
        Signal.objects.filter(pk=signal.pk).update(status=status, created_at=created, closed_at=closed, deadline=deadline)
    make_signal(slug="boom")  # created now: another year
    expected = reference("GM9999")
    with django_assert_max_num_queries(3):
        found = handling_statistics(municipality_code="GM9999")
    assert found == expected
    assert found[-1]["signals"] == 9 and found[-1]["handled"] == 6
    assert handling_statistics(municipality_code="GM9999", year=2024) == reference("GM9999", 2024)
    assert handling_statistics(municipality_code="GM9999", year=2024)[-1]["signals"] == 8
