"""Issue 16: ballot secrecy at database level. A ballot and its voter marker (the used code or
the LoginVote row) must not be linkable from the database: not by transaction (PostgreSQL
xmin), not by row order (SQLite rowid, ids of the choices)."""

import pytest
from django.db import connection

from wijksturing.accounts.tests.factories import resident as a_resident
from wijksturing.participation import ballots, selectors, services
from wijksturing.participation.models import Ballot, BallotChoice, LoginVote, Phase, SealedBallot
from wijksturing.participation.tests.factories import make_round

BATCH = 5


@pytest.fixture
def points_round(arnhem, settings):
    settings.WIJKSTURING_BALLOT_BATCH = BATCH
    return make_round(ballot_type="points", points_per_voter=50)


def vote(rnd, n: int) -> None:
    """Voter n gives n points to the first project: the content tells us who voted (in the test only)."""
    first = rnd.proposals.order_by("id").first()
    services.ballot_cast(rnd=rnd, choices={first.pk: n}, user=a_resident(f"kiezer{n}"))


def ballots_in_row_order() -> list[int]:
    """The points of each ballot in the order the rows lie in the table (SQLite's rowid,
    PostgreSQL's physical position ctid)."""
    position = "b.ctid" if connection.vendor == "postgresql" else "b.rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT c.value FROM participation_ballot b JOIN participation_ballotchoice c "
                       f"ON c.ballot_id = b.id ORDER BY {position}")
        return [value for (value,) in cursor.fetchall()]


def choices_in_id_order() -> list[int]:
    return list(BallotChoice.objects.order_by("id").values_list("value", flat=True))


def voters_in_row_order() -> list[int]:
    return [int(u[len("kiezer"):]) for u in LoginVote.objects.order_by("id").values_list("user__username", flat=True)]


def test_no_ballot_reaches_the_table_before_a_batch_is_full(points_round):
    for n in range(1, BATCH):
        vote(points_round, n)
        assert not Ballot.objects.exists() and SealedBallot.objects.count() == n
    vote(points_round, BATCH)
    assert Ballot.objects.count() == BATCH and not SealedBallot.objects.exists()
    assert sorted(ballots_in_row_order()) == list(range(1, BATCH + 1))


def test_row_order_of_ballots_does_not_follow_the_voters(points_round, monkeypatch):
    """With the shuffle made deterministic (rotate by one), a linker that pairs the n-th voter
    marker with the n-th ballot row finds no voter at all; with the real shuffle it can only
    guess within a batch."""
    monkeypatch.setattr(ballots, "_shuffle", lambda items: items.append(items.pop(0)))
    for n in range(1, 2 * BATCH + 1):
        vote(points_round, n)
    voters = voters_in_row_order()
    assert voters == list(range(1, 2 * BATCH + 1))  # the markers do keep the voting order
    for linked in (ballots_in_row_order(), choices_in_id_order()):
        assert sorted(linked) == voters
        assert sum(v == b for v, b in zip(voters, linked)) == 0, linked


def test_the_real_shuffle_is_used(points_round, monkeypatch):
    calls = []
    real = ballots._shuffle
    monkeypatch.setattr(ballots, "_shuffle", lambda items: (calls.append(len(items)), real(items)))
    for n in range(1, BATCH + 1):
        vote(points_round, n)
    assert calls == [BATCH]


def test_closing_the_vote_empties_the_ballot_box_and_counts_every_ballot(points_round):
    for n in range(1, BATCH + 3):  # one full batch and two waiting
        vote(points_round, n)
    assert SealedBallot.objects.count() == 2
    assert selectors.ballot_counts(rnd=points_round)["online"] == BATCH + 2  # turnout includes the box
    services.round_transition(rnd=points_round, to_phase=Phase.COUNTING)
    assert not SealedBallot.objects.exists() and Ballot.objects.count() == BATCH + 2
    result = services.round_count(rnd=points_round)
    assert result.ballots_counted == BATCH + 2


def test_a_code_vote_is_mixed_the_same_way(points_round):
    codes = services.voting_codes_generate(rnd=points_round, count=BATCH, buurt_code="BU02020100")
    first = points_round.proposals.order_by("id").first()
    for n, code in enumerate(codes, start=1):
        services.ballot_cast(rnd=points_round, choices={first.pk: n}, code=code)
    assert Ballot.objects.filter(buurt_code="BU02020100").count() == BATCH
    assert not SealedBallot.objects.exists()


def test_the_ballot_box_has_no_time_and_no_voter(db):
    from django.db import models

    for field in SealedBallot._meta.get_fields():
        assert not isinstance(field, (models.DateTimeField, models.DateField)), field
        if field.is_relation and field.concrete:
            assert field.related_model.__name__ == "Round", field
    assert isinstance(SealedBallot._meta.pk, models.UUIDField)
