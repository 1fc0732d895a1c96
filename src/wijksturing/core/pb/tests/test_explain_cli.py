"""Explanations (structured + Dutch/English sentences) and the ``pb count`` command line."""

from __future__ import annotations

import io
import subprocess
import sys
from fractions import Fraction

from wijksturing.core.pb import count, read_pabulib, render
from wijksturing.core.pb.cli import main
from wijksturing.core.pb.model import Ballot, Election, Project

from .conftest import ASSEN, KRAKOW, shared_file

SMALL = Election(
    budget=10,
    projects=[
        Project(id="a", cost=6, name="Bankjes"),
        Project(id="b", cost=6, name="Bomen"),
        Project(id="c", cost=3),
    ],
    ballots=[
        Ballot(voter_id="1", projects=("a", "b")),
        Ballot(voter_id="2", projects=("a",)),
        Ballot(voter_id="3", projects=("b", "c")),
    ],
)


def test_greedy_explanation() -> None:
    x = count(SMALL, "greedy").explanation
    a, b, c = (x.project(i) for i in "abc")
    assert (a.selected, a.reason, a.rank, a.remaining_before) == (True, "fits", 1, 10)
    assert (b.selected, b.reason, b.remaining_before) == (False, "does_not_fit", 4)
    assert (c.selected, c.reason) == (True, "fits")
    nl = render(x, "nl")
    assert "Bankjes (project a) kreeg 2 stemmen en paste nog in het budget dat over was (€ 10)." in nl
    assert "Bomen (project b) kreeg 2 stemmen maar paste niet meer: er was nog € 4 over en het kost € 6." in nl
    assert render(x, "en")[-1] == "Spent: € 9 of € 10; left: € 1."


def test_mes_explanation_shares() -> None:
    x = count(SMALL, "mes", detail=True).explanation
    a = x.project("a")
    assert a.reason == "shared" and a.full_share == 3 and a.paying_share == 2
    assert dict(a.shares) == {"1": 3, "2": 3}
    rejected = [p for p in x.projects if not p.selected]
    assert all(p.reason == "not_affordable" and p.supporters_money < p.cost for p in rejected)
    en = render(x, "en")
    assert "Bankjes (project a) costs € 6. 2 voters shared the cost: each paid € 3." in en
    assert any("was not chosen: its voters had" in line for line in en)


def test_assen_explanation_adds_up() -> None:
    x = count(read_pabulib(shared_file(ASSEN)), "mes-add1", detail=True).explanation
    for p in x.projects:
        if p.selected:
            assert sum(s for _, s in p.shares) == p.cost
            assert p.full_share * p.paying_share + p.paid_by_all_payers == p.cost
    assert x.increments > 0 and x.budget_per_voter > x.budget / 84
    assert any("hadden minder over en betaalden alles" in line for line in render(x, "nl"))


def test_points_wording_and_currency() -> None:
    lines = render(count(read_pabulib(shared_file(KRAKOW)), "greedy").explanation, "nl")
    assert "kreeg 888 punten" in lines[0] and "PLN" in lines[0]


def test_every_reason_renders() -> None:
    from wijksturing.core.pb.explain import ProjectExplanation, render_project

    reasons = [
        "fits",
        "does_not_fit",
        "shared",
        "not_affordable",
        "cap",
        "no_votes",
        "free",
        "not_counted",
    ]
    for reason in reasons:
        p = ProjectExplanation(
            project_id="7",
            name="",
            cost=5,
            votes=1,
            selected=False,
            reason=reason,
            remaining_before=3,
            cap="area:Noord",
            price_per_point=Fraction(1, 3),
            paying_all=1,
            paid_by_all_payers=Fraction(2),
            supporters_money=Fraction(7, 2),
        )
        assert render_project(p, "nl").startswith("Project 7")
        assert render_project(p, "en", "PLN", "points").startswith("Project 7")
    fits = ProjectExplanation(project_id="7", name="", cost=5, votes=1, selected=True, reason="fits", remaining_before=9)
    assert "kreeg 1 stem en" in render_project(fits, "nl")


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_count_prints_ids_in_pabutools_order() -> None:
    code, out, err = run_cli("count", str(shared_file(ASSEN)), "--rule", "mes-add1")
    assert code == 0
    assert out.split() == [
        "11",
        "12",
        "13",
        "14",
        "2",
        "3",
        "5",
        "6",
        "9",
    ]  # string order, like pabutools
    assert "spent € 76,700 of budget € 100,000" in err and "mes-add1" in err and "reference" in err
    code, out, _ = run_cli(
        "pb",
        "count",
        str(shared_file(ASSEN)),
        "--rule",
        "greedy",
        "--order",
        "natural",
        "--tie-break",
        "equalshares",
    )
    assert code == 0 and out.split() == ["2", "3", "8", "9", "11", "13", "14"]


def test_cli_explain_and_bad_input(tmp_path) -> None:
    code, _, err = run_cli("count", str(shared_file(ASSEN)), "--rule", "mes", "--explain", "en")
    assert code == 0 and "shared the cost" in err
    assert run_cli("count", str(tmp_path / "none.pb"), "--rule", "mes")[0] == 2
    code, _, err = run_cli("count", str(shared_file(ASSEN)), "--rule", "random")
    assert code == 2 and "invalid choice" in err
    bad = tmp_path / "bad.pb"
    bad.write_text("META\nkey;value\nbudget;x\nvote_type;approval\n")
    code, out, err = run_cli("count", str(bad), "--rule", "greedy")
    assert code == 2 and out == "" and "bad.pb" in err and "budget" in err
    assert run_cli("count")[0] == 2
    assert run_cli("--help")[0] == 0


def test_core_never_imports_django() -> None:
    code = (
        "import sys; import wijksturing.core.pb, wijksturing.core.pb.cli, wijksturing.core.pb.rules;"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
