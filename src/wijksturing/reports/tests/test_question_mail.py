"""A council member's question on a report e-mails the area team of the gebied (issue 10): after
commit, through the reports' Celery task, naming nobody but "een raadslid", with a link to the
report's questions."""

import smtplib

import pytest
from django.core import mail

from wijksturing.accounts.tests.factories import area_team
from wijksturing.reports import tasks
from wijksturing.reports.tests.test_council import TestCaseCommit, _publish, world  # noqa: F401 — the fixture


@pytest.fixture
def team(world):  # noqa: F811
    for key, address in (("author", "auteur@example.org"), ("second", "collega@example.org"),
                         ("other_team", "ander@example.org")):
        world[key].email = address
        world[key].save()
    whole = area_team(world["municipality"], "", username="heelteam")  # an area team of the whole municipality
    whole.email = "heel@example.org"
    whole.save()
    world["council"].first_name, world["council"].last_name = "Ria", "Raadsma"
    world["council"].save()
    return whole


def test_a_question_mails_the_area_team_of_the_gebied_after_commit(world, team, client):  # noqa: F811
    report = _publish(world)
    client.force_login(world["council"])
    mail.outbox.clear()
    with TestCaseCommit():
        response = client.post(f"/gebiedsrapportage/{report.pk}/vragen/", {"text": "Waarom blijft het groen achter?"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [] and message.bcc == ["auteur@example.org", "collega@example.org", "heel@example.org"]
    assert "raadslid" in message.subject.lower() and "Centrum-Oost" in message.subject
    assert f"http://testserver/gebiedsrapportage/{report.pk}/#vragen" in message.body
    assert message.body.startswith("Een raadslid")
    everything = " ".join([message.subject, message.body, *message.to, *message.bcc, *message.cc, message.from_email])
    for personal in ("raad@example.org", "Ria", "Raadsma", "Waarom blijft het groen achter?"):
        assert personal not in everything


def test_no_mail_before_commit(world, team, client):  # noqa: F811
    report = _publish(world)
    client.force_login(world["council"])
    mail.outbox.clear()
    client.post(f"/gebiedsrapportage/{report.pk}/vragen/", {"text": "Nog een vraag"})  # the test's transaction never commits
    assert report.questions.count() == 1 and mail.outbox == []


def test_a_refusing_mail_server_does_not_break_the_task_in_process(world, team, monkeypatch):  # noqa: F811
    from wijksturing.reports import services

    report = _publish(world)
    with TestCaseCommit():
        question = services.question_ask(user=world["council"], report=report, text="Vraag")

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert tasks.question_mail_task.apply(kwargs={"question_id": question.pk}).get() == 0
