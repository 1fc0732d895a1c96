"""Import a pabulib ``.pb`` election as a round (projects and votes), export a round as ``.pb``.

Parsing and writing the format is the core's (:mod:`wijksturing.core.pb.pabulib`); this module
maps it to the database. Imports are all-or-nothing (one transaction) and every problem is a
:class:`PbImportError` that names the file, line and field.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from wijksturing.core import pb as core
from wijksturing.participation.counting import election_from_round, to_decimal
from wijksturing.participation.models import (
    Ballot,
    BallotChoice,
    BallotType,
    Channel,
    Phase,
    Proposal,
    Review,
    Round,
    Rule,
)
from wijksturing.participation.selectors import result_latest
from wijksturing.participation.services import round_create, round_transition

BALLOT_TYPE = {"approval": BallotType.APPROVAL, "choose-1": BallotType.APPROVAL,
               "cumulative": BallotType.POINTS, "scoring": BallotType.POINTS, "ordinal": BallotType.RANKING}
PB_RULE = {Rule.GREEDY: "greedy", Rule.MES: "equalshares", Rule.MES_ADD1: "equalshares/add1",
           Rule.MES_ADD1_FULL: "equalshares/add1", Rule.MES_ADD1_GREEDY: "equalshares/add1/greedy"}


class PbImportError(ValueError):
    """A .pb file that cannot be imported; the message names file, line and field."""


def _rule_of(meta: dict) -> str:
    rule = meta.get("rule", "").lower()
    if rule == "greedy" or not rule.startswith("equalshares"):
        return Rule.GREEDY if rule.startswith("greedy") else Rule.MES_ADD1
    return Rule.MES_ADD1_GREEDY if "greedy" in rule else Rule.MES_ADD1


def _int(meta: dict, key: str, file: str) -> int | None:
    if key not in meta or meta[key] in ("", "none"):
        return None
    try:
        return int(meta[key])
    except ValueError:
        raise PbImportError(f"{file}: META field '{key}' is not a whole number: {meta[key]!r}") from None


MAX_MONEY = Fraction(10) ** 12  # the database stores up to 999,999,999,999.99


def _money(value, what: str, file: str) -> Decimal:
    value = Fraction(value)
    if not 0 <= value < MAX_MONEY:
        raise PbImportError(f"{file}: {what} is outside 0 – 999,999,999,999.99: {value}")
    if (value * 100).denominator != 1:
        raise PbImportError(f"{file}: {what} has more than two decimals: {float(value)}")
    return to_decimal(value)


def round_import_pb(*, path: str | Path | None = None, text: str | None = None, municipality_code: str,
                    area_code: str, title: str = "", by=None) -> Round:
    """Read a .pb file (or its ``text``) and store it as a round in phase "counting"."""

    file = str(path) if path is not None else "<text>"
    try:
        election = core.read_pabulib(path) if path is not None else core.loads_pabulib(text or "", file=file)
    except FileNotFoundError:
        raise PbImportError(f"{file}: file not found") from None
    except core.PabulibError as exc:
        raise PbImportError(str(exc)) from None
    except UnicodeDecodeError as exc:
        raise PbImportError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    meta = dict(election.meta)
    for b in election.ballots:
        if b.weight != 1:
            raise PbImportError(f"{file}: voter {b.voter_id}, field 'weight': voter weights are not supported")
        if any(Fraction(p).denominator != 1 or p < 0 for p in (b.points or ())):
            raise PbImportError(f"{file}: voter {b.voter_id}, field 'points': points must be whole numbers ≥ 0")
    ballot_type = BALLOT_TYPE[election.vote_type]
    if ballot_type == BallotType.APPROVAL and meta.get("max_sum_cost"):
        ballot_type = BallotType.KNAPSACK
    max_choices = 1 if election.vote_type == "choose-1" else _int(meta, "max_length", file)
    if ballot_type == BallotType.RANKING and not max_choices:
        max_choices = max((len(b.projects) for b in election.ballots), default=1) or 1
    points = _int(meta, "max_sum_points", file) if ballot_type == BallotType.POINTS else None
    if ballot_type == BallotType.POINTS and not points:
        points = max((sum(b.points or ()) for b in election.ballots), default=1) or 1
    budget = _money(election.budget, "the budget", file)
    subunit = meta.get("subunit", "") if meta.get("subunit") != meta.get("unit") else ""
    unit = " ".join(x for x in (meta.get("unit", ""), subunit) if x)
    try:
        with transaction.atomic():
            rnd = round_create(
                municipality_code=municipality_code, area_code=area_code, by=by,
                title=(title or meta.get("description") or f"{unit} {meta.get('instance', '')}".strip() or Path(file).stem)[:200],
                period=meta.get("instance", "")[:40] or "-", budget=budget, currency=meta.get("currency", "EUR")[:3] or "EUR",
                ballot_type=ballot_type, min_choices=_int(meta, "min_length", file) or 1, max_choices=max_choices,
                points_per_voter=points, rule=_rule_of(meta), pb_meta=meta,
                description=meta.get("comment", "")[:2000])
            proposals = {}
            for p in election.projects:
                lat, lon = p.extra.get("latitude"), p.extra.get("longitude")
                proposals[p.id] = Proposal(
                    round=rnd, project_id=p.id, title=(p.name or f"Project {p.id}")[:200],
                    description=p.extra.get("description", ""), estimated_cost=_money(p.cost, f"cost of project {p.id}", file),
                    category=(p.categories[0] if p.categories else "")[:60], review=Review.FEASIBLE,
                    review_reason="Imported from a pabulib file.",
                    lat=float(lat) if lat else None, lon=float(lon) if lon else None)
            Proposal.objects.bulk_create(proposals.values())
            proposals = {p.project_id: p for p in rnd.proposals.all()}
            _import_ballots(rnd, election, proposals)
            for phase in (Phase.REVIEW, Phase.VOTING, Phase.COUNTING):
                round_transition(rnd=rnd, to_phase=phase, by=by, note=f"imported from {Path(file).name}"[:300])
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            detail = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        else:
            detail = " ".join(exc.messages)
        raise PbImportError(f"{file}: {detail}") from None
    except ValueError as exc:  # bad latitude/longitude and the like
        raise PbImportError(f"{file}: {exc}") from None
    rnd.refresh_from_db()
    return rnd


def _import_ballots(rnd: Round, election: core.Election, proposals: dict[str, Proposal]) -> None:
    ballots, choices = [], []
    for b in election.ballots:
        method = b.extra.get("voting_method", "").lower()
        ballot = Ballot(round=rnd, pb_voter_id=b.voter_id[:40],
                        channel=Channel.PAPER if method == "paper" else Channel.ONLINE)
        ballots.append(ballot)
        if election.vote_type == "ordinal":
            values = [k + 1 for k in range(len(b.projects))]
        elif b.points is not None:
            values = [int(x) for x in b.points]
        else:
            values = [1] * len(b.projects)
        choices += [BallotChoice(ballot=ballot, proposal=proposals[pid], value=v) for pid, v in zip(b.projects, values)]
    Ballot.objects.bulk_create(ballots, batch_size=2000)
    BallotChoice.objects.bulk_create(choices, batch_size=5000)


def round_export_pb(*, rnd: Round) -> str:
    """The round as .pb text: feasible proposals, confirmed ballots (anonymous ids), and the
    latest result as the ``selected`` column."""

    meta = dict(rnd.pb_meta or {})
    meta.setdefault("description", rnd.title)
    meta.setdefault("country", "Netherlands")
    meta.setdefault("unit", rnd.municipality.name)
    meta.setdefault("subunit", rnd.area_name)
    meta.setdefault("instance", rnd.period)
    meta["currency"] = rnd.currency
    meta["rule"] = PB_RULE.get(rnd.rule, rnd.rule)
    meta.pop("vote_type", None)
    for key in ("min_length", "max_length", "max_sum_points", "max_sum_cost"):
        meta.pop(key, None)
    if rnd.ballot_type != BallotType.POINTS:
        meta["min_length"] = str(rnd.min_choices)
        if rnd.max_choices:
            meta["max_length"] = str(rnd.max_choices)
    else:
        meta["max_sum_points"] = str(rnd.points_per_voter)
    if rnd.ballot_type == BallotType.KNAPSACK:
        meta["max_sum_cost"] = str(to_decimal(Fraction(rnd.budget))).removesuffix(".00")
    election = election_from_round(rnd=rnd, meta=meta)
    result = result_latest(rnd=rnd)
    by_id = {p.project_id: p for p in rnd.proposals.all()}
    projects = []
    for p in election.projects:
        extra = {"description": " ".join(by_id[p.id].description.split())}
        if by_id[p.id].lat is not None:
            extra.update(latitude=str(by_id[p.id].lat), longitude=str(by_id[p.id].lon))
        if result is not None:
            extra.update(
                votes=result.per_project.get(p.id, {}).get("votes", "0"), selected="1" if p.id in result.selected else "0"
            )
        projects.append(core.Project(id=p.id, cost=p.cost, name=p.name, categories=p.categories, extra=extra))
    return core.dumps_pabulib(election.replace(projects=tuple(projects)))
