"""The phase state machine, proposals and their review, permissions."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from wijksturing.accounts.tests.factories import staff_user
from wijksturing.participation import selectors, services
from wijksturing.participation.models import Phase, PhaseChange, Review
from wijksturing.participation.selectors import round_user_can_manage
from wijksturing.participation.services import TransitionError
from wijksturing.participation.tests.factories import make_round


def test_every_phase_is_reachable_and_history_is_appended(arnhem, team):
    rnd = make_round(phase=Phase.PROPOSALS, by=team["a"])
    assert [c.to_phase for c in rnd.phase_changes.all()] == [Phase.PROPOSALS]
    for step in (Phase.REVIEW, Phase.VOTING, Phase.COUNTING):
        rnd = services.round_transition(rnd=rnd, to_phase=step, by=team["a"])
    services.round_count(rnd=rnd, by=team["a"])
    rnd = services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED, by=team["b"])
    rnd = services.round_transition(rnd=rnd, to_phase=Phase.EXECUTION, by=team["b"])
    history = list(rnd.phase_changes.values_list("from_phase", "to_phase"))
    assert history == [("", "proposals"), ("proposals", "review"), ("review", "voting"), ("voting", "counting"),
                       ("counting", "published"), ("published", "execution")]
    assert rnd.results.get().published


@pytest.mark.parametrize("start,target", [
    (Phase.PROPOSALS, Phase.VOTING), (Phase.PROPOSALS, Phase.PUBLISHED), (Phase.VOTING, Phase.PUBLISHED),
    (Phase.VOTING, Phase.REVIEW), (Phase.COUNTING, Phase.EXECUTION), (Phase.REVIEW, "nonsense"),
])
def test_refused_transitions(arnhem, start, target):
    rnd = make_round(phase=start)
    with pytest.raises(TransitionError):
        services.round_transition(rnd=rnd, to_phase=target)
    rnd.refresh_from_db()
    assert rnd.phase == start
    assert target not in selectors.round_next_phases(rnd=rnd)


# Written out by hand from the diagram in participation/workflow.py, not read from its table.
EXPECTED_NEXT = {
    "proposals": ["review"], "review": ["voting", "proposals"], "voting": ["counting"],
    "counting": ["published", "voting"], "published": ["execution"], "execution": [],
}


@pytest.mark.parametrize("phase", list(EXPECTED_NEXT))
def test_next_phases_as_written_by_hand(phase):
    from wijksturing.participation.workflow import MACHINE

    assert MACHINE.next_states(phase) == EXPECTED_NEXT[phase]
    assert {p for p in EXPECTED_NEXT if MACHINE.allowed(phase, p)} == set(EXPECTED_NEXT[phase])


def test_conditions_of_transitions(arnhem):
    rnd = make_round(phase=Phase.PROPOSALS, proposals=[])
    services.round_transition(rnd=rnd, to_phase=Phase.REVIEW)
    with pytest.raises(TransitionError, match="feasible"):
        services.round_transition(rnd=rnd, to_phase=Phase.VOTING)
    rnd = make_round(phase=Phase.COUNTING)
    with pytest.raises(TransitionError, match="Count"):
        services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED)


def test_phase_history_is_append_only(arnhem):
    change = make_round(phase=Phase.PROPOSALS).phase_changes.first()
    change.note = "edited"
    with pytest.raises(ValueError):
        change.save()
    with pytest.raises(ValueError):
        change.delete()
    assert PhaseChange.objects.count() == 1


def test_proposal_only_while_open_and_review_publishes_reason(arnhem):
    rnd = make_round(phase=Phase.PROPOSALS, proposals=[])
    with pytest.raises(ValidationError) as info:
        services.proposal_submit(rnd=rnd, title="Te duur", description="", estimated_cost=Decimal(20000))
    assert "estimated_cost" in info.value.message_dict
    p = services.proposal_submit(rnd=rnd, title="Bankje", description="Bij de kerk", estimated_cost=Decimal(500),
                                 lon=5.905, lat=51.985, contact_email="a@example.org")
    assert p.project_id == "1"
    with pytest.raises(ValidationError) as info:
        services.proposal_review(proposal=p, feasible=False, reason="  ")
    assert "review_reason" in info.value.message_dict
    services.proposal_review(proposal=p, feasible=False, reason="Geen plek op de stoep.", final_cost=Decimal(800))
    p.refresh_from_db()
    assert p.review == Review.NOT_FEASIBLE and p.cost == Decimal(800)
    services.round_transition(rnd=rnd, to_phase=Phase.REVIEW)
    with pytest.raises(ValidationError):
        services.proposal_submit(rnd=rnd, title="Later", description="", estimated_cost=Decimal(1))


def test_round_validation_names_the_field(arnhem):
    with pytest.raises(ValidationError) as info:
        services.round_create(municipality_code="GM0202", area_code="W1", title="x", period="2025",
                              budget=Decimal(1000), ballot_type="points")
    assert "points_per_voter" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        services.round_create(municipality_code="GM0202", area_code="BU99", title="x", period="2025", budget=Decimal(1))
    assert "area" in info.value.message_dict


def test_permissions(arnhem, team):
    rnd = make_round()
    admin = staff_user("admin", superuser=True)
    council = staff_user("raad", role="council", municipality=arnhem)
    assert round_user_can_manage(user=team["a"], rnd=rnd)
    assert round_user_can_manage(user=admin, rnd=rnd)
    assert not round_user_can_manage(user=team["other"], rnd=rnd)
    assert not round_user_can_manage(user=council, rnd=rnd)


def test_contacts_are_purged_after_retention(arnhem):
    rnd = make_round(phase=Phase.PROPOSALS, proposals=[])
    services.proposal_submit(rnd=rnd, title="B", description="", estimated_cost=Decimal(5), contact_email="x@example.org")
    services.proposal_review(proposal=rnd.proposals.get(), feasible=True, reason="ok")
    for step in (Phase.REVIEW, Phase.VOTING, Phase.COUNTING):
        services.round_transition(rnd=rnd, to_phase=step)
    services.round_count(rnd=rnd)
    services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED)
    assert services.proposal_contacts_purge() == 0
    assert services.proposal_contacts_purge(older_than_days=-1) == 1
    assert rnd.proposals.get().contact_email == ""


def test_dutch_messages(arnhem):
    from django.utils import translation

    rnd = make_round(phase=Phase.PROPOSALS)
    with translation.override("nl"), pytest.raises(TransitionError, match="kan niet van"):
        services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED)
