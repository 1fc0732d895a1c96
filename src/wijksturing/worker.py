"""The Celery application: background work (imports, recomputation, report batches, e-mail).

Start a worker with ``celery -A wijksturing.worker worker`` (docs/deploy.md). Without
``CELERY_BROKER_URL`` (the demo and the tests) every task runs inside the process that starts
it (``CELERY_TASK_ALWAYS_EAGER``), so ``make run`` and ``make test`` need no queue.

A running worker writes a heartbeat into the shared cache every ``HEARTBEAT_SECONDS``; ``/readyz``
reports not ready when a broker is configured and no worker has beaten lately.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time

from celery import Celery, signals
from django.core.cache import cache

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijksturing.conf.settings")

app = Celery("wijksturing")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

HEARTBEAT_KEY = "worker:heartbeat"
HEARTBEAT_SECONDS = 15
_stop = threading.Event()


def _beat() -> None:
    while not _stop.is_set():
        with contextlib.suppress(Exception):  # a cache hiccup must not stop the worker
            cache.set(HEARTBEAT_KEY, time.time(), HEARTBEAT_SECONDS * 4)
        _stop.wait(HEARTBEAT_SECONDS)


@signals.worker_ready.connect
def _start_heartbeat(**kwargs) -> None:
    threading.Thread(target=_beat, name="wijksturing-heartbeat", daemon=True).start()


@signals.worker_shutdown.connect
def _stop_heartbeat(**kwargs) -> None:
    _stop.set()
