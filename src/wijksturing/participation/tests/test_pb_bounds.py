"""Issue 16 (low): pb_import answers a budget or cost the database cannot hold (10^40) with an
error naming the file and the field, not a traceback, and imports nothing."""

import pytest
from django.core.management import CommandError, call_command

from wijksturing.participation.models import Round

PB = """META
key;value
budget;{budget}
vote_type;approval
PROJECTS
project_id;cost;name
1;{cost};Bankjes
VOTES
voter_id;vote
a;1
"""


@pytest.mark.parametrize(("budget", "cost", "needle"), [
    ("1e40", "600", "budget"),
    ("10000000000000000000000000000000000000000", "600", "budget"),
    ("1000", "1e39", "cost"),
    ("1000000000000", "600", "budget"),
])
def test_out_of_range_money_is_an_error_not_a_traceback(arnhem, tmp_path, budget, cost, needle):
    path = tmp_path / "groot.pb"
    path.write_text(PB.format(budget=budget, cost=cost))
    with pytest.raises(CommandError) as err:
        call_command("pb_import", str(path), "--municipality", "GM0202", "--area", "W1")
    assert "groot.pb" in str(err.value) and needle in str(err.value)
    assert not Round.objects.exists()
