"""Demo: the CSA area programme and the agenda "Verhoging sociale kwaliteit" of Arnhem (texts in
:mod:`wijksturing.programmes.demo_data`). Idempotent: reloading replaces these programmes."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction

from wijksturing.areas.models import Municipality
from wijksturing.monitor import selectors as monitor_selectors
from wijksturing.programmes import services
from wijksturing.programmes.demo_data import AGENDAS, CSA, SOCIAL_QUALITY
from wijksturing.programmes.models import Effort, Goal, Measure, Programme, Result, Review, Theme

MUNICIPALITY = "GM0202"


def _measure(goal: Goal, spec: dict, result=None) -> Measure | None:
    try:
        indicator = monitor_selectors.indicator_get(code=spec["indicator"])
    except ObjectDoesNotExist:
        return None
    measure = Measure(goal=goal, result=result, indicator=indicator, area_code=spec["area_code"],
                      baseline_year=spec["baseline_year"], target_value=0.0, target_year=spec["target_year"])
    services.measure_fill_baseline(measure=measure)
    base = measure.baseline_value
    target = base * (1 + spec["change"]) if base is not None else 0.0
    decimals = indicator.decimals
    return services.object_create(
        user=None, model=Measure, goal=goal, result=result, indicator=indicator, area_code=spec["area_code"],
        baseline_value=None if base is None else round(base, max(decimals, 2)), baseline_year=spec["baseline_year"],
        target_value=round(target, max(decimals, 2)), target_year=spec["target_year"], rationale=spec["rationale"],
    )


def _programme(municipality, data: dict, agendas: dict, published: bool) -> Programme:
    Programme.objects.filter(municipality=municipality, area_code=data["area_code"], start_year=data["start_year"]).delete()
    programme = services.object_create(
        user=None, model=Programme, municipality=municipality, area_code=data["area_code"], title=data["title"],
        summary=data["summary"], start_year=data["start_year"], end_year=data["end_year"], published=published,
        source=data["source"],
    )
    for t_order, t in enumerate(data["themes"]):
        theme = services.object_create(user=None, model=Theme, programme=programme, title=t["title"],
                                       description=t["description"], order=t_order)
        for code, note in t["agendas"]:
            services.theme_link_agenda(user=None, theme=theme, agenda=agendas[code], note=note)
        goals = t.get("goals") or [dict(t["goal"], results=t["results"], efforts=t.get("efforts", {}))]
        for g_order, g in enumerate(goals):
            goal = services.object_create(
                user=None, model=Goal, theme=theme, title=g["title"], why=g.get("why", t["description"]),
                for_whom=g["for_whom"], owner=g["owner"], qualitative=g.get("qualitative", ""),
                deadline=data["end_year"], order=g_order, agendas=[agendas[c] for c, _ in t["agendas"]],
            )
            for spec in g["measures"]:
                _measure(goal, spec)
            texts = g.get("results") or [g["result"]]
            for r_order, text in enumerate(texts):
                result = services.object_create(user=None, model=Result, goal=goal, text=text, order=r_order)
                for title, owner, partners, status in g.get("efforts", {}).get(r_order, []):
                    services.object_create(user=None, model=Effort, result=result, title=title, owner=owner,
                                           partners=partners, start_year=data["start_year"], status=status)
                if "review" in g:
                    achieved, account = g["review"]
                    services.object_create(user=None, model=Review, result=result, year=2015, achieved=achieved,
                                           account=account)
    return programme


@transaction.atomic
def load_demo(*, stdout, offline: bool = False) -> None:
    municipality = Municipality.objects.filter(code=MUNICIPALITY).first()
    if municipality is None:
        stdout.write("  no programmes: Arnhem (GM0202) is not loaded")
        return
    agendas = {
        code: services.agenda_upsert(user=None, municipality=municipality, code=code, name=name, description=text,
                                     order=order)
        for order, (code, name, text) in enumerate(AGENDAS)
    }
    csa = _programme(municipality, CSA, agendas, published=True)
    city = _programme(municipality, SOCIAL_QUALITY, agendas, published=True)
    stdout.write(f"  programmes: {csa.title} ({csa.themes.count()} themes, "
                 f"{Result.objects.filter(goal__theme__programme=csa).count()} intended results); {city.title[:40]}…")
