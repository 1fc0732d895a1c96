"""Amounts are read the way a Dutch user types them, or refused; never stored as another
amount (issue 14). And the assessment form decides nothing by itself."""

import re
from decimal import Decimal
from functools import partial

import pytest

from wijksturing.budgets import services
from wijksturing.budgets.forms import AmountField, TransitionForm
from wijksturing.budgets.importers import BudgetImportError, import_entries
from wijksturing.budgets.models import Entry, Initiative
from wijksturing.budgets.tests.factories import budget_line, submitted_initiative
from wijksturing.budgets.workflow import InitiativeStatus as S
from wijksturing.programmes.tests import factories as f

pytestmark = pytest.mark.django_db
APPLY = f"/gemeente/{f.MUN}/gebied/W1/initiatieven/aanvragen/"


def _apply(client, amount: str):
    return client.post(APPLY, {"title": "Bankje", "description": "Een bankje", "location": "Speeltuin", "amount": amount,
                               "applicant_name": "Piet", "applicant_email": "piet@example.org"})


@pytest.mark.parametrize(("typed", "stored"), [
    ("1250,50", Decimal("1250.50")),   # was stored as 125.050,00
    ("1.250,50", Decimal("1250.50")),  # was refused
    ("€ 1.250", Decimal("1250.00")),
    ("1250.50", Decimal("1250.50")),
    ("1.234", Decimal("1234.00")),
])
def test_initiative_cost_is_stored_as_typed(client, typed, stored):
    f.municipality()
    response = _apply(client, typed)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Initiative.objects.get(title="Bankje").amount_requested == stored


@pytest.mark.parametrize("typed", ["1,234", "12,505", "twaalf", "1.2.3"])
def test_initiative_cost_that_is_not_one_amount_is_refused(client, typed):
    f.municipality()
    response = _apply(client, typed)
    assert response.status_code == 200
    assert not Initiative.objects.exists()
    assert 'id="id_amount_error"' in response.content.decode() or "errorlist" in response.content.decode()


def test_an_ambiguous_amount_says_both_readings_in_dutch(client):
    f.municipality()
    html = _apply(client, "1,234").content.decode()
    assert "We kunnen niet zien welk bedrag u bedoelt" in html
    assert "€ 1.234" in html


def test_booking_form_reads_a_dutch_amount(client):
    f.municipality()
    line = services.budget_line_set(user=None, municipality=f.municipality(), gebied_code="W1", year=2025,
                                    domain="green", amount=Decimal("5000.00"))
    client.force_login(f.area_team())
    response = client.post(f"/gemeente/{f.MUN}/gebied/W1/budget/boeking/", {
        "domain": "green", "kind": "commitment", "amount": "1250,50", "date": "2025-03-01", "description": "Bomen"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Entry.objects.get(line=line).amount == Decimal("1250.50")


def test_amount_field_shows_an_amount_that_reads_back():
    field = AmountField()
    shown = field.widget.format_value(Decimal("1250.50"))
    assert shown == "1.250,50"
    assert field.clean(shown) == Decimal("1250.50")


_line = partial(budget_line, "green", "50000.00", year=2025)


def test_csv_import_reads_dutch_thousands():
    line = _line()
    csv = ("gebied;year;domain;kind;amount;date;description;reference\n"
           "W1;2025;green;verplichting;1.234;2025-03-01;Bomen;F-1\n"  # was stored as 1,23
           "W1;2025;green;besteding;€ 1.000,50;2025-04-01;Bomen;F-2\n")
    import_entries(municipality=f.municipality(), data=csv.encode(), filename="fin.csv")
    amounts = dict(Entry.objects.filter(line=line).values_list("reference", "amount"))
    assert amounts == {"F-1": Decimal("1234.00"), "F-2": Decimal("1000.50")}


def test_csv_import_refuses_an_ambiguous_amount():
    _line()
    csv = ("gebied;year;domain;kind;amount;date;description;reference\n"
           "W1;2025;green;verplichting;12,50;2025-03-01;Bomen;F-1\n"
           "W1;2025;green;verplichting;1,234;2025-03-01;Bomen;F-2\n")
    with pytest.raises(BudgetImportError) as error:
        import_entries(municipality=f.municipality(), data=csv.encode(), filename="fin.csv")
    assert (error.value.row, error.value.column) == (3, "amount")
    assert not Entry.objects.exists()


# --- the assessment form ------------------------------------------------------------------


def _submitted():
    budget_line("participation", "5000.00")
    return submitted_initiative(applicant_name="Jan")


def test_assessment_form_preselects_no_decision(client):
    initiative = _submitted()
    client.force_login(f.area_team())
    html = client.get(f"/initiatieven/{initiative.pk}/").content.decode()
    radios = re.findall(r'<input type="radio" name="to"[^>]*>', html)
    assert sorted(re.search(r'value="(\w+)"', r).group(1) for r in radios) == ["assessing", "withdrawn"]
    assert not any("checked" in r for r in radios)
    assert "<select" not in html.split("</h2>", 2)[-1].split("<h2>", 1)[0] or "selected" not in html


def test_saving_the_assessment_form_without_a_choice_changes_nothing(client):
    initiative = _submitted()
    client.force_login(f.area_team())
    response = client.post(f"/initiatieven/{initiative.pk}/", {"note": ""})
    assert response.status_code == 200
    assert "Kies de volgende stap." in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.status == S.SUBMITTED


def test_transition_form_offers_the_next_steps_in_workflow_order():
    form = TransitionForm(next_statuses={S.WITHDRAWN, S.ASSESSING})
    assert [value for value, _label in form.fields["to"].choices] == [S.ASSESSING, S.WITHDRAWN]
    assert form.fields["to"].initial is None and not form.initial.get("to")


def test_arithmetic_reads_strings_with_the_one_parser():
    from wijksturing.budgets.arithmetic import money

    assert money("1.234,56") == Decimal("1234.56")  # was InvalidOperation
    assert money("99.995") == Decimal("100.00")  # machine notation, rounded half up
    with pytest.raises(ValueError):
        money("1.2.3")
