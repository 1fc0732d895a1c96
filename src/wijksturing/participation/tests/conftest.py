import pytest

from wijksturing.participation.tests.factories import make_layout, make_user


@pytest.fixture
def arnhem(db):
    return make_layout()


@pytest.fixture
def team(arnhem):
    """Two members of the area team of W1 (for four-eyes) and an outsider of another gebied."""
    from wijksturing.accounts.models import Role

    return {
        "a": make_user("team_a", role=Role.AREA_TEAM, gebied="W1", municipality=arnhem),
        "b": make_user("team_b", role=Role.AREA_TEAM, gebied="W1", municipality=arnhem),
        "other": make_user("team_w2", role=Role.AREA_TEAM, gebied="W2", municipality=arnhem),
    }


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english():
    """Service messages in the English source language (the pages stay Dutch by default)."""
    from django.utils import translation

    with translation.override("en"):
        yield
