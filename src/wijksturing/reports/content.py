"""The gebiedsrapportage's content: everything the periodic area report for the council joins,
as plain JSON data with the source and reference date of every number (``report_content``), and what
changed between two frozen snapshots (``report_changes``). Reads only, through the selectors of
the apps it joins."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from wijksturing.areas.models import Area
from wijksturing.budgets import selectors as budgets
from wijksturing.participation import selectors as participation
from wijksturing.programmes import selectors as programmes
from wijksturing.reports.selectors import area_analysis, line_taakveld
from wijksturing.reports.taakvelden import sort_key as taakveld_sort_key
from wijksturing.reports.taakvelden import taakveld_name
from wijksturing.signals import selectors as signals
from wijksturing.web import data
from wijksturing.web.modules import optional_module

CONTENT_SCHEMA = 1


def _money(value) -> str:
    return str(Decimal(value or 0).quantize(Decimal("0.01")))


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _monitor_part(area: Area, year: int | None) -> dict:
    a = area_analysis(area=area, year=year)
    figures = []
    for f in a.figures:
        fig = f.figure
        figures.append({
            "code": f.indicator.code, "name": str(f.indicator.name), "unit": f.indicator.unit or "",
            "decimals": f.decimals,
            "value": None if fig is None or fig.suppressed else fig.value,
            "suppressed": bool(fig and fig.suppressed),
            "year": fig.year if fig else None,
            "reference": _date(fig.reference) if fig else None,
            "city": f.city.value if f.city else None, "city_year": f.city.year if f.city else None,
            "source": (fig.source if fig else "") or f.indicator.source or "",
            "trend": [[y, v] for y, v in f.series],
            "change": f.change, "assessment": f.assessment, "comparison": str(f.comparison),
        })
    index = None
    if a.index is not None:
        index = {"year": a.index.year, "value": a.index.value if a.index_published else None,
                 "published": a.index_published, "city": a.city_index.value if a.city_index else None,
                 "base_year": getattr(a.index, "base_year", None),
                 "history": [[h.year, h.value] for h in a.index_history if h.published],
                 "source": _("Liveability index of wijksturing, computed from the key figures (CBS and municipality)")}
    return {"year": a.year, "index": index, "figures": figures, "city": a.municipality.name,
            "sources": [[s, [r.isoformat() if hasattr(r, "isoformat") else r for r in refs]] for s, refs in a.sources]}


def _programme_part(municipality_code: str, gebied_code: str, year: int, today) -> dict | None:
    summary = programmes.programme_summary(user=None, municipality_code=municipality_code, area_code=gebied_code)
    if summary is None:
        return None
    goals = []
    for goal in summary.goals:
        reviews = []
        for result in goal.results.all():
            if result.withdrawn:
                continue
            for review in result.reviews.all():
                if review.year <= year:
                    reviews.append({"result": result.text, "year": review.year, "achieved": review.achieved,
                                    "account": review.account})
        goals.append({"id": goal.pk, "title": goal.title, "theme": goal.theme.title, "owner": goal.owner,
                      "deadline": goal.deadline, "status": goal.progress.status,
                      "explanation": str(goal.progress.explanation or ""), "reviews": reviews})
    p = summary.programme
    return {"title": p.title, "period": f"{p.start_year}–{p.end_year}", "status": summary.progress.status,
            "counts": summary.counts, "goals": goals, "source": p.source or _("Area programme in wijksturing"),
            "reference_date": today.isoformat()}


def _budget_part(municipality_code: str, gebied_code: str, year: int, today, goal_titles: dict[int, str]) -> dict | None:
    rows, total = budgets.budget_overview(municipality_code=municipality_code, gebied_code=gebied_code, year=year)
    if not rows:
        return None
    domains = []
    per_taakveld: dict[str, dict[str, Decimal]] = {}
    for row in rows:
        code = line_taakveld(line=row.line)
        b = row.balance
        domains.append({"domain": row.line.domain, "label": str(row.line.get_domain_display()), "taakveld": code,
                        "budget": _money(b.budget), "committed": _money(b.committed), "spent": _money(b.spent),
                        "remaining": _money(b.remaining), "warnings": list(b.warnings)})
        sums = per_taakveld.setdefault(code, {"budget": Decimal(0), "committed": Decimal(0), "spent": Decimal(0)})
        sums["budget"] += b.budget
        sums["committed"] += b.committed
        sums["spent"] += b.spent
    money = budgets.goal_money(goal_ids=list(goal_titles), year=year) if goal_titles else {}
    goals = [{"id": gid, "title": goal_titles[gid], "committed": _money(m.get("commitment")),
              "spent": _money(m.get("spending"))} for gid, m in sorted(money.items()) if gid in goal_titles]
    return {
        "year": year, "illustrative": any(r.line.illustrative for r in rows),
        "total": {"budget": _money(total.budget), "committed": _money(total.committed), "spent": _money(total.spent),
                  "remaining": _money(total.remaining)},
        "domains": domains,
        "taakvelden": [{"code": code, "name": taakveld_name(code), **{k: _money(v) for k, v in sums.items()}}
                       for code, sums in sorted(per_taakveld.items(), key=lambda kv: taakveld_sort_key(kv[0]))],
        "goals": goals,
        "source": _("Area budget set by the council; commitments and spending from the financial administration"),
        "reference_date": today.isoformat(),
    }


def _participation_part(municipality_code: str, gebied_code: str, today) -> dict:
    initiatives = list(budgets.initiative_list(user=None, municipality_code=municipality_code, gebied_code=gebied_code))
    by_status: dict[str, int] = {}
    granted = Decimal(0)
    for i in initiatives:
        by_status[i.status] = by_status.get(i.status, 0) + 1
        granted += i.amount_granted or Decimal(0)
    rounds = []
    for rnd in participation.round_list_for_area(municipality_code=municipality_code, gebied_code=gebied_code):
        rounds.append({"title": rnd.title, "period": rnd.period, "phase": rnd.phase,
                       "phase_label": str(rnd.get_phase_display()), "budget": _money(rnd.budget),
                       "result_published": rnd.public_result is not None})
    return {"initiatives": {"count": len(initiatives), "by_status": by_status, "granted": _money(granted),
                            "items": [{"title": i.title, "status": i.status, "status_label": str(i.get_status_display()),
                                       "granted": _money(i.amount_granted) if i.amount_granted is not None else None}
                                      for i in initiatives[:10]]},
            "rounds": rounds,
            "source": _("Resident initiatives and buurtbegroting in wijksturing"), "reference_date": today.isoformat()}


def _signals_part(municipality_code: str, gebied_code: str, year: int, today) -> dict:
    counts = signals.signal_area_counts(municipality_code=municipality_code, gebied_code=gebied_code, today=today)
    stats = signals.handling_statistics(municipality_code=municipality_code, year=year, gebied_code=gebied_code)
    total = next((r for r in stats if r["category"] is None), None)
    themes = [{"category": r["category"], "main_category": r["main_category"], "signals": r["signals"],
               "handled": r["handled"], "median_days": r["median_days"], "share_in_time": r["share_in_time"]}
              for r in stats if r["category"] is not None]
    return {"open": counts.open, "overdue": counts.overdue, "to_triage": counts.to_triage,
            "open_per_theme": [list(kv) for kv in counts.per_category],
            "year": year, "received": total["signals"] if total else 0, "handled": total["handled"] if total else 0,
            "median_days": total["median_days"] if total else None,
            "share_in_time": total["share_in_time"] if total else None, "themes": themes,
            "source": _("Signals (meldingen openbare ruimte) in wijksturing"), "reference_date": today.isoformat()}


def _strengths_part(area: Area, today) -> dict | None:
    """The area's strengths (organisations app), when that app is installed; else None."""
    organisations = optional_module("organisations", "selectors")
    if organisations is None:
        return None
    summary = organisations.area_summary(municipality_code=area.layout.municipality.code,
                                         area_codes=organisations.area_codes_around(area=area))
    return {"public": summary["public"], "by_kind": {str(k): v for k, v in summary["by_kind"].items()},
            "source": _("Register of organisations and initiatives (strengths) in wijksturing"),
            "reference_date": today.isoformat()}


def report_content(*, area: Area, period: str, period_start, period_end, introduction: str = "",
                   today=None) -> dict:
    """Everything a gebiedsrapportage shows, as JSON-ready data. The monitor year is the latest
    year with a complete picture up to the period's year; budget, reviews and signals are of the
    period's year; counts "now" are on ``today`` (the reference date of the report)."""
    today = today or timezone.localdate()
    municipality = area.layout.municipality
    year = period_end.year
    # the monitor's year: the latest year with a complete picture (as on the area page), else the
    # latest year with figures, never after the period
    complete = data.default_year(municipality_code=municipality.code)
    monitor_years = [y for y in data.years(municipality_code=municipality.code) if y <= year]
    if complete is not None and complete <= year:
        monitor_years = [y for y in monitor_years if y <= complete]
    programme = _programme_part(municipality.code, area.code, year, today)
    goal_titles = {g["id"]: g["title"] for g in (programme or {}).get("goals", [])}
    return {
        "schema": CONTENT_SCHEMA,
        "gebied": {"code": area.code, "name": area.name, "municipality": municipality.code,
                   "municipality_name": municipality.name},
        "period": {"label": period, "start": period_start.isoformat(), "end": period_end.isoformat()},
        "reference_date": today.isoformat(),
        "introduction": introduction,
        "monitor": _monitor_part(area, monitor_years[-1] if monitor_years else None),
        "programme": programme,
        "budget": _budget_part(municipality.code, area.code, year, today, goal_titles),
        "participation": _participation_part(municipality.code, area.code, today),
        "signals": _signals_part(municipality.code, area.code, year, today),
        "strengths": _strengths_part(area, today),
    }


def _direction(old, new) -> str:
    if old is None or new is None:
        return "new" if old is None and new is not None else ("gone" if new is None and old is not None else "same")
    if new > old:
        return "up"
    if new < old:
        return "down"
    return "same"


def report_changes(*, previous: dict | None, current: dict) -> dict:
    """What changed between two snapshots of the same gebied: key figures and the index up or
    down, goals whose status changed (and new or dropped goals), budget shifts per domain and in
    total, and the open signals. Empty lists when nothing changed; ``{}`` without a previous."""
    if not previous:
        return {}
    out: dict = {"previous_period": previous["period"]["label"], "figures": [], "goals": [], "budget": [],
                 "index": None, "signals": None}
    old_figs = {f["code"]: f for f in previous["monitor"]["figures"]}
    for f in current["monitor"]["figures"]:
        old = old_figs.get(f["code"])
        if old is None:
            continue
        if old["value"] != f["value"] or old["year"] != f["year"]:
            out["figures"].append({"code": f["code"], "name": f["name"], "decimals": f["decimals"], "unit": f["unit"],
                                   "old": old["value"], "old_year": old["year"], "new": f["value"],
                                   "new_year": f["year"], "direction": _direction(old["value"], f["value"]),
                                   "assessment_old": old.get("assessment", ""), "assessment_new": f["assessment"]})
    old_index, new_index = previous["monitor"].get("index"), current["monitor"].get("index")
    if old_index and new_index and (old_index["value"], old_index["year"]) != (new_index["value"], new_index["year"]):
        out["index"] = {"old": old_index["value"], "old_year": old_index["year"], "new": new_index["value"],
                        "new_year": new_index["year"], "direction": _direction(old_index["value"], new_index["value"])}
    old_goals = {g["id"]: g for g in (previous.get("programme") or {}).get("goals", [])}
    new_goals = {g["id"]: g for g in (current.get("programme") or {}).get("goals", [])}
    for gid, g in new_goals.items():
        old = old_goals.get(gid)
        if old is None:
            out["goals"].append({"id": gid, "title": g["title"], "old": None, "new": g["status"]})
        elif old["status"] != g["status"]:
            out["goals"].append({"id": gid, "title": g["title"], "old": old["status"], "new": g["status"]})
    for gid, g in old_goals.items():
        if gid not in new_goals:
            out["goals"].append({"id": gid, "title": g["title"], "old": g["status"], "new": None})
    old_budget, new_budget = previous.get("budget") or {}, current.get("budget") or {}
    old_domains = {d["domain"]: d for d in old_budget.get("domains", [])}
    for d in new_budget.get("domains", []):
        old = old_domains.pop(d["domain"], None)
        row = {"domain": d["domain"], "label": d["label"]}
        changed = False
        for key in ("budget", "committed", "spent"):
            before = Decimal(old[key]) if old else Decimal(0)
            after = Decimal(d[key])
            row[key] = {"old": _money(before), "new": _money(after), "shift": _money(after - before)}
            changed |= before != after
        if changed:
            out["budget"].append(row)
    for d in old_domains.values():
        out["budget"].append({"domain": d["domain"], "label": d["label"],
                              **{k: {"old": d[k], "new": _money(0), "shift": _money(-Decimal(d[k]))}
                                 for k in ("budget", "committed", "spent")}})
    if old_budget.get("year") != new_budget.get("year"):
        out["budget_years"] = [old_budget.get("year"), new_budget.get("year")]
    old_open, new_open = (previous.get("signals") or {}).get("open"), (current.get("signals") or {}).get("open")
    if old_open != new_open:
        out["signals"] = {"old": old_open, "new": new_open, "direction": _direction(old_open, new_open)}
    return out


