"""Shared by every test: each test starts with an empty cache, so that rate limits, lockouts and
cached pages of one test never reach another."""

import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
