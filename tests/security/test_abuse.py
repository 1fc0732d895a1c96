"""Issue 16: abuse resistance. Brute force on the login is stopped after N tries; voting codes
cannot be guessed at speed; public forms and the e-mail they send are limited per client and per
address; the API and Open311 POSTs are throttled. Figures for docs/security.md are asserted here."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from wijksturing.accounts.models import Role
from wijksturing.accounts.services import membership_grant, user_create

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def staff(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from wijksturing.signals.tests.factories import make_municipality

    municipality = make_municipality()
    user = user_create(username="medewerker", password=PASSWORD)
    membership_grant(user=user, municipality=municipality, role=Role.ADMINISTRATOR)
    return user


def login(client, password, url="/accounts/inloggen/", address="10.1.1.1"):
    return client.post(url, {"username": "medewerker", "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("url", ["/accounts/inloggen/", "/admin/login/"])
def test_brute_force_is_stopped_after_the_failure_limit(staff, url):
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    statuses = [login(client, f"fout-{n}", url).status_code for n in range(limit)]
    assert statuses[:-1] == [200] * (limit - 1)  # the form again, with an error
    assert statuses[-1] == 429  # the limit-th wrong password locks
    locked = login(client, PASSWORD, url)  # even the right password now
    assert locked.status_code == 429 and "_auth_user_id" not in client.session
    # another address is not locked out (per user name and address)
    assert login(Client(), PASSWORD, url, address="10.2.2.2").status_code == 302


def test_a_successful_login_resets_the_count(staff):
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, f"fout-{n}")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    assert login(client, "fout-again").status_code == 200  # counting starts again


@pytest.fixture
def voting_round(db, settings):
    from wijksturing.participation.services import voting_codes_generate
    from wijksturing.participation.tests.factories import make_layout, make_round

    settings.WIJKSTURING_BALLOT_BATCH = 1
    make_layout()
    rnd = make_round()
    return rnd, voting_codes_generate(rnd=rnd, count=2)


def vote(client, rnd, code, address):
    first = rnd.proposals.order_by("id").first()
    return client.post(f"/buurtbegroting/{rnd.pk}/stemmen/", {"how": "code", "code": code, f"p{first.pk}": "1"},
                       REMOTE_ADDR=address)


def test_voting_codes_cannot_be_guessed_at_speed(voting_round):
    rnd, codes = voting_round
    client = Client()
    limit = 10
    answers = [vote(client, rnd, f"AAAAA-{n:05d}".replace("0", "A"), "10.3.3.3") for n in range(limit + 5)]
    texts = [a.content.decode() for a in answers]
    wrong = [t for t in texts if "hoort niet bij deze ronde" in t]
    limited = [t for t in texts if "te veel verkeerde stemcodes" in t]
    assert len(wrong) == limit and len(limited) == 5  # 10 guesses a minute, then nothing is looked at
    assert vote(client, rnd, codes[0], "10.3.3.3").status_code == 422  # even a right code waits
    assert vote(Client(), rnd, codes[0], "10.4.4.4").status_code == 200  # another voter is not blocked


def test_the_round_limit_holds_across_addresses(voting_round, settings):
    rnd, codes = voting_round
    settings.WIJKSTURING_RATE_LIMITS = {"vote_code_round": (20, 60)}
    client = Client()
    for n in range(20):
        vote(client, rnd, "BBBBB-CCCCC", f"10.5.{n}.1")
    assert "te veel verkeerde stemcodes" in vote(client, rnd, codes[0], "10.6.6.6").content.decode()


REPORT = {"gemeente": "GM9999", "category": "boom", "description": "Omgevallen boom", "address": "Parkweg"}


def test_public_reports_are_limited_per_address(staff):
    from wijksturing.signals.models import Signal

    client = Client()
    statuses = [client.post("/signalen/melden/", REPORT, REMOTE_ADDR="10.7.7.7").status_code for _ in range(12)]
    assert statuses[:10] == [302] * 10 and statuses[10:] == [200, 200]
    assert Signal.objects.count() == 10
    assert client.post("/signalen/melden/", REPORT, REMOTE_ADDR="10.8.8.8").status_code == 302


def test_anonymous_reports_do_not_mail_one_address_without_end(staff, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(8):  # eight different addresses of the sender, one victim
            client.post("/signalen/melden/", {**REPORT, "email": "slachtoffer@example.org", "consent": "on"},
                        REMOTE_ADDR=f"10.9.{n}.1")
    assert len(mail.outbox) == 5  # at most 5 a day to one address


def test_open311_posts_are_throttled_per_key(staff, monkeypatch):
    from wijksturing.signals.open311.views import Open311PostThrottle
    from wijksturing.signals.services import api_key_create

    monkeypatch.setitem(Open311PostThrottle.THROTTLE_RATES, "open311_post", "3/min")
    key = api_key_create(municipality_code="GM9999", name="app")[1]
    client = Client()
    body = {"api_key": key, "jurisdiction_id": "GM9999", "service_code": "boom", "lat": "52.005", "long": "5.005"}
    statuses = [client.post("/open311/v2/requests.json", body).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    refused = client.post("/open311/v2/requests.json", body)
    assert refused.json()[0]["code"] == 429 and int(refused["Retry-After"]) > 0
    assert client.get("/open311/v2/requests.json", {"jurisdiction_id": "GM9999"}).status_code == 200  # reads not


def test_the_api_is_throttled_for_anonymous_clients(staff, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "4/min")
    client = Client()
    statuses = [client.get("/api/v1/signals/categories/").status_code for _ in range(6)]
    assert statuses.count(429) == 2 and set(statuses[:4]) != {429}


def test_initiatives_refuse_an_unknown_gebied_and_are_limited(db, settings):
    from django.core.exceptions import ValidationError

    from wijksturing.accounts import ratelimit
    from wijksturing.budgets.services import initiative_submit
    from wijksturing.programmes.tests import factories as f

    municipality = f.municipality()
    fields = {"title": "Moestuin", "description": "Samen tuinieren", "location": "Park", "amount": "500",
              "applicant_name": "A", "applicant_email": "a@example.org"}
    with pytest.raises(ValidationError) as err:
        initiative_submit(municipality=municipality, gebied_code="W99", **fields)
    assert "gebied_code" in err.value.message_dict
    settings.WIJKSTURING_RATE_LIMITS = {"form_ip": (3, 600)}
    token = ratelimit._client.set("10.10.10.10")
    try:
        for _ in range(3):
            initiative_submit(municipality=municipality, gebied_code="W1", **fields)
        with pytest.raises(ValidationError, match="too many"):
            initiative_submit(municipality=municipality, gebied_code="W1", **fields)
    finally:
        ratelimit._client.reset(token)


@pytest.mark.parametrize(("password", "ok"), [("kort", False), ("123456789012345", False), ("password1234", False),
                                              ("medewerker-2026", False), ("paars-fiets-onder-de-brug", True)])
def test_password_rules(staff, password, ok):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    try:
        validate_password(password, user=staff)
        assert ok
    except ValidationError:
        assert not ok


@pytest.mark.parametrize(("line", "secret"), [
    ('"POST /open311/v2/requests.json?api_key=Abc123secret HTTP/1.1" 400 95', "Abc123secret"),
    ('"GET /signalen/volg/q1w2e3r4t5y6u7i8o9p0AbCdEfGh/ HTTP/1.1" 200 5120', "q1w2e3r4t5y6u7i8o9p0AbCdEfGh"),
    ('"GET /initiatieven/volg/ZxYwVu123456789/ HTTP/1.1" 200 100', "ZxYwVu123456789"),
])
def test_secrets_in_request_lines_never_reach_the_log(line, secret):
    import logging

    from wijksturing.accounts.logging import PersonalDataFilter

    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, "%s", (line,), None)
    PersonalDataFilter().filter(record)
    assert secret not in record.getMessage() and "[geheim]" in record.getMessage()
    assert "django.server" in settings.LOGGING["loggers"]
