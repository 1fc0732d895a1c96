"""Demo content of signals (idempotent): categories and teams for every demo municipality (the
real Assen Signalen tree when the shared data folder is there, else the built-in tree), a few
dozen live signals in Arnhem through the normal services, and Assen (GM0106) as a third
municipality with its 3,024 real reports imported, fed into the monitor."""

from __future__ import annotations

import random
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from shapely.geometry import Point, shape

from wijksturing.accounts.models import User
from wijksturing.areas import selectors as area_selectors
from wijksturing.monitor.services import import_file
from wijksturing.signals import services
from wijksturing.signals.categories import (
    category_tree_load,
    read_builtin_tree,
    read_signalen_tree,
    teams_for_gebieden,
)
from wijksturing.signals.importer import signals_import
from wijksturing.signals.models import Category, Signal, Source
from wijksturing.signals.workflow import Status

ASSEN = "GM0106"
DEMO_SIGNALS = 40


def _tree(data: Path) -> tuple[list[dict], str]:
    builtin = read_builtin_tree()
    path = data / "meldingen" / "assen_signalen_categorieen.csv"
    if not path.exists():
        return builtin, "built-in"
    # Assen's real tree, plus the built-in worries and ideas (for the social and area teams)
    extra = [r for r in builtin if r["parent_slug"] == "zorgen-en-ideeen"]
    return read_signalen_tree(path) + extra, "Signalen Assen"


def _random_point(rng: random.Random, geometry: dict) -> tuple[float, float]:
    polygon = shape(geometry)
    min_x, min_y, max_x, max_y = polygon.bounds
    for _ in range(200):
        x, y = rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)
        if polygon.contains(Point(x, y)):
            return x, y
    centre = polygon.representative_point()
    return centre.x, centre.y


def _live_signals(code: str, stdout) -> None:
    if Signal.objects.filter(municipality__code=code).exclude(source=Source.IMPORT).exists():
        return
    buurten = [a for a in area_selectors.area_list(municipality_code=code, level="buurt") if a.geometry]
    categories = list(Category.objects.filter(municipality__code=code, parent__isnull=False))
    if not buurten or not categories:
        return
    rng = random.Random(6)
    staff = User.objects.filter(is_superuser=True).first()
    for number in range(DEMO_SIGNALS):
        lon, lat = _random_point(rng, rng.choice(buurten).geometry)
        reporter = {"name": "Demo Melder", "email": f"melder{number}@example.org", "consent": True} if number % 4 == 0 else {}
        signal = services.signal_create(category=rng.choice(categories), lat=lat, lon=lon, source=Source.PUBLIC_FORM,
                                        description="Voorbeeldmelding voor de demo.", reporter=reporter)
        steps = [[], [Status.TRIAGE], [Status.ASSIGNED, Status.IN_PROGRESS],
                 [Status.ASSIGNED, Status.RESOLVED]][number % 4]
        for step in steps:
            reply = "Dank u wel, we hebben het opgelost." if step == Status.RESOLVED else ""
            services.signal_transition(signal_id=signal.pk, to_status=step, by=staff, reply=reply)
    stdout.write(f"  {code}: {DEMO_SIGNALS} demo signals")


def _assen(data: Path, stdout, tree: list[dict], source: str) -> None:
    reports = data / "meldingen" / "assen_signalen_meldingen_2026.csv.gz"
    population = data / "cbs" / "kwb_2024_bevolking.csv.gz"
    if not (reports.exists() and population.exists()):
        return

    if not area_selectors.area_list(municipality_code=ASSEN).exists():
        import_file(path=population, year=2024, municipalities={ASSEN})  # wijken, buurten and inhabitants
    category_tree_load(municipality_code=ASSEN, rows=tree, source=source)
    teams_for_gebieden(municipality_code=ASSEN)
    if not Signal.objects.filter(municipality__code=ASSEN, source=Source.IMPORT).exists():
        count = signals_import(path=reports, municipality_code=ASSEN, progress=False)
        stdout.write(f"  {ASSEN}: {count} real reports imported (Signalen Assen, 2025–2026)")
    for year in (2025, 2026):
        services.signal_feed_monitor(municipality_code=ASSEN, year=year)


def load_demo(*, stdout, offline: bool = False) -> None:
    data = Path(settings.DATA_DIR)
    tree, source = _tree(data)
    for municipality in area_selectors.municipality_list():
        if municipality.code == ASSEN:
            continue
        category_tree_load(municipality_code=municipality.code, rows=tree, source=source)
        teams_for_gebieden(municipality_code=municipality.code)
        _live_signals(municipality.code, stdout)
    stdout.write(f"  categories: {source} tree ({len(tree)} subcategories)")
    _assen(data, stdout, tree, source)
    for municipality in area_selectors.municipality_list():
        if municipality.code != ASSEN:
            services.signal_feed_monitor(municipality_code=municipality.code, year=timezone.now().year)
