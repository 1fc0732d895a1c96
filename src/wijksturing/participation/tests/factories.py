"""Small factories for the participation tests: an Arnhem-like layout (gemeente, gebied W1,
one wijk, two buurten with square boundaries), staff users and rounds."""

from __future__ import annotations

from decimal import Decimal

from wijksturing.accounts.models import Role
from wijksturing.areas.models import Area, Layout, Municipality
from wijksturing.participation import services
from wijksturing.participation.models import Phase, Round


def square(lon: float, lat: float, size: float = 0.01) -> dict:
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + size, lat], [lon + size, lat + size],
                                                [lon, lat + size], [lon, lat]]]}


def make_layout(code: str = "GM0202", name: str = "Arnhem") -> Municipality:
    municipality, _ = Municipality.objects.get_or_create(code=code, defaults={"name": name})
    layout, _ = Layout.objects.get_or_create(municipality=municipality, year=2024)
    gemeente = Area.objects.create(layout=layout, level="gemeente", code=code, name=name, geometry=square(5.89, 51.97, 0.04))
    gebied = Area.objects.create(layout=layout, level="gebied", code="W1", name="Centrum", parent=gemeente,
                                 geometry=square(5.90, 51.98, 0.02))
    wijk = Area.objects.create(layout=layout, level="wijk", code="WK020201", name="Stadscentrum", parent=gebied,
                               geometry=square(5.90, 51.98, 0.02))
    for i, (lon, lat) in enumerate([(5.90, 51.98), (5.91, 51.98)]):
        Area.objects.create(layout=layout, level="buurt", code=f"BU0202010{i}", name=f"Buurt {i}", parent=wijk,
                            geometry=square(lon, lat))
    return municipality


def make_round(*, municipality_code: str = "GM0202", area_code: str = "W1", ballot_type: str = "approval",
               budget: int = 10000, proposals: list[tuple[str, int]] | None = None, phase: str = Phase.VOTING,
               by=None, **fields) -> Round:
    """A round with feasible proposals, moved through the state machine to ``phase``."""
    rnd = services.round_create(municipality_code=municipality_code, area_code=area_code, title="Test round",
                                period="2025", budget=Decimal(budget), ballot_type=ballot_type, by=by, **fields)
    default = [("Bankjes", 3000), ("Speeltuin", 6000), ("Bomen", 4000)]
    for title, cost in default if proposals is None else proposals:
        p = services.proposal_submit(rnd=rnd, title=title, description="", estimated_cost=Decimal(cost))
        services.proposal_review(proposal=p, feasible=True, reason="Kan.")
    order = [Phase.PROPOSALS, Phase.REVIEW, Phase.VOTING, Phase.COUNTING]
    for step in order[1:order.index(phase) + 1] if phase in order else order[1:]:
        rnd = services.round_transition(rnd=rnd, to_phase=step, by=by)
    return rnd


AREA_TEAM = Role.AREA_TEAM
ADMIN = Role.ADMINISTRATOR
