"""The monitor feed: signals become indicators of the Leefbare Wijken Monitor per area and year.

Indicators (created here, not in the lead's catalogue): ``sig_n`` signals, ``sig_p1000`` signals
per 1,000 inhabitants, the same per main category (``sig_<main>_n`` / ``sig_<main>_p1000``),
``sig_median_days`` median days open of handled signals, and ``sig_in_time_pct`` the share
handled within the promised term (numerator ``sig_in_time_n``, denominator ``sig_handled_n``),
and ``sig_satisfied_pct`` the share of reporters who answered "tevreden?" with yes on the follow
page, by the year of their answer (numerator ``sig_satisfied_n``, denominator ``sig_feedback_n``).
Values are computed directly at every level (buurt, wijk, gebied, gemeente): a median cannot
be aggregated from smaller areas, and counts computed directly equal their sums.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from wijksturing.accounts.services import audit_log
from wijksturing.areas import selectors as area_selectors
from wijksturing.monitor import selectors as monitor_selectors
from wijksturing.monitor import services as monitor_services
from wijksturing.signals.models import Category, Feedback, Signal
from wijksturing.signals.workflow import HANDLED

SOURCE = "wijksturing signalen"
POPULATION = "a_inw"


def _code(main: Category | None, suffix: str) -> str:
    return f"sig_{main.slug.replace('-', '_')[:24]}_{suffix}" if main else f"sig_{suffix}"


def _indicator(code: str, nl: str, en: str, **fields) -> str:
    monitor_services.indicator_upsert(code=code, name_nl=nl, name_en=en, source=SOURCE, theme="signalen", **fields)
    return code


def _indicators(mains: list[Category]) -> dict[str, str]:
    population = POPULATION if monitor_selectors.indicator_exists(code=POPULATION) else None
    out: dict[str, str] = {}
    for main in [None] + mains:
        label_nl = f"Signalen {main.name}" if main else "Signalen"
        label_en = f"Signals {main.name}" if main else "Signals"
        n = out[_code(main, "n")] = _indicator(
            _code(main, "n"), f"{label_nl} (aantal)", f"{label_en} (count)", unit="aantal",
            aggregation="sum", definition="Aantal ontvangen signalen in het jaar.", order=9000)
        if population is not None:
            out[_code(main, "p1000")] = _indicator(
                _code(main, "p1000"), f"{label_nl} per 1.000 inwoners", f"{label_en} per 1,000 inhabitants",
                unit="per 1.000", decimals=1, aggregation="ratio", numerator=n, denominator=population,
                scale=1000.0, direction="neutral", order=9001,
                definition="Ontvangen signalen per 1.000 inwoners (inwoners: laatst bekende jaar).")
    handled = out["sig_handled_n"] = _indicator(
        "sig_handled_n", "Afgehandelde signalen", "Handled signals", unit="aantal", aggregation="sum", order=9002)
    in_time = out["sig_in_time_n"] = _indicator(
        "sig_in_time_n", "Signalen binnen de termijn afgehandeld", "Signals handled within the term",
        unit="aantal", aggregation="sum", order=9003)
    out["sig_in_time_pct"] = _indicator(
        "sig_in_time_pct", "Aandeel signalen binnen de termijn afgehandeld", "Share of signals handled within the term",
        unit="%", decimals=1, aggregation="ratio", numerator=in_time, denominator=handled, scale=100.0,
        direction="higher_better", order=9004)
    out["sig_median_days"] = _indicator(
        "sig_median_days", "Mediane doorlooptijd signalen (dagen)", "Median handling time of signals (days)",
        unit="dagen", decimals=1, aggregation="none", direction="higher_worse", order=9005,
        definition="Mediaan van het aantal dagen tussen melding en afhandeling, van de afgehandelde signalen.")
    feedback = out["sig_feedback_n"] = _indicator(
        "sig_feedback_n", "Melders die 'tevreden?' beantwoordden", "Reporters who answered 'satisfied?'",
        unit="aantal", aggregation="sum", order=9006)
    satisfied = out["sig_satisfied_n"] = _indicator(
        "sig_satisfied_n", "Tevreden melders", "Satisfied reporters", unit="aantal", aggregation="sum", order=9007)
    out["sig_satisfied_pct"] = _indicator(
        "sig_satisfied_pct", "Aandeel tevreden melders", "Share of satisfied reporters", unit="%", decimals=1,
        aggregation="ratio", numerator=satisfied, denominator=feedback, scale=100.0, direction="higher_better",
        order=9008, definition="Van de melders die na afhandeling de vraag 'Bent u tevreden?' beantwoordden, het "
        "aandeel dat ja zei (jaar van het antwoord; gemeld via de volgpagina).")
    return out


@transaction.atomic
def signal_feed_monitor(*, municipality_code: str, year: int) -> int:
    """Write the signal indicators of ``year`` for every area of the municipality's latest
    layout (origin imported, source "wijksturing signalen"). Returns the observations written."""
    areas = list(area_selectors.area_list(municipality_code=municipality_code))
    if not areas:
        return 0
    mains = list(Category.objects.filter(municipality__code=municipality_code, parent__isnull=True))
    indicators = _indicators(mains)
    by_code = {a.code: a for a in areas}
    gemeente = next((a for a in areas if a.level == "gemeente"), None)
    stats: dict[int, dict] = defaultdict(lambda: {"n": defaultdict(int), "days": [], "handled": 0, "in_time": 0})
    signals = Signal.objects.filter(municipality__code=municipality_code, created_at__year=year).values_list(
        "category__parent__slug", "buurt_code", "wijk_code", "gebied_code", "status", "created_at", "closed_at", "deadline")
    main_by_slug = {m.slug: m for m in mains}
    for main_slug, buurt, wijk, gebied, status, created, closed, deadline in signals.iterator():
        targets = {by_code[c].pk for c in (buurt, wijk, gebied) if c in by_code}
        if gemeente is not None:
            targets.add(gemeente.pk)
        for pk in targets:
            s = stats[pk]
            s["n"][None] += 1
            s["n"][main_slug] += 1
            if status in HANDLED and closed is not None:
                s["handled"] += 1
                s["days"].append((closed - created).total_seconds() / 86400)
                s["in_time"] += deadline is not None and timezone.localtime(closed).date() <= deadline
    answers = Feedback.objects.filter(signal__municipality__code=municipality_code, at__year=year).values_list(
        "signal__buurt_code", "signal__wijk_code", "signal__gebied_code", "satisfied")
    for buurt, wijk, gebied, yes in answers.iterator():
        targets = {by_code[c].pk for c in (buurt, wijk, gebied) if c in by_code}
        if gemeente is not None:
            targets.add(gemeente.pk)
        for pk in targets:
            stats[pk]["answers"] = stats[pk].get("answers", 0) + 1
            stats[pk]["satisfied"] = stats[pk].get("satisfied", 0) + int(yes)
    population = monitor_selectors.latest_values(indicator_code=POPULATION, area_ids=[a.pk for a in areas], year=year)
    rows: list[tuple] = []

    def add(code: str, area_id: int, value, numerator=None, denominator=None) -> None:
        if code in indicators:
            rows.append((code, area_id, value, numerator, denominator))

    for area in areas:
        s = stats.get(area.pk) or {"n": {}, "days": [], "handled": 0, "in_time": 0}
        inhabitants = population.get(area.pk)
        for main in [None] + mains:
            count = s["n"].get(main.slug if main else None, 0)
            add(_code(main, "n"), area.pk, float(count))
            if inhabitants:
                add(_code(main, "p1000"), area.pk, 1000.0 * count / inhabitants, float(count), inhabitants)
        add("sig_handled_n", area.pk, float(s["handled"]))
        add("sig_in_time_n", area.pk, float(s["in_time"]))
        if s["handled"]:
            add("sig_in_time_pct", area.pk, 100.0 * s["in_time"] / s["handled"], float(s["in_time"]), float(s["handled"]))
            add("sig_median_days", area.pk, statistics.median(s["days"]))
        if s.get("answers"):
            add("sig_feedback_n", area.pk, float(s["answers"]))
            add("sig_satisfied_n", area.pk, float(s["satisfied"]))
            add("sig_satisfied_pct", area.pk, 100.0 * s["satisfied"] / s["answers"], float(s["satisfied"]),
                float(s["answers"]))
    monitor_services.observations_replace(year=year, indicator_codes=list(indicators), area_ids=[a.pk for a in areas],
                                          source=SOURCE, rows=rows)
    audit_log(user=None, action="signal_feed_monitor", obj="Observation", municipality_code=municipality_code,
              changes={"year": year, "observations": len(rows), "main_categories": len(main_by_slug)})
    return len(rows)
