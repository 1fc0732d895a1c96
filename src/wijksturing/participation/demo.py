"""Demo of the buurtbegroting (idempotent: replaces the demo rounds it made before).

- Arnhem, gebied W1 (Centrum, Spijkerkwartier en Arnhemse Broek): a round with ten proposals,
  voted on with paper voting codes (invented, reproducible votes), counted with mes-add1 and
  published;
- Arnhem, gebied W1: a second round with voting open; a few voting codes are printed so you
  can try voting;
- Assen 2024 (real, from pabulib) imported from ``DATA_DIR/pabulib`` when that file is there,
  counted with mes-add1 and published. Without the folder the demo skips it.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from shapely.geometry import shape

from wijksturing.accounts.models import User
from wijksturing.areas.models import Area
from wijksturing.areas.selectors import area_descendants, gebied_get
from wijksturing.areas.services import municipality_upsert
from wijksturing.participation import pabulib, services
from wijksturing.participation.models import Phase, Round

MARK = "wijksturing-demo"
PROPOSALS = [  # title, category, cost, description (B1)
    ("Meer bankjes in het park", "groen", 6000, "Tien nieuwe bankjes, zodat ouderen onderweg kunnen rusten."),
    ("Geveltuintjes Spijkerkwartier", "groen", 4500, "Bewoners krijgen tegels en planten voor een geveltuin."),
    ("Speeltoestel Arnhemse Broek", "spelen", 18000, "Een klimtoestel op het pleintje voor kinderen van 4 tot 12."),
    ("Buurtkamer open op zondag", "ontmoeten", 7500, "De buurtkamer gaat ook op zondag open, met vrijwilligers."),
    ("Fietsenrekken bij de school", "verkeer", 5000, "Veertig fietsenrekken zodat de stoep vrij blijft."),
    ("Muurschildering onderdoorgang", "cultuur", 9000, "Kunstenaars en jongeren maken samen een muurschildering."),
    ("Moestuin voor de buurt", "groen", 8000, "Een gedeelde moestuin met een schuurtje en regenton."),
    ("Zomerfeest op het plein", "ontmoeten", 3500, "Eén dag muziek en eten voor iedereen uit de buurt."),
    ("Extra verlichting in de steeg", "veiligheid", 12000, "Lampen in de donkere steeg, zodat je je veiliger voelt."),
    ("Watertappunt bij het speelveld", "spelen", 6500, "Gratis drinkwater voor sporters en spelende kinderen."),
]


def _points_in(area_code: str, count: int) -> tuple[list[tuple[float, float]], list[str]]:
    """Reproducible locations inside the buurten of a gebied, and the buurt codes."""
    try:
        gebied = gebied_get(municipality_code="GM0202", code=area_code)
    except Area.DoesNotExist:
        return [], []
    buurten = [b for b in area_descendants(area=gebied, level="buurt") if b.geometry]
    points = []
    for i in range(count):
        if not buurten:
            break
        geom = shape(buurten[(i * 3) % len(buurten)].geometry)
        p = geom.representative_point()
        points.append((round(p.x, 6), round(p.y, 6)))
    return points, [b.code for b in buurten]


def _staff():
    return User.objects.filter(username="beheer").first(), User.objects.filter(username="gebiedsteam").first()


def _arnhem_rounds(stdout, admin, team) -> None:
    points, buurten = _points_in("W1", len(PROPOSALS))
    rnd = services.round_create(
        municipality_code="GM0202", area_code="W1", by=team, title="Buurtbegroting CSA 2025", period="2025",
        budget=Decimal(50000), ballot_type="approval", min_choices=1, max_choices=5, min_age=16,
        rule="mes-add1", pb_meta={"demo": MARK},
        description="Bewoners van Centrum, Spijkerkwartier en Arnhemse Broek kiezen samen waar € 50.000 aan besteed wordt.")
    for i, (title, cat, cost, text) in enumerate(PROPOSALS):
        lon, lat = points[i] if i < len(points) else (None, None)
        services.proposal_submit(
            rnd=rnd, title=title, description=text, estimated_cost=Decimal(cost), category=cat, lon=lon, lat=lat
        )
    services.round_transition(rnd=rnd, to_phase=Phase.REVIEW, by=team)
    for p in rnd.proposals.all():
        services.proposal_review(proposal=p, feasible=True, reason="Kan worden uitgevoerd binnen een jaar.", by=team)
    services.round_transition(rnd=rnd, to_phase=Phase.VOTING, by=team)
    rng = random.Random(2025)
    ids = list(rnd.proposals.order_by("id").values_list("pk", flat=True))
    popularity = [9, 7, 6, 5, 4, 4, 3, 3, 2, 2]
    for k, buurt in enumerate(buurten or [""]):
        n = 40 if k % 2 == 0 else 15
        codes = services.voting_codes_generate(rnd=rnd, count=n, buurt_code=buurt, by=team)
        for code in codes[: rng.randint(n // 2, n)]:
            chosen = set(rng.choices(ids, weights=popularity, k=rng.randint(1, 5)))
            services.ballot_cast(rnd=rnd, choices=dict.fromkeys(chosen, 1), code=code)
    services.round_transition(rnd=rnd, to_phase=Phase.COUNTING, by=team)
    result = services.round_count(rnd=rnd, by=team)
    services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED, by=admin or team)
    stdout.write(f"  Arnhem W1: round {rnd.pk} published, {result.ballots_counted} ballots, chosen {', '.join(result.selected)}")

    open_round = services.round_create(
        municipality_code="GM0202", area_code="W1", by=team, title="Buurtbegroting CSA 2026 (stemmen open)", period="2026",
        budget=Decimal(30000), ballot_type="points", points_per_voter=10, rule="mes-add1", pb_meta={"demo": MARK})
    for i, (title, cat, cost, text) in enumerate(PROPOSALS[:6]):
        lon, lat = points[i] if i < len(points) else (None, None)
        p = services.proposal_submit(rnd=open_round, title=title, description=text, estimated_cost=Decimal(cost),
                                     category=cat, lon=lon, lat=lat)
        services.proposal_review(proposal=p, feasible=i != 5, by=team,
                                 reason="Kan." if i != 5 else "Deze onderdoorgang is van ProRail, niet van de gemeente.")
    services.round_transition(rnd=open_round, to_phase=Phase.REVIEW, by=team)
    services.round_transition(rnd=open_round, to_phase=Phase.VOTING, by=team)
    codes = services.voting_codes_generate(rnd=open_round, count=5, buurt_code=buurten[0] if buurten else "", by=team)
    stdout.write(f"  Arnhem W1: round {open_round.pk} open for voting; demo voting codes: {', '.join(codes)}")


def _assen(stdout, admin) -> None:
    path = Path(settings.DATA_DIR) / "pabulib" / "Netherlands_Assen_2024.pb"
    if not path.exists():
        stdout.write(f"  Assen 2024: skipped ({path} not found)")
        return
    municipality_upsert(code="GM0106", name="Assen")
    rnd = pabulib.round_import_pb(path=path, municipality_code="GM0106", area_code="GM0106", by=admin,
                                   title="Assen Top Idee 2024")
    rnd.pb_meta = {**rnd.pb_meta, "demo": MARK}
    rnd.rule = "mes-add1"
    rnd.save(update_fields=["pb_meta", "rule"])
    result = services.round_count(rnd=rnd, by=admin)
    services.round_transition(rnd=rnd, to_phase=Phase.PUBLISHED, by=admin)
    stdout.write(f"  Assen 2024 (pabulib): round {rnd.pk}, mes-add1 chose {', '.join(result.selected)}")


def load_demo(*, stdout, offline: bool = False) -> None:
    Round.objects.filter(pb_meta__demo=MARK).delete()
    admin, team = _staff()
    _arnhem_rounds(stdout, admin, team or admin)
    _assen(stdout, admin)
