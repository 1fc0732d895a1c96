"""Issue 16 (low): ``pb count`` on hostile or broken .pb files answers quickly with an error and
exit status 2: no hang on ``budget;1e100000000``, no traceback on ``1e100000``, a truncated file
is an error (not 0 projects with exit 0), negative points are refused."""

import io

import pytest

from wijksturing.core.pb.cli import main
from wijksturing.core.pb.pabulib import PabulibError, loads, parse_number

GOOD = """META
key;value
budget;1000
vote_type;approval
num_projects;2
num_votes;2
PROJECTS
project_id;cost;name
1;600;Bankjes
2;500;Bomen
VOTES
voter_id;vote
a;1
b;1,2
"""


def run(tmp_path, text):
    path = tmp_path / "x.pb"
    path.write_text(text)
    out, err = io.StringIO(), io.StringIO()
    return main(["count", str(path), "--rule", "greedy"], stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_the_good_file_counts(tmp_path):
    status, out, _err = run(tmp_path, GOOD)
    assert status == 0 and out.split() == ["1"]


@pytest.mark.parametrize(("change", "needle"), [
    (("budget;1000", "budget;1e100000000"), "budget"),
    (("budget;1000", "budget;1e100000"), "budget"),
    (("budget;1000", "budget;" + "9" * 500), "budget"),
    (("budget;1000", "budget;-5"), "negative"),
    (("1;600;Bankjes", "1;1e99999;Bankjes"), "cost"),
    (("1;600;Bankjes", "1;-600;Bankjes"), "negative"),
])
def test_hostile_numbers_are_refused_quickly(tmp_path, change, needle):
    status, out, err = run(tmp_path, GOOD.replace(*change))
    assert status == 2 and out == "" and needle in err and "Traceback" not in err


@pytest.mark.parametrize("cut", [GOOD.index("PROJECTS"), GOOD.index("2;500"), GOOD.index("b;1,2")])
def test_a_truncated_file_is_an_error(tmp_path, cut):
    status, out, err = run(tmp_path, GOOD[:cut])
    assert status == 2 and out == "" and "truncated" in err


def test_a_file_without_projects_is_an_error_even_without_num_projects():
    with pytest.raises(PabulibError, match="no projects"):
        loads("META\nkey;value\nbudget;10\nvote_type;approval\n")


def test_negative_points_are_refused():
    text = GOOD.replace("approval", "cumulative").replace("voter_id;vote", "voter_id;vote;points") \
        .replace("a;1\n", "a;1;-3\n").replace("b;1,2\n", "b;1,2;1,1\n")
    with pytest.raises(PabulibError, match="negative points"):
        loads(text)


@pytest.mark.parametrize("text", ["1e41", "1" * 41, "1/" + "3" * 41, "1e-41", "abc", "1e", "--1", "nan", "inf"])
def test_parse_number_bounds(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("text", "value"), [("7200", 7200), ("12,50", 12.5), ("1e6", 10**6), ("5/2", 2.5), ("-3", -3)])
def test_parse_number_still_reads_real_numbers(text, value):
    assert parse_number(text) == value
