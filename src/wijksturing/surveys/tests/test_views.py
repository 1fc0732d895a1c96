"""The public questionnaire (no JavaScript needed), the survey page, the staff letters and
the panel on the area page."""

import pytest
from django.template import Context, Template

from wijksturing.accounts.models import Role, User
from wijksturing.accounts.services import membership_grant
from wijksturing.surveys import services
from wijksturing.surveys.models import Channel, Response, Status
from wijksturing.surveys.tests.factories import YEAR


@pytest.fixture
def survey(arnhem):
    s = services.survey_create(municipality_code="GM0202", title="Peiling", year=YEAR, illustrative=True)
    services.survey_transition(survey=s, to_status=Status.OPEN)
    return s


def test_questionnaire_is_a_plain_form_in_dutch(client, survey):
    response = client.get(f"/wijkpeiling/{survey.pk}/vragenlijst/", HTTP_ACCEPT_LANGUAGE="nl")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Welk rapportcijfer geeft u uw buurt?" in html
    assert html.count("<fieldset") >= 14  # code, 11 questions, age, sex
    assert 'type="radio"' in html and "<script" not in html.split("<main", 1)[-1].split("</main>")[0]


def test_questionnaire_in_english(client, survey):
    client.cookies["django_language"] = "en"
    html = client.get(f"/wijkpeiling/{survey.pk}/vragenlijst/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What mark do you give your neighbourhood?" in html


def test_answering_with_a_code_once(client, survey):
    code = services.invitations_generate(survey=survey, wijk_code="WK020201", count=1)[0]
    url = f"/wijkpeiling/{survey.pk}/vragenlijst/"
    response = client.post(url, {"code": code, "q_rapportcijfer": "8", "q_onveilig": "3", "age_group": "45-64", "sex": "man"})
    assert response.status_code == 302 and response["Location"].endswith("/bedankt/")
    stored = Response.objects.get()
    assert (stored.channel, stored.wijk_code) == (Channel.INVITED, "WK020201")
    assert stored.answers == {"rapportcijfer": "8", "onveilig": "3"}
    again = client.post(url, {"code": code, "q_rapportcijfer": "2"})
    assert again.status_code == 422
    assert 'role="alert"' in again.content.decode()
    assert Response.objects.count() == 1


def test_without_code_the_wijk_is_needed(client, survey):
    url = f"/wijkpeiling/{survey.pk}/vragenlijst/"
    response = client.post(url, {"q_rapportcijfer": "6"})
    assert response.status_code == 422
    assert 'href="#wijk"' in response.content.decode()
    assert client.post(url, {"q_rapportcijfer": "6", "wijk": "WK020202"}).status_code == 302
    assert Response.objects.get().channel == Channel.OPEN


def test_draft_survey_is_not_public(client, arnhem):
    draft = services.survey_create(municipality_code="GM0202", title="Concept", year=YEAR)
    assert client.get(f"/wijkpeiling/{draft.pk}/").status_code == 404


def test_survey_page_marks_illustrative_figures(client, survey):
    services.survey_compute(survey=survey)
    html = client.get(f"/wijkpeiling/{survey.pk}/").content.decode()  # Dutch first
    assert "Illustratief" in html and "te weinig antwoorden (minder dan 50)" in html


def test_letters_for_analysts_only(client, survey):
    url = f"/wijkpeiling/{survey.pk}/beheer/"
    outsider = User.objects.create_user("x", password="pw")
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    analyst = User.objects.create_user("a", password="pw", is_staff=True)
    membership_grant(user=analyst, municipality=survey.municipality, role=Role.ANALYST)
    client.force_login(analyst)
    assert client.get(url).status_code == 200
    response = client.post(url, {"action": "letters", "n_WK020201": "2"})
    assert response["Content-Type"].startswith("text/csv") and response["Cache-Control"] == "no-store"
    assert len(response.content.decode().strip().split("\n")) == 3
    assert client.post(url, {"action": "letters"}).status_code == 422


def test_area_panel(survey):
    from wijksturing.areas.models import Area

    codes = services.invitations_generate(survey=survey, wijk_code="WK020201", count=50)
    for code in codes:
        services.response_submit(survey=survey, answers={"rapportcijfer": "7"}, code=code, age_group="45-64", sex="man")
    services.survey_compute(survey=survey)
    html = Template('{% include "surveys/area_panel.html" %}').render(Context({"area": Area.objects.get(code="WK020201")}))
    assert "Illustrative" in html and "7.0" in html
    other = Template('{% include "surveys/area_panel.html" %}').render(Context({"area": Area.objects.get(code="WK020202")}))
    assert "too few answers" in other
