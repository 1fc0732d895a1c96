import pytest
from django.core.cache import cache

from wijksturing.web import pagecache

from .factories import make_world


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    pagecache.forget_version()
    yield
    cache.clear()
    pagecache.forget_version()


@pytest.fixture
def world(db):
    return make_world()
