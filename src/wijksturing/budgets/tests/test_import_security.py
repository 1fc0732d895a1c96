"""Issue 16: the budget import refuses amounts the database cannot hold and negative spending
(they were stored on SQLite and broke 18 pages), says what a Latin-1, binary or Excel file is
instead of answering 500, and its form opens only for roles that can use it."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from wijksturing.accounts.models import Role
from wijksturing.budgets import services
from wijksturing.budgets.importers import BudgetImportError, import_entries
from wijksturing.budgets.models import Entry
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db
HEADER = "gebied;year;domain;kind;amount;date;description;reference\n"


@pytest.fixture(autouse=True)
def line():
    return services.budget_line_set(user=None, municipality=f.municipality(), gebied_code="W1", year=2025,
                                    domain="green", amount=Decimal("5000.00"))


def run(data: bytes):
    return import_entries(municipality=f.municipality(), data=data, filename="fin.csv")


@pytest.mark.parametrize("amount", ["999999999999999999", "1000000000000", "-5", "-1.234,56", "0"])
def test_amounts_out_of_range_are_refused_with_row_and_column(amount):
    data = (HEADER + f"W1;2025;green;besteding;1,00;2025-03-01;ok;F-1\nW1;2025;green;besteding;{amount};2025-03-01;x;F-2\n")
    with pytest.raises(BudgetImportError) as err:
        run(data.encode())
    assert (err.value.row, err.value.column) == (3, "amount")
    assert not Entry.objects.exists()


def test_the_largest_storable_amount_is_accepted():
    run((HEADER + "W1;2025;green;verplichting;999999999999.99;2025-03-01;x;F-1\n").encode())
    assert Entry.objects.get().amount == Decimal("999999999999.99")


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active.append(HEADER.strip().split(";"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("data", "needle"), [
    ((HEADER + "W1;2025;green;besteding;12;2025-03-01;Café Zuid;F-1\n").encode("latin-1"), "UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binaire gegevens"),
    (None, "Excel"),
    ((HEADER + "W1;2025;green;besteding;12;2025-03-01;\"open quote\x00;F-1\n").encode(), "CSV"),
])
def test_files_that_are_not_utf8_csv_are_refused_clearly(data, needle):
    with pytest.raises(BudgetImportError) as err:
        run(xlsx_bytes() if data is None else data)
    assert needle in str(err.value) and str(err.value).startswith("fin.csv")
    assert not Entry.objects.exists()


def test_the_latin1_error_names_the_row():
    data = (HEADER + "W1;2025;green;besteding;12;2025-03-01;Bomen;F-1\nW1;2025;green;besteding;12;2025-03-01;Café;F-2\n")
    with pytest.raises(BudgetImportError) as err:
        run(data.encode("latin-1"))
    assert err.value.row == 3


@pytest.mark.parametrize(("role", "status"), [(Role.COUNCIL, 403), (Role.ANALYST, 403), (Role.AREA_TEAM, 200)])
def test_the_import_form_opens_only_for_roles_that_can_use_it(client, role, status):
    user = f.area_team() if role == Role.AREA_TEAM else f.user(f"u-{role}", role)
    client.force_login(user)
    assert client.get(f"/gemeente/{f.MUN}/budget/importeren/").status_code == status


def test_the_import_view_answers_with_the_error_not_500(client):
    client.force_login(f.area_team())
    upload = io.BytesIO(xlsx_bytes())
    upload.name = "begroting.xlsx"
    page = client.post(f"/gemeente/{f.MUN}/budget/importeren/", {"file": upload})
    assert page.status_code == 200 and "Excel" in page.content.decode()
