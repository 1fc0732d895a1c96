"""Fast insertion of many observations. ``bulk_create`` builds a model instance and compiles
every field of every row; for the hundreds of thousands of figures of a national import that
costs far more than the database itself, so imports and recomputation insert plain tuples with
one parameterised statement (``executemany``), inside the caller's transaction. On PostgreSQL
the rows go in through ``COPY … FROM STDIN`` (psycopg's ``cursor.copy``), which streams them
without a statement per row."""

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
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and hasattr(cursor.cursor, "copy"):
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return len(rows)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, rows[start : start + batch])
    return len(rows)
