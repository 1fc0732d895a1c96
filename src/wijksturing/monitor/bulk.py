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


def observations_flip_suppressed(pks: list[int], *, batch: int = 5000) -> int:
    """Turn the suppression flag of the figures ``pks`` around: one ``UPDATE`` per batch (Django's
    ``bulk_update`` writes a ``CASE`` with one branch per row, which PostgreSQL plans slowly)."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(pks), batch):
            chunk = pks[start : start + batch]
            if connection.vendor == "postgresql":
                cursor.execute(f"UPDATE {table} SET suppressed = NOT suppressed WHERE id = ANY(%s)", [chunk])
            else:
                cursor.execute(f"UPDATE {table} SET suppressed = NOT suppressed WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                               chunk)
    return len(pks)


def commit_without_waiting() -> None:
    """On PostgreSQL: the current transaction's commit does not wait for its WAL to reach the disk
    (``synchronous_commit = off`` for this transaction only). For figures that are derived and can
    always be derived again: a crash can lose the last fraction of a second of them, never
    corrupt them, and a national recompute stops waiting for one disk flush per municipality."""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def objects_insert(objects: list, *, batch: int = 5000) -> int:
    """Insert unsaved model instances (all of one model): by ``COPY`` on PostgreSQL, where
    ``bulk_create`` would quote every value of every row into the statement text (Django's
    client-side parameter binding), otherwise by ``bulk_create``."""
    if not objects:
        return 0
    model = type(objects[0])
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=batch)
        return len(objects)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            copy.write_row([f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields])
    return len(objects)
