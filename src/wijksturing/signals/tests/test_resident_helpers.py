"""Issue 15: category suggestion, "is this the same report?" with "me too", the public list of
open reports, and "tevreden?" with reopening on the follow page — all without JavaScript."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from wijksturing.monitor.models import Observation
from wijksturing.signals import services
from wijksturing.signals.feed import signal_feed_monitor
from wijksturing.signals.models import Feedback, Signal, Support
from wijksturing.signals.suggest import category_suggest
from wijksturing.signals.tests.conftest import IN_G1, IN_G2
from wijksturing.signals.workflow import Status

pytestmark = pytest.mark.django_db
FORM = {"gemeente": "GM9999", "category": "", "description": "Er ligt een matras en vuilniszakken gedumpt",
        "address": ""}


def test_suggestion_names_the_category_and_the_words(municipality):
    first = category_suggest(municipality_code="GM9999", text="Er ligt een matras en vuilniszakken gedumpt")[0]
    assert first.slug == "dumping" and "matras" in first.because
    assert category_suggest(municipality_code="GM9999", text="Takken van de boom afgebroken")[0].slug == "boom"
    assert category_suggest(municipality_code="GM9999", text="") == []


def test_check_button_shows_suggestion_and_nearby_without_sending(client, municipality, make_signal):
    same = make_signal("dumping", point=IN_G1)
    make_signal("boom", point=IN_G1)  # other category: not offered as the same report
    far = make_signal("dumping", point=IN_G2)  # about 700 m away
    page = client.post("/signalen/melden/", {**FORM, "lon": IN_G1[0] + 0.0005, "lat": IN_G1[1], "check": "1"})
    assert page.status_code == 200 and Signal.objects.count() == 3
    html = page.content.decode()
    assert "Kies Dumping" in html and "Choose Dumping" not in html  # the page is Dutch
    assert [n.pk for n in page.context["nearby"]] == [same.pk] and far.pk != same.pk
    assert f'/signalen/{same.pk}/ik-ook/' in html


def test_choosing_the_suggestion_keeps_the_text(client, municipality):
    page = client.post("/signalen/melden/", {**FORM, "use_category": "dumping"})
    assert page.context["form"].initial["category"] == "dumping"
    assert page.context["form"].initial["description"] == FORM["description"]
    assert not Signal.objects.exists()


def test_helpers_fragment_for_the_script(client, municipality, make_signal):
    same = make_signal("dumping", point=IN_G1)
    page = client.get("/signalen/melden/hulp/", {"gemeente": "GM9999", "description": "matras gedumpt",
                                                 "lon": IN_G1[0], "lat": IN_G1[1]})
    assert page.status_code == 200 and "<html" not in page.content.decode()
    assert page.context["suggestions"][0].slug == "dumping" and page.context["nearby"][0].pk == same.pk


def test_me_too_counts_once_per_session_and_makes_no_signal(client, municipality, make_signal):
    signal = make_signal("dumping")
    response = client.post(f"/signalen/{signal.pk}/ik-ook/")
    assert response.status_code == 302 and "/signalen/open/" in response["Location"]
    client.post(f"/signalen/{signal.pk}/ik-ook/")
    assert Support.objects.filter(signal=signal).count() == 1 and Signal.objects.count() == 1
    assert client.get(f"/signalen/{signal.pk}/ik-ook/").status_code == 405


def test_me_too_refused_on_a_handled_signal(municipality, make_signal):
    signal = make_signal("dumping")
    services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE)
    services.signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, reply="Opgeruimd")
    with pytest.raises(ValidationError):
        services.signal_support_add(signal_id=signal.pk)


def test_public_list_shows_open_reports_without_personal_data(client, municipality, make_signal):
    signal = make_signal("dumping", description="Buurman Jansen dumpt", reporter={"email": "x@example.org", "consent": True})
    closed = make_signal("boom")
    services.signal_transition(signal_id=closed.pk, to_status=Status.REJECTED, reply="Geen probleem")
    html = client.get("/signalen/open/", {"gemeente": "GM9999"}).content.decode()
    assert f'id="melding-{signal.pk}"' in html and f'id="melding-{closed.pk}"' not in html
    assert "Jansen" not in html and "x@example.org" not in html and signal.token not in html
    svg = client.get("/signalen/open/kaart.svg", {"gemeente": "GM9999"})
    assert svg.status_code == 200 and svg.content.count(b"<circle") == 1


def _resolved(make_signal):
    signal = make_signal("boom")
    services.signal_transition(signal_id=signal.pk, to_status=Status.TRIAGE)
    services.signal_transition(signal_id=signal.pk, to_status=Status.RESOLVED, reply="Gesnoeid")
    return Signal.objects.get(pk=signal.pk)


def test_follow_page_after_closing_repeats_the_report_and_no_deadline(client, municipality, make_signal):
    signal = _resolved(make_signal)
    open_page = client.get(f"/signalen/volg/{make_signal('boom').token}/").content.decode()
    page = client.get(f"/signalen/volg/{signal.token}/").context
    html = client.get(f"/signalen/volg/{signal.token}/").content.decode()
    assert page["handled"] and "Kapotte boom" in html and 'name="satisfied"' in html
    assert "We aim to handle it by" not in html and "streven" not in html.lower()
    assert 'name="satisfied"' not in open_page


def test_not_satisfied_reopens_within_the_period(client, municipality, make_signal):
    signal = _resolved(make_signal)
    response = client.post(f"/signalen/volg/{signal.token}/", {"satisfied": "no", "reopen": "1", "comment": "Nog steeds"})
    assert response.status_code == 302
    signal.refresh_from_db()
    assert signal.status == Status.REOPENED and signal.closed_at is None
    assert Feedback.objects.get(signal=signal).reopened
    assert "Nog steeds" in signal.history.last().note


def test_reopening_after_the_period_is_refused_but_the_answer_counts(client, municipality, make_signal, settings):
    settings.SIGNALS_REOPEN_DAYS = 14
    signal = _resolved(make_signal)
    Signal.objects.filter(pk=signal.pk).update(closed_at=timezone.now() - dt.timedelta(days=15))
    with pytest.raises(ValidationError):
        services.signal_feedback(token=signal.token, satisfied=False, reopen=True)
    services.signal_feedback(token=signal.token, satisfied=False)
    assert Signal.objects.get(pk=signal.pk).status == Status.RESOLVED
    with pytest.raises(ValidationError):  # one answer per handling
        services.signal_feedback(token=signal.token, satisfied=True)


def test_satisfaction_share_reaches_the_monitor(municipality, make_signal):
    for satisfied in (True, True, False):
        services.signal_feedback(token=_resolved(make_signal).token, satisfied=satisfied)
    year = timezone.now().year
    signal_feed_monitor(municipality_code="GM9999", year=year)
    share = Observation.objects.get(indicator__code="sig_satisfied_pct", area__code="GM9999", year=year)
    assert share.value == pytest.approx(200 / 3)
    assert Observation.objects.get(indicator__code="sig_feedback_n", area__code="GM9999", year=year).value == 3


def test_staff_see_the_me_toos_and_the_answer(client, municipality, make_signal, users):
    signal = make_signal("boom")
    services.signal_support_add(signal_id=signal.pk)
    services.signal_support_add(signal_id=signal.pk)
    client.force_login(users["admin"])
    html = client.get(f"/signalen/werk/{signal.pk}/").content.decode()
    assert "Bewoners die dit ook zien</dt><dd>2</dd>" in html
    resolved = _resolved(make_signal)
    services.signal_feedback(token=resolved.token, satisfied=True)
    html = client.get(f"/signalen/werk/{resolved.pk}/").content.decode()
    assert "Melder tevreden?</dt><dd>ja</dd>" in html
