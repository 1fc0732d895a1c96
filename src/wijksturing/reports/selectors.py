"""The gebiedsanalyse: everything the area page, the HTML report and the PDF show about one
area in one year, assembled once from the areas and monitor selectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from wijksturing.accounts import selectors as accounts
from wijksturing.accounts.models import Role
from wijksturing.areas import selectors as areas
from wijksturing.areas.models import Area, Level
from wijksturing.budgets import selectors as budgets
from wijksturing.reports.models import (
    AreaReport,
    Commitment,
    CommitmentStatus,
    Follow,
    Notification,
    Question,
    ReportEvent,
    TaakveldAssignment,
)
from wijksturing.reports.taakvelden import sort_key as taakveld_sort_key
from wijksturing.reports.taakvelden import taakveld_for, taakveld_name
from wijksturing.reports.workflow import MACHINE, ReportStatus
from wijksturing.web import data
from wijksturing.web.templatetags.web import format_number

# The key figures of every area page and report, in this order (those without data are skipped).
KEY_INDICATORS = [
    "a_inw", "bev_dich", "p_65_eo_jr", "p_eenp_hh", "g_woz", "p_koopw", "p_hh_lkk", "g_ink_pi",
    "p_arb_pp", "g_soz_wb_1000", "g_misd_1000", "p_wmo_t", "g_afs_gs",
]


@dataclass
class KeyFigure:
    """One key figure of an area beside the municipality's figure of the same year."""

    indicator: object
    figure: data.Figure | None
    city: data.Figure | None
    series: list[tuple[int, float | None]]
    change: float | None = None
    assessment: str = ""  # "better", "worse", "same" (than the city) or "" (neutral / unknown)
    relation: str = ""  # "higher", "lower", "same" or "" (no comparison possible)
    difference: float | None = None  # the area's figure minus the city's, in the indicator's unit
    city_name: str = ""
    is_city: bool = False  # the municipality's own figure, on its own page: nothing to compare with

    @property
    def decimals(self) -> int:
        return self.indicator.decimals

    @property
    def comparison(self) -> str:
        """One sentence: higher or lower than the city, by how much, and whether that is good."""
        if self.is_city:
            return ""
        if not self.relation:
            if self.figure is None or self.figure.value is None:
                return _("no comparison: this area has no figure")
            return _("no comparison: %(city)s has no figure for %(year)s") % {
                "city": self.city_name, "year": self.figure.year}
        city = self.city_name
        if self.relation == "share":
            share = self.figure.value / self.city.value * 100
            return _("%(share)s %% of %(city)s") % {"share": format_number(share, 1 if share < 10 else 0), "city": city}
        if self.relation == "same":
            text = _("about the same as %(city)s") % {"city": city}
        else:
            amount = format_number(abs(self.difference), self.decimals)
            times = self.figure.value / self.city.value if self.city.value else None
            if self.indicator.unit == "%":
                amount = _("%(n)s percentage points") % {"n": amount}
            elif times is not None and times >= 2:
                amount = None
            elif self.city.value:
                share = format_number(abs(self.difference) / abs(self.city.value) * 100, 0)
                amount = f"{amount} ({share} %)"
            if amount is None:
                text = _("%(times)s times as high as %(city)s") % {"times": format_number(times, 1), "city": city}
            elif self.relation == "higher":
                text = _("%(amount)s higher than %(city)s") % {"amount": amount, "city": city}
            else:
                text = _("%(amount)s lower than %(city)s") % {"amount": amount, "city": city}
        verdict = {"better": _("that is favourable"), "worse": _("that is unfavourable"),
                   "same": ""}.get(self.assessment, _("neither good nor bad in itself"))
        return f"{text}; {verdict}" if verdict else text


@dataclass
class IndexYear:
    """One year of the index trend: a number only where it rests on at least three dimensions."""

    year: int
    value: float | None
    dimensions: int
    published: bool
    change_per_year: float | None


@dataclass
class Dimension:
    code: str
    name: str
    value: float | None
    city: float | None


@dataclass
class AreaAnalysis:
    area: Area
    municipality: object
    gemeente: Area
    ancestors: list[Area]
    children: list[Area]
    year: int | None
    years: list[int]
    figures: list[KeyFigure]
    index: object | None = None
    city_index: object | None = None
    dimensions: list[Dimension] = field(default_factory=list)
    index_series: list[tuple[int, float | None]] = field(default_factory=list)
    index_published: bool = False
    index_parts: list = field(default_factory=list)
    index_history: list[IndexYear] = field(default_factory=list)
    dimensions_total: int = 0
    similar: list[Area] = field(default_factory=list)
    contacts: list = field(default_factory=list)
    sources: list[tuple[str, list]] = field(default_factory=list)  # (source, [reference day or year, …])

    @property
    def is_gemeente(self) -> bool:
        """The municipality's own page: its figures are not compared with themselves."""
        return self.area.level == Level.GEMEENTE

    @property
    def index_scored(self) -> int:
        """How many parts of the index have a score this year."""
        return sum(1 for d in self.dimensions if d.value is not None)

    @property
    def level_label(self) -> str:
        if self.area.level == Level.GEBIED:
            return self.municipality.gebied_label
        return self.area.get_level_display()


def _assess(indicator, value: float | None, city: float | None) -> str:
    direction = getattr(indicator, "direction", "neutral")
    if value is None or city is None or direction == "neutral" or getattr(indicator, "context", False):
        return ""
    relation = _relation(indicator, value, city)
    if relation in ("same", "share"):
        return "same" if relation == "same" else ""
    higher = value > city
    return "better" if higher == (direction == "higher_better") else "worse"


def _relation(indicator, value: float | None, city: float | None) -> str:
    if value is None or city is None:
        return ""
    if getattr(indicator, "aggregation", "") == "sum":
        return "share" if city > 0 else ""
    difference = round(value - city, indicator.decimals)
    if difference == 0 or abs(value - city) <= abs(city) * 0.02:
        return "same"
    return "higher" if value > city else "lower"


def _carriers(area: Area, index) -> list:
    """The dimensions of the index with the indicators that carried each (monitor's
    ``index_carriers``), for the index's own year."""
    if index is None:
        return []
    carriers = data.index_carriers(area=area, year=index.year)
    return carriers.dimensions if carriers else []


def _reference(fig: data.Figure):
    return fig.reference or fig.year


def area_analysis(*, area: Area, year: int | None = None) -> AreaAnalysis:
    """The analysis of ``area`` for ``year`` (default: the latest year with a complete picture)."""
    municipality = area.layout.municipality
    years = data.years(municipality_code=municipality.code)
    if year is None or year not in years:
        year = data.default_year(municipality_code=municipality.code)
    gemeente = areas.area_gemeente(area=area) if area.level != Level.GEMEENTE else area
    indicators = {i.code: i for i in data.indicator_list()}
    codes = [c for c in KEY_INDICATORS if c in indicators]
    figures: list[KeyFigure] = []
    sources: dict[str, set] = {}
    if year is not None:
        table = data.figures(areas=[area, gemeente], indicator_codes=codes, year=year)
        all_series = data.series(area=area, indicator_codes=codes)
        for code in codes:
            own, city = table.get((area.code, code)), table.get((gemeente.code, code))
            series = [(y, v) for y, v in all_series.get(code, []) if y <= year]
            if area.pk == gemeente.pk:
                # the municipality's own page: no comparison with itself; a figure the city has
                # not stored is computed from its smaller areas (with the coverage said)
                city = None
                if own is None:
                    own = next((f for y in range(year, year - data.RECENT_YEARS - 1, -1)
                                if (f := data.city_figure(gemeente=gemeente, indicator_code=code, year=y))), None)
            if own is None and not any(v is not None for _, v in series):
                continue
            if area.pk != gemeente.pk and own is not None and (city is None or city.year != own.year):
                # the city's figure of the same year as the area's, computed when none is stored
                city = data.city_figure(gemeente=gemeente, indicator_code=code, year=own.year)
            known = [v for _, v in series if v is not None]
            change = known[-1] - known[0] if len(known) >= 2 else None
            indicator = indicators[code]
            own_value, city_value = (own.value if own else None), (city.value if city else None)
            figures.append(KeyFigure(
                indicator, own, city, series, change, _assess(indicator, own_value, city_value),
                _relation(indicator, own_value, city_value),
                None if own_value is None or city_value is None else own_value - city_value, municipality.name,
                area.pk == gemeente.pk))
            for fig in (own, city):
                if fig is not None and fig.source:
                    sources.setdefault(fig.source, set()).add(_reference(fig))
    index = data.index_value(area=area, year=year)
    city_index = data.index_value(area=gemeente, year=year)
    dimensions = []
    names = data.index_dimension_names()
    if index is not None:
        city_dims = (city_index.dimensions if city_index else {}) or {}
        for code, value in (index.dimensions or {}).items():
            dimensions.append(Dimension(code, names.get(code, code), value, city_dims.get(code)))
    history = [IndexYear(v.year, v.value, sum(1 for d in (v.dimensions or {}).values() if d is not None),
                         data.index_is_published(value=v), v.change_per_year)
               for v in data.index_history(area=area) if year is None or v.year <= year]
    return AreaAnalysis(
        area=area,
        municipality=municipality,
        gemeente=gemeente,
        ancestors=areas.area_ancestors(area=area),
        children=list(areas.area_children(area=area)),
        year=year,
        years=years,
        figures=figures,
        index=index,
        city_index=city_index,
        dimensions=dimensions,
        index_series=[(h.year, h.value) for h in history if h.published],
        index_published=data.index_is_published(value=index),
        index_parts=_carriers(area, index),
        index_history=history,
        dimensions_total=len(names),
        similar=data.similar_areas(area=area),
        contacts=areas.team_contacts(area=area),
        sources=[(source, sorted(refs, key=lambda r: (r if isinstance(r, int) else r.year, not isinstance(r, int))))
                 for source, refs in sorted(sources.items())],
    )


# --- reading reports, questions, commitments, follows; permissions ---------------------------

def _may(user, municipality_code: str, roles, gebied_code: str | None = None) -> bool:
    return accounts.user_has_role(user=user, municipality_code=municipality_code, roles=roles, gebied_code=gebied_code)


def area_report_can_write(*, user, municipality_code: str, gebied_code: str) -> bool:
    """The area team of the gebied (or of the whole municipality) and administrators."""
    return _may(user, municipality_code, (Role.AREA_TEAM, Role.ADMINISTRATOR), gebied_code)


def area_report_can_review(*, user, report: AreaReport) -> bool:
    """A second person: the area team of the gebied, an analyst or an administrator, never the author."""
    if not getattr(user, "is_authenticated", False) or report.author_id == user.pk:
        return False
    return _may(user, report.municipality.code, (Role.AREA_TEAM, Role.ANALYST, Role.ADMINISTRATOR), report.gebied_code)


def area_report_can_read(*, user, report: AreaReport) -> bool:
    """Everyone reads a published report; drafts and reports in review only the municipality's staff."""
    if report.is_published:
        return True
    return _may(user, report.municipality.code, (Role.AREA_TEAM, Role.ANALYST, Role.ADMINISTRATOR), report.gebied_code)


def question_can_ask(*, user, report: AreaReport) -> bool:
    """Council members (and administrators) ask, on published reports."""
    return report.is_published and _may(user, report.municipality.code, (Role.COUNCIL, Role.ADMINISTRATOR))


def question_can_answer(*, user, report: AreaReport) -> bool:
    return area_report_can_write(user=user, municipality_code=report.municipality.code, gebied_code=report.gebied_code)


def commitment_can_manage(*, user, municipality_code: str, gebied_code: str) -> bool:
    return area_report_can_write(user=user, municipality_code=municipality_code, gebied_code=gebied_code)


def follow_can(*, user, municipality_code: str) -> bool:
    return bool(accounts.user_roles(user=user, municipality_code=municipality_code))


def area_report_list(*, municipality_code: str, gebied_code: str | None = None, user=None) -> QuerySet[AreaReport]:
    """Reports of a municipality (or one gebied): published ones for everyone, plus drafts and
    reports in review for the staff who may read them."""
    qs = AreaReport.objects.filter(municipality__code=municipality_code).select_related("municipality")
    if gebied_code:
        qs = qs.filter(gebied_code=gebied_code)
    staff_gebieden = accounts.user_gebied_codes(user=user, municipality_code=municipality_code,
                                                roles=(Role.AREA_TEAM, Role.ANALYST, Role.ADMINISTRATOR)) \
        if getattr(user, "is_authenticated", False) else set()
    published = Q(status=ReportStatus.PUBLISHED)
    if staff_gebieden is None:
        return qs
    if staff_gebieden:
        return qs.filter(published | Q(gebied_code__in=staff_gebieden))
    return qs.filter(published)


def area_report_published(*, municipality_code: str | None = None, gebied_code: str | None = None) -> QuerySet[AreaReport]:
    qs = AreaReport.objects.filter(status=ReportStatus.PUBLISHED).select_related("municipality")
    if municipality_code:
        qs = qs.filter(municipality__code=municipality_code)
    if gebied_code:
        qs = qs.filter(gebied_code=gebied_code)
    return qs.order_by("-published_at", "-pk")


def area_report_get(*, pk: int) -> AreaReport:
    return AreaReport.objects.select_related("municipality", "previous").get(pk=pk)


def area_report_latest_published(*, municipality_code: str, gebied_code: str) -> AreaReport | None:
    return area_report_published(municipality_code=municipality_code, gebied_code=gebied_code).first()


def area_report_next_statuses(*, report: AreaReport) -> list[str]:
    return MACHINE.next_states(report.status)


def area_report_events(*, report: AreaReport) -> QuerySet[ReportEvent]:
    return report.events.all()


def question_list(*, report: AreaReport | None = None, municipality_code: str | None = None) -> QuerySet[Question]:
    """Questions on published reports (the public record)."""
    qs = Question.objects.filter(report__status=ReportStatus.PUBLISHED).select_related("report", "report__municipality")
    if report is not None:
        qs = qs.filter(report=report)
    if municipality_code:
        qs = qs.filter(report__municipality__code=municipality_code)
    return qs


def question_get(*, pk: int) -> Question:
    return Question.objects.select_related("report", "report__municipality").get(pk=pk)


def commitment_list(*, municipality_code: str | None = None, gebied_code: str | None = None,
                    open_only: bool = False) -> QuerySet[Commitment]:
    qs = Commitment.objects.select_related("municipality", "report")
    if municipality_code:
        qs = qs.filter(municipality__code=municipality_code)
    if gebied_code:
        qs = qs.filter(gebied_code=gebied_code)
    if open_only:
        qs = qs.filter(status=CommitmentStatus.OPEN)
    return qs


def commitment_get(*, pk: int) -> Commitment:
    return Commitment.objects.select_related("municipality").get(pk=pk)


def follow_list(*, user) -> QuerySet[Follow]:
    if not getattr(user, "is_authenticated", False):
        return Follow.objects.none()
    return Follow.objects.filter(user=user).select_related("municipality")


def follow_exists(*, user, municipality_code: str, gebied_code: str) -> bool:
    return follow_list(user=user).filter(municipality__code=municipality_code, gebied_code=gebied_code).exists()


def notification_list(*, user) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(user=user).select_related("report", "report__municipality")


# --- money in the council's terms: IV3 taakvelden ----------------------------------------------

def line_taakveld(*, line) -> str:
    """The taakveld of one budget line: its own assignment, else its domain's default ("" = none)."""
    assignment = TaakveldAssignment.objects.filter(line_id=line.pk).values_list("taakveld", flat=True).first()
    return taakveld_for(line.domain, assignment)


def line_taakveld_override(*, line) -> str:
    """The taakveld a budget line was classified under by hand ("" = its domain's default)."""
    return TaakveldAssignment.objects.filter(line_id=line.pk).values_list("taakveld", flat=True).first() or ""


def taakveld_totals(*, municipality_code: str, year: int, gebied_code: str | None = None) -> list[dict]:
    """Budget, commitments and spending of the area budgets per taakveld (of one gebied, or all
    gebieden of the municipality), in the order of the IV3 list; "" = not classified."""
    lines = list(budgets.budget_lines(municipality_code=municipality_code, gebied_code=gebied_code, year=year))
    overrides = dict(TaakveldAssignment.objects.filter(line__in=lines).values_list("line_id", "taakveld"))
    by_gebied: dict[str, list] = {}
    for line in lines:
        by_gebied.setdefault(line.gebied_code, []).append(line)
    sums: dict[str, dict[str, Decimal]] = {}
    for gebied in sorted(by_gebied):
        rows, _total = budgets.budget_overview(municipality_code=municipality_code, gebied_code=gebied, year=year)
        for row in rows:
            code = taakveld_for(row.line.domain, overrides.get(row.line.pk))
            s = sums.setdefault(code, {"budget": Decimal("0.00"), "committed": Decimal("0.00"), "spent": Decimal("0.00")})
            s["budget"] += row.balance.budget
            s["committed"] += row.balance.committed
            s["spent"] += row.balance.spent
    return [{"code": code, "name": taakveld_name(code), **s}
            for code, s in sorted(sums.items(), key=lambda kv: taakveld_sort_key(kv[0]))]


@dataclass
class OverviewRow:
    """One gebied in the city-wide overview: its latest published report (or none)."""

    gebied: Area
    report: AreaReport | None
    open_questions: int = 0
    open_commitments: int = 0


def council_overview(*, municipality_code: str) -> list[OverviewRow]:
    """All gebieden of the municipality side by side with their latest published report."""
    latest: dict[str, AreaReport] = {}
    for report in area_report_published(municipality_code=municipality_code):
        latest.setdefault(report.gebied_code, report)
    open_q: dict[str, int] = {}
    for code in question_list(municipality_code=municipality_code).filter(answered_at__isnull=True).values_list(
            "report__gebied_code", flat=True):
        open_q[code] = open_q.get(code, 0) + 1
    open_c: dict[str, int] = {}
    for code in commitment_list(municipality_code=municipality_code, open_only=True).values_list("gebied_code", flat=True):
        open_c[code] = open_c.get(code, 0) + 1
    return [OverviewRow(g, latest.get(g.code), open_q.get(g.code, 0), open_c.get(g.code, 0))
            for g in areas.area_list(municipality_code=municipality_code, level=Level.GEBIED).order_by("code")]
