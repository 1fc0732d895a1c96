"""Voting: single-use paper voting codes, online ballots (code or login), and paper ballots
entered by one staff member and checked by another (four-eyes).

Secrecy (see docs/participation.md, "Ballot secrecy in the database"): the code is marked used
(or a :class:`LoginVote` row written) and the ballot goes into the ballot box
(:class:`SealedBallot`) *without any reference* to it, in one transaction, so a vote is never
lost. Ballots leave the box for the ballot table only in shuffled batches of at least
``WIJKSTURING_BALLOT_BATCH`` (default 10), in a transaction of their own (:func:`ballot_box_flush`),
and the whole box is emptied when voting closes. So neither the transaction that wrote a ballot
(PostgreSQL ``xmin``) nor its row order (SQLite ``rowid``, the choices' ids) says which voter
cast it: a ballot can be told apart from the others of its batch by nothing but its content.
Audit events about ballots carry no user and no ballot id.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijksturing.accounts.ratelimit import current_client, limit_hit, limit_reached
from wijksturing.accounts.services import audit_log
from wijksturing.participation.models import (
    Ballot,
    BallotChoice,
    BallotStatus,
    BallotType,
    Channel,
    LoginVote,
    Phase,
    Proposal,
    Review,
    Round,
    SealedBallot,
    VotingCode,
)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to type from paper
CODE_LENGTH = 10  # 32**10 = 2**50 possibilities
DEFAULT_BALLOT_BATCH = 10
_random = random.SystemRandom()


def _shuffle(items: list) -> None:
    """Shuffle in place with the operating system's randomness (not a seeded generator)."""
    _random.shuffle(items)


def ballot_batch_size() -> int:
    return max(1, int(getattr(settings, "WIJKSTURING_BALLOT_BATCH", DEFAULT_BALLOT_BATCH)))


def code_normalise(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_format(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def code_hash(*, round_id: int, code: str) -> str:
    """Keyed hash (HMAC-SHA256 with the secret key): a stolen database does not reveal codes."""
    message = f"{round_id}:{code_normalise(code)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@transaction.atomic
def voting_codes_generate(*, rnd: Round, count: int, buurt_code: str = "", by=None) -> list[str]:
    """Create ``count`` new codes (returned once, formatted ``ABCDE-FGHJK``, for printing);
    only their hashes are stored."""
    if not 1 <= count <= 5000:
        raise ValidationError({"count": _("Make between 1 and 5000 codes at a time.")})
    if rnd.phase in (Phase.COUNTING, Phase.PUBLISHED, Phase.EXECUTION):
        raise ValidationError(_("Voting has ended for this round."))
    codes = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)) for _ in range(count)]
    VotingCode.objects.bulk_create(
        [VotingCode(round=rnd, code_hash=code_hash(round_id=rnd.pk, code=c), buurt_code=buurt_code) for c in codes]
    )
    audit_log(user=by, action="pb_codes_generate", obj=rnd, municipality_code=rnd.municipality.code,
              changes={"count": count, "buurt": buurt_code})
    return [code_format(c) for c in codes]


def ballot_validate(*, rnd: Round, choices: Mapping[int, int]) -> dict[Proposal, int]:
    """Check a ballot against the round's ballot type. ``choices`` maps proposal pk to 1
    (approval, knapsack), points, or rank (1 = first). Returns proposal -> value."""
    choices = {int(k): int(v) for k, v in choices.items() if int(v) != 0}
    proposals = {p.pk: p for p in rnd.proposals.filter(review=Review.FEASIBLE)}
    unknown = [pk for pk in choices if pk not in proposals]
    if unknown:
        raise ValidationError({"choices": _("This ballot names a project that is not on the ballot.")})
    if any(v < 0 for v in choices.values()):
        raise ValidationError({"choices": _("Numbers on a ballot cannot be negative.")})
    n = len(choices)
    kind = rnd.ballot_type
    if n < max(rnd.min_choices, 1):
        least = max(rnd.min_choices, 1)
        raise ValidationError({"choices": ngettext("Choose at least %(n)d project.", "Choose at least %(n)d projects.",
                                                   least) % {"n": least}})
    if rnd.max_choices and n > rnd.max_choices and kind != BallotType.POINTS:
        raise ValidationError({"choices": ngettext("Choose at most %(n)d project.", "Choose at most %(n)d projects.",
                                                   rnd.max_choices) % {"n": rnd.max_choices}})
    if kind in (BallotType.APPROVAL, BallotType.KNAPSACK) and any(v != 1 for v in choices.values()):
        raise ValidationError({"choices": _("Tick projects; numbers are not used on this ballot.")})
    if kind == BallotType.KNAPSACK:
        total = sum(proposals[pk].cost for pk in choices)
        if total > rnd.budget:
            message = _("Your choice costs %(t)s, more than the budget of %(b)s.") % {"t": total, "b": rnd.budget}
            raise ValidationError({"choices": message})
    if kind == BallotType.POINTS and sum(choices.values()) > (rnd.points_per_voter or 0):
        raise ValidationError({"choices": _("You may give %(n)d points in total.") % {"n": rnd.points_per_voter}})
    if kind == BallotType.RANKING and sorted(choices.values()) != list(range(1, n + 1)):
        raise ValidationError({"choices": _("Number your choices 1, 2, 3 … without gaps or doubles.")})
    return {proposals[pk]: v for pk, v in choices.items()}


def _guess_limit(rnd: Round) -> None:
    """Refuse to look at a code while this client, or everyone together, has given too many
    wrong codes for this round in the last minute (settings ``vote_code_ip``, ``vote_code_round``)."""
    client = current_client()
    if (client and limit_reached(scope="vote_code_ip", key=f"{rnd.pk}:{client}")) or \
            limit_reached(scope="vote_code_round", key=str(rnd.pk)):
        raise ValidationError({"code": _("Too many wrong voting codes were tried. Wait a minute and try again.")},
                              code="rate_limited")


def _wrong_code(rnd: Round) -> ValidationError:
    client = current_client()
    if client:
        limit_hit(scope="vote_code_ip", key=f"{rnd.pk}:{client}")
    limit_hit(scope="vote_code_round", key=str(rnd.pk))
    return ValidationError({"code": _("This voting code is not valid for this round.")})


def code_check(*, rnd: Round, code: str) -> None:
    """Raise the voter-facing error when ``code`` cannot vote in ``rnd`` (unknown or used);
    used to warn before the confirmation step. Casting checks again, atomically. Wrong codes are
    counted per client and per round; past the limit no code is looked at for a while."""
    _guess_limit(rnd)
    vc = VotingCode.objects.filter(round=rnd, code_hash=code_hash(round_id=rnd.pk, code=code)).first()
    if vc is None:
        raise _wrong_code(rnd)
    if vc.used:
        raise ValidationError({"code": _("This voting code has already been used.")})


def _write_ballot(*, rnd: Round, values: dict[Proposal, int], channel: str, buurt_code: str,
                  status: str = BallotStatus.CONFIRMED, entered_by=None) -> Ballot:
    ballot = Ballot.objects.create(round=rnd, channel=channel, buurt_code=buurt_code, status=status, entered_by=entered_by)
    BallotChoice.objects.bulk_create([BallotChoice(ballot=ballot, proposal=p, value=v) for p, v in values.items()])
    return ballot


def ballot_cast(*, rnd: Round, choices: Mapping[int, int], code: str = "", user=None, buurt_code: str = "") -> None:
    """An online vote, with a voting code or by a logged-in user. Returns nothing on purpose:
    the caller never gets a handle on the secret ballot."""
    if rnd.phase != Phase.VOTING:
        raise ValidationError(_("Voting is not open for this round."))
    values = ballot_validate(rnd=rnd, choices=choices)
    code = code_normalise(code)
    if not code and not getattr(user, "is_authenticated", False):
        raise ValidationError({"code": _("Enter your voting code or log in.")})
    try:
        with transaction.atomic():
            if code:
                _guess_limit(rnd)
                hashed = code_hash(round_id=rnd.pk, code=code)
                vc = VotingCode.objects.filter(round=rnd, code_hash=hashed).first()
                if vc is None:
                    raise _wrong_code(rnd)
                # Conditional update: of two simultaneous votes with one code only one succeeds.
                if not VotingCode.objects.filter(pk=vc.pk, used=False).update(used=True):
                    raise ValidationError({"code": _("This voting code has already been used.")})
                buurt_code = vc.buurt_code or buurt_code
            else:
                LoginVote.objects.create(round=rnd, user=user)
            # into the ballot box: no reference to the code or the login vote, no time
            SealedBallot.objects.create(round=rnd, buurt_code=buurt_code,
                                        choices=[[p.pk, v] for p, v in values.items()])
    except IntegrityError:
        raise ValidationError({"user": _("You have already voted in this round.")}) from None
    # A transaction of its own (the view does not wrap this in one): the batch's ballots share
    # that transaction, which contains no voter marker.
    ballot_box_flush(rnd=rnd)
    audit_log(user=None, action="pb_ballot_cast", obj="Ballot", municipality_code=rnd.municipality.code,
              changes={"round": rnd.pk, "channel": Channel.ONLINE})


def ballot_box_flush(*, rnd: Round, force: bool = False) -> int:
    """Move the round's sealed ballots to the ballot table, in a random order and one transaction,
    once at least :func:`ballot_batch_size` wait (or all of them with ``force``, when voting
    closes). Returns how many moved. Concurrent flushes do not move a ballot twice: the rows are
    locked, and a flush that finds them gone moves nothing."""
    with transaction.atomic():
        sealed = list(SealedBallot.objects.select_for_update().filter(round=rnd))
        if not sealed or (not force and len(sealed) < ballot_batch_size()):
            return 0
        _shuffle(sealed)
        deleted, _per_model = SealedBallot.objects.filter(pk__in=[s.pk for s in sealed]).delete()
        if deleted != len(sealed):  # another flush took some of them first
            raise IntegrityError("ballot box changed during the flush")
        ballots = [Ballot(round_id=rnd.pk, channel=Channel.ONLINE, buurt_code=s.buurt_code) for s in sealed]
        Ballot.objects.bulk_create(ballots)
        BallotChoice.objects.bulk_create([BallotChoice(ballot=b, proposal_id=int(pk), value=int(v))
                                          for b, s in zip(ballots, sealed) for pk, v in s.choices])
    return len(sealed)


@transaction.atomic
def paper_ballot_enter(*, rnd: Round, choices: Mapping[int, int], by, buurt_code: str = "", paper_ref: str = "") -> Ballot:
    """Staff member A types in a paper ballot; it counts only after B checks it."""
    if rnd.phase not in (Phase.VOTING, Phase.COUNTING):
        raise ValidationError(_("Paper ballots can be entered during voting and counting only."))
    values = ballot_validate(rnd=rnd, choices=choices)
    ballot = _write_ballot(rnd=rnd, values=values, channel=Channel.PAPER, buurt_code=buurt_code,
                           status=BallotStatus.ENTERED, entered_by=by)
    if paper_ref:
        ballot.paper_ref = paper_ref.strip()[:20]
        ballot.save(update_fields=["paper_ref"])
    audit_log(user=by, action="pb_paper_enter", obj=ballot, municipality_code=rnd.municipality.code, changes={"round": rnd.pk})
    return ballot


@transaction.atomic
def paper_ballot_check(*, ballot: Ballot, by, accept: bool) -> Ballot:
    """Staff member B (not A) confirms that the entry matches the paper, or rejects it."""
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.channel != Channel.PAPER or ballot.status != BallotStatus.ENTERED:
        raise ValidationError(_("This ballot does not wait for a check."))
    if ballot.entered_by_id is not None and ballot.entered_by_id == getattr(by, "pk", None):
        raise ValidationError(_("A second person must check a paper ballot; you entered this one yourself."))
    ballot.status = BallotStatus.CONFIRMED if accept else BallotStatus.REJECTED
    ballot.checked_by = by
    ballot.save(update_fields=["status", "checked_by"])
    audit_log(user=by, action="pb_paper_check", obj=ballot, municipality_code=ballot.round.municipality.code,
              changes={"round": ballot.round_id, "status": ballot.status})
    return ballot
