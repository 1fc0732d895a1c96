"""The wijkpeiling's services: codes, one response per code, anonymity in the database,
weighting, margins, suppression and the monitor feed."""

import math
import uuid

import numpy as np
import pytest
from django.core.exceptions import ValidationError
from django.db import connection, models

from wijksturing.core import survey as core_survey
from wijksturing.monitor import selectors as monitor_selectors
from wijksturing.surveys import selectors, services
from wijksturing.surveys.models import Channel, Estimate, Invitation, Response, Status, Survey
from wijksturing.surveys.tests.factories import YEAR


@pytest.fixture
def survey(arnhem):
    s = services.survey_create(municipality_code="GM0202", title="Peiling", year=YEAR)
    services.survey_transition(survey=s, to_status=Status.OPEN)
    return s


def test_create_adds_the_default_questions_and_their_indicators(survey):
    codes = {q.indicator_code for q in survey.questions.all() if q.indicator_code}
    assert codes == {"wp_rapportcijfer", "wp_onveilig_pct", "wp_overlast_pct", "wp_sociale_cohesie",
                     "wp_contact_buren_pct", "wp_meedoen_pct", "wp_tevreden_groen_pct", "wp_tevreden_voorz_pct"}
    assert survey.questions.filter(measure="scale").count() == 4  # the four-item cohesion scale
    for code in codes:
        indicator = monitor_selectors.indicator_get(code=code)
        assert indicator.direction in ("higher_better", "higher_worse")
    assert monitor_selectors.indicator_get(code="wp_onveilig_pct").direction == "higher_worse"
    assert survey.min_respondents == 50


def test_codes_are_stored_only_as_keyed_hashes(survey):
    codes = services.invitations_generate(survey=survey, wijk_code="WK020201", count=5)
    assert len(set(codes)) == 5
    stored = list(Invitation.objects.values_list("code_hash", flat=True))
    for code in codes:
        assert code not in stored and code.replace("-", "") not in stored
        assert services.code_hash(survey_id=survey.pk, code=code.lower()) in stored


def test_letter_file_has_one_row_per_letter(survey):
    text = services.invitation_letters(survey=survey, counts={"WK020201": 3, "WK020202": 2}, url="https://x.nl/p/")
    lines = text.strip().split("\n")
    assert lines[0] == "letter;wijkcode;wijknaam;code;adres_vragenlijst"
    assert len(lines) == 6
    assert [line.split(";")[1] for line in lines[1:]] == ["WK020201"] * 3 + ["WK020202"] * 2
    assert Invitation.objects.filter(survey=survey).count() == 5


def test_unknown_wijk_is_refused(survey):
    with pytest.raises(ValidationError):
        services.invitations_generate(survey=survey, wijk_code="WK999999", count=1)


def test_one_response_per_code(survey):
    code = services.invitations_generate(survey=survey, wijk_code="WK020201", count=1)[0]
    services.response_submit(survey=survey, answers={"rapportcijfer": "8"}, code=code)
    with pytest.raises(ValidationError, match="already been used"):
        services.response_submit(survey=survey, answers={"rapportcijfer": "2"}, code=code)
    assert Response.objects.count() == 1
    assert Response.objects.get().answers == {"rapportcijfer": "8"}


def test_unknown_code_and_closed_survey_are_refused(survey):
    with pytest.raises(ValidationError, match="not valid"):
        services.response_submit(survey=survey, answers={"rapportcijfer": "8"}, code="AAAAA-BBBBB")
    code = services.invitations_generate(survey=survey, wijk_code="WK020201", count=1)[0]
    services.survey_transition(survey=survey, to_status=Status.CLOSED)
    with pytest.raises(ValidationError, match="not open"):
        services.response_submit(survey=survey, answers={"rapportcijfer": "8"}, code=code)
    assert not Invitation.objects.get().used


def test_answers_outside_the_options_are_refused(survey):
    with pytest.raises(ValidationError):
        services.response_submit(survey=survey, answers={"rapportcijfer": "11"}, wijk_code="WK020201")
    with pytest.raises(ValidationError):
        services.response_submit(survey=survey, answers={}, wijk_code="WK020201")


def test_open_link_is_a_separate_channel_and_can_be_switched_off(survey):
    services.response_submit(survey=survey, answers={"rapportcijfer": "5"}, wijk_code="WK020202")
    assert Response.objects.get().channel == Channel.OPEN
    survey.open_link = False
    survey.save()
    with pytest.raises(ValidationError):
        services.response_submit(survey=survey, answers={"rapportcijfer": "5"}, wijk_code="WK020202")


def test_no_link_between_codes_and_answers_in_the_database(survey):
    """Structural: a response has no column that could point at an invitation, a code, a
    person or a time; and after answering, neither the code nor its hash is stored anywhere
    except the invitation's own hash."""
    fields = {f.name: f for f in Response._meta.get_fields()}
    assert set(fields) == {"id", "survey", "channel", "wijk_code", "age_group", "sex", "answers"}
    assert not any(isinstance(f, (models.DateTimeField, models.DateField, models.TimeField)) for f in fields.values())
    assert [f.related_model for f in fields.values() if f.is_relation] == [Survey]
    assert isinstance(Response._meta.pk, models.UUIDField)
    assert {f.name for f in Invitation._meta.get_fields()} == {"id", "survey", "code_hash", "wijk_code", "used"}

    codes = services.invitations_generate(survey=survey, wijk_code="WK020201", count=3)
    services.response_submit(survey=survey, answers={"rapportcijfer": "9"}, code=codes[1], age_group="65+", sex="vrouw")
    hashed = services.code_hash(survey_id=survey.pk, code=codes[1])
    plain = codes[1].replace("-", "")
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table == Invitation._meta.db_table:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump = repr(cursor.fetchall())
            assert plain not in dump and codes[1] not in dump and hashed not in dump, table
    response = Response.objects.get()
    assert isinstance(response.pk, uuid.UUID)
    assert response.wijk_code == "WK020201"  # only the wijk, needed for the wijk's figures


def _respond(survey, wijk, n, *, mark, age, sex_cycle=("man", "vrouw")):
    codes = services.invitations_generate(survey=survey, wijk_code=wijk, count=n)
    for i, code in enumerate(codes):
        services.response_submit(survey=survey, answers={"rapportcijfer": str(mark), "onveilig": "2" if i % 4 == 0 else "3"},
                                 code=code, age_group=age, sex=sex_cycle[i % len(sex_cycle)])


def test_compute_weights_to_the_population_and_suppresses_small_wijken(survey):
    # Wijk 1: 15–24, 25–44, 45–64 and 65+ have 100 inhabitants each. 40 answers from 65+
    # (mark 8) and 20 from 25–44 (mark 6). Unweighted the mean would be 7.33; weighted, the two
    # age groups count equally (the groups without answers are left out): 7.0.
    _respond(survey, "WK020201", 40, mark=8, age="65+")
    _respond(survey, "WK020201", 20, mark=6, age="25-44")
    _respond(survey, "WK020202", 10, mark=7, age="45-64")  # under the minimum of 50
    summary = services.survey_compute(survey=survey)
    mark = Estimate.objects.get(survey=survey, area_code="WK020201", indicator_code="wp_rapportcijfer", channel=Channel.INVITED)
    assert mark.value == pytest.approx(7.0)
    assert mark.n == 60
    # margin against the formula: weights 400/2/40 = 5 (older) and 200/20 = 10 (younger)
    weights = np.array([5.0] * 40 + [10.0] * 20)
    values = np.array([8.0] * 40 + [6.0] * 20)
    n_eff = weights.sum() ** 2 / (weights ** 2).sum()
    s2 = (weights * (values - 7.0) ** 2).sum() / weights.sum() * 60 / 59
    assert mark.margin == pytest.approx(1.959964 * math.sqrt(s2 / n_eff), abs=1e-3)
    assert mark.n_eff == pytest.approx(n_eff, abs=0.01)

    small = Estimate.objects.get(survey=survey, area_code="WK020202", indicator_code="wp_rapportcijfer")
    assert small.suppressed and small.value is None and small.margin is None and small.n == 10
    assert summary["suppressed"] >= 1

    # the monitor gets the published figure, not the suppressed one
    from wijksturing.areas.models import Area

    wijk1, wijk2 = Area.objects.get(code="WK020201"), Area.objects.get(code="WK020202")
    figure = monitor_selectors.observation_value(area=wijk1, indicator_code="wp_rapportcijfer", year=YEAR)
    assert figure.value == pytest.approx(7.0)
    assert monitor_selectors.observation_value(area=wijk2, indicator_code="wp_rapportcijfer", year=YEAR) is None
    # the municipality: 70 answers from both wijken, weighted by each wijk's population
    city = Estimate.objects.get(survey=survey, area_code="GM0202", indicator_code="wp_rapportcijfer")
    assert city.n == 70 and not city.suppressed
    assert city.value == pytest.approx((7.0 * 400 + 7.0 * 400) / 800)


def test_minimum_is_configurable(arnhem):
    s = services.survey_create(municipality_code="GM0202", title="P", year=YEAR, min_respondents=5)
    services.survey_transition(survey=s, to_status=Status.OPEN)
    _respond(s, "WK020202", 5, mark=7, age="45-64")
    services.survey_compute(survey=s)
    assert not Estimate.objects.get(survey=s, area_code="WK020202", indicator_code="wp_rapportcijfer").suppressed
    with pytest.raises(ValidationError):
        services.survey_create(municipality_code="GM0202", title="P", year=YEAR, min_respondents=0)


def test_open_link_answers_are_estimated_apart_and_not_fed_to_the_monitor(survey):
    _respond(survey, "WK020201", 50, mark=8, age="45-64")
    for _ in range(50):
        services.response_submit(survey=survey, answers={"rapportcijfer": "3"}, wijk_code="WK020201", age_group="45-64")
    services.survey_compute(survey=survey)
    marks = Estimate.objects.filter(survey=survey, area_code="WK020201", indicator_code="wp_rapportcijfer")
    invited, open_ = marks.get(channel=Channel.INVITED), marks.get(channel=Channel.OPEN)
    assert (invited.value, open_.value) == (pytest.approx(8.0), pytest.approx(3.0))
    from wijksturing.areas.models import Area

    figure = monitor_selectors.observation_value(area=Area.objects.get(code="WK020201"), indicator_code="wp_rapportcijfer")
    assert figure.value == pytest.approx(8.0)


def test_indicator_values_follow_the_measures(survey):
    questions = list(survey.questions.all())
    answers = [
        {"cohesie_kennen": "1", "cohesie_omgang": "5", "cohesie_gezellig": "5", "cohesie_thuis": "5", "onveilig": "1"},
        {"cohesie_kennen": "3", "cohesie_omgang": "3", "cohesie_gezellig": "3", "cohesie_thuis": "3", "onveilig": "3"},
        {"cohesie_kennen": "5", "cohesie_omgang": "1", "cohesie_gezellig": "1", "cohesie_thuis": "1", "onveilig": "2"},
        {"cohesie_omgang": "4", "cohesie_gezellig": "4", "cohesie_thuis": "4"},  # one statement skipped
    ]
    values = services.indicator_values(questions=questions, answers=answers)
    # "hardly know each other" is reversed: full agreement with it counts as 1
    np.testing.assert_allclose(values["wp_sociale_cohesie"][:3], [10.0, 5.0, 0.0])
    assert math.isnan(values["wp_sociale_cohesie"][3])
    np.testing.assert_allclose(values["wp_onveilig_pct"][:3], [100.0, 0.0, 100.0])
    assert math.isnan(values["wp_onveilig_pct"][3])
    assert np.isnan(values["wp_rapportcijfer"]).all()


def test_core_and_service_agree_on_the_weights(survey):
    """The service passes age first (the surveyed population) and sex second."""
    _respond(survey, "WK020202", 60, mark=7, age="25-44", sex_cycle=("man", "man", "vrouw"))
    from wijksturing.areas.models import Area

    responses = list(Response.objects.filter(wijk_code="WK020202"))
    population = services._population("GM0202", {"WK020202": Area.objects.get(code="WK020202").pk}, YEAR)
    weights = services._weights(responses, population["WK020202"])
    # only 25–44 answered: the whole 15+ population (400) over 60 respondents, split to the
    # sexes' shares (190 : 210 of the whole population)
    assert weights.sum() == pytest.approx(400)
    men = [w for w, r in zip(weights, responses) if r.sex == "man"]
    assert sum(men) == pytest.approx(400 * 190 / 400)
    assert core_survey.design_effect(weights) > 1


def test_selectors_panel_and_counts(survey):
    _respond(survey, "WK020201", 55, mark=8, age="45-64")
    services.survey_compute(survey=survey)
    from wijksturing.areas.models import Area

    panel = selectors.area_panel(area=Area.objects.get(code="WK020201"))
    assert panel["survey"] == survey
    assert [r.indicator_code for r in panel["estimates"]][0] == "wp_rapportcijfer"
    counts = {c["code"]: c for c in selectors.response_counts(survey=survey)}
    assert counts["WK020201"]["invited"] == 55 and counts["WK020201"]["answers_invited"] == 55
    assert counts["WK020202"]["invited"] == 0


def test_a_recurring_peiling_is_scored_against_its_first_year(arnhem):
    """Two yearly surveys: the second is scored against the first year's reference, so a wijk
    whose residents grew more positive rises above 100 while the city figure moved too."""
    from wijksturing.areas.models import Area

    for year, marks in ((YEAR, (8, 6)), (YEAR + 1, (9, 6))):
        s = services.survey_create(municipality_code="GM0202", title=f"P{year}", year=year)
        services.survey_transition(survey=s, to_status=Status.OPEN)
        for wijk, mark in zip(("WK020201", "WK020202"), marks):
            for code in services.invitations_generate(survey=s, wijk_code=wijk, count=50):
                services.response_submit(survey=s, answers={"rapportcijfer": str(mark)}, code=code, age_group="45-64")
        services.survey_compute(survey=s)
    panel = selectors.area_panel(area=Area.objects.get(code="WK020201"))
    assert panel["survey"].year == YEAR + 1
    series = dict(panel["series"])
    # first year: city 7, wijken 8 and 6 (sd 1): +10; second year the wijk's 9 is +20 on that yardstick
    assert series[YEAR] == pytest.approx(110.0)
    assert series[YEAR + 1] == pytest.approx(120.0)
