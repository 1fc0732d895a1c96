import pytest

from wijksturing.surveys.tests.factories import make_municipality


@pytest.fixture
def arnhem(db):
    return make_municipality()


@pytest.fixture(autouse=True)
def english():
    """Service messages in the English source language (pages stay Dutch by default)."""
    from django.utils import translation

    with translation.override("en"):
        yield
