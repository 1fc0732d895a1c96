"""Read and write the pabulib ``.pb`` format (pabulib.org/format) as plain :mod:`.model` data.

A file has three ``;``-separated sections, each a title line and a header line::

    META                      PROJECTS                     VOTES
    key;value                 project_id;cost;name;...     voter_id;vote;points;...
    budget;100000             3;7200;PopUp Podium;...      376;261,532;5,5
    vote_type;approval

Fields use CSV quoting (a name containing quotes is written with doubled quotes). ``vote`` lists
project ids (best first for ordinal ballots), ``points`` the parallel points of
cumulative/scoring ballots; ``vote_type`` is one of
approval, choose-1, cumulative, scoring, ordinal. Numbers may use a decimal comma; ``none`` or an
empty field means "missing". Project columns ``category``/``categories`` (comma list) and
``area`` fill the fields of the same name; a ``weight`` column in VOTES gives voter weights;
every other column is kept in ``extra`` (``selected``, ``score``, ``votes``, ``voting_method``...)
and written back, so reading and writing round-trips.

Every problem raises :class:`PabulibError` naming the file, the line and the field.
"""

from __future__ import annotations

import csv
import io
import os
import re
from fractions import Fraction

from .model import VOTE_TYPES, Ballot, Election, ElectionError, Number, Project

_SECTIONS = ("meta", "projects", "votes")


class PabulibError(ValueError):
    """A .pb file that cannot be read; ``str()`` names file, line and field."""

    def __init__(
        self,
        message: str,
        *,
        file: str = "<string>",
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file, self.line, self.field, self.reason = file, line, field, message
        where = file + (f", line {line}" if line else "") + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {message}")


MAX_DIGITS = 40  # more digits than any budget, cost or count of points has
MAX_EXPONENT = 40  # 1e100000000 would be an integer of 100 million digits: refused, not computed
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d{1,6}))?|[+-]?\d+/\d+")


def parse_number(text: str) -> Number:
    """``"7200"``, ``"12,50"``, ``"12.5"``, ``"1e6"`` or ``"5/2"`` as an exact number; ValueError
    otherwise, also for a number too large to be meant (more than 40 digits or an exponent above
    40), so that a hostile file can neither hang the count nor overflow it."""
    t = text.strip().replace(",", ".")
    match = _NUMBER.fullmatch(t)
    if not t or match is None or len(t) > MAX_DIGITS + 8:
        raise ValueError(f"not a number: {text!r}")
    if match.group(1) is not None and abs(int(match.group(1))) > MAX_EXPONENT:
        raise ValueError(f"number out of range: {text!r}")
    f = Fraction(t)
    if len(str(abs(f.numerator))) > MAX_DIGITS or len(str(f.denominator)) > MAX_DIGITS:
        raise ValueError(f"number out of range: {text!r}")
    return int(f) if f.denominator == 1 else f


def format_number(value: Number) -> str:
    f = Fraction(value)
    if f.denominator == 1:
        return str(f.numerator)
    d = f.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:  # a finite decimal
        places = 0
        while (f * 10**places).denominator != 1:
            places += 1
        return f"{float(f):.{places}f}" if places < 15 else str(f)
    return f"{f.numerator}/{f.denominator}"


def _check_complete(meta: dict[str, str], n_projects: int, n_votes: int, err) -> None:
    """A file cut short is an error, not a smaller election: no projects at all, or fewer projects
    or votes than META's ``num_projects`` / ``num_votes`` announce."""
    if n_projects == 0:
        raise err("the file has no projects (is it truncated?)", field="projects")
    for key, found in (("num_projects", n_projects), ("num_votes", n_votes)):
        announced = meta.get(key, "").strip()
        if announced.isdigit() and int(announced) != found:
            raise err(f"META announces {announced} {key[4:]} but the file has {found} (is it truncated?)", field=key)


def _missing(v: str) -> bool:
    return v.strip() == "" or v.strip().lower() == "none"


def read(path: str | os.PathLike[str]) -> Election:
    """Read a .pb file."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8-sig", newline="") as f:
            text = f.read()
    except OSError as exc:
        raise PabulibError(f"cannot read file: {exc.strerror or exc}", file=name) from exc
    except UnicodeDecodeError as exc:
        raise PabulibError("file is not UTF-8 text", file=name) from exc
    return loads(text, file=name)


def loads(text: str, *, file: str = "<string>") -> Election:
    """Parse the text of a .pb file (``file`` only names it in error messages)."""

    def err(msg: str, line: int | None = None, field: str | None = None) -> PabulibError:
        return PabulibError(msg, file=file, line=line, field=field)

    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    section, header = None, []
    meta: dict[str, str] = {}
    project_rows: list[tuple[int, dict[str, str]]] = []
    vote_rows: list[tuple[int, dict[str, str]]] = []
    try:
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) == 1 and row[0].strip().lower() in _SECTIONS:
                section = row[0].strip().lower()
                header = [h.strip() for h in next(reader, [])]
                if not header or not header[0]:
                    raise err(f"section {section.upper()} has no header line", reader.line_num)
                continue
            if section is None:
                raise err("expected META, PROJECTS or VOTES before any data", line)
            if len(row) > len(header):
                raise err(f"{len(row)} fields but the header has {len(header)}", line)
            values = dict(zip(header, (c.strip() for c in row), strict=False))  # short rows: missing fields
            if section == "meta":
                if len(row) < 2:
                    raise err("a META line needs a key and a value", line, row[0].strip())
                meta[row[0].strip()] = row[1].strip()
            else:
                (project_rows if section == "projects" else vote_rows).append((line, values))
    except csv.Error as exc:
        raise err(f"malformed CSV: {exc}", reader.line_num) from exc

    for key in ("budget", "vote_type"):
        if key not in meta:
            raise err(f"META has no '{key}'", field=key)
    try:
        budget = parse_number(meta["budget"])
    except (ValueError, ZeroDivisionError) as exc:
        raise err(f"budget is not a usable number: {meta['budget']!r} ({exc})", field="budget") from None
    if budget < 0:
        raise err(f"budget is negative: {meta['budget']!r}", field="budget")
    vote_type = meta["vote_type"]
    if vote_type not in VOTE_TYPES:
        raise err(f"unknown vote_type {vote_type!r} (expected {', '.join(VOTE_TYPES)})", field="vote_type")

    projects: dict[str, Project] = {}
    for line, v in project_rows:
        pid = v.get("project_id", "")
        if _missing(pid):
            raise err("project without project_id", line, "project_id")
        if pid in projects:
            raise err(f"project {pid} appears twice", line, "project_id")
        if _missing(v.get("cost", "")):
            raise err(f"project {pid} has no cost", line, "cost")
        try:
            cost = parse_number(v["cost"])
            if cost < 0:
                raise ValueError(f"cost is negative: {v['cost']!r}")
            cats = v.get("category") or v.get("categories") or ""
            extra = {
                k: x
                for k, x in v.items()
                if not _missing(x) and k not in ("project_id", "cost", "name", "category", "categories", "area")
            }
            projects[pid] = Project(
                id=pid,
                cost=cost,
                name=v.get("name", ""),
                extra=extra,
                categories=() if _missing(cats) else tuple(c.strip() for c in cats.split(",")),
                area=None if _missing(v.get("area", "")) else v["area"],
            )
        except (ValueError, ZeroDivisionError) as exc:
            raise err(f"project {pid}: {exc}", line, "cost") from None

    ballots: list[Ballot] = []
    seen: set[str] = set()
    points_type = vote_type in ("cumulative", "scoring")
    for line, v in vote_rows:
        vid = v.get("voter_id", "")
        if _missing(vid):
            raise err("vote without voter_id", line, "voter_id")
        if vid in seen:
            raise err(f"voter {vid} appears twice", line, "voter_id")
        seen.add(vid)
        ids = [] if _missing(v.get("vote", "")) else [p.strip() for p in v["vote"].split(",") if p.strip()]
        for pid in ids:
            if pid not in projects:
                raise err(f"voter {vid} votes for unknown project {pid!r}", line, "vote")
        if len(set(ids)) != len(ids):
            raise err(f"voter {vid} names a project twice", line, "vote")
        points = None
        if points_type and ids:
            raw = v.get("points", "")
            parts = [] if _missing(raw) else raw.split(",")
            if len(parts) != len(ids):
                raise err(f"voter {vid}: {len(ids)} projects but {len(parts)} points", line, "points")
            try:
                points = tuple(parse_number(p) for p in parts)
            except (ValueError, ZeroDivisionError):
                raise err(f"voter {vid}: points are not numbers: {raw!r}", line, "points") from None
            if any(p < 0 for p in points):
                raise err(f"voter {vid}: negative points: {raw!r}", line, "points")
        weight: Number = 1
        if not _missing(v.get("weight", "")):
            try:
                weight = parse_number(v["weight"])
            except (ValueError, ZeroDivisionError):
                raise err(f"voter {vid}: weight is not a number: {v['weight']!r}", line, "weight") from None
            if weight < 0:
                raise err(f"voter {vid}: weight is negative", line, "weight")
        extra = {k: x for k, x in v.items() if not _missing(x) and k not in ("voter_id", "vote", "points", "weight")}
        ballots.append(Ballot(voter_id=vid, projects=tuple(ids), points=points, weight=weight, extra=extra))
    _check_complete(meta, len(projects), len(ballots), err)
    try:
        return Election(
            budget=budget,
            projects=tuple(projects.values()),
            ballots=tuple(ballots),
            vote_type=vote_type,
            meta=meta,
        )  # type: ignore[arg-type]
    except ElectionError as exc:
        raise err(str(exc)) from None


def dumps(election: Election) -> str:
    """The election as .pb text (META counts and budget follow the data)."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = dict(election.meta)
    meta.update(
        num_projects=str(len(election.projects)),
        num_votes=str(len(election.ballots)),
        budget=format_number(election.budget),
        vote_type=election.vote_type,
    )
    w.writerow(["META"])
    w.writerow(["key", "value"])
    w.writerows(meta.items())
    extra_p = list(dict.fromkeys(k for p in election.projects for k in p.extra))
    cols = ["project_id", "cost", "name"]
    cols += ["category"] if any(p.categories for p in election.projects) else []
    cols += ["area"] if any(p.area is not None for p in election.projects) else []
    w.writerow(["PROJECTS"])
    w.writerow(cols + extra_p)
    for p in election.projects:
        row = [p.id, format_number(p.cost), p.name]
        row += [",".join(p.categories) or "none"] if "category" in cols else []
        row += [p.area if p.area is not None else "none"] if "area" in cols else []
        w.writerow(row + [p.extra.get(k, "none") for k in extra_p])
    extra_v = list(dict.fromkeys(k for b in election.ballots for k in b.extra))
    points = election.vote_type in ("cumulative", "scoring")
    weights = any(b.weight != 1 for b in election.ballots)
    w.writerow(["VOTES"])
    w.writerow(["voter_id"] + (["weight"] if weights else []) + ["vote"] + (["points"] if points else []) + extra_v)
    for b in election.ballots:
        row = [b.voter_id] + ([format_number(b.weight)] if weights else []) + [",".join(b.projects)]
        row += [",".join(format_number(x) for x in b.points or ())] if points else []
        w.writerow(row + [b.extra.get(k, "none") for k in extra_v])
    return out.getvalue()


def write(election: Election, path: str | os.PathLike[str]) -> None:
    """Write ``election`` to a .pb file (UTF-8)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(dumps(election))
