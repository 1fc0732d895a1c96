import pytest

from wijksturing.accounts.tests.factories import staff_user
from wijksturing.participation.tests.factories import make_layout


@pytest.fixture
def arnhem(db):
    return make_layout()


@pytest.fixture
def team(arnhem):
    """Two members of the area team of W1 (for four-eyes) and an outsider of another gebied."""
    from wijksturing.accounts.models import Role

    return {
        "a": staff_user("team_a", role=Role.AREA_TEAM, municipality=arnhem, gebied_code="W1"),
        "b": staff_user("team_b", role=Role.AREA_TEAM, municipality=arnhem, gebied_code="W1"),
        "other": staff_user("team_w2", role=Role.AREA_TEAM, municipality=arnhem, gebied_code="W2"),
    }


@pytest.fixture(autouse=True)
def one_ballot_batches(settings):
    """Most tests look at one ballot right after it is cast; mixing in batches (the default of
    10) is tested in test_secrecy.py."""
    settings.WIJKSTURING_BALLOT_BATCH = 1


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english():
    """Service messages in the English source language (the pages stay Dutch by default)."""
    from django.utils import translation

    with translation.override("en"):
        yield
