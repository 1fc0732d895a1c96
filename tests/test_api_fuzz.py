"""Schema-based fuzzing of the whole API: schemathesis generates requests for every operation of
the committed OpenAPI description (docs/openapi.yaml) and sends them to a live server; no
operation may answer with a server error (5xx). A small municipality with categories, an
Open311 API key and a logged-in administrator give the generator something real to hit.
Kept short: a few examples per operation (WIJKSTURING_FUZZ_EXAMPLES, default 5)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
if not SCHEMA.exists():
    pytest.skip(f"{SCHEMA} is missing (make schema)", allow_module_level=True)

schema = schemathesis.openapi.from_path(str(SCHEMA))
EXAMPLES = int(os.environ.get("WIJKSTURING_FUZZ_EXAMPLES", "5"))


@pytest.fixture
def fuzz_session(live_server, transactional_db):
    from wijksturing.accounts.tests.factories import staff_user
    from wijksturing.signals.services import api_key_create, signal_create
    from wijksturing.signals.tests.factories import make_municipality

    municipality = make_municipality()
    api_key_create(municipality_code=municipality.code, name="fuzz")
    category = municipality.signal_categories.filter(parent__isnull=False).first()
    signal_create(category=category, lat=52.005, lon=5.005, description="fuzz")
    admin = staff_user("fuzz-admin", superuser=True)
    session = requests.Session()
    from django.test import Client

    client = Client()
    client.force_login(admin)
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, live_server, fuzz_session):
    if case.method.upper() not in ("GET", "HEAD", "OPTIONS") and "open311" not in case.path:
        case.headers = {**(case.headers or {}), "X-CSRFToken": "fuzz"}  # CSRF refuses staff writes: 403, never 5xx
    response = case.call(base_url=live_server.url, session=fuzz_session, timeout=30)
    case.validate_response(response, checks=[not_a_server_error])
