"""Demo: an ILLUSTRATIVE area budget for gebied W1 (CSA) of Arnhem, last year and this year,
with commitments and payments linked to the CSA goals, one over-committed domain to show the
warning, and three resident initiatives in different states. The amounts are invented for the
demo (marked ``illustrative``); Arnhem's real area budgets are not published per gebied and domain.
Idempotent: reloading replaces this demo content."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from wijksturing.areas.models import Municipality
from wijksturing.budgets import services
from wijksturing.budgets.models import BudgetLine, Entry, Initiative
from wijksturing.budgets.workflow import InitiativeStatus as S
from wijksturing.programmes.selectors import goals_of_area

GEBIED = "W1"
NOTE = "Illustratief demobedrag, niet het echte wijkbudget."
AMOUNTS = {  # domain -> amount per year (illustrative)
    "green": "185000.00", "playgrounds": "60000.00", "safety": "95000.00", "welfare": "240000.00",
    "participation": "80000.00", "sport": "45000.00", "culture": "35000.00",
}
# (domain, kind, amount, month, description, goal theme index or None)
ENTRIES = [
    ("welfare", "commitment", "120000.00", 2, "Ervaringsdeskundige en straatcoaches Spijkerkwartier", 0),
    ("welfare", "spending", "70000.00", 6, "Ervaringsdeskundige en straatcoaches, eerste helft", 0),
    ("welfare", "commitment", "45000.00", 3, "Schuldhulp jongeren: vroegsignalering", 1),
    ("green", "commitment", "150000.00", 1, "Groenonderhoud CSA (regulier)", None),
    ("green", "commitment", "48000.00", 4, "Vergroening versteende straten Spijkerkwartier", 3),
    ("green", "spending", "110000.00", 9, "Groenonderhoud CSA, januari-september", None),
    ("safety", "commitment", "40000.00", 2, "Inzet OZO en buurtpreventie", 0),
    ("participation", "commitment", "25000.00", 3, "Ontmoetingsplekken: huur en beheer", 2),
    ("participation", "spending", "12500.00", 7, "Ontmoetingsplekken, eerste helft", 2),
    ("culture", "commitment", "8000.00", 5, "Buurtfestival Arnhemse Broek", 2),
]


def _goals():
    goals = {}
    for goal in goals_of_area(municipality_code="GM0202", area_code=GEBIED).order_by("theme__order", "order"):
        goals.setdefault(goal.theme.order, goal)
    return goals


@transaction.atomic
def load_demo(*, stdout, offline: bool = False) -> None:
    municipality = Municipality.objects.filter(code="GM0202").first()
    if municipality is None:
        stdout.write("  no budgets: Arnhem (GM0202) is not loaded")
        return
    Initiative.objects.filter(municipality=municipality, gebied_code=GEBIED).delete()
    lines = BudgetLine.objects.filter(municipality=municipality, gebied_code=GEBIED)
    Entry.objects.filter(line__in=lines).delete()
    lines.delete()
    this_year = timezone.localdate().year
    goals = _goals()
    for year in (this_year - 1, this_year):
        for domain, amount in AMOUNTS.items():
            services.budget_line_set(user=None, municipality=municipality, gebied_code=GEBIED, year=year, domain=domain,
                                     amount=Decimal(amount), illustrative=True, note=NOTE)
        for domain, kind, amount, month, description, theme in ENTRIES:
            line = BudgetLine.objects.get(municipality=municipality, gebied_code=GEBIED, year=year, domain=domain)
            number = ENTRIES.index((domain, kind, amount, month, description, theme))
            services.entry_add(user=None, line=line, kind=kind, amount=Decimal(amount), entry_date=date(year, month, 1),
                               description=description, reference=f"DEMO-{year}-{number}",
                               goal=goals.get(theme) if theme is not None else None)
    # over-commitment on green this year (shows the warning)
    green = BudgetLine.objects.get(municipality=municipality, gebied_code=GEBIED, year=this_year, domain="green")
    services.entry_add(user=None, line=green, kind="commitment", amount=Decimal("12500.00"), entry_date=date(this_year, 10, 1),
                       description="Extra boomverzorging na storm", reference=f"DEMO-{this_year}-storm", goal=None)
    _initiatives(municipality, goals)
    stdout.write(f"  budgets: illustrative area budget W1 {this_year - 1}-{this_year}, 3 resident initiatives")


def _initiatives(municipality, goals) -> None:
    common = {"municipality": municipality, "gebied_code": GEBIED, "applicant_name": "Voorbeeld Bewoner",
              "applicant_email": "bewoner@example.org"}
    meeting = goals.get(2)
    fest = services.initiative_submit(title="Buurtmaaltijd in de Spijkerstraat", location="Spijkerstraat, Spijkerkwartier",
                                      description="Eens per maand koken buurtbewoners samen voor wie wil aanschuiven.",
                                      amount=Decimal("1450.00"), **common)
    services.initiative_transition(user=None, initiative=fest, to=S.ASSESSING)
    services.initiative_transition(
        user=None, initiative=fest, to=S.APPROVED, amount_granted=Decimal("1200.00"), goal=meeting,
        decision_reason="Past bij 'Ontmoeten in de wijk versterken'; bijdrage voor boodschappen, niet voor inventaris.",
        assessment={
            "residents": True, "for_the_area": True, "fits_programme": True, "reasonable_cost": True, "not_commercial": True,
        },
    )
    services.initiative_transition(user=None, initiative=fest, to=S.PAID, note="Uitbetaald op de rekening van de bewonersgroep.")
    geveltuin = services.initiative_submit(title="Geveltuinen Arnhemse Broek", location="Arnhemse Broek",
                                           description="Bewoners leggen samen twintig geveltuinen aan.",
                                           amount=Decimal("2800.00"), domain="green", **common)
    services.initiative_transition(user=None, initiative=geveltuin, to=S.ASSESSING)
    services.initiative_submit(title="Filmavond op het plein", location="Centrum",
                               description="Een openluchtfilm voor de buurt.", amount=Decimal("950.00"), domain="culture",
                               **common)
