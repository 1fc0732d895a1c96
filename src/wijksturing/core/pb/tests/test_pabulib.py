"""Reading and writing .pb files: real files, round trips and clear errors (file, line, field)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings

from wijksturing.core.pb import (
    Election,
    PabulibError,
    dumps_pabulib,
    loads_pabulib,
    read_pabulib,
    write_pabulib,
)

from .conftest import ASSEN, CZESTOCHOWA, FILES, KRAKOW, shared_file
from .strategies import elections

GOOD = (
    "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n"
    "1;60;A\n2;50;B\nVOTES\nvoter_id;vote\nv1;1\nv2;1,2\n"
)


def test_reads_the_three_ballot_types() -> None:
    assen = read_pabulib(shared_file(ASSEN))
    assert (assen.vote_type, assen.budget, len(assen.projects), len(assen.ballots)) == (
        "approval",
        100_000,
        14,
        84,
    )
    assert assen.project("3").extra["selected"] == "1" and assen.project("3").name == "PopUp Podium"
    cz = read_pabulib(shared_file(CZESTOCHOWA))
    first = next(b for b in cz.ballots if b.voter_id == "376")
    assert cz.vote_type == "cumulative" and first.projects == ("261", "532") and first.points == (5, 5)
    kr = read_pabulib(shared_file(KRAKOW))
    assert kr.vote_type == "ordinal" and all(len(b.projects) == 3 for b in kr.ballots)
    assert kr.project("1").name == '"Trejaż w Kantorowicach"'  # CSV-quoted quotes


@pytest.mark.parametrize("name", FILES)
def test_round_trip_real_files(name: str, tmp_path) -> None:
    original = read_pabulib(shared_file(name))
    write_pabulib(original, tmp_path / name)
    assert read_pabulib(tmp_path / name) == original
    assert dumps_pabulib(loads_pabulib(dumps_pabulib(original))) == dumps_pabulib(original)


@settings(max_examples=60, deadline=None)
@given(elections())
def test_round_trip_any_election(e: Election) -> None:
    again = loads_pabulib(dumps_pabulib(e))
    assert again.replace(meta={}) == e.replace(meta={})


def test_decimal_comma_fraction_and_weights() -> None:
    text = GOOD.replace("1;60;A", "1;60,5;A").replace("voter_id;vote\nv1;1\nv2;1,2", "voter_id;vote;weight\nv1;1;2\nv2;1,2;1/2")
    e = loads_pabulib(text)
    assert e.project("1").cost == Fraction(121, 2)
    assert [b.weight for b in e.ballots] == [2, Fraction(1, 2)]
    assert loads_pabulib(dumps_pabulib(e)).replace(meta={}) == e.replace(meta={})


def test_categories_area_none_and_missing_fields() -> None:
    text = GOOD.replace(
        "project_id;cost;name\n1;60;A\n2;50;B",
        "project_id;cost;name;category;area;selected\n1;60;A;groen,verkeer;Noord;1\n2;50;B;none;;none",
    )
    e = loads_pabulib(text)
    assert e.project("1").categories == ("groen", "verkeer") and e.project("1").area == "Noord"
    assert e.project("2").categories == () and e.project("2").area is None and e.project("2").extra == {}
    assert loads_pabulib(dumps_pabulib(e)).replace(meta={}) == e.replace(meta={})


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (GOOD.replace("budget;100", "budget;veel"), None, "budget", "not a number"),
        (GOOD.replace("budget;100\n", ""), None, "budget", "no 'budget'"),
        (
            GOOD.replace("vote_type;approval", "vote_type;lottery"),
            None,
            "vote_type",
            "unknown vote_type",
        ),
        (GOOD.replace("v2;1,2", "v2;1,9"), 12, "vote", "unknown project '9'"),
        (GOOD.replace("v2;1,2", "v2;1,1"), 12, "vote", "twice"),
        (GOOD.replace("v2;1,2", "v1;2"), 12, "voter_id", "appears twice"),
        (GOOD.replace("2;50;B", "2;;B"), 8, "cost", "no cost"),
        (GOOD.replace("2;50;B", "2;fifty;B"), 8, "cost", "project 2"),
        (GOOD.replace("2;50;B", "2;-5;B"), 8, "cost", "negative"),
        (GOOD.replace("2;50;B", "1;50;B"), 8, "project_id", "appears twice"),
        (GOOD.replace("v2;1,2", "v2;1,2;x"), 12, None, "3 fields but the header has 2"),
        (
            GOOD.replace("vote_type;approval", "vote_type;cumulative").replace(
                "voter_id;vote\nv1;1\nv2;1,2", "voter_id;vote;points\nv1;1;3\nv2;1,2;4"
            ),
            12,
            "points",
            "2 projects but 1 points",
        ),
        ("hello\n", 1, None, "META, PROJECTS or VOTES"),
    ],
)
def test_errors_name_file_line_and_field(text, line, field, words) -> None:
    with pytest.raises(PabulibError) as info:
        loads_pabulib(text, file="bad.pb")
    err = info.value
    assert (err.file, err.line, err.field) == ("bad.pb", line, field)
    message = str(err)
    assert message.startswith("bad.pb") and words in message
    if line:
        assert f"line {line}" in message
    if field:
        assert f"field '{field}'" in message


def test_missing_file_is_a_pabulib_error(tmp_path) -> None:
    with pytest.raises(PabulibError, match="cannot read file"):
        read_pabulib(tmp_path / "missing.pb")
