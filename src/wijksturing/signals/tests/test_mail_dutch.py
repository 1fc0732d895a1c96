"""The e-mails to a reporter are Dutch: no English source string of the project's catalogues in
subject or body (issue 14). The check is H1b's Dutch-only helper (web/tests/test_dutch_only.py),
so pages, e-mails and PDFs are held to one list of English fragments."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation

from wijksturing.signals import services
from wijksturing.signals.workflow import Status
from wijksturing.web.tests.test_dutch_only import english_in

pytestmark = pytest.mark.django_db


def _mails_of_a_whole_path(make_signal, users, capture) -> list:
    with capture(execute=True):
        signal = make_signal(reporter={"email": "melder@example.org", "consent": True}, site_url="https://wijk.example/")
    for step, reply in ((Status.TRIAGE, ""), (Status.ASSIGNED, ""), (Status.RESOLVED, "De boom is weggehaald.")):
        with capture(execute=True):
            signal = services.signal_transition(signal_id=signal.pk, to_status=step, by=users["area_g1"], reply=reply,
                                                site_url="https://wijk.example/")
    return list(mail.outbox)


def test_reporter_mails_are_dutch(make_signal, users, django_capture_on_commit_callbacks):
    translation.deactivate()  # as in a worker: no request, so the site's language (Dutch)
    mails = _mails_of_a_whole_path(make_signal, users, django_capture_on_commit_callbacks)
    assert len(mails) == 2  # received, and the reply when it was resolved
    for message in mails:
        text = message.subject + "\n" + message.body
        assert english_in(text) == [], text
    assert mails[0].subject.startswith("Uw melding") and "Bedankt voor uw melding." in mails[0].body
    assert "Status: Afgehandeld" in mails[1].body and "De boom is weggehaald." in mails[1].body


def test_the_check_finds_english_in_a_mail(make_signal, users, django_capture_on_commit_callbacks):
    """The same path in English must be found out: the check can fail."""
    with translation.override("en"):
        mails = _mails_of_a_whole_path(make_signal, users, django_capture_on_commit_callbacks)
    assert any(english_in(m.subject + "\n" + m.body) for m in mails)
