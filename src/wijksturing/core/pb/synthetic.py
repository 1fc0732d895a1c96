"""Synthetic elections for benchmarks and tests (fixed seed, so always the same election).

:func:`city_election` draws a city-sized approval election the way real ones look: project costs
lognormal (median about 250,000, from 5,000 to 5,000,000, rounded to 100), project popularity
skewed (lognormal weights, a few projects get most votes) and every voter approving between 1
and ``max_approvals`` projects (fewer more often), chosen by popularity without repetition. The
budget is a quarter of the total cost, as in Warsaw's citywide rounds.
"""

from __future__ import annotations

import numpy as np

from .model import Ballot, Election, Project


def city_election(*, voters: int = 60_000, projects: int = 100, max_approvals: int = 15, seed: int = 2024) -> Election:
    rng = np.random.default_rng(seed)
    costs = np.clip(np.round(rng.lognormal(np.log(250_000), 0.9, projects), -2), 5_000, 5_000_000)
    popularity = rng.lognormal(0.0, 1.0, projects)
    sizes = np.minimum(rng.geometric(0.18, voters), max_approvals)
    # Gumbel top-k: the first k of each row are a popularity-weighted sample without replacement
    keys = np.log(popularity)[None, :] + rng.gumbel(size=(voters, projects))
    order = np.argsort(-keys, axis=1)
    ids = [str(i + 1) for i in range(projects)]
    ballots = tuple(
        Ballot(voter_id=str(v + 1), projects=tuple(ids[j] for j in sorted(order[v, : sizes[v]]))) for v in range(voters)
    )
    plist = tuple(Project(id=ids[j], cost=int(costs[j]), name=f"Project {ids[j]}") for j in range(projects))
    budget = int(round(costs.sum() / 4, -3))
    return Election(
        budget=budget,
        projects=plist,
        ballots=ballots,
        vote_type="approval",
        meta={
            "description": "synthetic city-sized election",
            "country": "none",
            "unit": "synthetic",
            "instance": str(seed),
        },
    )
