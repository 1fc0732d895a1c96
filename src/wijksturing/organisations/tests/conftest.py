import pytest
from django.core.cache import cache

from wijksturing.web import pagecache


@pytest.fixture(autouse=True)
def _empty_page_cache():
    cache.clear()
    pagecache.forget_version()
    yield
    cache.clear()
    pagecache.forget_version()
