import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from wijksturing.signals.models import Reporter, RetentionRecord, Signal
from wijksturing.signals.services import signal_retention_run, signal_transition
from wijksturing.signals.tests.factories import image_bytes
from wijksturing.signals.workflow import Status

pytestmark = pytest.mark.django_db
PNG = image_bytes("PNG")


def handled(make_signal, users, *, days_ago: int, **kwargs):
    signal = make_signal(reporter={"email": "a@example.org", "phone": "0611111111", "consent": True}, **kwargs)
    signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["admin"])
    signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, by=users["admin"], reply="Klaar")
    Signal.objects.filter(pk=signal.pk).update(closed_at=timezone.now() - dt.timedelta(days=days_ago))
    return signal


def test_removes_contact_and_photo_after_the_period_and_records_it(make_signal, users, settings, tmp_path):
    settings.RETENTION_DAYS = 30
    settings.MEDIA_ROOT = tmp_path
    old = handled(make_signal, users, days_ago=31, photo=SimpleUploadedFile("boom.png", PNG))
    recent = handled(make_signal, users, days_ago=29)
    still_open = make_signal(reporter={"email": "b@example.org", "consent": True})
    Signal.objects.filter(pk=still_open.pk).update(created_at=timezone.now() - dt.timedelta(days=400))
    photo_path = tmp_path / Signal.objects.get(pk=old.pk).photo.name
    assert photo_path.exists()
    assert signal_retention_run() == 1
    contact = Reporter.objects.get(signal=old)
    assert (contact.email, contact.phone, contact.name) == ("", "", "") and contact.removed_at is not None
    assert not photo_path.exists() and not Signal.objects.get(pk=old.pk).photo
    record = RetentionRecord.objects.get(signal=old)
    assert set(record.fields) == {"email", "phone", "photo"} and record.removed_at == contact.removed_at
    assert Reporter.objects.get(signal=recent).email == "a@example.org"
    assert Reporter.objects.get(signal=still_open).email == "b@example.org"
    assert signal_retention_run() == 0  # idempotent: nothing left to remove


def test_command(make_signal, users, capsys):
    handled(make_signal, users, days_ago=10)
    call_command("retention", "--days", "5")
    assert "1 signals" in capsys.readouterr().out
    assert RetentionRecord.objects.count() == 1
