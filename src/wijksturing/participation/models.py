"""Buurtbegroting (neighbourhood participatory budget): rounds, proposals, voting codes,
ballots and results. Counting happens in :mod:`wijksturing.core.pb` through
:mod:`wijksturing.participation.counting`.

Ballot secrecy is structural: a :class:`Ballot` has no reference to a user, a voting code
or a time. Who voted is kept apart (:class:`VotingCode.used`, :class:`LoginVote`), written
in the same transaction as the ballot; ballot ids are random UUIDs, so their order does not
reveal the order of voting either.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijksturing.history import AppendOnly


class Phase(models.TextChoices):
    PROPOSALS = "proposals", _("Proposals open")
    REVIEW = "review", _("Review")
    VOTING = "voting", _("Voting")
    COUNTING = "counting", _("Counting")
    PUBLISHED = "published", _("Results published")
    EXECUTION = "execution", _("Execution followed")


class BallotType(models.TextChoices):
    APPROVAL = "approval", _("Approval (tick projects)")
    POINTS = "points", _("Points (divide your points)")
    RANKING = "ranking", _("Ranking (put projects in order)")
    KNAPSACK = "knapsack", _("Fill your own budget")


class Rule(models.TextChoices):
    GREEDY = "greedy", _("Greedy by votes")
    MES = "mes", _("Method of Equal Shares, no completion")
    MES_ADD1 = "mes-add1", _("Method of Equal Shares, add1 completion")
    MES_ADD1_FULL = "mes-add1-full", _("Method of Equal Shares, add1 until the budget is used")
    MES_ADD1_GREEDY = "mes-add1-greedy", _("Method of Equal Shares, add1 then greedy")


class TieBreak(models.TextChoices):
    REFERENCE = "reference", _("Project id (reference library)")
    EQUALSHARES = "equalshares", _("Lower cost, then more votes (equalshares.net)")


class Leftover(models.TextChoices):
    KEEP = "keep", _("Stays unspent")
    ROLLOVER = "rollover", _("Goes to the next round")
    GREEDY = "greedy", _("Spent on the next projects that still fit")


class Round(models.Model):
    """One buurtbegroting for one area (gebied, wijk, buurt or the whole municipality) and period."""

    municipality = models.ForeignKey("areas.Municipality", on_delete=models.CASCADE, related_name="pb_rounds")
    area_code = models.CharField(_("area code"), max_length=20)
    area_name = models.CharField(_("area name"), max_length=120)
    area_level = models.CharField(_("area level"), max_length=10)
    gebied_code = models.CharField(
        _("gebied"), max_length=20, blank=True, help_text=_("Gebied whose area team manages the round.")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    period = models.CharField(_("period"), max_length=40, help_text=_("e.g. 2025"))
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.PROPOSALS)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    # Who may vote
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    residents_only = models.BooleanField(_("only residents of the area"), default=True)
    # Ballot
    ballot_type = models.CharField(_("ballot type"), max_length=10, choices=BallotType.choices, default=BallotType.APPROVAL)
    min_choices = models.PositiveSmallIntegerField(_("minimum number of projects"), default=1)
    max_choices = models.PositiveSmallIntegerField(
        _("maximum number of projects"), null=True, blank=True, help_text=_("Empty = no maximum. For a ranking: k.")
    )
    points_per_voter = models.PositiveSmallIntegerField(_("points per voter"), null=True, blank=True)
    # Counting
    rule = models.CharField(_("counting rule"), max_length=16, choices=Rule.choices, default=Rule.MES_ADD1)
    tie_break = models.CharField(_("tie-break"), max_length=12, choices=TieBreak.choices, default=TieBreak.REFERENCE)
    category_caps = models.JSONField(_("maximum per category"), default=dict, blank=True)
    leftover = models.CharField(_("leftover budget"), max_length=10, choices=Leftover.choices, default=Leftover.KEEP)
    paper_weight = models.DecimalField(_("weight of a paper ballot"), max_digits=6, decimal_places=3, default=1)
    pb_meta = models.JSONField(_("pabulib META"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("buurtbegroting round")
        verbose_name_plural = _("buurtbegroting rounds")

    def __str__(self) -> str:
        return self.title


class PhaseChange(AppendOnly):
    """Append-only history of a round's phases."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(max_length=12, blank=True)
    to_phase = models.CharField(max_length=12, choices=Phase.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")


class Review(models.TextChoices):
    PENDING = "pending", _("Not yet reviewed")
    FEASIBLE = "feasible", _("Feasible")
    NOT_FEASIBLE = "not_feasible", _("Not feasible")


class Proposal(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="proposals")
    project_id = models.CharField(_("project number"), max_length=40, help_text=_("Id in the pabulib file."))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    estimated_cost = models.DecimalField(_("estimated cost"), max_digits=14, decimal_places=2)
    category = models.CharField(_("category"), max_length=60, blank=True)
    review = models.CharField(_("review"), max_length=12, choices=Review.choices, default=Review.PENDING)
    review_reason = models.TextField(_("reason (published)"), blank=True)
    final_cost = models.DecimalField(_("final cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    contact_email = models.EmailField(_("e-mail (only for the area team)"), blank=True)
    execution_note = models.TextField(_("progress of execution"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["round", "created_at", "id"]
        unique_together = [("round", "project_id")]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self) -> str:
        return self.title

    @property
    def cost(self):
        return self.final_cost if self.final_cost is not None else self.estimated_cost


class VotingCode(models.Model):
    """A single-use voting code handed out on paper. Only a keyed hash is stored; ``used`` is
    all that is kept about its use (no time, no ballot)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="voting_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    buurt_code = models.CharField(_("buurt"), max_length=20, blank=True)
    used = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")


class LoginVote(models.Model):
    """Marks that a logged-in user has voted in a round; never linked to the ballot."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="login_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        unique_together = [("round", "user")]
        verbose_name = _("login vote")
        verbose_name_plural = _("login votes")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("paper")


class BallotStatus(models.TextChoices):
    ENTERED = "entered", _("Entered, waiting for check")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected at check")


class Ballot(models.Model):
    """A secret ballot: no voter, no code, no time. ``buurt_code`` only feeds turnout
    counts per buurt, which are suppressed below 10. Paper ballots carry the staff
    members who entered and checked them (four-eyes); only confirmed ballots count."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    channel = models.CharField(max_length=6, choices=Channel.choices)
    buurt_code = models.CharField(_("buurt"), max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=BallotStatus.choices, default=BallotStatus.CONFIRMED)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    paper_ref = models.CharField(_("number on the paper ballot"), max_length=20, blank=True,
                                 help_text=_("Lets the checker find the sheet; says nothing about the voter."))
    pb_voter_id = models.CharField(max_length=40, blank=True, help_text="Opaque voter id from an imported .pb file.")

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")


class SealedBallot(models.Model):
    """An online ballot in the ballot box, waiting to be mixed with others (see
    ``participation.ballots``): written in the voter's transaction so that no vote is lost, moved
    to :class:`Ballot` in a shuffled batch of at least ``WIJKSTURING_BALLOT_BATCH`` ballots, and
    deleted then. Random id, no time, no voter; ``choices`` is ``[[proposal id, value], …]``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="sealed_ballots")
    buurt_code = models.CharField(max_length=20, blank=True)
    choices = models.JSONField(default=list)

    class Meta:
        verbose_name = _("ballot in the ballot box")
        verbose_name_plural = _("ballots in the ballot box")


class BallotChoice(models.Model):
    """One project on a ballot: ``value`` is 1 (approval), the points, or the rank (1 = first)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveIntegerField(default=1)

    class Meta:
        unique_together = [("ballot", "proposal")]
        verbose_name = _("ballot choice")
        verbose_name_plural = _("ballot choices")


class Result(models.Model):
    """The outcome of counting a round (the latest count is the one that is published)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="results")
    rule = models.CharField(max_length=16, choices=Rule.choices)
    tie_break = models.CharField(max_length=12, choices=TieBreak.choices)
    selected = models.JSONField(default=list, help_text="Selected project ids, sorted as the core sorts them.")
    spent = models.DecimalField(max_digits=14, decimal_places=2)
    per_project = models.JSONField(default=dict)
    per_category = models.JSONField(default=dict)
    turnout = models.JSONField(default=dict)
    explanation = models.JSONField(default=dict)
    ballots_counted = models.PositiveIntegerField(default=0)
    counted_at = models.DateTimeField(auto_now_add=True)
    counted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["-counted_at", "-id"]
        verbose_name = _("result")
        verbose_name_plural = _("results")
