"""Background tasks of the monitor: one run at a time per municipality, runs left "running" by a
stopped process recorded as failed, a task handed out twice does the work once, a lost database
connection recorded (and retried on a worker). Without a broker the tasks run in-process."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.utils import timezone

from wijksturing.monitor import services, tasks
from wijksturing.monitor.models import ImportRun, ImportStatus


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _run(**kwargs) -> ImportRun:
    return services.import_run_create(kind="recompute", source="recompute", municipalities=kwargs.pop("codes", ["GM0202"]))


def test_without_a_broker_tasks_run_in_process(db, settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER
    run = _run()
    result = tasks.recompute_task.delay(run_id=run.pk)
    run.refresh_from_db()
    assert result.get() == ImportStatus.SUCCEEDED == run.status
    assert cache.get("monitor:lock:GM0202") is None  # released


def test_a_second_run_of_the_same_municipality_is_not_started(db, monkeypatch):
    first, second, other = _run(), _run(), _run(codes=["GM0268"])
    cache.add("monitor:lock:GM0202", first.pk, 60)  # the first is running in another process
    called = []
    monkeypatch.setattr(services, "recompute", lambda **kw: called.append(kw["run"].pk))
    assert tasks.recompute_task.delay(run_id=second.pk).get() == "refused"
    second.refresh_from_db()
    assert second.status == ImportStatus.FAILED and f"#{first.pk}" in second.message
    assert called == []
    tasks.recompute_task.delay(run_id=other.pk)  # another municipality is not held up
    assert called == [other.pk]
    assert cache.get("monitor:lock:GM0202") == first.pk  # the first run's lock is left alone


def test_a_task_handed_out_twice_does_the_work_once(db, monkeypatch):
    run = _run()
    called = []

    def fake(**kw):
        called.append(1)
        kw["run"].status = ImportStatus.SUCCEEDED
        kw["run"].save()

    monkeypatch.setattr(services, "recompute", fake)
    tasks.recompute_task.delay(run_id=run.pk)
    assert tasks.recompute_task.delay(run_id=run.pk).get() == "skipped"
    assert called == [1]


def test_a_task_given_again_after_its_worker_stopped_takes_over_its_own_lock(db):
    run = _run()
    cache.add("monitor:lock:GM0202", run.pk, 60)  # left by the stopped worker
    assert tasks.recompute_task.delay(run_id=run.pk).get() == ImportStatus.SUCCEEDED


def test_runs_left_running_past_the_timeout_are_recorded_as_failed(db, settings):
    settings.WIJKSTURING_TASK_TIMEOUT = 3600
    old, recent, done = _run(), _run(), _run()
    ImportRun.objects.filter(pk__in=[old.pk, done.pk]).update(started_at=timezone.now() - dt.timedelta(hours=2))
    ImportRun.objects.filter(pk=done.pk).update(status=ImportStatus.SUCCEEDED)
    assert tasks.import_runs_fail_stale() == 1
    statuses = dict(ImportRun.objects.values_list("pk", "status"))
    assert statuses == {old.pk: ImportStatus.FAILED, recent.pk: ImportStatus.RUNNING, done.pk: ImportStatus.SUCCEEDED}
    old.refresh_from_db()
    assert old.finished_at is not None and "1.0" in old.message  # hours, in the language of the moment


def test_a_lost_database_connection_is_recorded(db, monkeypatch):
    run = _run()

    def broken(**kw):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "recompute", broken)
    tasks.recompute_task.delay(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == ImportStatus.FAILED and "database" in run.message
    assert cache.get("monitor:lock:GM0202") is None


def test_import_and_recompute_tasks_are_acknowledged_late():
    # a worker that dies mid-task leaves the task on the queue (handed out again, see above)
    assert tasks.import_file_task.acks_late and tasks.recompute_task.acks_late
