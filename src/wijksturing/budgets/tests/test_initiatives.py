"""The initiative state machine (allowed and refused transitions), money effects, privacy."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from wijksturing.budgets import selectors, services, workflow
from wijksturing.budgets.models import EntryKind, Initiative, InitiativeEvent
from wijksturing.budgets.tests.factories import budget_line, submitted_initiative
from wijksturing.budgets.workflow import InitiativeStatus as S
from wijksturing.budgets.workflow import TransitionError
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db
YES = {code: True for code, _ in workflow.CRITERIA}


def _budget(amount="5000.00"):
    return budget_line("participation", amount)


def _submit(amount="1500.00") -> Initiative:
    return submitted_initiative(amount=amount)


def _approve(initiative, team, amount="1200.00"):
    services.initiative_transition(user=team, initiative=initiative, to=S.ASSESSING)
    return services.initiative_transition(user=team, initiative=initiative, to=S.APPROVED, amount_granted=Decimal(amount),
                                          decision_reason="Past bij het programma", assessment=YES)


def test_the_whole_path_with_money():
    line = _budget()
    team = f.area_team()
    initiative = _approve(_submit(), team)
    assert selectors.line_balance(line=line).committed == Decimal("1200.00")
    services.initiative_transition(user=team, initiative=initiative, to=S.PAID)
    balance = selectors.line_balance(line=line)
    assert (balance.spent, balance.remaining) == (Decimal("1200.00"), Decimal("3800.00"))
    done = services.initiative_transition(user=team, initiative=initiative, to=S.ACCOUNTED, account="20 mensen aten mee")
    assert done.closed_at is not None
    assert [e.to_status for e in done.events.all()] == [S.SUBMITTED, S.ASSESSING, S.APPROVED, S.PAID, S.ACCOUNTED]
    assert done.entries.filter(kind=EntryKind.SPENDING).get().amount == Decimal("1200.00")


@pytest.mark.parametrize("path, refused", [
    ([], S.APPROVED),  # no decision without assessment
    ([], S.PAID),
    ([S.ASSESSING], S.ACCOUNTED),
    ([S.ASSESSING, S.REJECTED], S.APPROVED),  # a rejection is final
    ([S.WITHDRAWN], S.ASSESSING),
])
def test_refused_transitions(path, refused):
    _budget()
    initiative = _submit()
    for step in path:
        services.initiative_transition(user=None, initiative=initiative, to=step, decision_reason="reden")
    with pytest.raises(TransitionError) as err:
        services.initiative_transition(user=None, initiative=initiative, to=refused, decision_reason="reden",
                                       amount_granted=Decimal(1), account="x")
    assert err.value.field == "status"
    initiative.refresh_from_db()
    assert initiative.status == (path[-1] if path else S.SUBMITTED)


# Written out by hand from the diagram in budgets/workflow.py, not read from its table.
EXPECTED_ALLOWED = {
    ("submitted", "assessing"), ("submitted", "withdrawn"),
    ("assessing", "approved"), ("assessing", "rejected"),
    ("approved", "paid"), ("approved", "withdrawn"),
    ("paid", "accounted"),
}


def test_every_transition_as_written_by_hand_and_no_other():
    statuses = ["submitted", "assessing", "approved", "rejected", "paid", "accounted", "withdrawn"]
    assert sorted(S.values) == sorted(statuses)
    for current in statuses:
        for new in statuses:
            assert workflow.allowed(current, new) == ((current, new) in EXPECTED_ALLOWED), (current, new)
    assert {"rejected", "accounted", "withdrawn"} == workflow.FINAL
    _budget()
    initiative = _submit()
    assert selectors.initiative_next_statuses(initiative=initiative) == ["assessing", "withdrawn"]


def test_decisions_need_reason_and_amount_within_budget():
    _budget("1000.00")
    initiative = _submit("1500.00")
    services.initiative_transition(user=None, initiative=initiative, to=S.ASSESSING)
    with pytest.raises(ValidationError) as err:
        services.initiative_transition(user=None, initiative=initiative, to=S.REJECTED)
    assert "decision_reason" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.initiative_transition(user=None, initiative=initiative, to=S.APPROVED, decision_reason="ok")
    assert "amount_granted" in err.value.message_dict
    with pytest.raises(ValidationError, match="at most the amount requested"):
        services.initiative_transition(user=None, initiative=initiative, to=S.APPROVED, decision_reason="ok",
                                       amount_granted=Decimal("1600.00"))
    with pytest.raises(ValidationError, match="remains of the budget"):
        services.initiative_transition(user=None, initiative=initiative, to=S.APPROVED, decision_reason="ok",
                                       amount_granted=Decimal("1000.01"))
    with pytest.raises(ValidationError, match="unknown criteria"):
        services.initiative_transition(user=None, initiative=initiative, to=S.REJECTED, decision_reason="nee",
                                       assessment={"bribe": True})
    initiative.refresh_from_db()
    assert initiative.status == S.ASSESSING and not initiative.entries.exists()


def test_withdrawal_after_approval_releases_the_commitment():
    line = _budget()
    initiative = _approve(_submit(), None)
    services.initiative_transition(user=None, initiative=initiative, to=S.WITHDRAWN)
    balance = selectors.line_balance(line=line)
    assert balance.committed == Decimal("0.00") and balance.remaining == Decimal("5000.00")
    assert initiative.entries.count() == 2  # the commitment and its reversal; nothing deleted


def test_only_the_team_of_the_gebied_manages(client):
    _budget()
    initiative = _submit()
    with pytest.raises(PermissionDenied):
        services.initiative_transition(user=f.area_team("team_w2", "W2"), initiative=initiative, to=S.ASSESSING)
    client.force_login(f.area_team("team_w2b", "W2"))
    assert client.get(f"/initiatieven/{initiative.pk}/").status_code == 403


def test_history_is_append_only():
    event = InitiativeEvent.objects.filter(initiative=_submit()).get()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


def test_personal_data_only_for_the_team(client):
    _budget()
    initiative = _approve(_submit(), None)
    public_list = client.get(f"/gemeente/{f.MUN}/gebied/W1/initiatieven/").content.decode()
    follow = client.get(f"/initiatieven/volg/{initiative.token}/").content.decode()
    api = client.get(f"/api/v1/initiatives/?municipality={f.MUN}&gebied=W1").content.decode()
    for text in (public_list, follow, api):
        assert "Buurtmaaltijd" in text
        assert "Jan Jansen" not in text and "jan@example.org" not in text
    client.force_login(f.area_team())
    assert "jan@example.org" in client.get(f"/initiatieven/{initiative.pk}/").content.decode()
    from wijksturing.accounts.models import AuditEvent

    assert not any("Jan" in str(e.changes) for e in AuditEvent.objects.all())


def test_public_list_hides_undecided_initiatives(client):
    _budget()
    _submit()
    assert "Buurtmaaltijd" not in client.get(f"/gemeente/{f.MUN}/gebied/W1/initiatieven/").content.decode()


def test_apply_form_and_follow_link(client):
    f.municipality()
    response = client.post(f"/gemeente/{f.MUN}/gebied/W1/initiatieven/aanvragen/", {
        "title": "Bankje", "description": "Een bankje bij de speeltuin", "location": "Speeltuin", "amount": "300,00",
        "applicant_name": "Piet", "applicant_email": "geen-email",
    })
    assert response.status_code == 200 and "applicant_email" in response.content.decode()
    response = client.post(f"/gemeente/{f.MUN}/gebied/W1/initiatieven/aanvragen/", {
        "title": "Bankje", "description": "Een bankje bij de speeltuin", "location": "Speeltuin", "amount": "300.00",
        "applicant_name": "Piet", "applicant_email": "piet@example.org",
    })
    initiative = Initiative.objects.get(title="Bankje")
    assert response.url == f"/initiatieven/volg/{initiative.token}/"
    assert client.get(response.url).status_code == 200


def test_personal_data_removed_after_retention(settings):
    settings.RETENTION_DAYS = 30
    _budget()
    old = _submit()
    services.initiative_transition(user=None, initiative=old, to=S.WITHDRAWN)
    recent = _submit()
    services.initiative_transition(user=None, initiative=recent, to=S.WITHDRAWN)
    Initiative.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=31))
    assert services.initiatives_remove_personal_data() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.applicant_name, old.applicant_email) == ("", "") and old.personal_data_removed_at
    assert recent.applicant_email == "jan@example.org"
