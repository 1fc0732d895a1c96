"""Report batches as a Celery task (``wijksturing.worker``): the area analysis of every area of a
level of a municipality, written into a folder. One batch per municipality at a time (a lock in
the shared cache); progress ``(done, total)`` in the cache under :func:`progress_key`, which
``wijksturing report --follow TASK_ID`` shows. Also the e-mail to the area team about a council
member's question."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

from wijksturing.areas import selectors as areas
from wijksturing.reports import services

log = logging.getLogger(__name__)
MAIL_RETRIES = 5


def progress_key(task_id: str) -> str:
    return f"reports:batch:{task_id}"


@shared_task(bind=True, name="reports.batch", acks_late=True)
def report_batch_task(self, *, municipality_code: str, level: str, out: str, year: int | None = None,
                      formats: list[str] | tuple[str, ...] = ("pdf",)) -> dict:
    lock = f"reports:lock:{municipality_code}"
    task_id = self.request.id or "eager"
    if not cache.add(lock, task_id, settings.WIJKSTURING_TASK_TIMEOUT) and cache.get(lock) != task_id:
        result = {"status": "refused", "holder": cache.get(lock), "files": 0}
        cache.set(progress_key(task_id), result, 24 * 3600)
        return result
    try:
        total = areas.area_list(municipality_code=municipality_code, level=level).count()
        done = 0

        def progress(area) -> None:
            nonlocal done
            done += 1
            cache.set(progress_key(task_id), {"status": "running", "done": done, "total": total}, 24 * 3600)

        files = services.report_batch(municipality_code=municipality_code, level=level, out=out, year=year,
                                      formats=tuple(formats), progress=progress)
        result = {"status": "succeeded", "done": done, "total": total, "files": len(files)}
    except Exception as exc:  # noqa: BLE001 — recorded for --follow, then raised for the worker's log
        cache.set(progress_key(task_id), {"status": "failed", "message": str(exc)}, 24 * 3600)
        raise
    finally:
        if cache.get(lock) == task_id:
            cache.delete(lock)
    cache.set(progress_key(task_id), result, 24 * 3600)
    return result


@shared_task(bind=True, name="reports.question_mail", acks_late=True)
def question_mail_task(self, *, question_id: int, site_url: str = "") -> int:
    """The e-mail to the area team about a council member's question, queued after commit. A mail
    server that does not answer or refuses for now is tried again (five times, waiting 1, 2, 4, 8
    and 16 minutes), as the signals' e-mail is; without a broker it runs in-process, once."""
    try:
        return services.question_mail_send(question_id=question_id, site_url=site_url)
    except (smtplib.SMTPException, OSError) as exc:
        if self.request.is_eager or self.request.retries >= MAIL_RETRIES:
            log.warning("question %s: e-mail to the area team not sent (%s)", question_id, type(exc).__name__)
            return 0
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries, max_retries=MAIL_RETRIES) from None
