"""Limit/offset pages of at most 1000 rows. The total is counted on the first page (offset 0) and
kept for a minute for the later pages of the same query, so a client walking through a whole list
does not count it again on every page."""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from rest_framework.pagination import LimitOffsetPagination

COUNT_SECONDS = 60


class Pagination(LimitOffsetPagination):
    default_limit = 100
    max_limit = 1000

    def get_count(self, queryset) -> int:
        try:
            sql, params = queryset.query.sql_with_params()
        except EmptyResultSet:
            return 0
        except Exception:  # noqa: BLE001 — not a plain query: count it
            return super().get_count(queryset)
        key = "api:count:" + hashlib.sha256(f"{queryset.db}:{sql}:{params!r}".encode()).hexdigest()
        count = cache.get(key) if self.get_offset(self.request) > 0 else None
        if count is None:
            count = super().get_count(queryset)
            cache.set(key, count, COUNT_SECONDS)
        return count
