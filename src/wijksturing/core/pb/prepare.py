"""Turn an :class:`~.model.Election` into exact integers and numpy arrays for counting.

Weights, points and money may be fractions; every rule is unchanged by one global scale of
money, of utility or of weight, so we multiply each by the least common multiple of its
denominators (``lc``, ``lu``, ``lw``) and count with integers. Per project we keep the vote
total (greedy's score: approvals or points, weighted) and the supporters with their MES utility.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import cached_property
from math import lcm

import numpy as np

from .mes import EqualShares
from .model import Election, Number, exact
from .tiebreak import tie_key


def _int64(values: list) -> np.ndarray:
    try:
        return np.array(values, dtype=np.int64)
    except OverflowError:
        raise ValueError("weights, points or costs have too many digits to count exactly") from None


class Prepared:
    """Ballot weights, votes and utilities of one election, scaled to integers for MES."""

    def __init__(self, e: Election, tie_break: str, voter_weight, category_caps, area_caps):
        self.e = e
        self.ids = [p.id for p in e.projects]
        self.cost = {p.id: p.cost for p in e.projects}
        self.projects = {p.id: p for p in e.projects}
        index = {pid: k for k, pid in enumerate(self.ids)}
        approval, ordinal = e.vote_type in ("approval", "choose-1"), e.vote_type == "ordinal"
        weights: list[Number] = []
        self.voter_ids: list[str] = []
        vi: list[int] = []
        pj: list[int] = []
        pts: list[Number] = []
        for b in e.ballots:
            w = voter_weight(b) if voter_weight else b.weight
            if type(w) is not int:
                w = exact(w, f"weight of voter {b.voter_id}")
            if w < 0:
                raise ValueError(f"weight of voter {b.voter_id} is negative")
            if not w:
                continue  # a voter of weight 0 does not take part
            i = len(weights)
            weights.append(w)
            self.voter_ids.append(b.voter_id)
            ks = [index[p] for p in b.projects]
            pj.extend(ks)
            vi.extend([i] * len(ks))
            if ordinal:
                pts.extend(range(len(ks), 0, -1))
            elif not approval:
                pts.extend(b.points or ())
        # integer scaling (a global scale of money, utility or weight does not change any rule)
        self.lw = lw = lcm(1, *{w.denominator for w in weights if type(w) is not int})
        lp = lcm(1, *{p.denominator for p in pts if type(p) is not int})
        self.lc = lcm(Fraction(e.budget).denominator, *(Fraction(c).denominator for c in self.cost.values()))
        w_arr = _int64([int(w * lw) for w in weights] if lw > 1 else weights)
        vi_arr, pj_arr = np.array(vi, dtype=np.int64), np.array(pj, dtype=np.int64)
        p_arr = np.ones(len(pj), dtype=np.int64) if approval else _int64([int(p * lp) for p in pts] if lp > 1 else pts)
        _int64([len(pj) * int(np.abs(w_arr).max(initial=0)) * int(np.abs(p_arr).max(initial=0))])
        votes = np.zeros(len(self.ids), dtype=np.int64)
        np.add.at(votes, pj_arr, w_arr[vi_arr] * p_arr)
        self.votes = {pid: Fraction(int(v), lw * lp) for pid, v in zip(self.ids, votes.tolist(), strict=True)}
        self.key = tie_key(tie_break, cost=self.cost, votes=self.votes)
        self.caps: dict[tuple[str, str], Fraction] = {}
        for kind, caps in (("category", category_caps), ("area", area_caps)):
            for name, amount in (caps or {}).items():
                self.caps[(kind, name)] = Fraction(exact(amount, f"{kind} cap {name}"))
        self.lc = lcm(self.lc, *(c.denominator for c in self.caps.values()))
        self.groups = {
            p.id: tuple(g for g in [("category", c) for c in p.categories] + [("area", p.area)] if g in self.caps)
            for p in e.projects
        }
        # MES utilities: cost utilities for approval (scaled like money), else the points
        costs_int = [int(self.cost[pid] * self.lc) for pid in self.ids]
        if approval:
            self.lu = self.lc
            keep = np.array(costs_int, dtype=np.int64)[pj_arr] > 0
        else:
            self.lu = lp
            keep = p_arr > 0
        order = np.argsort(pj_arr[keep], kind="stable")  # voters stay ascending per project
        sup_all, proj_all, pts_all = vi_arr[keep][order], pj_arr[keep][order], p_arr[keep][order]
        bounds = np.searchsorted(proj_all, np.arange(len(self.ids) + 1))
        supported = [bounds[k + 1] > bounds[k] for k in range(len(self.ids))]
        self.free = [pid for k, pid in enumerate(self.ids) if supported[k] and costs_int[k] == 0]
        mes_k = [k for k in range(len(self.ids)) if supported[k] and costs_int[k] > 0]
        self.mes_ids = [self.ids[k] for k in mes_k]
        self._engine_args = {
            "weights": w_arr,
            "costs": [costs_int[k] for k in mes_k],
            "supporters": [sup_all[bounds[k] : bounds[k + 1]] for k in mes_k],
            "utilities": [
                np.full(bounds[k + 1] - bounds[k], costs_int[k], dtype=np.int64)
                if approval
                else pts_all[bounds[k] : bounds[k + 1]]
                for k in mes_k
            ],
            "keys": [self.key(p) for p in self.mes_ids],
            "groups": [self.groups[p] for p in self.mes_ids],
            "caps": {g: int(c * self.lc) for g, c in self.caps.items()},
        }
        _int64([int(w_arr.sum()) * max(self._engine_args["costs"], default=0)])
        self.weights = w_arr
        self.weighted = bool((w_arr != lw).any())  # some vote does not count exactly once
        self.total_weight = int(w_arr.sum())
        self.budget_scaled = Fraction(e.budget) * self.lc

    @cached_property
    def engine(self) -> EqualShares:
        return EqualShares(**self._engine_args)

    def fits_caps(self, pid: str, spent_by_group: Mapping) -> tuple[str, str] | None:
        for g in self.groups[pid]:
            if spent_by_group.get(g, 0) + self.cost[pid] > self.caps[g]:
                return g
        return None
