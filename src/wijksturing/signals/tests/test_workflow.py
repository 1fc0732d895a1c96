import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection

from wijksturing.signals import services
from wijksturing.signals.models import StatusChange
from wijksturing.signals.workflow import (
    REPLY_REQUIRED,
    Status,
    TransitionError,
    allowed_next,
    check_transition,
    open311_status,
)

# The workflow written out by hand from the diagram in signals/workflow.py (and the
# "Statuses" section of docs/signals.md), independently of workflow.TRANSITIONS: every pair
# not listed here must be refused.
EXPECTED_ALLOWED = {
    ("received", "triage"), ("received", "assigned"), ("received", "rejected"),
    ("triage", "assigned"), ("triage", "rejected"), ("triage", "resolved"),
    ("assigned", "triage"), ("assigned", "in_progress"), ("assigned", "waiting"), ("assigned", "resolved"),
    ("assigned", "rejected"),
    ("in_progress", "assigned"), ("in_progress", "waiting"), ("in_progress", "resolved"),
    ("waiting", "in_progress"), ("waiting", "resolved"),
    ("resolved", "reopened"), ("resolved", "closed"),
    ("rejected", "reopened"), ("rejected", "closed"),
    ("reopened", "triage"), ("reopened", "assigned"), ("reopened", "in_progress"),
}
STATUSES = ["received", "triage", "assigned", "in_progress", "waiting", "resolved", "rejected", "reopened", "closed"]
ALL_PAIRS = [(a, b) for a in STATUSES for b in STATUSES]


def test_the_statuses_are_the_documented_nine():
    assert list(Status.values) == STATUSES


@pytest.mark.parametrize(("source", "target"), ALL_PAIRS)
def test_every_transition_is_allowed_or_refused_as_written_by_hand(source, target):
    if (source, target) in EXPECTED_ALLOWED:
        check_transition(source, target, reply="Antwoord")
        assert target in allowed_next(source)
    else:
        with pytest.raises(TransitionError):
            check_transition(source, target, reply="Antwoord")
        assert target not in allowed_next(source)


@pytest.mark.parametrize("target", ["resolved", "rejected", "waiting"])
def test_transitions_that_answer_the_reporter_need_a_reply(target):
    source = next(a for a, b in sorted(EXPECTED_ALLOWED) if b == target)
    with pytest.raises(TransitionError, match="antwoord aan de melder"):
        check_transition(source, target, reply="  ")
    check_transition(source, target, reply="Wij hebben het opgelost.")


def test_refusals_are_in_the_page_language_with_status_labels():
    from django.utils import translation

    with translation.override("nl"), pytest.raises(TransitionError) as refused:
        check_transition("triage", "resolved", reply="")
    assert str(refused.value) == "Schrijf eerst een antwoord aan de melder voordat u de status op 'afgehandeld' zet."
    with translation.override("nl"), pytest.raises(TransitionError) as refused:
        check_transition("closed", "triage", reply="x")
    assert str(refused.value) == "Een signaal dat 'gesloten' is, kan niet 'in beoordeling' worden (wel mogelijk: geen)."
    with translation.override("en"), pytest.raises(TransitionError, match="Write a reply to the reporter"):
        check_transition("triage", "resolved", reply="")


@pytest.mark.parametrize("target", ["triage", "assigned", "in_progress", "reopened", "closed"])
def test_other_transitions_need_no_reply(target):
    source = next(a for a, b in sorted(EXPECTED_ALLOWED) if b == target)
    check_transition(source, target, reply="")


def test_closed_is_final_and_unknown_status_refused():
    assert allowed_next("closed") == []
    with pytest.raises(TransitionError, match="Onbekende status"):
        check_transition(Status.RECEIVED, "lost")


def test_open311_status_is_open_or_closed():
    closed = {"resolved", "rejected", "closed"}
    for status in STATUSES:
        assert open311_status(status) == ("closed" if status in closed else "open"), status


@pytest.mark.django_db
def test_service_walks_the_whole_path_and_appends_history(make_signal, users):
    signal = make_signal(reporter={"email": "melder@example.org", "consent": True})
    path = [Status.TRIAGE, Status.ASSIGNED, Status.IN_PROGRESS, Status.WAITING, Status.IN_PROGRESS, Status.RESOLVED,
            Status.REOPENED, Status.ASSIGNED, Status.RESOLVED, Status.CLOSED]
    for step in path:
        reply = "Bericht aan u" if step in REPLY_REQUIRED else ""
        signal = services.signal_transition(signal_id=signal.pk, to_status=step, by=users["area_g1"], reply=reply)
    history = list(StatusChange.objects.filter(signal=signal).values_list("from_status", "to_status"))
    assert [h[1] for h in history] == [Status.RECEIVED] + path
    assert all(history[i][1] == history[i + 1][0] for i in range(len(history) - 1))
    assert signal.closed_at is not None
    change = StatusChange.objects.filter(signal=signal).first()
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()


@pytest.mark.django_db
def test_refused_transition_changes_nothing(make_signal, users):
    signal = make_signal()
    with pytest.raises(TransitionError):
        services.signal_transition(signal_id=signal.pk, to_status=Status.CLOSED, by=users["admin"])
    signal.refresh_from_db()
    assert signal.status == Status.RECEIVED
    assert StatusChange.objects.filter(signal=signal).count() == 1


@pytest.mark.django_db
def test_only_the_responsible_team_may_change_status(make_signal, users):
    signal = make_signal()  # boom in G1 → area team of G1
    with pytest.raises(PermissionDenied):
        services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["area_g2"])
    with pytest.raises(PermissionDenied):
        services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["council"])
    services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["area_g1"])


@pytest.mark.django_db(transaction=True)
def test_reply_is_emailed_after_commit_only(make_signal, users):
    signal = make_signal(reporter={"email": "melder@example.org", "consent": True})
    assert len(mail.outbox) == 1  # acknowledgement
    services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["admin"])
    services.signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, by=users["admin"], reply="Opgelost!",
                               site_url="https://wijk.example.nl/")
    assert len(mail.outbox) == 2
    assert "Opgelost!" in mail.outbox[1].body and f"/signalen/volg/{signal.token}/" in mail.outbox[1].body
    assert mail.outbox[1].to == ["melder@example.org"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_changes_are_serialised_by_the_row_lock(make_signal, users):
    """Two staff members move the same received signal at once: one wins, the other is refused,
    and the history has exactly one change after 'received'. (Real concurrency on PostgreSQL;
    SQLite serialises writers anyway.)"""
    signal = make_signal()
    results = []

    def move(target):
        try:
            services.signal_transition(signal_id=signal.pk, to_status=target, by=users["admin"])
            results.append("ok")
        except TransitionError:
            results.append("refused")
        except Exception as exc:  # noqa: BLE001 - SQLite may report 'database is locked'
            results.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(Status.TRIAGE,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("ok") == 1
    assert StatusChange.objects.filter(signal=signal).count() == 2


@pytest.mark.django_db(transaction=True)
def test_emailed_is_recorded_only_when_the_mail_was_sent(make_signal, users, monkeypatch):
    signal = make_signal(reporter={"email": "melder@example.org", "consent": True})
    received = StatusChange.objects.get(signal=signal, to_status=Status.RECEIVED)
    assert received.emailed and len(mail.outbox) == 1

    def refused(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("wijksturing.signals.services.send_mail", refused)
    services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE, by=users["admin"])
    services.signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, by=users["admin"], reply="Opgelost!")
    resolved = StatusChange.objects.get(signal=signal, to_status=Status.RESOLVED)
    assert resolved.reply == "Opgelost!" and not resolved.emailed  # the change stands, the mail is not claimed
    signal.refresh_from_db()
    assert signal.status == Status.RESOLVED


@pytest.mark.django_db(transaction=True)
def test_a_mail_task_given_twice_sends_once(make_signal):
    from wijksturing.signals.tasks import signal_mail_task

    signal = make_signal(reporter={"email": "melder@example.org", "consent": True})
    change = StatusChange.objects.get(signal=signal, to_status=Status.RECEIVED)
    assert len(mail.outbox) == 1
    assert signal_mail_task.delay(change_id=change.pk, kind="received", text="", site_url="").get() is False
    assert len(mail.outbox) == 1


def test_an_area_team_may_hand_signals_over_to_a_department_it_is_not_in(make_signal, users, municipality):
    """Issue 16: a bulk hand-over to a department outside the team was refused (the status change
    was checked after the signals already belonged to the department)."""
    from wijksturing.signals.models import Team
    from wijksturing.signals.services import signal_assign

    signals = [make_signal(), make_signal()]  # in G1: the area team of G1 handles them
    department = Team.objects.get(municipality=municipality, code="reiniging")
    assert users["area_g1"] not in department.members.all()
    assert signal_assign(signal_ids=[s.pk for s in signals], team=department, by=users["area_g1"]) == 2
    for signal in signals:
        signal.refresh_from_db()
        assert signal.team == department and signal.status == Status.ASSIGNED
    with pytest.raises(PermissionDenied):  # once handed over, they are the department's
        signal_assign(signal_ids=[signals[0].pk], team=department, by=users["area_g1"])
