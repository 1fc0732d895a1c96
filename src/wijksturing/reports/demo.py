"""Demo: two published gebiedsrapportages of Arnhem W1 (Centrum, Spijkerkwartier en Arnhemse
Broek), the second showing what changed since the first; a council question answered on the
record; two commitments to the council; the council member follows W1.

Between the two reports the demo changes two things, as a real half-year would: the council
adds € 2.500 to the welfare budget of this year (illustrative, like the whole demo budget) and
the area team records one goal as "at risk". Needs the demo users (DEBUG on): ``gebiedsteam``
drafts, ``analist`` reviews (four eyes), ``raad`` asks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from wijksturing.accounts.models import User
from wijksturing.areas import selectors as areas
from wijksturing.budgets import selectors as budgets
from wijksturing.budgets import services as budget_services
from wijksturing.programmes import selectors as programmes
from wijksturing.programmes import services as programme_services
from wijksturing.reports import services
from wijksturing.reports.models import AreaReport, Commitment, Follow, Notification
from wijksturing.reports.workflow import ReportStatus

MUNICIPALITY, GEBIED = "GM0202", "W1"
EXTRA_NOTE = "Demo: € 2.500 extra uit de voorjaarsnota (illustratief)"
EXTRA = Decimal("2500.00")


def _clear(municipality) -> None:
    Commitment.objects.filter(municipality=municipality, gebied_code=GEBIED).delete()
    for report in AreaReport.objects.filter(municipality=municipality, gebied_code=GEBIED).order_by("-period_start"):
        Notification.objects.filter(report=report).delete()
        report.delete()  # its questions and (append-only) status history go with it


def _publish(author, reviewer, area, period: str, introduction: str) -> AreaReport:
    report = services.area_report_create(user=author, area=area, period=period, introduction=introduction)
    services.area_report_transition(user=author, report=report, to_status=ReportStatus.IN_REVIEW)
    return services.area_report_transition(user=reviewer, report=report, to_status=ReportStatus.PUBLISHED)


def load_demo(*, stdout, offline: bool = False) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["gebiedsteam", "analist", "raad"])}
    if len(users) < 3:
        stdout.write("  no area reports: the demo users are missing (DEBUG is off)")
        return
    try:
        area = areas.gebied_get(municipality_code=MUNICIPALITY, code=GEBIED)
    except Exception:  # noqa: BLE001 — no Arnhem in this demo
        stdout.write("  no area reports: gebied W1 of Arnhem is missing")
        return
    municipality = area.layout.municipality
    _clear(municipality)
    year = timezone.localdate().year
    author, reviewer, council = users["gebiedsteam"], users["analist"], users["raad"]
    Follow.objects.filter(user=council, municipality=municipality, gebied_code=GEBIED).delete()  # raad follows W1 itself

    # undo the change of an earlier run, so the first report shows the budget as the budgets demo set it
    welfare = budgets.budget_lines(municipality_code=MUNICIPALITY, gebied_code=GEBIED, year=year).filter(
        domain="welfare").first()
    if welfare is not None and welfare.note == EXTRA_NOTE:
        welfare = budget_services.budget_line_set(user=None, municipality=municipality, gebied_code=GEBIED, year=year,
                                                  domain="welfare", amount=welfare.amount - EXTRA,
                                                  illustrative=True, note="")
    summary = programmes.programme_summary(municipality_code=MUNICIPALITY, area_code=GEBIED)
    goal = next((g for g in (summary.goals if summary else []) if g.progress.source != "indicator"), None)
    if goal is not None and goal.recorded_status:
        programme_services.object_update(user=None, obj=goal, recorded_status="")

    first = _publish(author, reviewer, area, f"{year}-H1",
                     "Eerste halfjaarrapportage van het gebiedsteam CSA voor de raad (demo).")

    # what happens in half a year: more money for welfare, one goal at risk
    if welfare is not None:
        budget_services.budget_line_set(user=None, municipality=municipality, gebied_code=GEBIED, year=year,
                                        domain="welfare", amount=welfare.amount + EXTRA, illustrative=True,
                                        note=EXTRA_NOTE)
    if goal is not None:
        programme_services.object_update(user=None, obj=goal, recorded_status="at_risk")
    second = _publish(author, reviewer, area, f"{year}-H2",
                      "Tweede halfjaarrapportage: extra budget voor welzijn, één doel loopt risico (demo).")

    question = services.question_ask(
        user=council, report=second,
        text="Waarom loopt het doel risico, en wat doet het gebiedsteam met het extra welzijnsbudget?")
    services.question_answer(
        user=author, question=question,
        answer="Het doel loopt risico omdat een partner is gestopt; het extra budget gaat naar een nieuwe "
               "ontmoetingsplek in het Spijkerkwartier. De raad krijgt voor 1 maart een notitie (demo).")
    services.commitment_create(user=author, municipality=municipality, gebied_code=GEBIED, report=second,
                               question=question, text="Notitie aan de raad over de nieuwe ontmoetingsplek.",
                               owner="Gebiedsmanager CSA", due_date=dt.date(year + 1, 3, 1))
    done = services.commitment_create(user=author, municipality=municipality, gebied_code=GEBIED, report=first,
                                      text="Overzicht van de speelplekken en hun onderhoud.",
                                      owner="Gebiedsteam CSA", due_date=dt.date(year, 9, 1))
    services.commitment_complete(user=author, commitment=done, note="Overzicht gedeeld in de commissie (demo).",
                                 done_on=dt.date(year, 8, 28))
    stdout.write(f"  area reports: W1 {first.period} and {second.period} published "
                 f"({len(second.changes.get('budget', []))} budget shift(s), {len(second.changes.get('goals', []))} goal(s) "
                 f"changed), 1 council question answered, 2 commitments")
