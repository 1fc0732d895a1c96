"""``pb count FILE.pb --rule RULE [--tie-break reference|equalshares]`` without a database.

:func:`main` takes the arguments after ``pb`` (``["count", "x.pb", "--rule", "mes"]``; a leading
``"pb"`` is ignored too), prints the chosen project ids on standard output, one per line, and a
summary (spent, budget, rule, tie-break) on standard error. Exit status 0 on success, 2 on bad
input (unreadable or malformed file, unknown rule) with a one-line message naming the problem.

Order of the ids (``--order``): ``reference`` (default) sorts them the way pabutools sorts an
outcome: ``sorted(allocation)`` compares ``Project`` objects by their name, the pabulib
``project_id`` as a *string*, so ``"11"`` comes before ``"2"``. ``natural`` sorts numbers by value
(2, 3, ..., 11, as the pabulib README lists them); ``selection`` keeps the order of purchase.
``--explain nl|en`` also prints the plain-language explanation on standard error.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TextIO

from .explain import money, render
from .model import ElectionError
from .pabulib import PabulibError, read
from .rules import LEFTOVER_POLICIES, RULES, count
from .tiebreak import TIE_BREAKS


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise _UsageError(message)


def _natural(pid: str) -> list:
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", pid) if t]


def _parser() -> _Parser:
    p = _Parser(prog="wijksturing pb", description="Count a participatory-budgeting election.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("count", help="count a pabulib .pb file")
    c.add_argument("file", metavar="FILE.pb")
    c.add_argument("--rule", required=True, choices=RULES)
    c.add_argument("--tie-break", default="reference", choices=TIE_BREAKS)
    c.add_argument("--leftover", default="keep", choices=LEFTOVER_POLICIES)
    c.add_argument("--order", default="reference", choices=("reference", "natural", "selection"))
    c.add_argument("--explain", choices=("nl", "en"))
    return p


def main(argv: list[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["pb"]:
        args_in = args_in[1:]
    try:
        args = _parser().parse_args(args_in)
    except _UsageError as exc:
        print(f"pb: {exc}", file=err)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        election = read(args.file)
        outcome = count(election, args.rule, tie_break=args.tie_break, leftover=args.leftover)
    except (PabulibError, ElectionError, ValueError) as exc:
        print(f"pb: {exc}", file=err)
        return 2
    ids = list(outcome.selected)
    if args.order == "reference":
        ids.sort()
    elif args.order == "natural":
        ids.sort(key=_natural)
    for pid in ids:
        print(pid, file=out)
    x = outcome.explanation
    cur = x.currency
    print(
        f"spent {money(outcome.spent, 'en', cur)} of budget {money(outcome.budget, 'en', cur)} "
        f"({len(ids)} projects); rule {args.rule}; tie-break {args.tie_break}",
        file=err,
    )
    if args.explain:
        for line in render(x, args.explain):
            print(line, file=err)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
