import pytest

from .factories import make_world


@pytest.fixture(autouse=True)
def _clear_cache(empty_page_cache):
    """Every test here starts and ends with an empty page cache."""


@pytest.fixture
def world(db):
    return make_world()
