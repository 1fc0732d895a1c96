"""Benchmark of signals: (1) signals accepted per second through the Open311 POST on PostgreSQL
with area placement and routing, against a bare INSERT of the same rows in the same run;
(2) time to place 1,000,000 historic signals in their buurten with core.spatial.PointIndex,
against a point-by-point lookup (measured on 20,000 points, scaled to a million).

Creates and drops its own PostgreSQL database (BENCH_POSTGRES, default
postgres://postgres@127.0.0.1:5432). Run: python benchmarks/bench_signals.py
Prints lines ``<name>: <value> <unit> (baseline <value> <unit>, ratio <ratio>)``.
Targets: ≥ 200 signals/s through the API, the million in under a minute.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB = "wijksturing_bench_signals"
N_POSTS = int(os.environ.get("BENCH_POSTS", "2000"))
N_PLACE = 1_000_000
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))  # concurrent clients, as a web server would serve them


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def _setup():
    os.environ["DATABASE_URL"] = f"{SERVER}/{DB}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijksturing.conf.settings")
    os.environ.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
    os.environ.setdefault("WIJKSTURING_LOG_LEVEL", "WARNING")
    os.environ["DJANGO_DEBUG"] = "false"  # as in production (DEBUG also records every query); make exports true
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + os.urandom(16).hex())
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _load_areas() -> str:
    from django.conf import settings

    from wijksturing.areas.services import boundaries_import_file, gebieden_load_default
    from wijksturing.signals.categories import (
        category_tree_load,
        read_builtin_tree,
        teams_for_gebieden,
    )

    geo = Path(settings.DATA_DIR) / "geo"
    for code in ("GM0202", "GM0268"):
        gebieden_load_default(municipality_code=code)
    for name in ("gemeenten", "wijken", "buurten"):
        boundaries_import_file(path=geo / f"{name}_arnhem_nijmegen.geojson", year=2024, source="bench")
    category_tree_load(municipality_code="GM0202", rows=read_builtin_tree())
    teams_for_gebieden(municipality_code="GM0202")
    return "GM0202"


def _points(n: int, seed: int, bounds) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(bounds[0], bounds[2], n), rng.uniform(bounds[1], bounds[3], n)


def _post_worker(rows: list[dict]) -> None:
    from django.db import connections
    from django.test import Client

    connections.close_all()
    client = Client()
    for row in rows:
        response = client.post("/open311/v2/requests.json", row)
        assert response.status_code == 200, response.content
    connections.close_all()


def _insert_worker(args) -> None:
    from django.db import connections
    from django.utils import timezone

    from wijksturing.signals.models import Category, Signal

    rows, offset = args
    connections.close_all()
    categories = {c.slug: c for c in Category.objects.select_related("municipality")}
    for i, row in enumerate(rows):  # the same rows, one INSERT each (autocommit), nothing else
        now = timezone.now()
        category = categories[row["service_code"]]
        Signal.objects.create(municipality=category.municipality, category=category, lat=float(row["lat"]),
                              lon=float(row["long"]), description=row["description"], token=f"bare-{offset + i}",
                              created_at=now, updated_at=now)
    connections.close_all()


def _timed(func, chunks) -> float:
    """Wall time of running ``func`` over the chunks in WORKERS forked processes."""
    import multiprocessing

    from django.db import connections

    connections.close_all()
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
        pool.map(func, chunks)
    return time.perf_counter() - start


def bench_open311(code: str) -> tuple[float, float]:
    from django.test import Client

    from wijksturing.areas.selectors import area_list
    from wijksturing.signals.models import Category, Signal
    from wijksturing.signals.services import api_key_create

    key = api_key_create(municipality_code=code, name="bench")[1]
    buurten = [a for a in area_list(municipality_code=code, level="buurt") if a.geometry]
    bounds = (min(a.min_lon for a in buurten), min(a.min_lat for a in buurten),
              max(a.max_lon for a in buurten), max(a.max_lat for a in buurten))
    lon, lat = _points(N_POSTS, 1, bounds)
    slugs = list(Category.objects.filter(municipality__code=code, parent__isnull=False).values_list("slug", flat=True))
    rows = [{"api_key": key, "jurisdiction_id": code, "service_code": slugs[i % len(slugs)], "lat": f"{lat[i]:.6f}",
             "long": f"{lon[i]:.6f}", "description": f"Melding {i}"} for i in range(N_POSTS)]
    Client().post("/open311/v2/requests.json", rows[0])  # warm up: builds the spatial index before forking
    chunks = [rows[w::WORKERS] for w in range(WORKERS)]
    api_rate = N_POSTS / _timed(_post_worker, chunks)
    placed = Signal.objects.exclude(buurt_code="").count()
    assert placed > N_POSTS * 0.3, f"only {placed} signals placed"
    bare_rate = N_POSTS / _timed(_insert_worker, [(chunk, w * N_POSTS) for w, chunk in enumerate(chunks)])
    return api_rate, bare_rate


def bench_place_million() -> tuple[float, float]:
    import json

    from django.conf import settings
    from shapely.geometry import shape

    from wijksturing.core.spatial import PointIndex

    features = json.loads((Path(settings.DATA_DIR) / "geo" / "buurten_arnhem_nijmegen.geojson").read_text())["features"]
    geometries = [shape(f["geometry"]) for f in features]
    index = PointIndex(geometries, [f["properties"]["statcode"] for f in features])
    bounds = (5.78, 51.76, 5.99, 52.04)  # Arnhem and Nijmegen
    x, y = _points(N_PLACE, 2, bounds)
    start = time.perf_counter()
    codes = index.lookup(x, y)
    seconds = time.perf_counter() - start
    assert (codes != None).sum()  # noqa: E711 -- element-wise comparison of a numpy object array > N_PLACE * 0.3
    sample = 20_000
    start = time.perf_counter()
    for i in range(sample):
        index.lookup_one(x[i], y[i])
    naive = (time.perf_counter() - start) * N_PLACE / sample
    return seconds, naive


def main() -> int:
    _admin(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    _admin(f"CREATE DATABASE {DB}")
    try:
        _setup()
        code = _load_areas()
        api_rate, bare_rate = bench_open311(code)
        print(f"open311_post_signals_per_s_{WORKERS}_clients: {api_rate:.1f} signals/s (baseline {bare_rate:.1f} signals/s, "
              f"ratio {api_rate / bare_rate:.3f})")
        seconds, naive = bench_place_million()
        print(f"place_1m_signals_in_buurten: {seconds:.2f} s (baseline {naive:.2f} s, ratio {seconds / naive:.4f})")
    finally:
        from django.db import connections

        connections.close_all()
        _admin(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
