"""The Method of Equal Shares (MES), exact and fast enough for a 60,000-voter city.

How MES works (the version of equalshares.net and pabutools): every voter gets an equal part of
the budget, ``b = budget / number of voters`` (a voter with weight w gets ``w * b``). Projects are
bought one at a time. A project with cost ``c`` can be bought if its supporters together still
have ``c``. Its supporters pay in proportion to how much they like it (their utility ``u``): each
pays ``rho * u``, or everything they have left if that is less. ``rho`` ("price per point") is the
smallest number for which the payments add up to ``c``. Every round MES buys the project with the
smallest ``rho`` (ties: see :mod:`.tiebreak`) and stops when no project is affordable any more.
With approval ballots and cost utilities ``rho * u`` is an equal share of the cost: "the cost was
shared equally among the supporters who could pay; the others paid what they had left".

Exactness: ``rho`` and every budget are rationals. We never round. Budgets are kept *implicitly*
and exactly: a voter who ever paid "everything left" has 0; any other voter has
``b - sum_t rho_t * u(i, project_t)`` over the rounds t in which they paid. With the rounds' ``rho_t``
on a common denominator, the exact total budget of any set of voters is an integer dot product
(``paid`` matrix column sums times the ``rho_t`` numerators). A float copy of the budgets only
*guides* which supporters cannot pay their share; every comparison closer than 1e-9 of the budget
is redone exactly, so the outcome is identical to exact rational arithmetic (pabutools uses
gmpy2 rationals and we match it on every test election).

Speed: per project we use the "poor/rich" iteration (start with everyone paying a share; who
cannot is "poor" and pays all; recompute; repeat - converges in a few passes over a numpy array)
and, like pabutools, re-evaluate a project only while its last known ``rho`` (a lower bound,
because budgets only go down) could still beat the best one this round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm

import numpy as np

_TOL = 1e-9  # relative tolerance under which a float comparison is redone exactly


def _cat(parts: list[np.ndarray], like: np.ndarray) -> np.ndarray:
    return np.concatenate(parts) if parts else like[:0]


@dataclass
class Round:
    """One purchase: project index, price per point, who paid a share, who paid all they had."""

    project: int
    rho: Fraction
    rich: np.ndarray  # voter indices paying rho * u
    poor: np.ndarray  # voter indices paying their whole remaining (non-zero) budget
    poor_paid: Fraction  # what the ``poor`` paid together (each: ``EqualShares.budget`` after the run)


@dataclass
class Run:
    budget_per_voter: Fraction
    rounds: list[Round] = field(default_factory=list)
    cap_blocked: list[tuple[int, tuple]] = field(default_factory=list)

    @property
    def selected(self) -> list[int]:
        return [r.project for r in self.rounds]


class EqualShares:
    """MES over a compiled election: integer weights, positive integer utilities, integer costs.

    ``supporters[j]`` / ``utilities[j]``: numpy int64 arrays (voter index ascending, utility > 0)
    of project ``j``; ``keys[j]``: tie-break key (smaller wins); ``groups[j]``: cap groups the
    project belongs to, ``caps``: money per group (absent = no cap).
    """

    def __init__(
        self,
        *,
        weights: np.ndarray,
        costs: list[int],
        supporters: list[np.ndarray],
        utilities: list[np.ndarray],
        keys: list[tuple],
        groups: list[tuple] | None = None,
        caps: dict | None = None,
    ) -> None:
        self.w = np.asarray(weights, dtype=np.int64)
        self.wf = self.w.astype(np.float64)
        self.unit_w = bool((self.w == 1).all())
        self.n = len(self.w)
        self.costs, self.sup, self.u, self.keys = costs, supporters, utilities, keys
        self.uf = [u.astype(np.float64) for u in utilities]
        self.wu = [self.w[s] * u for s, u in zip(supporters, utilities, strict=True)]
        self.wu_sum = [int(x.sum()) for x in self.wu]
        # approval with cost utilities: one utility per project (then shares are equal)
        self.const_u = [int(u[0]) if len(u) and (u == u[0]).all() else 0 for u in utilities]
        self.m = len(costs)
        self.groups = groups or [()] * self.m
        self.caps = caps or {}
        # paid[i, t] = w_i * u_i(project of round t) if voter i paid a share in round t;
        # grows by columns as rounds are added (memory ~ voters x rounds, not x projects)
        self.paid = np.zeros((self.n, min(max(self.m, 1), 16)), dtype=np.int64)
        self.rho_num: list[int] = []

    # -- exact budgets -------------------------------------------------------------------
    def _wnum(self, voters: np.ndarray) -> int:
        """Sum of w_i * budget_i over voters that are not broke, times ``b_den * den``."""
        total = self.b.numerator * int(self.w[voters].sum()) * self.den
        if self.rho_num and len(voters):
            cols = self.paid[voters, : len(self.rho_num)].sum(axis=0).tolist()
            total -= self.b.denominator * sum(k * r for k, r in zip(cols, self.rho_num, strict=True))
        return total

    def _wsum(self, voters: np.ndarray) -> Fraction:
        """Exact sum of w_i * budget_i over voters that are not broke."""
        return Fraction(self._wnum(voters), self.b.denominator * self.den)

    def budget(self, voter: int) -> Fraction:
        """Exact remaining budget (per unit of weight) of one voter; for a broke voter: what
        they had just before they paid everything (the run never touches them again)."""
        return self._wsum(np.array([voter])) / int(self.w[voter])

    def supporters_money(self, j: int) -> Fraction:
        s = self.sup[j]
        return self._wsum(s[~self.broke[s]])

    # -- price per point of one project ----------------------------------------------------
    def rho(self, j: int):
        """Return (rho, rich, poor, poor_paid) for project j, or None if unaffordable.

        Exact sums are integers over ``q = b_den * den``: rho = (c*q - paid) / (util*q) with
        ``paid`` what the poor pay and ``util`` the weighted utility of those paying a share.
        """
        idx, c, cu = self.alive[j], self.costs[j], self.const_u[j]
        bf = self.beta_f[idx]
        zero = np.flatnonzero(bf == 0.0)
        if len(zero) and self.broke[idx[zero]].any():  # forget supporters with nothing left
            keep = np.ones(len(idx), dtype=bool)
            keep[zero[self.broke[idx[zero]]]] = False
            self.alive_util[j] = util = self._util(j, idx[keep], None if cu else self.alive_wu[j][keep])
            self.alive[j], idx, bf = idx[keep], idx[keep], bf[keep]
            if not cu:
                self.alive_uf[j], self.alive_wu[j] = self.alive_uf[j][keep], self.alive_wu[j][keep]
        if not len(idx) or float(bf.sum() if self.unit_w else np.dot(self.wf[idx], bf)) < c * (1 - _TOL):
            return None
        uf, wu = (None, None) if cu else (self.alive_uf[j], self.alive_wu[j])
        q = self.b.denominator * self.den
        util, paid, cq = self.alive_util[j], 0, c * q
        poor: list[np.ndarray] = []
        tol = _TOL * self.b_float
        while True:
            num = cq - paid  # rho = num / (util * q)
            d = bf - (num / (util * q)) * (cu or uf)
            new = d < -tol
            for k in np.flatnonzero(np.abs(d) <= tol):  # too close for floats: decide exactly
                v = int(idx[k])
                u_k = cu * int(self.w[v]) if cu else int(wu[k])
                new[k] = self._wnum(idx[k : k + 1]) * util < num * u_k
            if not new.any():
                return Fraction(num, util * q), idx, _cat(poor, idx), Fraction(paid, q)
            x = idx[new]
            util -= self._util(j, x, None if cu else wu[new])
            poor.append(x)
            paid += self._wnum(x)
            if util == 0:
                return None
            keep = ~new
            idx, bf = idx[keep], bf[keep]
            if not cu:
                uf, wu = uf[keep], wu[keep]

    def _util(self, j: int, voters: np.ndarray, wu: np.ndarray | None) -> int:
        """Weighted utility of some supporters of project j."""
        cu = self.const_u[j]
        if cu:
            return cu * (len(voters) if self.unit_w else int(self.w[voters].sum()))
        return int(wu.sum())

    # -- one full run at a given budget per voter -------------------------------------------
    def run(self, b: Fraction, *, skip: frozenset[int] = frozenset()) -> Run:
        self.b, self.b_float = Fraction(b), float(b)
        self.beta_f = np.full(self.n, self.b_float)
        self.broke = np.zeros(self.n, dtype=bool)
        self.paid[:, : len(self.rho_num)] = 0
        self.rho_num: list[int] = []
        self.alive, self.alive_uf, self.alive_wu = list(self.sup), list(self.uf), list(self.wu)
        self.alive_util = list(self.wu_sum)
        self.den = 1
        out = Run(budget_per_voter=self.b)
        cap_left = dict(self.caps)
        stale = {j: Fraction(self.costs[j], self.wu_sum[j]) for j in range(self.m) if j not in skip and self.wu_sum[j] > 0}
        stale_f = {j: float(v) for j, v in stale.items()}
        while stale:
            for j in list(stale):
                full = [g for g in self.groups[j] if g in cap_left and self.costs[j] > cap_left[g]]
                if full:
                    del stale[j], stale_f[j]
                    out.cap_blocked.append((j, full[0]))
            best, best_f, tied, info = None, 0.0, [], {}
            for j in sorted(stale_f, key=stale_f.__getitem__):
                if best is not None and stale_f[j] > best_f * (1 + _TOL) and stale[j] > best:
                    break
                res = self.rho(j)
                if res is None:
                    del stale[j], stale_f[j]
                    continue
                info[j] = res
                stale[j], stale_f[j] = res[0], float(res[0])
                if best is None or res[0] < best:
                    best, best_f, tied = res[0], float(res[0]), [j]
                elif res[0] == best:
                    tied.append(j)
            if not tied:
                break
            j = min(tied, key=self.keys.__getitem__)
            rho, rich, poor, poor_paid = info[j]
            self._pay(j, rho, rich, poor)
            out.rounds.append(Round(j, rho, rich, poor, poor_paid))
            del stale[j], stale_f[j]
            for g in self.groups[j]:
                if g in cap_left:
                    cap_left[g] -= self.costs[j]
        return out

    def _pay(self, j: int, rho: Fraction, rich: np.ndarray, poor: np.ndarray) -> None:
        cu, t = self.const_u[j], len(self.rho_num)
        if t == self.paid.shape[1]:
            extra = np.zeros((self.n, min(t, self.m - t)), dtype=np.int64)
            self.paid = np.concatenate([self.paid, extra], axis=1)
        if cu:
            self.beta_f[rich] -= float(rho) * cu
            self.paid[rich, t] = cu if self.unit_w else self.w[rich] * cu
        else:
            pos = np.searchsorted(self.sup[j], rich)
            self.beta_f[rich] -= float(rho) * self.uf[j][pos]
            self.paid[rich, t] = self.wu[j][pos]
        self.beta_f[poor] = 0.0
        self.broke[poor] = True
        den = lcm(self.den, rho.denominator)
        scale = den // self.den
        self.rho_num = [r * scale for r in self.rho_num]
        self.rho_num.append(rho.numerator * (den // rho.denominator))
        self.den = den
