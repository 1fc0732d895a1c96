"""Background work of the monitor (Celery tasks, see ``wijksturing.worker``): an import of an
uploaded file and a recomputation, each recorded beforehand as an ``ImportRun``.

- **One at a time per municipality**: a task takes a lock per municipality in the shared cache
  (``CACHE_URL``, Redis in production) before it writes; a second import or recomputation of the
  same municipality is not started twice but recorded as failed with "run #N is still running".
- **Retries where safe**: an import and a recomputation are each one database transaction, so a
  lost database connection rolls back completely and the task is tried again (three times).
  Errors in the file are not retried (they are recorded on the run, with file, row and column).
- **A stopped worker**: the lock expires after ``WIJKSTURING_TASK_TIMEOUT`` and
  :func:`import_runs_fail_stale` records runs still "running" after that time as failed
  (called by the import pages and before every task).
- **Progress** goes into the shared cache (``monitor.services.import_run_progress``): the web
  page and ``wijksturing runs --follow`` read it from any process.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import contextmanager
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.monitor import services
from wijksturing.monitor.importers.base import MonitorImportError
from wijksturing.monitor.models import ImportRun, ImportStatus

log = logging.getLogger(__name__)
RETRIED = (OperationalError, InterfaceError)
MAX_RETRIES = 3


def _lock_key(code: str) -> str:
    return f"monitor:lock:{code}"


@contextmanager
def municipality_lock(*, run: ImportRun):
    """Hold the lock of every municipality of ``run``; yields None when held, else the id of the
    run that holds one of them (nothing is then held). A task that was handed out again after
    its worker stopped finds its own run id in the lock and carries on."""
    timeout = settings.WIJKSTURING_TASK_TIMEOUT
    taken: list[str] = []
    holder = None
    for code in sorted(set(run.municipalities or [])) or ["*"]:
        key = _lock_key(code)
        if cache.add(key, run.pk, timeout) or cache.get(key) == run.pk:
            taken.append(key)
            continue
        holder = cache.get(key)
        break
    try:
        if holder is not None:
            for key in taken:
                cache.delete(key)
            yield holder
        else:
            yield None
    finally:
        if holder is None:
            for key in taken:
                if cache.get(key) == run.pk:
                    cache.delete(key)


def import_runs_fail_stale(*, now: dt.datetime | None = None) -> int:
    """Record runs "running" for longer than ``WIJKSTURING_TASK_TIMEOUT`` as failed (the process
    that ran them was stopped: a redeploy, a recycled worker, a crash). Returns how many."""
    limit = (now or timezone.now()) - dt.timedelta(seconds=settings.WIJKSTURING_TASK_TIMEOUT)
    return ImportRun.objects.filter(status=ImportStatus.RUNNING, started_at__lt=limit).update(
        status=ImportStatus.FAILED, finished_at=timezone.now(),
        message=_("Stopped: no result after %(h).1f hours (the process that ran it was stopped). Start it again.")
        % {"h": settings.WIJKSTURING_TASK_TIMEOUT / 3600},
    )


def _refuse(run: ImportRun, holder) -> None:
    run.status, run.finished_at = ImportStatus.FAILED, timezone.now()
    run.message = _("Not started: run #%(id)s of the same municipality is still running. Start again when it has finished.") % {
        "id": holder}
    run.save(update_fields=["status", "finished_at", "message"])


def _pending(run_id: int) -> ImportRun | None:
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or run.status != ImportStatus.RUNNING:
        return None  # done already (a task handed out twice) or removed
    return run


def _progress(run: ImportRun):
    return lambda fraction: services.import_run_progress(run=run, fraction=fraction)


def _retry_or_fail(task, run: ImportRun, exc: Exception) -> None:
    """A lost database connection: the transaction was rolled back, so trying again is safe."""
    if task.request.retries < MAX_RETRIES and not task.request.is_eager:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.RUNNING, finished_at=None)
        raise task.retry(exc=exc, countdown=5 * 2 ** task.request.retries, max_retries=MAX_RETRIES)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportStatus.FAILED, finished_at=timezone.now(),
                                               message=_("The database was not reachable; nothing was written."))


@shared_task(bind=True, name="monitor.import_file", acks_late=True)
def import_file_task(self, *, run_id: int, path: str, year: int | None, municipality: str, source: str) -> str:
    import_runs_fail_stale()
    run = _pending(run_id)
    if run is None:
        return "skipped"
    with municipality_lock(run=run) as holder:
        if holder is not None:
            _refuse(run, holder)
            return "refused"
        try:
            services.import_file(path=Path(path), year=year, municipalities={municipality}, municipality=municipality,
                                 source=source, name=source, user=run.user, run=run, progress=_progress(run))
        except MonitorImportError:
            pass  # recorded on the run, with file, row and column
        except RETRIED as exc:
            _retry_or_fail(self, run, exc)
        finally:
            if run.status != ImportStatus.RUNNING:
                Path(path).unlink(missing_ok=True)  # the upload is no longer needed
    return run.status


@shared_task(bind=True, name="monitor.recompute", acks_late=True)
def recompute_task(self, *, run_id: int) -> str:
    import_runs_fail_stale()
    run = _pending(run_id)
    if run is None:
        return "skipped"
    with municipality_lock(run=run) as holder:
        if holder is not None:
            _refuse(run, holder)
            return "refused"
        try:
            services.recompute(municipality_codes=run.municipalities or None, user=run.user, run=run, progress=_progress(run))
        except RETRIED as exc:
            _retry_or_fail(self, run, exc)
        except Exception as exc:  # noqa: BLE001 — recorded on the run by recompute()
            log.warning("recompute run %s failed: %s", run.pk, type(exc).__name__)
    return run.status
