"""Fixtures shared by the tests of every app (pytest finds this file above all app test folders)."""

import pytest
from django.core.cache import cache

from wijksturing.web import pagecache


@pytest.fixture
def empty_page_cache():
    """An empty cache and page-cache version before and after the test (pages are cached per
    data version; a test that renders pages must not see another test's)."""
    cache.clear()
    pagecache.forget_version()
    yield
    cache.clear()
    pagecache.forget_version()
