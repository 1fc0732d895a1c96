"""Benchmark of what production trips on at scale (issue 12), each against a baseline in the
same run, on a throw-away SQLite database:

1. public signal statistics of 20,000 signals counted in the database, against loading every
   signal into Python and counting there (the implementation before);
2. the areas API list of 100 detailed boundaries (1,000 points each): simplified (the default)
   against full resolution — response size and server time;
3. the API's page at the far end of a 100,000-row list of figures with the total counted once per
   walk, against counting it on every page (the pagination before), and without the areas'
   boundaries against loading them with every figure (the query before).

Run: python benchmarks/bench_production.py (or `make bench`).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

TMP = Path(tempfile.mkdtemp(prefix="wijksturing-bench-production-"))
os.environ.update(WIJKSTURING_VAR_DIR=str(TMP), DATABASE_URL=f"sqlite:///{TMP / 'bench.sqlite3'}",
                  DJANGO_SETTINGS_MODULE="wijksturing.conf.settings", DJANGO_DEBUG="false",
                  DJANGO_SECRET_KEY="bench-" + os.urandom(16).hex(), DJANGO_SECURE_SSL_REDIRECT="false",
                  WIJKSTURING_STATIC_MANIFEST="false", WIJKSTURING_LOG_LEVEL="WARNING",
                  DJANGO_ALLOWED_HOSTS="testserver")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
import django

django.setup()
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

N_SIGNALS, N_AREAS, POINTS, N_ROWS, PAGE = 20_000, 100, 1_000, int(os.environ.get("BENCH_ROWS", "100000")), 1000


def line(name: str, value: float, unit: str, baseline: float, base_unit: str | None = None) -> None:
    ratio = value / baseline if baseline else float("nan")
    print(f"{name}: {value:.1f} {unit} (baseline {baseline:.1f} {base_unit or unit}, ratio {ratio:.3f})", flush=True)


def timed(func, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def signal_statistics() -> None:
    from wijksturing.signals.models import Category, Signal
    from wijksturing.signals.selectors import handling_statistics
    from wijksturing.signals.tests.factories import make_municipality
    from wijksturing.signals.tests.test_statistics import reference
    from wijksturing.signals.workflow import Status

    municipality = make_municipality()
    categories = list(Category.objects.filter(municipality=municipality, parent__isnull=False))
    start = timezone.make_aware(dt.datetime(2024, 1, 1, 9))
    statuses = [Status.RESOLVED, Status.CLOSED, Status.REJECTED, Status.ASSIGNED, Status.RECEIVED]
    rows = []
    for i in range(N_SIGNALS):
        created = start + dt.timedelta(minutes=13 * i)
        status = statuses[i % len(statuses)]
        finished = status in (Status.RESOLVED, Status.CLOSED, Status.REJECTED)
        closed = created + dt.timedelta(hours=1 + i % 300) if finished else None
        rows.append(Signal(municipality=municipality, category=categories[i % len(categories)], status=status,
                           token=f"t{i}", created_at=created, updated_at=created, closed_at=closed,
                           deadline=(created + dt.timedelta(days=5)).date()))
    Signal.objects.bulk_create(rows, batch_size=5000)
    assert handling_statistics(municipality_code=municipality.code) == reference(municipality.code)
    new = timed(lambda: handling_statistics(municipality_code=municipality.code))
    old = timed(lambda: reference(municipality.code))
    line(f"public signal statistics, {N_SIGNALS:,} signals, counted in the database", new, "ms", old)


def _circle(cx: float, cy: float) -> dict:
    ring = [[cx + 0.004 * math.cos(2 * math.pi * i / POINTS), cy + 0.004 * math.sin(2 * math.pi * i / POINTS)]
            for i in range(POINTS)]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def areas_api(client: Client) -> None:
    from wijksturing.areas.models import Area, Layout, Level, Municipality

    municipality = Municipality.objects.create(code="GM9990", name="Bench")
    layout = Layout.objects.create(municipality=municipality, year=2024)
    Area.objects.bulk_create([Area(layout=layout, level=Level.BUURT, code=f"BU9990{i:04d}", name=f"Buurt {i}",
                                   geometry=_circle(5 + 0.01 * (i % 20), 52 + 0.01 * (i // 20))) for i in range(N_AREAS)])
    url = f"/api/v1/areas/?municipality=GM9990&limit={N_AREAS}"
    simplified, full = client.get(url), client.get(url + "&geometry=full")
    assert simplified.status_code == full.status_code == 200
    line(f"areas API list of {N_AREAS} detailed boundaries, simplified, response size", len(simplified.content) / 1024, "KB",
         len(full.content) / 1024)
    line(f"areas API list of {N_AREAS} detailed boundaries, simplified, warm", timed(lambda: client.get(url)), "ms",
         timed(lambda: client.get(url + "&geometry=full")))


def api_far_end(client: Client) -> None:
    from wijksturing.api.pagination import Pagination
    from wijksturing.areas.models import Area
    from wijksturing.monitor.models import Indicator, Observation

    areas = list(Area.objects.filter(layout__municipality__code="GM9990"))
    indicators = [Indicator.objects.create(code=f"b_{i}", name_nl=f"B {i}", name_en=f"B {i}", source="bench", theme="bench",
                                           published=True) for i in range(N_ROWS // (len(areas) * 10))]
    Observation.objects.bulk_create(
        (Observation(indicator=ind, area=area, year=2015 + y, value=float(y)) for ind in indicators for area in areas
         for y in range(10)), batch_size=10000)
    count = Observation.objects.count()
    print(f"#   {count} rows", file=sys.stderr, flush=True)
    last = f"/api/v1/observations/?municipality=GM9990&limit={PAGE}&offset={count - PAGE}"
    assert client.get(last).status_code == 200
    cache.clear()
    client.get(last.replace(f"offset={count - PAGE}", "offset=0"))  # the first page counts
    walk = timed(lambda: client.get(last))
    original = Pagination.get_count
    Pagination.get_count = lambda self, queryset: queryset.count()  # counting on every page, as before
    try:
        every = timed(lambda: client.get(last))
    finally:
        Pagination.get_count = original
    line(f"API observations, last page of {count:,} rows ({PAGE} per page), total counted once per walk", walk, "ms", every)
    from wijksturing.monitor.api import views

    kept = views.AREA_GEOMETRY
    views.AREA_GEOMETRY = ()  # the areas' boundaries loaded with every figure, as before
    try:
        with_boundaries = timed(lambda: client.get(last), rounds=2)
    finally:
        views.AREA_GEOMETRY = kept
    line(f"API observations, page of {PAGE} figures without the areas' boundaries ({POINTS}-point areas)", walk, "ms",
         with_boundaries)


def main() -> None:
    call_command("migrate", "--noinput", verbosity=0)
    client = Client()
    for step in (signal_statistics, lambda: areas_api(client), lambda: api_far_end(client)):
        start = time.perf_counter()
        step()
        print(f"#   ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
