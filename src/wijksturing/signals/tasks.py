"""E-mail to reporters as a Celery task (``wijksturing.worker``), queued after the transaction of
the status change commits. A mail server that does not answer or refuses for now is tried again
(five times, waiting 1, 2, 4, 8 and 16 minutes); the history records ``emailed`` only once the
message was sent. Without a broker the task runs in-process, once (no retries inside a request)."""

from __future__ import annotations

import logging
import smtplib

from celery import shared_task

from wijksturing.signals import services

log = logging.getLogger(__name__)
RETRIED = (smtplib.SMTPException, OSError)
MAX_RETRIES = 5


@shared_task(bind=True, name="signals.mail", acks_late=True)
def signal_mail_task(self, *, change_id: int, kind: str, text: str, site_url: str) -> bool:
    try:
        return services.signal_mail_send(change_id=change_id, kind=kind, text=text, site_url=site_url)
    except RETRIED as exc:
        if self.request.is_eager or self.request.retries >= MAX_RETRIES:
            # no address in the log: the exception's text may hold it
            log.warning("status change %s: e-mail not sent (%s)", change_id, type(exc).__name__)
            return False
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries, max_retries=MAX_RETRIES) from None
