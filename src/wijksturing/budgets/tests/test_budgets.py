"""Budget lines, entries, the CSV import, the budget page and API, and permissions."""

from datetime import date
from decimal import Decimal
from functools import partial

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wijksturing.accounts.models import Role
from wijksturing.budgets import selectors, services
from wijksturing.budgets.importers import BudgetImportError, import_entries
from wijksturing.budgets.models import Entry
from wijksturing.budgets.tests.factories import budget_line
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db


_line = partial(budget_line, year=2025)


def test_overview_per_domain_with_over_commitment():
    green, sport = _line("green", "1000.00"), _line("sport", "500.00")
    add = partial(services.entry_add, user=None)
    add(line=green, kind="commitment", amount=Decimal("900.00"), entry_date=date(2025, 1, 2), description="a")
    add(line=green, kind="commitment", amount=Decimal("100.01"), entry_date=date(2025, 2, 2), description="b")
    add(line=sport, kind="spending", amount=Decimal("0.10"), entry_date=date(2025, 2, 2), description="c")
    rows, total = selectors.budget_overview(municipality_code=f.MUN, gebied_code="W1", year=2025)
    by_domain = {r.line.domain: r.balance for r in rows}
    assert by_domain["green"].warnings == ("over_committed",)
    assert by_domain["green"].remaining == Decimal("-0.01")
    assert by_domain["sport"].warnings == ("uncommitted_spending",)
    assert total.remaining == Decimal("499.89")


def test_entry_validation_names_the_field():
    line = _line()
    with pytest.raises(ValidationError) as err:
        services.entry_add(user=None, line=line, kind="loan", amount=Decimal(1), entry_date=date(2025, 1, 1), description="x")
    assert "kind" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.entry_add(user=None, line=line, kind="spending", amount=Decimal(-1), entry_date=date(2025, 1, 1),
                           description="x")
    assert "amount" in err.value.message_dict


def test_area_team_changes_only_its_own_budget():
    w1, w2 = _line(gebied="W1"), _line(gebied="W2")
    team = f.area_team()
    services.entry_add(user=team, line=w1, kind="commitment", amount=Decimal(1), entry_date=date(2025, 1, 1), description="x")
    with pytest.raises(PermissionDenied):
        services.entry_add(user=team, line=w2, kind="commitment", amount=Decimal(1), entry_date=date(2025, 1, 1), description="x")
    with pytest.raises(PermissionDenied):
        services.budget_line_set(user=f.user("raad", Role.COUNCIL), municipality=f.municipality(), gebied_code="W1",
                                 year=2025, domain="green", amount=Decimal(1))


CSV = """gebied;year;domain;kind;amount;date;description;reference
W1;2025;green;verplichting;1.234,56;2025-03-01;Bomen;F-1
W1;2025;green;besteding;1000.00;2025-04-01;Bomen (deel);F-2
"""


def test_csv_import_is_exact_and_idempotent():
    line = _line("green", "5000.00")
    summary = import_entries(municipality=f.municipality(), data=CSV.encode(), filename="fin.csv")
    assert (summary.added, summary.skipped) == (2, 0)
    balance = selectors.line_balance(line=line)
    assert (balance.committed, balance.spent) == (Decimal("1234.56"), Decimal("1000.00"))
    again = import_entries(municipality=f.municipality(), data=CSV.encode(), filename="fin.csv")
    assert (again.added, again.skipped) == (0, 2)


@pytest.mark.parametrize("bad, column", [
    ("W1;2025;green;verplichting;twaalf;2025-03-01;x;F-9", "amount"),
    ("W1;2025;parks;verplichting;1;2025-03-01;x;F-9", "domain"),
    ("W1;2025;green;lening;1;2025-03-01;x;F-9", "kind"),
    ("W1;2025;green;verplichting;1;01-03-2025;x;F-9", "date"),
    ("W1;2031;green;verplichting;1;2031-03-01;x;F-9", "domain"),  # no budget that year
])
def test_bad_row_names_file_row_column_and_imports_nothing(bad, column):
    _line("green", "5000.00")
    with pytest.raises(BudgetImportError) as err:
        import_entries(municipality=f.municipality(), data=(CSV + bad + "\n").encode(), filename="fin.csv")
    assert (err.value.file, err.value.row, err.value.column) == ("fin.csv", 4, column)
    assert str(err.value).startswith(f"fin.csv: rij 4: kolom '{column}': ")  # Dutch, like the page
    assert not Entry.objects.exists()


def test_import_refuses_another_gebied_for_the_team():
    _line("green", "5000.00", gebied="W2")
    data = CSV.replace("W1;", "W2;").encode()
    with pytest.raises(BudgetImportError) as err:
        import_entries(municipality=f.municipality(), data=data, filename="fin.csv", user=f.area_team())
    assert err.value.column == "gebied"


def test_budget_page_and_api(client):
    green = _line("green", "1000.00")
    services.entry_add(user=None, line=green, kind="commitment", amount=Decimal("1500.00"), entry_date=date(2025, 1, 2),
                       description="Snoeien")
    page = client.get(f"/gemeente/{f.MUN}/gebied/W1/budget/?jaar=2025")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Snoeien" in html
    assert "Er is meer toegezegd dan het budget" in html  # the page is Dutch by default
    assert "More is committed than the budget" not in html
    data = client.get(f"/api/v1/budgets/?municipality={f.MUN}&gebied=W1&year=2025").json()
    assert data["lines"][0]["balance"]["remaining"] == "-500.00"
    assert data["lines"][0]["balance"]["warnings"] == ["over_committed"]
    error = client.get("/api/v1/budgets/?gebied=W1")
    assert error.status_code == 400 and error.json()["errors"][0]["field"] == "municipality"


def test_import_errors_read_in_dutch():
    """The import page is Dutch: no English wording of the error, amount errors included."""
    _line("green", "5000.00")
    for bad, dutch in [("W1;2025;green;verplichting;twaalf;2025-03-01;x;F-9", "Vul een bedrag in euro in"),
                       ("W1;2025;green;lening;1;2025-03-01;x;F-9", "onbekende soort 'lening'")]:
        with pytest.raises(BudgetImportError) as err:
            import_entries(municipality=f.municipality(), data=(CSV + bad + "\n").encode(), filename="fin.csv")
        assert dutch in str(err.value), str(err.value)
