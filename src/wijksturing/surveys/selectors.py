"""Reads of the wijkpeiling: surveys, questions, response counts, estimates, and the subjective
index beside the objective one for an area."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from wijksturing.accounts.selectors import user_has_role
from wijksturing.areas.selectors import area_ancestors, area_list
from wijksturing.monitor.selectors import index_value
from wijksturing.surveys.importers import IMPORTED_INDICATORS
from wijksturing.surveys.models import Channel, Estimate, Invitation, Question, Status, Survey
from wijksturing.surveys.questions import AGE_GROUPS, INDICATOR_BY_CODE, SEX_OTHER, SEXES
from wijksturing.surveys.subjective import comparison_note, subjective_index
from wijksturing.surveys.workflow import next_statuses

ALL_INDICATORS = {**INDICATOR_BY_CODE, **IMPORTED_INDICATORS}
MANAGER_ROLES = ("administrator", "analyst")
PUBLIC_STATUSES = (Status.OPEN, Status.CLOSED, Status.PUBLISHED)


def survey_next_statuses(*, survey: Survey) -> list[str]:
    """The statuses the survey may move to now, in the order they are offered."""
    return next_statuses(survey.status)

def survey_list(*, municipality_code: str | None = None, public: bool = True) -> QuerySet[Survey]:
    qs = Survey.objects.select_related("municipality")
    if municipality_code:
        qs = qs.filter(municipality__code=municipality_code)
    if public:
        qs = qs.filter(status__in=PUBLIC_STATUSES)
    return qs


def survey_get(*, pk: int) -> Survey:
    return Survey.objects.select_related("municipality").get(pk=pk)


def survey_questions(*, survey: Survey) -> list[Question]:
    return list(survey.questions.all())


def survey_user_can_manage(*, user, survey: Survey) -> bool:
    return user_has_role(user=user, municipality_code=survey.municipality.code, roles=MANAGER_ROLES)


def survey_wijken(*, survey: Survey) -> list[tuple[str, str]]:
    return [(a.code, a.name) for a in area_list(municipality_code=survey.municipality.code, level="wijk")]


def background_choices() -> dict[str, list[tuple[str, str, str]]]:
    """``{"age_group": [(value, Dutch, English)], "sex": [...]}`` for the questionnaire."""
    return {"age_group": [(k, nl, en) for k, _c, nl, en in AGE_GROUPS],
            "sex": [(k, nl, en) for k, _c, nl, en in SEXES] + [SEX_OTHER]}


def response_counts(*, survey: Survey) -> list[dict]:
    """Per wijk: letters sent, codes used, answers through the code and through the open link."""
    names = dict(survey_wijken(survey=survey))
    rows: dict[str, dict] = defaultdict(lambda: {"invited": 0, "used": 0, "answers_invited": 0, "answers_open": 0})
    invitations = Invitation.objects.filter(survey=survey).values("wijk_code")
    for r in invitations.annotate(n=Count("id"), used=Count("id", filter=Q(used=True))):
        rows[r["wijk_code"]].update(invited=r["n"], used=r["used"])
    for r in survey.responses.values("wijk_code", "channel").annotate(n=Count("id")):
        rows[r["wijk_code"]]["answers_invited" if r["channel"] == Channel.INVITED else "answers_open"] = r["n"]
    return [{"code": code, "name": names.get(code, code), **rows[code]} for code in sorted(set(names) | set(rows))]


@dataclass(frozen=True)
class EstimateRow:
    indicator_code: str
    name: str
    unit: str
    decimals: int
    direction: str
    value: float | None
    margin: float | None
    n: int | None
    suppressed: bool


def _name(code: str) -> tuple[str, str, int, str]:
    ind = ALL_INDICATORS.get(code)
    if ind is None:
        return code, "", 1, "neutral"
    english = (get_language() or "nl").startswith("en")
    return (ind.name_en if english else ind.name_nl), ind.unit, ind.decimals, ind.direction


def _row(e: Estimate) -> EstimateRow:
    name, unit, decimals, direction = _name(e.indicator_code)
    return EstimateRow(e.indicator_code, name, unit, decimals, direction, e.value, e.margin, e.n, e.suppressed)


def estimate_table(*, survey: Survey, channel: str = Channel.INVITED) -> list[dict]:
    """Per area (municipality, gebieden, wijken) its estimates of every indicator."""
    order = {"gemeente": 0, "gebied": 1, "wijk": 2}
    by_area: dict[str, dict] = {}
    for e in survey.estimates.filter(channel=channel).order_by("area_code", "indicator_code"):
        item = by_area.setdefault(e.area_code, {"code": e.area_code, "name": e.area_name, "level": e.area_level, "rows": []})
        item["rows"].append(_row(e))
    codes = [q.indicator_code for q in survey.questions.all() if q.indicator_code]
    position = {c: i for i, c in enumerate(dict.fromkeys(codes))}
    for item in by_area.values():
        item["rows"].sort(key=lambda r: position.get(r.indicator_code, 99))
    return sorted(by_area.values(), key=lambda a: (order.get(a["level"], 3), a["code"]))


def survey_index(*, survey: Survey) -> dict[tuple[str, int], dict]:
    """The subjective index of every area and year of the survey's municipality: all its public
    surveys together, so that a recurring peiling is scored against one fixed reference (the
    first year) and a change is a real change."""
    rows = Estimate.objects.filter(survey__municipality_id=survey.municipality_id, survey__status__in=PUBLIC_STATUSES,
                                   channel=Channel.INVITED, suppressed=False).order_by("survey__year", "survey_id")
    return subjective_index(rows.values_list("area_code", "area_level", "year", "indicator_code", "value"), ALL_INDICATORS)


def survey_latest_for_area(*, area) -> Survey | None:
    """The latest computed survey (not draft) of the area's municipality with estimates for the area."""
    return (Survey.objects.filter(municipality=area.layout.municipality, status__in=PUBLIC_STATUSES,
                                  estimates__area_code=area.code).distinct().order_by("-year", "-id").first())


def area_panel(*, area) -> dict | None:
    """What the area page shows: the residents' judgement (estimates with margins) and the
    subjective index beside the objective one, with a note where the two disagree. A buurt
    shows its wijk's figures."""
    shown = area
    if area.level == "buurt":
        shown = next((a for a in area_ancestors(area=area) if a.level == "wijk"), area)
    survey = survey_latest_for_area(area=shown)
    if survey is None:
        return None
    estimates = [_row(e) for e in survey.estimates.filter(area_code=shown.code, channel=Channel.INVITED)]
    codes = [q.indicator_code for q in survey.questions.all() if q.indicator_code]
    position = {c: i for i, c in enumerate(dict.fromkeys(codes))}
    estimates.sort(key=lambda r: position.get(r.indicator_code, 99))
    index = survey_index(survey=survey)
    subjective = index.get((shown.code, survey.year), {}).get("value")
    series = sorted((year, item["value"]) for (code, year), item in index.items() if code == shown.code)
    objective_value = index_value(area=shown, year=survey.year) or index_value(area=shown)
    objective = objective_value.value if objective_value is not None else None
    open_n = survey.estimates.filter(area_code=shown.code, channel=Channel.OPEN).values_list("n", flat=True).first()
    return {"survey": survey, "area": shown, "for_buurt": shown is not area, "estimates": estimates,
            "subjective": subjective, "objective": objective,
            "objective_year": objective_value.year if objective_value is not None else None,
            "note": comparison_note(objective, subjective), "open_n": open_n or 0,
            "series": series if len(series) > 1 else [],
            "min_respondents": survey.min_respondents}


def published_sources() -> list[dict]:
    """Imported publications: source, municipality, years and number of areas."""
    rows = (Estimate.objects.filter(survey__isnull=True).values("source", "municipality_code")
            .annotate(n=Count("id")).order_by("municipality_code", "source"))
    out = []
    for r in rows:
        years = sorted(set(Estimate.objects.filter(survey__isnull=True, source=r["source"]).values_list("year", flat=True)))
        out.append({**r, "years": years})
    return out


def published_index(*, source: str) -> dict:
    """The subjective index of an imported publication per area over its years, and the
    latest figures per indicator with margin and n where given."""
    qs = Estimate.objects.filter(survey__isnull=True, source=source)
    rows = list(qs.values_list("area_code", "area_level", "year", "indicator_code", "value"))
    index = subjective_index(rows, ALL_INDICATORS)
    years = sorted({r[2] for r in rows})
    names = dict(qs.values_list("area_code", "area_name"))
    levels = dict(qs.values_list("area_code", "area_level"))
    order = {"gemeente": 0, "stadsdeel": 1, "gebied": 2, "wijk": 3, "buurt": 4}
    areas = sorted(names, key=lambda c: (order.get(levels[c], 5), c))
    table = [{"code": c, "name": names[c], "level": levels[c],
              "values": [index.get((c, y), {}).get("value") for y in years]} for c in areas]
    indicators = sorted({r[3] for r in rows})
    in_index = [c for c in indicators if ALL_INDICATORS.get(c) and ALL_INDICATORS[c].dimension]
    return {"years": years, "table": table, "indicators": [(c, _name(c)[0]) for c in indicators],
            "in_index": in_index, "index_names": [_name(c)[0] for c in in_index]}
