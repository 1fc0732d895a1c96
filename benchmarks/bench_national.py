"""National scale on PostgreSQL (issue 12): every gemeente, wijk and buurt of the Netherlands (the
real KWB 2024 regions, 341 gemeenten, ~3,400 wijken, ~14,500 buurten) with synthetic but realistic
figures of the whole indicator catalogue (149 indicators) over ``YEARS`` years, loaded by COPY,
then, each against a baseline measured in the same run on the same database:

a. the end-to-end recomputation (aggregates, derived ratios, suppression, index, similar wijken),
   against a bulk read of the imported rows (COPY … TO STDOUT) plus a bulk write of the same
   number of derived rows (COPY … FROM STDIN into a table like the figures table) — target ≤ 3×;
b. a cold area page (page cache cleared before every request) against the warm one — target:
   cold < 50 ms;
c. the thematic-map data of all buurten of the Netherlands (one request per gemeente, uncached),
   against one SQL read of the same figures;
d. the API's figures page at the far end of the list: by cursor (keyset) against by offset.

Buurten get published figures of every indicator except the ratios that wijksturing derives from
a numerator and denominator; wijken and gemeenten get nothing, so that the recomputation derives
and aggregates them all (the most work it can have).

Uses its own database ``wijksturing_bench`` on the PostgreSQL server at 127.0.0.1:5432 (user postgres),
created and dropped here. Scale: ``WIJKSTURING_BENCH_NATIONAL_YEARS``: 1.9 million published and
0.7 million derived figures a year. The default, 3 years (~8 million figures), keeps the run well
under ten minutes on a shared 2-core machine (about 3.5 minutes there); 10 is the issue's scale
(~26 million figures; not timed there, the recompute and the offset baseline grow about linearly).
``WIJKSTURING_BENCH_QUICK=1``: 1 year (about 1.5 minutes).

Run: python benchmarks/bench_national.py (or `make bench`, `make bench QUICK=1`).
"""

from __future__ import annotations

import base64
import csv
import gzip
import io
import os
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

import numpy as np
import psycopg

ROOT = Path(__file__).resolve().parent.parent
QUICK = os.environ.get("WIJKSTURING_BENCH_QUICK") == "1"
YEARS = int(os.environ.get("WIJKSTURING_BENCH_NATIONAL_YEARS") or (1 if QUICK else 3))
LAST_YEAR = 2024
DB = "wijksturing_bench"
SERVER = "host=127.0.0.1 port=5432 user=postgres"
TMP = Path(tempfile.mkdtemp(prefix="wijksturing-bench-national-"))
os.environ.update(WIJKSTURING_VAR_DIR=str(TMP), DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DB}",
                  DJANGO_SETTINGS_MODULE="wijksturing.conf.settings", DJANGO_DEBUG="false",
                  DJANGO_SECRET_KEY="bench-" + os.urandom(16).hex(), DJANGO_SECURE_SSL_REDIRECT="false",
                  WIJKSTURING_STATIC_MANIFEST="false", WIJKSTURING_LOG_LEVEL="WARNING",
                  DJANGO_ALLOWED_HOSTS="testserver")
os.environ.pop("WIJKSTURING_CACHE_URL", None)
os.environ.pop("CACHE_URL", None)
sys.path.insert(0, str(ROOT / "src"))


def line(name: str, value: float, unit: str, baseline: float) -> None:
    ratio = value / baseline if baseline else float("nan")
    print(f"{name}: {value:.3f} {unit} (baseline {baseline:.3f} {unit}, ratio {ratio:.3g})", flush=True)


def note(text: str) -> None:
    print(f"#   {text}", file=sys.stderr, flush=True)


def timed_ms(func, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return median(times)


def server_available() -> bool:
    try:
        psycopg.connect(SERVER + " dbname=postgres connect_timeout=3").close()
        return True
    except psycopg.OperationalError:
        return False


def database(action: str) -> None:
    with psycopg.connect(SERVER + " dbname=postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        if action == "create":
            conn.execute(f"CREATE DATABASE {DB}")


def areas_create() -> dict[str, list[int]]:
    """Every gemeente, wijk and buurt of KWB 2024 in a 2024 layout per gemeente (no boundaries)."""
    from wijksturing.areas.models import Area, Layout, Level, Municipality

    with gzip.open(ROOT.parent / "shared" / "data" / "cbs" / "kwb_2024_bevolking.csv.gz", "rt", encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle) if r[2] in ("Gemeente", "Wijk", "Buurt")]
    gemeenten = [r for r in rows if r[2] == "Gemeente"]
    municipalities = Municipality.objects.bulk_create([Municipality(code=r[3], name=r[1]) for r in gemeenten])
    layouts = {m.code: lay for m, lay in zip(municipalities, Layout.objects.bulk_create(
        [Layout(municipality=m, year=LAST_YEAR, source="CBS KWB 2024") for m in municipalities]))}
    made: dict[str, Area] = {}
    for kind, level, parent_of in (("Gemeente", Level.GEMEENTE, None), ("Wijk", Level.WIJK, lambda c: "GM" + c[2:6]),
                                   ("Buurt", Level.BUURT, lambda c: "WK" + c[2:8])):
        new = [Area(layout=layouts["GM" + r[3][2:6]], level=level, code=r[3], name=r[0][:120],
                    parent=made.get(parent_of(r[3])) if parent_of else None)
               for r in rows if r[2] == kind and "GM" + r[3][2:6] in layouts]
        made.update({a.code: a for a in Area.objects.bulk_create(new, batch_size=5000)})
    return {level: [a.pk for a in made.values() if a.level == level] for level in (Level.GEMEENTE, Level.WIJK, Level.BUURT)}


def _constraints(cur, table: str) -> tuple[list[str], list[str]]:
    """The constraints (but the primary key) and the other indexes of ``table``, as SQL to re-create them."""
    cur.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype <> 'p'",
                [table])
    constraints = [(name, f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}') for name, definition in cur.fetchall()]
    cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)", [table, table])
    indexes = cur.fetchall()
    for name, _ in constraints:
        cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cur.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in constraints], [sql for _, sql in indexes]


def observations_load(area_ids: dict[str, list[int]]) -> int:
    """Published figures of the buurten by COPY, the table's indexes and foreign keys dropped during
    the load and built once afterwards (what PostgreSQL's manual advises for a bulk load)."""
    from django.db import connection

    from wijksturing.areas.models import Level
    from wijksturing.monitor.models import Indicator, Observation

    indicators = [(i.pk, i.aggregation, i.code) for i in Indicator.objects.order_by("pk")
                  if not (i.aggregation == "ratio" and i.numerator_id)]
    buurten = np.array(area_ids[Level.BUURT])
    rng = np.random.default_rng(12)
    population = np.round(rng.lognormal(6.5, 1.1, len(buurten)))  # ~700 inhabitants, a long tail
    share = {pk: rng.uniform(0.01, 0.6) for pk, _, _ in indicators}
    table = Observation._meta.db_table
    rows = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor
        constraints, indexes = _constraints(raw, table)
        with raw.copy(f"COPY {table} (indicator_id, area_id, year, value, origin, suppressed, source, source_date) "
                      "FROM STDIN") as copy:
            for year in range(LAST_YEAR - YEARS + 1, LAST_YEAR + 1):
                grown = population * (1 + 0.01 * (year - LAST_YEAR))
                for pk, kind, code in indicators:
                    if code == "a_inw":
                        values = grown
                    elif kind == "sum":
                        values = np.round(grown * share[pk] * rng.uniform(0.8, 1.2, len(buurten)))
                    else:
                        values = np.round(rng.uniform(0, 100, len(buurten)), 1)
                    prefix = f"{pk}\t"
                    suffix = f"\t{year}\t"
                    copy.write("".join(f"{prefix}{a}{suffix}{v}\timported\tf\tbench\t{year}-01-01\n"
                                       for a, v in zip(buurten.tolist(), values.tolist())))
                    rows += len(buurten)
        start = time.perf_counter()
        for sql in indexes + constraints:
            raw.execute(sql)
        raw.execute(f"ANALYZE {table}")
        note(f"indexes and foreign keys built after the load in {time.perf_counter() - start:.0f} s")
    return rows


def bench_recompute() -> None:
    from django.db import connection

    from wijksturing.monitor.models import Observation, Origin
    from wijksturing.monitor.services import recompute

    start = time.perf_counter()
    run = recompute()
    seconds = time.perf_counter() - start
    note(run.message)
    table = Observation._meta.db_table
    derived = Observation.objects.exclude(origin=Origin.IMPORTED).count()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        buffer = io.BytesIO()  # the derived rows, to write them again in the baseline (not timed)
        with raw.copy(f"COPY (SELECT indicator_id, area_id, year, value, numerator, denominator, origin, suppressed, "
                      f"source, source_date FROM {table} WHERE origin <> 'imported') TO STDOUT") as copy:
            for chunk in copy:
                buffer.write(chunk)
        raw.execute(f"CREATE TABLE bench_written (LIKE {table} INCLUDING ALL)")
        start = time.perf_counter()
        read = 0
        with raw.copy(f"COPY (SELECT id, area_id, indicator_id, year, value, suppressed FROM {table} "
                      "WHERE origin = 'imported') TO STDOUT") as copy:
            for chunk in copy:
                read += len(chunk)
        with raw.copy("COPY bench_written (indicator_id, area_id, year, value, numerator, denominator, origin, "
                      "suppressed, source, source_date) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
        baseline = time.perf_counter() - start
        raw.execute("DROP TABLE bench_written")
    line(f"recompute_national ({derived:,} derived figures from {YEARS} years of published figures), "
         "against COPY read + COPY write of the same rows", seconds, "s", baseline)


def bench_area_page(client) -> None:
    from django.core.cache import cache

    from wijksturing.areas.models import Area

    buurt = Area.objects.filter(code__startswith="BU0202", level="buurt").order_by("code").values_list("code", flat=True)[0]
    for path in ("/wijk/WK020202/", "/gemeente/GM0202/", f"/buurt/{buurt}/"):
        assert client.get(path).status_code == 200, path

        def cold(path=path):
            cache.clear()
            assert client.get(path).status_code == 200

        cold_ms = timed_ms(cold, 7)
        client.get(path)
        warm_ms = timed_ms(lambda path=path: client.get(path), 20)
        line(f"area page {path} cold (page cache cleared, national database), against warm", cold_ms, "ms", warm_ms)


def bench_map_data(client) -> None:
    from django.core.cache import cache
    from django.db import connection

    from wijksturing.areas.models import Municipality

    codes = list(Municipality.objects.order_by("code").values_list("code", flat=True))
    cache.clear()
    start = time.perf_counter()
    areas = 0
    for code in codes:
        response = client.get(f"/kaart/data.json?gemeente={code}&indicator=a_inw&jaar={LAST_YEAR}&niveau=buurt")
        assert response.status_code == 200, (code, response.status_code)
        areas += sum(1 for a in response.json()["areas"] if a["value"] is not None)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT a.code, a.name, o.value FROM monitor_observation o JOIN areas_area a ON a.id = o.area_id "
                       "JOIN monitor_indicator i ON i.id = o.indicator_id "
                       "WHERE i.code = 'a_inw' AND o.year = %s AND a.level = 'buurt'", [LAST_YEAR])
        found = len(cursor.fetchall())
    baseline = time.perf_counter() - start
    note(f"map data: {len(codes)} gemeenten, {areas:,} buurten with a figure; SQL: {found:,} buurt figures")
    line(f"thematic-map data of all buurten of NL ({len(codes)} requests, uncached), against one SQL read of the "
         "same figures", seconds, "s", baseline)


def bench_api_far_end(client) -> None:
    from wijksturing.monitor.models import Observation

    page = 1000
    first = client.get(f"/api/v1/observations/?limit={page}").json()  # counts (once) and caches the count
    count = first["count"]
    pks = Observation.objects.filter(indicator__published=True).order_by("-pk").values_list("pk", flat=True)
    before_last = pks[page]  # the cursor's position: the last row before the final page
    cursor = base64.b64encode(f"p={before_last}".encode()).decode()
    by_cursor = f"/api/v1/observations/?limit={page}&cursor={cursor}"
    by_offset = f"/api/v1/observations/?limit={page}&offset={count - page}"
    a, b = client.get(by_cursor).json(), client.get(by_offset).json()
    assert a["results"] == b["results"] and len(a["results"]) == page and a["next"] is None
    line(f"API figures, last page of {count:,} ({page} per page): cursor (keyset) against offset",
         timed_ms(lambda: client.get(by_cursor), 5), "ms", timed_ms(lambda: client.get(by_offset), 1))


def main() -> int:
    if not server_available():
        print("# no PostgreSQL server at 127.0.0.1:5432: national benchmark skipped")
        return 0
    database("create")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client

        from wijksturing.monitor.catalogue import catalogue_load

        started = time.perf_counter()
        call_command("migrate", "--noinput", verbosity=0)
        catalogue_load()
        area_ids = areas_create()
        note(f"{sum(map(len, area_ids.values())):,} areas of {len(area_ids['gemeente'])} gemeenten")
        start = time.perf_counter()
        rows = observations_load(area_ids)
        note(f"{rows:,} published figures ({YEARS} years) loaded by COPY in {time.perf_counter() - start:.0f} s")
        client = Client()
        for step in (bench_recompute, lambda: bench_area_page(client), lambda: bench_map_data(client),
                     lambda: bench_api_far_end(client)):
            start = time.perf_counter()
            step()
            note(f"({time.perf_counter() - start:.0f} s)")
        note(f"national benchmark: {time.perf_counter() - started:.0f} s in all")
    finally:
        from django.db import connections

        connections.close_all()
        database("drop")
    return 0


if __name__ == "__main__":
    sys.exit(main())
