"""Fast insertion of many observations. ``bulk_create`` builds a model instance and compiles
every field of every row; for the hundreds of thousands of figures of a national import that
costs far more than the database itself, so imports and recomputation insert plain tuples with
one parameterised statement (``executemany``), inside the caller's transaction."""

from __future__ import annotations

from django.db import connection

from wijksturing.monitor.models import Observation

COLUMNS = ["indicator_id", "area_id", "year", "value", "numerator", "denominator", "origin", "suppressed",
           "source", "source_date", "import_run_id"]


def observations_insert(rows: list[tuple], *, batch: int = 10000) -> int:
    """Insert ``rows``, tuples in the order of :data:`COLUMNS`."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, rows[start : start + batch])
    return len(rows)
