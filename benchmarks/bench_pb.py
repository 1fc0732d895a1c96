"""Benchmark: counting participatory-budgeting elections, ours vs pabutools 1.2.3.

Run ``python benchmarks/bench_pb.py``. Every line reads
``<name>: <value> <unit> (baseline <value> <unit>, ratio <ratio>)`` where the baseline is
pabutools (called directly, in the same run) and ratio = value / baseline (below 1: we are
faster). Elections: the largest shared pabulib file (``../shared/data/pabulib`` next to the
repository, or ``$WIJKSTURING_PABULIB_DIR``) and a synthetic Warsaw-sized approval election
(60,000 voters, 100 projects, up to 15 approvals, fixed seed; see
``wijksturing.core.pb.synthetic``). If an outcome differs from pabutools a ``FAIL:`` line is
printed and the exit status is 1.

pabutools needs about 10 s per MES run on the synthetic city and mes-add1 runs it 160 times
(about half an hour): ``WIJKSTURING_BENCH_QUICK=1`` skips that reference run and prints
``(baseline skipped)`` (as it does for every line when pabutools is not installed).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wijksturing.core.pb import count, read_pabulib
from wijksturing.core.pb.synthetic import city_election

RULES = ("greedy", "mes", "mes-add1", "mes-add1-greedy")
QUICK = os.environ.get("WIJKSTURING_BENCH_QUICK") == "1"


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _reference():
    try:
        sys.path.insert(0, str(ROOT / "src" / "wijksturing" / "core" / "pb" / "tests"))
        import pabutools  # noqa: F401

        from wijksturing.core.pb.tests.reference import reference_outcome

        return reference_outcome
    except ImportError:  # pabutools (a test-only, GPL dependency) not installed
        return None


def _largest_shared() -> Path | None:
    folder = Path(os.environ.get("WIJKSTURING_PABULIB_DIR", ROOT.parent / "shared" / "data" / "pabulib"))
    files = sorted(folder.glob("*.pb"), key=lambda p: p.stat().st_size)
    return files[-1] if files else None


def bench(name: str, election, rule: str, reference, *, skip_baseline: bool = False) -> bool:
    outcome, ours = _timed(lambda: count(election, rule))
    if reference is None or skip_baseline:
        print(f"{name}_{rule}: {ours:.3f} s (baseline skipped)", flush=True)
        return True
    expected, base = _timed(lambda: reference(election, rule))
    print(f"{name}_{rule}: {ours:.3f} s (baseline {base:.3f} s, ratio {ours / base:.4f})", flush=True)
    if set(outcome.selected) != expected:
        print(
            f"FAIL: {name} {rule}: ours {sorted(outcome.selected)} != pabutools {sorted(expected)}",
            flush=True,
        )
        return False
    return True


def main() -> int:
    reference = _reference()
    ok = True
    shared = _largest_shared()
    if shared is None:
        print("pb_shared: no shared pabulib files found (baseline skipped)")
    else:
        election = read_pabulib(shared)
        for rule in RULES:
            ok &= bench("pb_shared_" + shared.stem, election, rule, reference)
    election = city_election()
    for rule in ("greedy", "mes", "mes-add1"):
        ok &= bench("pb_city60k", election, rule, reference, skip_baseline=QUICK and rule == "mes-add1")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
