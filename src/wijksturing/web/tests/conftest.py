import pytest
from django.core.cache import cache

from .factories import make_world


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return make_world()
