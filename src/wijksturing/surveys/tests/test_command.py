"""``wijksturing survey …``: letters, compute, import-estimates."""

import pytest
from django.core.management import CommandError, call_command

from wijksturing.surveys import services
from wijksturing.surveys.models import Estimate, Invitation, Status, Survey
from wijksturing.surveys.tests.factories import YEAR


def test_letters_compute_and_import(arnhem, tmp_path, capsys):
    call_command("survey", "create", "--municipality", "gm0202", "--title", "Peiling 2023", "--year", str(YEAR), "--open")
    survey = Survey.objects.get(title="Peiling 2023")
    assert survey.status == Status.OPEN and survey.questions.count() == 11
    out = tmp_path / "brieven.csv"
    call_command("survey", "letters", str(survey.pk), "WK020201=3", "WK020202=1", "-o", str(out))
    assert len(out.read_text(encoding="utf-8").strip().split("\n")) == 5
    assert Invitation.objects.count() == 4
    call_command("survey", "compute", str(survey.pk))
    assert "suppressed" in capsys.readouterr().out
    figures = tmp_path / "cijfers.csv"
    figures.write_text("gemeente,gebiedcode,gebiedsnaam,niveau,jaar,indicator,waarde,marge,n\n"
                       "GM0202,WK020201,Wijk 1,wijk,2022,wp_rapportcijfer,7.1,0.2,300\n", encoding="utf-8")
    call_command("survey", "import-estimates", str(figures))
    assert Estimate.objects.get(survey__isnull=True).n == 300


def test_bad_input_is_a_command_error(arnhem, tmp_path):
    survey = services.survey_create(municipality_code="GM0202", title="P", year=YEAR)
    with pytest.raises(CommandError, match="WIJKCODE=NUMBER"):
        call_command("survey", "letters", str(survey.pk), "WK020201", "-o", str(tmp_path / "x.csv"))
    with pytest.raises(CommandError, match="no survey"):
        call_command("survey", "compute", "999")
    bad = tmp_path / "bad.csv"
    bad.write_text("x;y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="unknown format"):
        call_command("survey", "import-estimates", str(bad))
