"""pabulib import -> count -> export round trip on the three shared elections, against the
reference outcomes in the shared README (pabutools 1.2.3), and clear errors on bad input."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from wijksturing.core import pb as core
from wijksturing.participation.counting import round_outcome
from wijksturing.participation.models import Phase, Round
from wijksturing.participation.pabulib import PbImportError, round_export_pb, round_import_pb
from wijksturing.participation.services import round_count

PABULIB = Path(settings.DATA_DIR) / "pabulib"
REFERENCE = {  # README "Reference outcomes (pabutools 1.2.3)"
    "Netherlands_Assen_2024.pb": {
        "greedy": ["11", "13", "14", "2", "3", "8", "9"],
        "mes": ["11", "12", "13", "14", "2", "3", "9"],
        "mes-add1": ["11", "12", "13", "14", "2", "3", "5", "6", "9"],
        "mes-add1-greedy": ["11", "12", "13", "14", "2", "3", "5", "6", "7", "9"],
    },
    "Poland_Czestochowa_2020_Mirow.pb": {
        "greedy": ["261"],
        "mes": ["484", "503"],
        "mes-add1": ["238", "264", "484", "503"],
        "mes-add1-greedy": ["238", "264", "429", "484", "503", "96"],
    },
    "Poland_Krakow_2018_Wzgorza_Krzeslawickie.pb": {
        "greedy": ["1", "2", "3", "4", "6"],
        "mes": ["1", "4", "5", "6", "7", "8"],
        "mes-add1": ["1", "3", "4", "5", "6", "7", "8"],
        "mes-add1-greedy": ["1", "3", "4", "5", "6", "7", "8"],
    },
}
needs_data = pytest.mark.skipif(not PABULIB.exists(), reason="shared pabulib folder not present")


@needs_data
@pytest.mark.parametrize("name", sorted(REFERENCE))
def test_import_count_export_round_trip(arnhem, name):
    rnd = round_import_pb(path=PABULIB / name, municipality_code="GM0202", area_code="W1")
    assert rnd.phase == Phase.COUNTING
    original = core.read_pabulib(PABULIB / name)
    assert rnd.proposals.count() == len(original.projects)
    assert rnd.ballots.count() == len(original.ballots)
    for rule, expected in REFERENCE[name].items():
        assert round_outcome(rnd=rnd, rule=rule).sorted_ids() == expected, rule
        # the adapter gives exactly what the core gives on the file itself
        assert round_outcome(rnd=rnd, rule=rule).selected == core.count(original, rule).selected
    rnd.rule = "mes-add1"
    result = round_count(rnd=rnd)
    assert result.selected == REFERENCE[name]["mes-add1"]
    text = round_export_pb(rnd=rnd)
    again = core.loads_pabulib(text)
    assert again.vote_type == original.vote_type and again.budget == original.budget
    assert len(again.ballots) == len(original.ballots)
    for rule, expected in REFERENCE[name].items():
        assert core.count(again, rule).sorted_ids() == expected, rule
    selected = sorted(p.id for p in again.projects if p.extra.get("selected") == "1")
    assert selected == REFERENCE[name]["mes-add1"]


@needs_data
def test_assen_reproduces_official_outcome(arnhem):
    rnd = round_import_pb(path=PABULIB / "Netherlands_Assen_2024.pb", municipality_code="GM0202", area_code="GM0202")
    assen = core.read_pabulib(PABULIB / "Netherlands_Assen_2024.pb")
    official = sorted(p.project_id for p in rnd.proposals.all()
                      if assen.project(p.project_id).extra.get("selected") == "1")
    assert rnd.rule == "mes-add1"
    assert round_count(rnd=rnd).selected == official
    assert rnd.area_level == "gemeente" and rnd.ballot_type == "approval" and rnd.min_choices == 2


GOOD = (
    "META\nkey;value\nbudget;100\nvote_type;approval\n"
    "PROJECTS\nproject_id;cost;name\n1;60;A\n2;50;B\n"
    "VOTES\nvoter_id;vote\nv1;1\nv2;1,2\n"
)


@pytest.mark.parametrize("text,needle", [
    (GOOD.replace("budget;100", "budget;veel"), "budget"),
    (GOOD.replace("v2;1,2", "v2;1,9"), "line 12, field 'vote'"),
    (GOOD.replace("2;50;B", "2;;B"), "field 'cost'"),
    (GOOD.replace("vote_type;approval", "vote_type;lottery"), "vote_type"),
    (GOOD.replace("1;60;A", "1;60.555;A"), "two decimals"),
    ("hello", "META, PROJECTS or VOTES"),
])
def test_import_rejects_bad_input_and_keeps_nothing(arnhem, text, needle):
    with pytest.raises(PbImportError) as info:
        round_import_pb(text=text, municipality_code="GM0202", area_code="W1")
    assert needle in str(info.value)
    assert not Round.objects.exists()


def test_import_unknown_area_is_an_error(arnhem):
    with pytest.raises(PbImportError, match="area"):
        round_import_pb(text=GOOD, municipality_code="GM0202", area_code="W9")
    assert not Round.objects.exists()


def test_commands(arnhem, tmp_path, capsys):
    src = tmp_path / "small.pb"
    src.write_text(GOOD)
    call_command("pb_import", str(src), "--municipality", "GM0202", "--area", "WK020201")
    rnd = Round.objects.get()
    assert rnd.gebied_code == "W1" and rnd.area_level == "wijk"
    out = tmp_path / "out.pb"
    call_command("pb_export", str(rnd.pk), "-o", str(out))
    assert core.count(core.read_pabulib(out), "greedy").sorted_ids() == ["1"]
    with pytest.raises(CommandError, match="cannot read file|file not found"):
        call_command("pb_import", str(tmp_path / "missing.pb"), "--municipality", "GM0202", "--area", "W1")
    with pytest.raises(CommandError, match="municipality"):
        call_command("pb_import", str(src), "--municipality", "GM9999", "--area", "W1")
    with pytest.raises(CommandError, match="round_id"):
        call_command("pb_export", "999")
